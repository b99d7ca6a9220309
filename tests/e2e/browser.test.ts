// The workbench in Chromium against the built browser-mode server: first
// start on the demo, a new workspace, the Maven CRM sample imported through
// the file input, the grid counts and KPIs that sample must yield, and the
// drill from each kind of figure down to exactly the deals it counted.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from './support/browserServer.js';
import {
  CHROMIUM,
  openChromiumSession,
  repoRoot,
  SCREENSHOTS,
  type ChromiumSession,
} from './support/chromiumSession.js';
import { callApi, mavenWonDeals } from './support/engineFacts.js';

const MAVEN_DIR = join(
  repoRoot,
  '..',
  'shared',
  'data',
  'real',
  'maven-crm-sales-opportunities',
);
const MAVEN_FILES = [
  'sales_pipeline.csv',
  'accounts.csv',
  'products.csv',
  'sales_teams.csv',
];

function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  if (!existsSync(MAVEN_DIR)) return `${MAVEN_DIR} is absent`;
  return null;
}

const reason = skipReason();
if (reason) console.warn(`browser end-to-end test skipped: ${reason}`);

describe.skipIf(reason !== null)('browser mode, end to end', () => {
  let tempDir: string;
  let server: ServerProcess;
  let session: ChromiumSession;
  let page: Page;
  let pageProblems: string[] = [];

  const shoot = (name: string) => session.shoot(name);

  const byTestId = (id: string) => page.getByTestId(id);

  /** Waits for a Home chart to have drawn its latest figures. */
  const chartReady = async (panel: string) => {
    await expect
      .poll(() => byTestId(panel).getAttribute('aria-busy'), {
        timeout: 30_000,
      })
      .toBe('false');
    // ECharts draws on the next animation frames.
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(resolve)),
        ),
    );
  };

  /** The distinct values of a column over the rows the grid has drawn. */
  const cellsOf = async (column: string): Promise<string[]> => {
    const cells = page.locator(`.ag-row [col-id="${column}"]`);
    await expect
      .poll(async () => (await cells.allTextContents()).filter(Boolean).length)
      .toBeGreaterThan(5);
    const values = await cells.allTextContents();
    return [...new Set(values.filter(Boolean))].sort();
  };

  beforeAll(async () => {
    session = await openChromiumSession({ prefix: 'revops-e2e-' });
    ({ page, server, tempDir } = session);
    pageProblems = session.problems;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens the demo workspace on first start', async () => {
    await page.goto(server.url);
    await expect
      .poll(() => byTestId('workspace-name').textContent())
      .toMatch(/demo/i);
    await byTestId('kpi-win_rate').waitFor();
    await expect
      .poll(() => byTestId('kpi-deals_won').textContent())
      .toMatch(/\d/);
    await byTestId('chart-quarters').waitFor();
    // The token must not stay in the address bar.
    expect(page.url()).not.toContain('token=');
    await shoot('01-first-start-demo-dashboard');
  });

  it('creates a new workspace through the form', async () => {
    const path = join(tempDir, 'maven.revops');
    await byTestId('workspace-new').click();
    await byTestId('workspace-path').fill(path);
    await byTestId('workspace-name-input').fill('Maven CRM sample');
    await shoot('02-new-workspace-form');
    await byTestId('workspace-submit').click();
    await expect
      .poll(() => byTestId('workspace-name').textContent())
      .toBe('Maven CRM sample');
    await byTestId('home-empty').waitFor();
    expect(existsSync(path)).toBe(true);
    await shoot('03-new-workspace-empty-dashboard');
  });

  it('imports the four Maven CRM files through the file input', async () => {
    await byTestId('place-import').click();
    await byTestId('import-file-input').setInputFiles(
      MAVEN_FILES.map((name) => join(MAVEN_DIR, name)),
    );
    await expect
      .poll(() => byTestId('import-chosen').locator('li').count())
      .toBe(4);
    await shoot('04-import-files-chosen');
    await byTestId('import-start').click();
    // The sample imports in seconds; catch the progress panel if it is
    // still up, otherwise the outcome below is what there is to see.
    await page
      .locator('.progress-facts, [data-testid="import-outcome"]')
      .first()
      .waitFor({ timeout: 150_000 });
    await shoot('05-import-running');
    const outcome = byTestId('import-outcome');
    await outcome.waitFor({ timeout: 150_000 });
    expect(await outcome.getAttribute('data-state')).toBe('done');
    const rows = byTestId('import-results').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    for (const status of await rows.evaluateAll((list) =>
      list.map((row) => row.getAttribute('data-status')),
    )) {
      expect(status).toBe('committed');
    }
    await byTestId('import-batches').waitFor();
    await shoot('06-import-done');
  });

  it('shows 8,800 opportunities and 85 accounts in the grids', async () => {
    await byTestId('place-data').click();
    await byTestId('tab-opportunities').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('8,800 opportunities');
    await page.locator('.ag-row').first().waitFor();
    await shoot('07-data-opportunities');
    await byTestId('tab-accounts').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('85 accounts');
    await page.locator('.ag-row').first().waitFor();
    await shoot('08-data-accounts');
  });

  it('shows the all-time sales KPIs of the sample', async () => {
    await byTestId('place-home').click();
    await byTestId('period-kind').selectOption('all');
    // 4,238 won and 2,473 lost: 4238 / 6711 = 63.15 %.
    await expect
      .poll(() => byTestId('kpi-win_rate').textContent(), { timeout: 30_000 })
      .toBe('63.2%');
    expect(await byTestId('kpi-deals_won').textContent()).toBe('4,238');
    expect(await byTestId('kpi-deals_lost').textContent()).toBe('2,473');
    const bookings = (await byTestId('kpi-bookings').textContent()) ?? '';
    expect(bookings).toContain('10,005,534');
    expect(bookings).toContain('USD');
    await byTestId('chart-quarters').waitFor();
    await byTestId('chart-breakdown').waitFor();
    await shoot('09-dashboard-all-time');
    await page.locator('.sales-section .chart-row').screenshot({
      path: join(SCREENSHOTS, '10-dashboard-charts.png'),
    });
  });

  it('drills from the Deals won card to exactly the deals it counted', async () => {
    // Still on Home, all time, from the test above.
    await byTestId('kpi-card-deals_won').click();
    await byTestId('data').waitFor();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('4,238 opportunities');
    expect(await byTestId('drill-chip-label').textContent()).toBe(
      'Deals won · All time',
    );
    await expect
      .poll(() => byTestId('drill-chip-count').textContent())
      .toBe('4,238 deals');
    expect(
      await byTestId('tab-opportunities').getAttribute('aria-selected'),
    ).toBe('true');
    // Every listed deal is in the Won stage.
    expect(await cellsOf('stage')).toEqual(['Won']);
    await shoot('15-drill-deals-won');
  });

  it('drills from a quarter bar to the deals won in that quarter', async () => {
    const wonDeals = mavenWonDeals(MAVEN_DIR);
    const inQ2 = wonDeals.filter((deal) => deal.quarter === '2017-Q2').length;
    const { metrics } = await callApi(server.url, 'kpi.compute', {
      metrics: ['deals_won'],
      by: 'quarter',
    });
    const fromKpi = metrics.find((value) => value.group === '2017-Q2');
    expect(fromKpi?.value).toBe(inQ2);

    await byTestId('place-home').click();
    const chart = byTestId('chart-quarters');
    await chart.waitFor();
    await chartReady('panel-quarters');
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) throw new Error('the quarter chart has no box');
    // The plot spans the chart less 80 px left and 64 px right, and ends
    // 56 px above the bottom; four quarters share it, 2017-Q2 second.
    const band = (box.width - 80 - 64) / 4;
    await page.mouse.click(
      box.x + 80 + band * 1.5,
      box.y + box.height - 56 - 6,
    );
    await byTestId('data').waitFor();
    const shown = `${inQ2.toLocaleString('en')} opportunities`;
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe(shown);
    expect(await byTestId('drill-chip-label').textContent()).toBe(
      'Bookings · 2017 Q2',
    );
    await page.locator('.ag-row').first().waitFor();
    await shoot('16-drill-quarter-bar');
  });

  it('drills from a region bar to the deals won in that region', async () => {
    const wonDeals = mavenWonDeals(MAVEN_DIR);
    const { metrics } = await callApi(server.url, 'kpi.compute', {
      metrics: ['deals_won'],
      by: 'region',
    });
    const ranked = metrics
      .filter((value) => value.value !== null)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    const top = ranked[0];
    if (!top?.group) throw new Error('no region has won deals');
    const inTop = wonDeals.filter((deal) => deal.region === top.group).length;
    expect(top.value).toBe(inTop);

    await byTestId('place-home').click();
    await byTestId('breakdown-measure').selectOption('deals_won');
    await byTestId('breakdown-by').selectOption('region');
    const chart = byTestId('chart-breakdown');
    await chart.waitFor();
    await chartReady('panel-breakdown');
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) throw new Error('the breakdown chart has no box');
    // Three regions share the plot between 8 px from the top and 40 px
    // from the bottom, largest first; every bar reaches past the middle.
    const band = (box.height - 8 - 40) / ranked.length;
    await page.mouse.click(box.x + box.width / 2, box.y + 8 + band / 2);
    await byTestId('data').waitFor();
    const shown = `${inTop.toLocaleString('en')} opportunities`;
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe(shown);
    expect(await byTestId('drill-chip-label').textContent()).toBe(
      `Deals won · All time · Region: ${top.group}`,
    );
    await expect
      .poll(() => byTestId('drill-chip-count').textContent())
      .toBe(`${inTop.toLocaleString('en')} deals`);
    expect(await cellsOf('region')).toEqual([top.group]);
    await shoot('17-drill-region-bar');
  });

  it('lists every deal again when the chip is closed', async () => {
    await byTestId('drill-dismiss').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('8,800 opportunities');
    expect(await byTestId('drill-chip').count()).toBe(0);
    // The focus lands on the search box, not on the page body.
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('type')),
    ).toBe('search');
    await shoot('18-drill-dismissed');
  });

  it('drills from the keyboard, from a card and from a chart', async () => {
    await byTestId('place-home').click();
    await byTestId('kpi-card-deals_lost').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('2,473 opportunities');

    const inQ1 = mavenWonDeals(MAVEN_DIR).filter(
      (deal) => deal.quarter === '2017-Q1',
    ).length;
    await byTestId('place-home').click();
    await byTestId('chart-quarters').waitFor();
    await chartReady('panel-quarters');
    await byTestId('chart-quarters').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe(`${inQ1} opportunities`);
    expect(await byTestId('drill-chip-label').textContent()).toBe(
      'Bookings · 2017 Q1',
    );
    await byTestId('drill-dismiss').click();
    await byTestId('place-home').click();
    await byTestId('breakdown-measure').selectOption('bookings');
    await byTestId('breakdown-by').selectOption('owner');
  });

  it('says what a drill shows in Korean too', async () => {
    await byTestId('place-settings').click();
    await byTestId('settings-language').selectOption('ko');
    await byTestId('place-home').click();
    await byTestId('kpi-card-deals_won').click();
    await expect
      .poll(() => byTestId('drill-chip-count').textContent(), {
        timeout: 30_000,
      })
      .toBe('거래 4,238건');
    expect(await byTestId('drill-chip-label').textContent()).toBe(
      '수주 건수 · 전체 기간',
    );
    await page.locator('.ag-row').first().waitFor();
    await shoot('19-drill-korean');
    await byTestId('drill-dismiss').click();
    await byTestId('place-settings').click();
    await byTestId('settings-language').selectOption('en');
    await byTestId('place-home').click();
  });

  it('narrows the dashboard to one fiscal quarter', async () => {
    await byTestId('period-kind').selectOption('quarter');
    const quarter = await byTestId('period-value').inputValue();
    expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);
    await expect
      .poll(() => byTestId('kpi-deals_won').textContent())
      .not.toBe('4,238');
    await shoot('11-dashboard-one-quarter');
  });

  it('narrows both sections to one industry, and flags a value no one has', async () => {
    const wholeWon = await byTestId('kpi-deals_won').textContent();
    const bookingsCard = byTestId('metric-value-bookings');
    await byTestId('segment-field').selectOption('industry');
    await byTestId('segment-value').fill('retail');
    await byTestId('segment-value').press('Enter');
    await expect
      .poll(() => byTestId('kpi-deals_won').textContent(), { timeout: 30_000 })
      .not.toBe(wholeWon);
    // The metric cards and the sales section agree under the filter.
    await expect
      .poll(async () => [
        await bookingsCard.textContent(),
        await byTestId('kpi-bookings').textContent(),
      ])
      .toSatisfy(([card, sales]) => card === sales && card !== null);
    await shoot('11b-dashboard-one-industry');
    await byTestId('segment-value').fill('Nope');
    await byTestId('segment-value').press('Enter');
    await byTestId('segment-unknown').waitFor();
    await shoot('11c-segment-value-unknown');
    await byTestId('segment-field').selectOption('');
    await expect
      .poll(() => byTestId('kpi-deals_won').textContent(), { timeout: 30_000 })
      .toBe(wholeWon);
  });

  it('searches and exports a grid as the engine filters it', async () => {
    await byTestId('place-data').click();
    await byTestId('tab-accounts').click();
    const accountsCsv = readFileSync(join(MAVEN_DIR, 'accounts.csv'), 'utf8');
    const withAcme = accountsCsv
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => /acme/i.test(line)).length;
    expect(withAcme).toBeGreaterThan(1);
    await byTestId('grid-search').fill('acme');
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe(`${withAcme} accounts`);
    await shoot('12-data-search');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId('grid-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('accounts.csv');
    const exported = readFileSync(await download.path(), 'utf8');
    const lines = exported.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(/^\uFEFFName,Industry,/);
    expect(lines).toHaveLength(withAcme + 1);
    await byTestId('grid-search').fill('');
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('85 accounts');
  });

  it('cancels a long import and keeps the workspace as it was', async () => {
    // A pipeline export far larger than the sample, with ids of its own.
    const bigFile = join(tempDir, 'big_pipeline.csv');
    const [header, ...deals] = readFileSync(
      join(MAVEN_DIR, 'sales_pipeline.csv'),
      'utf8',
    )
      .split(/\r?\n/)
      .filter((line) => line !== '');
    const lines = [header];
    for (let copy = 0; copy < 50; copy += 1) {
      for (const deal of deals) {
        lines.push(`C${copy}-${deal}`);
      }
    }
    writeFileSync(bigFile, lines.join('\n') + '\n');

    await byTestId('place-import').click();
    await byTestId('import-file-input').setInputFiles(bigFile);
    await byTestId('import-start').click();
    const progress = byTestId('import-progress');
    await byTestId('import-facts').waitFor({ timeout: 60_000 });
    // The whole file is checked before a row is written.
    const phases = new Set<string | null>();
    await expect
      .poll(
        async () => {
          phases.add(await byTestId('import-phase').textContent());
          return byTestId('import-rows').textContent();
        },
        { timeout: 60_000 },
      )
      .toMatch(/^[1-9][\d,]* rows?$/);
    expect(await progress.getAttribute('data-phase')).toBe('writing');
    expect(await byTestId('import-phase').textContent()).toBe('Writing rows…');
    expect(
      [...phases].every((phase) =>
        /^(Checking file|Writing rows)…$/.test(phase ?? ''),
      ),
    ).toBe(true);
    await expect
      .poll(() => byTestId('import-rate').textContent(), { timeout: 30_000 })
      .toMatch(/^[1-9][\d,]* rows per second$/);
    expect(await byTestId('import-time-left').textContent()).toMatch(
      /^(about \d.*|estimating…)$/,
    );
    expect(
      await progress.getByRole('progressbar').getAttribute('aria-valuenow'),
    ).toMatch(/^\d{1,2}$/);
    await shoot('13-import-progress-before-cancel');
    await byTestId('import-cancel').click();
    const outcome = byTestId('import-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.getAttribute('data-state')).toBe('cancelled');
    await shoot('14-import-cancelled');

    await byTestId('place-data').click();
    await byTestId('tab-opportunities').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('8,800 opportunities');
  });

  it('rolls back the newest import from the list of past imports', async () => {
    await byTestId('place-data').click();
    await byTestId('tab-users').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('35 users');
    await byTestId('place-import').click();
    const batches = byTestId('import-batches');
    await batches.waitFor({ timeout: 30_000 });
    // The cancelled import wrote nothing; the teams file is the newest in force.
    const undo = batches.getByRole('button', { name: 'Roll back this import' });
    await expect.poll(() => undo.count()).toBe(1);
    await undo.click();
    await batches
      .getByRole('button', { name: /Click again to remove/ })
      .click();
    const teamsRow = batches.locator('tr', { hasText: 'sales_teams.csv' });
    await expect
      .poll(() => teamsRow.textContent(), { timeout: 30_000 })
      .toContain('Rolled back');
    await shoot('20-import-rolled-back');
    await byTestId('place-data').click();
    await byTestId('tab-users').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('0 users');
    await byTestId('tab-opportunities').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('8,800 opportunities');
  });

  it('checks files before importing them, then imports on confirmation', async () => {
    const file = join(tempDir, 'deals_to_check.csv');
    writeFileSync(
      file,
      [
        'Deal,Amount,Currency',
        'Kestrel renewal,"3,100",USD',
        'Orchard expansion,lots,USD',
        'Bluefin pilot,"$1,234.50",USD',
      ].join('\n') + '\n',
    );
    await byTestId('place-import').click();
    await byTestId('import-file-input').setInputFiles(file);
    await byTestId('import-check').click();
    const outcome = byTestId('import-check-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    const errors = byTestId('check-errors');
    await expect.poll(() => errors.textContent()).toContain('lots');
    expect(await errors.textContent()).toContain('Not an amount of money.');
    const row = byTestId('import-results').locator('tr', {
      hasText: 'deals_to_check.csv',
    });
    expect(await row.textContent()).toContain('Checked only');
    await shoot('21-import-checked');

    // Going back writes nothing.
    await outcome.getByRole('button', { name: 'Back' }).click();
    await byTestId('place-data').click();
    await byTestId('tab-opportunities').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('8,800 opportunities');

    await byTestId('place-import').click();
    await byTestId('import-check').click();
    await byTestId('import-check-outcome').waitFor({ timeout: 60_000 });
    await byTestId('import-confirm').click();
    const done = byTestId('import-outcome');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.getAttribute('data-state')).toBe('done');
    await shoot('22-import-after-check');
    await byTestId('place-data').click();
    await byTestId('tab-opportunities').click();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe('8,802 opportunities');
  });

  it('offers likely duplicate contacts with the evidence, merging nothing', async () => {
    const contacts = join(
      MAVEN_DIR,
      '..',
      '..',
      'import-cases',
      '14-duplicate-contacts.csv',
    );
    await byTestId('place-import').click();
    await byTestId('import-file-input').setInputFiles(contacts);
    await byTestId('import-start').click();
    await byTestId('import-outcome').waitFor({ timeout: 60_000 });
    const panel = byTestId('duplicates');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toContain('jon.sample+crm@example.org');
    expect(await panel.textContent()).toContain(
      'The e-mail addresses are the same apart from a +tag.',
    );
    await panel.screenshot({ path: join(SCREENSHOTS, '23-duplicates.png') });
  });

  it('keeps working after the page is reloaded', async () => {
    await page.reload();
    expect(page.url()).not.toContain('token=');
    await byTestId('place-home').click();
    await expect
      .poll(() => byTestId('kpi-deals_won').textContent(), { timeout: 30_000 })
      .toMatch(/^[\d,]+$/);
  });

  it('raised no page errors or policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});
