// The metric dashboard in Chromium over the real engine: a fresh workspace,
// the RavenStack SaaS accounts and subscriptions imported through the file
// input, the MRR of June 2024 checked against a sum taken straight from the
// raw CSV, the math behind it, the views, a target, and the click through
// to exactly the subscriptions the number counted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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

const SAAS_DIR = join(
  repoRoot,
  '..',
  'shared',
  'data',
  'real',
  'ravenstack-saas',
);
const FILES = ['ravenstack_accounts.csv', 'ravenstack_subscriptions.csv'];
const MONTH_END = '2024-06-30';

function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  for (const file of FILES) {
    if (!existsSync(join(SAAS_DIR, file))) return `${file} is absent`;
  }
  return null;
}

/** MRR at the end of June 2024 and the paying subscriptions behind it. */
function rawJuneMrr(): { mrr: number; subscriptions: number } {
  const rows = parse(
    readFileSync(join(SAAS_DIR, 'ravenstack_subscriptions.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true },
  ) as Record<string, string>[];
  let mrr = 0;
  let subscriptions = 0;
  for (const row of rows) {
    const isTrial = (row['is_trial'] ?? '').toLowerCase() === 'true';
    const start = row['start_date'] ?? '';
    const end = row['end_date'] ?? '';
    const isActive = start <= MONTH_END && (end === '' || end > MONTH_END);
    if (isTrial || !isActive) continue;
    const amount = Number(row['mrr_amount']);
    mrr += amount;
    if (amount !== 0) subscriptions += 1;
  }
  return { mrr, subscriptions };
}

const monthEndOfMonth = (month: string) => {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  const day = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
};

/**
 * The subscriptions behind one cohort cell, from the raw file: those
 * paying at the end of `month` whose account first paid at the end of
 * `cohort` (the month end of a paying subscription's start, when it is
 * still running then).
 */
function rawCohortCell(cohort: string, month: string): number {
  const rows = parse(
    readFileSync(join(SAAS_DIR, 'ravenstack_subscriptions.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true },
  ) as Record<string, string>[];
  const isTrial = (row: Record<string, string>) =>
    (row['is_trial'] ?? '').toLowerCase() === 'true';
  const firstPaid = new Map<string, string>();
  for (const row of rows) {
    if (isTrial(row) || !(Number(row['mrr_amount']) > 0)) continue;
    const start = row['start_date'] ?? '';
    const end = row['end_date'] ?? '';
    const first = monthEndOfMonth(start.slice(0, 7));
    if (end !== '' && end <= first) continue;
    const account = row['account_id'] ?? '';
    const known = firstPaid.get(account);
    if (known === undefined || first < known) firstPaid.set(account, first);
  }
  const at = monthEndOfMonth(month);
  const cohortEnd = monthEndOfMonth(cohort);
  return rows.filter((row) => {
    const start = row['start_date'] ?? '';
    const end = row['end_date'] ?? '';
    return (
      !isTrial(row) &&
      Number(row['mrr_amount']) !== 0 &&
      start <= at &&
      (end === '' || end > at) &&
      firstPaid.get(row['account_id'] ?? '') === cohortEnd
    );
  }).length;
}

const reason = skipReason();
if (reason) console.warn(`dashboard end-to-end test skipped: ${reason}`);

describe.skipIf(reason !== null)('the metric dashboard, end to end', () => {
  let tempDir: string;
  let server: ServerProcess;
  let session: ChromiumSession;
  let page: Page;
  let pageProblems: string[] = [];
  const expected =
    reason === null ? rawJuneMrr() : { mrr: 0, subscriptions: 0 };

  const shoot = (name: string) => session.shoot(name);
  const byTestId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    session = await openChromiumSession({
      prefix: 'revops-dash-',
      viewport: { width: 1360, height: 900 },
    });
    ({ page, server, tempDir } = session);
    pageProblems = session.problems;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('imports the SaaS accounts and subscriptions into a new workspace', async () => {
    await page.goto(server.url);
    await byTestId('workspace-name').waitFor();
    await byTestId('workspace-new').click();
    await byTestId('workspace-path').fill(join(tempDir, 'saas.revops'));
    await byTestId('workspace-name-input').fill('RavenStack SaaS');
    await byTestId('workspace-submit').click();
    await byTestId('home-empty').waitFor();
    await shoot('d01-empty-workspace');

    await byTestId('place-import').click();
    await byTestId('import-file-input').setInputFiles(
      FILES.map((name) => join(SAAS_DIR, name)),
    );
    await byTestId('import-start').click();
    const outcome = byTestId('import-outcome');
    await outcome.waitFor({ timeout: 150_000 });
    expect(await outcome.getAttribute('data-state')).toBe('done');
  });

  it('shows the MRR of June 2024 that the raw file sums to', async () => {
    expect(expected.mrr).toBe(3_833_405);
    await byTestId('place-home').click();
    await byTestId('period-kind').selectOption('month');
    await byTestId('period-value').selectOption('2024-06');
    const shown = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'USD',
      currencyDisplay: 'code',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(expected.mrr);
    await expect
      .poll(() => byTestId('metric-value-mrr').textContent(), {
        timeout: 30_000,
      })
      .toBe(shown);
    await expect
      .poll(() => byTestId('panel-waterfall').getAttribute('aria-busy'), {
        timeout: 30_000,
      })
      .toBe('false');
    await byTestId('chart-waterfall').waitFor();
    await byTestId('cohort-table').waitFor();
    expect(await byTestId('metric-change-mrr').textContent()).toMatch(
      /vs previous/,
    );
    await page.waitForTimeout(300);
    await shoot('d02-dashboard-2024-06');
    const secondRow = page.locator('.chart-row').nth(1);
    await secondRow.scrollIntoViewIfNeeded();
    await secondRow.screenshot({
      path: join(SCREENSHOTS, 'd02b-aging-csat-empty.png'),
    });
    await byTestId('cohorts-revenue').click();
    await page
      .locator('.chart-row')
      .first()
      .screenshot({ path: join(SCREENSHOTS, 'd02c-waterfall-cohorts.png') });
  });

  it('shows the math and the settings beside the number', async () => {
    await byTestId('metric-math-mrr').click();
    const popover = byTestId('math-popover-mrr');
    await popover.waitFor();
    expect(await popover.textContent()).toMatch(/start_on/);
    expect(await byTestId('math-settings-mrr').textContent()).toContain('USD');
    await shoot('d03-show-the-math');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
  });

  it('saves a target and shows progress on the card', async () => {
    await byTestId('targets-open').click();
    await byTestId('target-metric').selectOption('mrr');
    await byTestId('target-period').fill('2024-06');
    await byTestId('target-baseline').fill('3500000');
    await byTestId('target-value').fill('4000000');
    await byTestId('target-owner').fill('RevOps lead');
    await byTestId('target-save').click();
    await byTestId('metric-target-mrr').waitFor({ timeout: 30_000 });
    const progress = byTestId('metric-target-mrr').getByRole('progressbar');
    // (3,833,405 - 3,500,000) / (4,000,000 - 3,500,000) = 66.7%
    expect(await progress.getAttribute('aria-valuenow')).toBe('67');
    await shoot('d04-target-progress');
  });

  it('opens exactly the subscriptions behind the MRR', async () => {
    await byTestId('metric-value-mrr').click();
    await byTestId('data').waitFor();
    expect(
      await byTestId('tab-subscriptions').getAttribute('aria-selected'),
    ).toBe('true');
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe(`${expected.subscriptions.toLocaleString('en')} subscriptions`);
    expect(await byTestId('drill-chip-label').textContent()).toBe(
      'MRR · Jun 2024',
    );
    await page.locator('.ag-row').first().waitFor();
    await shoot('d05-drill-mrr-rows');
    await byTestId('drill-dismiss').click();
    await expect.poll(() => byTestId('drill-chip').count()).toBe(0);
  });

  it('opens the subscriptions behind a cohort cell', async () => {
    await byTestId('place-home').click();
    const cell = page.locator(
      '[data-testid^="cohort-cell-"][data-testid$="-2"]',
    );
    await cell.first().waitFor({ timeout: 30_000 });
    const testId = (await cell.first().getAttribute('data-testid')) ?? '';
    const [, cohort = ''] = /^cohort-cell-(\d{4}-\d{2})-2$/.exec(testId) ?? [];
    const index =
      Number(cohort.slice(0, 4)) * 12 + Number(cohort.slice(5, 7)) + 1;
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const count = rawCohortCell(cohort, month);
    expect(count).toBeGreaterThan(0);
    await cell.first().click();
    await byTestId('data').waitFor();
    await expect
      .poll(() => byTestId('grid-total').textContent(), { timeout: 30_000 })
      .toBe(`${count.toLocaleString('en')} subscriptions`);
    expect(await byTestId('drill-chip-label').textContent()).toMatch(
      /^MRR · .* · Cohort /,
    );
    await page.locator('.ag-row').first().waitFor();
    await shoot('d05b-drill-cohort-cell');
    await byTestId('drill-dismiss').click();
  });

  it('reads in Korean', async () => {
    await byTestId('place-settings').click();
    await byTestId('settings-language').selectOption('ko');
    await byTestId('place-home').click();
    await byTestId('metric-value-mrr').waitFor();
    await page.waitForTimeout(300);
    await shoot('d06-dashboard-korean');
    await byTestId('place-settings').click();
    await byTestId('settings-language').selectOption('en');
  });

  it('logs no errors in the page', () => {
    expect(pageProblems).toEqual([]);
  });
});
