// The churn, usage and marketplace files of the public datasets: their
// links resolve whatever order the files come in, and stored values match
// the raw file read by a separate CSV reader.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportHeader,
  exportRecords,
} from '../../electron/engine/export/exportRecords.js';
import { gridRows } from '../../electron/engine/grid/gridQuery.js';
import { importFile } from '../../electron/engine/import/runImport.js';
import type { Db } from '../../electron/engine/store/database.js';
import { centsOf, readCsvRecords } from '../support/rawCsv.js';
import {
  realDataDir,
  tempWorkspace,
  type TempDir,
} from '../support/workspace.js';

const hasData = existsSync(join(realDataDir, 'SOURCES.md'));

const quiet = { isCancelled: () => false, onProgress: () => undefined };
let temps: TempDir[] = [];
afterEach(() => {
  temps.forEach((temp) => temp.remove());
  temps = [];
});

function workspace(): Db {
  const created = tempWorkspace();
  temps.push(created.temp);
  return created.db;
}

async function load(db: Db, relative: string) {
  const path = join(realDataDir, relative);
  const result = await importFile(
    db,
    { path, name: relative, preset: null },
    quiet,
  );
  expect(result, relative).toMatchObject({
    status: 'committed',
    rowsRejected: 0,
  });
  return result;
}

const raw = (relative: string) => readCsvRecords(join(realDataDir, relative));

const one = (db: Db, sql: string, ...params: unknown[]) =>
  db.prepare(sql).get(...params) as Record<string, unknown>;

const count = (db: Db, sql: string): number =>
  (db.prepare(sql).get() as { n: number }).n;

const TELCO = 'ibm-telco-customer-churn/Telco-Customer-Churn.csv';
const SAAS = 'ravenstack-saas';

describe.skipIf(!hasData)('churn and usage datasets', () => {
  it('keeps one snapshot and one account per telco customer, blank totals as no value', async () => {
    const db = workspace();
    await load(db, TELCO);
    const rows = raw(TELCO);
    expect(count(db, 'SELECT count(*) AS n FROM accounts')).toBe(rows.length);
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM customer_snapshots WHERE account_id IS NULL',
      ),
    ).toBe(0);
    // The 11 customers in their first month have no total yet, not zero.
    const blankTotals = rows.filter(
      (row) => row['TotalCharges']?.trim() === '',
    );
    expect(blankTotals).toHaveLength(11);
    const stored = db
      .prepare(
        `SELECT external_id AS id, tenure_months AS tenure
         FROM customer_snapshots WHERE total_charges_minor IS NULL
         ORDER BY external_id`,
      )
      .all();
    expect(stored).toEqual(
      blankTotals
        .map((row) => ({ id: row['customerID'], tenure: 0 }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id))),
    );
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM customer_snapshots WHERE is_churned = 1',
      ),
    ).toBe(rows.filter((row) => row['Churn'] === 'Yes').length);
    const monthly = rows.reduce(
      (sum, row) => sum + centsOf(row['MonthlyCharges'] ?? ''),
      0,
    );
    expect(
      one(db, 'SELECT sum(monthly_charges_minor) AS s FROM customer_snapshots'),
    ).toEqual({ s: monthly });
    for (const at of [0, 488, 7042]) {
      const row = rows[at] ?? {};
      expect(
        one(
          db,
          `SELECT tenure_months, contract, payment_method, is_paperless,
             internet_service, online_security, monthly_charges_minor,
             total_charges_minor, currency
           FROM customer_snapshots WHERE external_id = ?`,
          row['customerID'],
        ),
      ).toEqual({
        tenure_months: Number(row['tenure']),
        contract: row['Contract'],
        payment_method: row['PaymentMethod'],
        is_paperless: row['PaperlessBilling'] === 'Yes' ? 1 : 0,
        internet_service: row['InternetService'],
        online_security: row['OnlineSecurity'],
        monthly_charges_minor: centsOf(row['MonthlyCharges'] ?? ''),
        total_charges_minor:
          row['TotalCharges']?.trim() === ''
            ? null
            : centsOf(row['TotalCharges'] ?? ''),
        currency: 'USD',
      });
    }
    const exported = [...exportRecords(db, 'customer_snapshots')];
    expect(exported[0]).toMatchObject({
      external_id: '7590-VHVEG',
      monthly_charges: '29.85',
      total_charges: '29.85',
      currency: 'USD',
    });
    expect(exportHeader(db, 'customer_snapshots')).toContain('total_charges');
  });

  it('links churn events and feature use to accounts and subscriptions, in any file order', async () => {
    const db = workspace();
    for (const file of [
      'ravenstack_feature_usage.csv',
      'ravenstack_churn_events.csv',
      'ravenstack_subscriptions.csv',
      'ravenstack_accounts.csv',
    ]) {
      await load(db, `${SAAS}/${file}`);
    }
    for (const sql of [
      'SELECT count(*) AS n FROM churn_events WHERE account_id IS NULL',
      'SELECT count(*) AS n FROM feature_usage WHERE subscription_id IS NULL',
      'SELECT count(*) AS n FROM feature_usage WHERE account_id IS NULL',
      `SELECT count(*) AS n FROM feature_usage f
       JOIN subscriptions s ON s.id = f.subscription_id
       WHERE f.account_id IS NOT s.account_id`,
      `SELECT count(*) AS n FROM churn_events e
       JOIN accounts a ON a.id = e.account_id
       WHERE a.external_id IS NOT e.account_key`,
    ]) {
      expect(count(db, sql), sql).toBe(0);
    }
    // The grids show the account's name and the refund in dollars.
    const events = gridRows(db, {
      entity: 'churn_events',
      offset: 0,
      limit: 1,
      sort: [{ column: 'refund', direction: 'desc' }],
      filters: {},
      quickSearch: '',
    });
    expect(events.total).toBe(600);
    expect(events.rows[0]?.['account']).toMatch(/^Company_\d+$/);
    expect(events.rows[0]?.['refund']).toBe(
      Number(one(db, 'SELECT max(refund_minor) AS m FROM churn_events')['m']) /
        100,
    );
    const usage = gridRows(db, {
      entity: 'feature_usage',
      offset: 0,
      limit: 5,
      sort: [],
      filters: {},
      quickSearch: 'feature_20',
    });
    expect(usage.rows.every((row) => row['feature'] === 'feature_20')).toBe(
      true,
    );
    expect(usage.rows.every((row) => typeof row['account'] === 'string')).toBe(
      true,
    );
  });

  it('stores churn events as read: refunds in USD cents, flags, feedback', async () => {
    const db = workspace();
    const file = `${SAAS}/ravenstack_churn_events.csv`;
    await load(db, file);
    const rows = raw(file);
    const refunds = rows.reduce(
      (sum, row) => sum + centsOf(row['refund_amount_usd'] ?? ''),
      0,
    );
    expect(
      one(
        db,
        `SELECT sum(refund_minor) AS s, count(DISTINCT currency) AS codes,
           min(currency) AS code FROM churn_events`,
      ),
    ).toEqual({ s: refunds, codes: 1, code: 'USD' });
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM churn_events WHERE is_reactivation = 1',
      ),
    ).toBe(rows.filter((row) => row['is_reactivation'] === 'True').length);
    const [first] = rows;
    expect(
      one(
        db,
        `SELECT account_key, churned_on, reason, refund_minor, feedback,
           has_preceding_upgrade, has_preceding_downgrade
         FROM churn_events WHERE external_id = ?`,
        first?.['churn_event_id'],
      ),
    ).toEqual({
      account_key: first?.['account_id'],
      churned_on: first?.['churn_date'],
      reason: first?.['reason_code'],
      refund_minor: centsOf(first?.['refund_amount_usd'] ?? ''),
      feedback: first?.['feedback_text'],
      has_preceding_upgrade:
        first?.['preceding_upgrade_flag'] === 'True' ? 1 : 0,
      has_preceding_downgrade:
        first?.['preceding_downgrade_flag'] === 'True' ? 1 : 0,
    });
    const feedback = db
      .prepare('SELECT feedback FROM churn_events ORDER BY id')
      .pluck()
      .all();
    expect(feedback).toEqual(
      rows.map((row) =>
        row['feedback_text'] === '' ? null : row['feedback_text'],
      ),
    );
  });

  it('keeps every feature use, also those whose usage id repeats', async () => {
    const db = workspace();
    const file = `${SAAS}/ravenstack_feature_usage.csv`;
    await load(db, file);
    const rows = raw(file);
    const ids = new Map<string, number>();
    for (const row of rows) {
      const id = row['usage_id'] ?? '';
      ids.set(id, (ids.get(id) ?? 0) + 1);
    }
    const repeated = [...ids.values()].filter((n) => n > 1).length;
    expect(repeated).toBe(21);
    expect(count(db, 'SELECT count(*) AS n FROM feature_usage')).toBe(25000);
    const sums = rows.reduce(
      (total, row) => ({
        uses: total.uses + Number(row['usage_count']),
        seconds: total.seconds + Number(row['usage_duration_secs']),
        errors: total.errors + Number(row['error_count']),
        beta: total.beta + (row['is_beta_feature'] === 'True' ? 1 : 0),
      }),
      { uses: 0, seconds: 0, errors: 0, beta: 0 },
    );
    expect(
      one(
        db,
        `SELECT sum(usage_count) AS uses, sum(duration_seconds) AS seconds,
           sum(error_count) AS errors, sum(is_beta) AS beta FROM feature_usage`,
      ),
    ).toEqual(sums);
    const last = rows[rows.length - 1] ?? {};
    expect(
      one(
        db,
        `SELECT subscription_key, used_on, feature FROM feature_usage
         WHERE external_id = ?`,
        `${last['subscription_id']}/${last['usage_id']}`,
      ),
    ).toEqual({
      subscription_key: last['subscription_id'],
      used_on: last['usage_date'],
      feature: last['feature_name'],
    });
    // The same file again changes nothing.
    const again = await load(db, file);
    expect(again).toMatchObject({ rowsNew: 0, rowsUnchanged: 25000 });
  });
});

describe.skipIf(!hasData)('marketplace reference files', () => {
  const SELLERS = 'olist-marketing-funnel/olist_sellers_dataset.csv';

  it('makes sellers accounts with their zip prefix, city and state as read', async () => {
    const db = workspace();
    await load(db, SELLERS);
    await load(db, 'olist-marketing-funnel/olist_closed_deals_dataset.csv');
    const rows = raw(SELLERS);
    const stored = db
      .prepare(
        `SELECT external_id AS seller, postal_code AS zip, city, region
         FROM accounts WHERE source = 'funnel' ORDER BY id`,
      )
      .all();
    expect(stored).toEqual(
      rows.map((row) => ({
        seller: row['seller_id'],
        zip: row['seller_zip_code_prefix'],
        city: row['seller_city'],
        region: row['seller_state'],
      })),
    );
    expect(
      count(
        db,
        "SELECT count(*) AS n FROM accounts WHERE postal_code LIKE '0%'",
      ),
    ).toBe(
      rows.filter((row) => row['seller_zip_code_prefix']?.startsWith('0'))
        .length,
    );
    // Non-ASCII names keep their exact code points (`são paulo` is written
    // with a combining tilde), never normalised.
    const accented = rows.filter((row) =>
      /[^\x00-\x7f]/.test(row['seller_city'] ?? ''),
    );
    expect(accented.length).toBeGreaterThan(0);
    for (const row of accented) {
      expect(
        one(
          db,
          'SELECT city FROM accounts WHERE external_id = ?',
          row['seller_id'],
        ),
      ).toEqual({ city: row['seller_city'] });
    }
    // A closed deal names its seller by id, and so finds the account.
    const sellers = new Set(rows.map((row) => row['seller_id']));
    const deals = raw('olist-marketing-funnel/olist_closed_deals_dataset.csv');
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM opportunities WHERE account_id IS NOT NULL',
      ),
    ).toBe(deals.filter((deal) => sellers.has(deal['seller_id'])).length);
  });

  it('reads the category names behind a byte-order mark', async () => {
    const db = workspace();
    const file = 'olist-marketing-funnel/product_category_name_translation.csv';
    const result = await load(db, file);
    expect(result.mapping).toMatchObject({
      product_category_name: 'product_category_name',
    });
    const rows = raw(file);
    expect(
      db
        .prepare(
          'SELECT name, label, language FROM category_labels ORDER BY id',
        )
        .all(),
    ).toEqual(
      rows.map((row) => ({
        name: row['product_category_name'],
        label: row['product_category_name_english'],
        language: 'en',
      })),
    );
    expect(one(db, 'SELECT name FROM category_labels ORDER BY id')).toEqual({
      name: 'beleza_saude',
    });
  });
});
