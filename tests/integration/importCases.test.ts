// Every file in ../shared/data/import-cases/ with the values its CASES.md
// says a correct import yields.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  inspectFile,
  readRecords,
} from '../../electron/engine/import/fileReader.js';
import {
  importFile,
  type ImportRequest,
} from '../../electron/engine/import/runImport.js';
import { DecimalMarkAnalyser } from '../../electron/engine/import/values/decimalMark.js';
import { parseNumber } from '../../electron/engine/import/values/numbers.js';
import type { Db } from '../../electron/engine/store/database.js';
import { fiscalQuarterOf } from '../../shared/period.js';
import {
  importCasesDir,
  tempWorkspace,
  type TempDir,
} from '../support/workspace.js';

const hasCases = existsSync(join(importCasesDir, 'CASES.md'));
if (!hasCases)
  console.warn(`skipping import cases: ${importCasesDir} is absent`);

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

function workspace() {
  const created = tempWorkspace();
  temp = created.temp;
  return created.db;
}

const quiet = { isCancelled: () => false, onProgress: () => undefined };

function run(db: Db, file: string, extra: Partial<ImportRequest> = {}) {
  const path = file.startsWith('/') ? file : join(importCasesDir, file);
  return importFile(
    db,
    { path, name: file.split('/').pop() ?? file, preset: null, ...extra },
    quiet,
  );
}

describe.skipIf(!hasCases)('import cases', () => {
  it('01: semicolons, decimal commas and day-first dates', async () => {
    const db = workspace();
    const result = await run(db, '01-semicolon-delimiter.csv');
    expect(result).toMatchObject({
      status: 'committed',
      delimiter: ';',
      preset: 'crm-deals',
      rowsNew: 3,
      rowsRejected: 0,
    });
    expect(
      inspectFile(join(importCasesDir, '01-semicolon-delimiter.csv')).delimiter,
    ).toBe(result.delimiter);
    const deals = db
      .prepare(
        'SELECT name, amount_minor, currency, status, coalesce(closed_on, expected_close_on) AS close FROM opportunities ORDER BY id',
      )
      .all();
    expect(deals).toEqual([
      {
        name: 'Kestrel Labs renewal',
        amount_minor: 120050,
        currency: 'USD',
        status: 'won',
        close: '2024-03-15',
      },
      {
        name: 'Orchard Row expansion',
        amount_minor: 98000,
        currency: 'USD',
        status: 'open',
        close: '2024-04-02',
      },
      {
        name: 'Bluefin pilot',
        amount_minor: 45075,
        currency: 'USD',
        status: 'lost',
        close: '2024-04-28',
      },
    ]);
  });

  it('03: a byte-order mark never reaches the first column name', async () => {
    const path = join(importCasesDir, '03-utf8-bom-header.csv');
    const shape = inspectFile(path);
    const rows = [];
    for await (const record of readRecords(path, shape))
      rows.push(record.fields);
    expect(shape).toMatchObject({ encoding: 'utf-8', hasBom: true });
    expect(rows[0]?.[0]).toBe('customer_id');
    expect(
      rows
        .slice(1)
        .map((row) => Number(parseNumber(row[2] ?? '', '.')?.decimal)),
    ).toEqual([99, 29, 1250]);
  });

  it('04: Windows-1252 bytes, detected and kept, with the euro before dotted thousands', async () => {
    const path = join(importCasesDir, '04-cp1252-latin1.csv');
    const shape = inspectFile(path);
    expect(shape.encoding).toBe('windows-1252');
    const rows = [];
    for await (const record of readRecords(path, shape)) rows.push(record);
    const text = rows.map((row) => row.fields.join('|')).join('\n');
    for (const word of [
      'Dirección',
      'Müller & Söhne Demo',
      'Málaga',
      'Besançon',
      'Œuvre',
      'l’Essai',
    ]) {
      expect(text).toContain(word);
    }
    const marks = new DecimalMarkAnalyser();
    rows.slice(1).forEach((row) => marks.add(row.fields[3] ?? '', row.line, 2));
    const decision = marks.decide('.');
    expect(decision).toEqual({ mark: ',' });
    const amounts = rows
      .slice(1)
      .map((row) => parseNumber(row.fields[3] ?? '', ','));
    expect(amounts).toEqual([
      { decimal: '1250', currency: 'EUR' },
      { decimal: '300', currency: 'EUR' },
      { decimal: '75', currency: 'EUR' },
    ]);
  });

  it('06: a column mixing day-first and month-first dates is refused before writing, naming the rows', async () => {
    const db = workspace();
    const result = await run(db, '06-ddmm-vs-mmdd.csv');
    expect(result.status).toBe('failed');
    // Data row 2 is file line 3; data row 4 is file line 5.
    expect(result.message).toMatch(
      /invoice_date mixes day-first dates \(line 3\) with month-first dates \(line 5\)/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM invoices').get()).toEqual({
      n: 0,
    });
  });

  it('09: thousands separators, symbols and codes; an unreadable amount is a row error', async () => {
    const db = workspace();
    const result = await run(db, '09-thousands-separator-currency.csv');
    expect(result).toMatchObject({
      status: 'committed',
      rowsNew: 5,
      rowsRejected: 0,
    });
    const amounts = db
      .prepare('SELECT amount_minor, currency FROM opportunities ORDER BY id')
      .all();
    expect(amounts).toEqual(
      [310000, 123450, 1200000, 123456789, 9900].map((amount_minor) => ({
        amount_minor,
        currency: 'USD',
      })),
    );

    const broken = readFileSync(
      join(importCasesDir, '09-thousands-separator-currency.csv'),
      'utf8',
    ).replace('"$ 12,000"', '"twelve grand"');
    const again = workspace();
    const withError = await run(again, temp!.file('09-broken.csv', broken));
    expect(withError).toMatchObject({
      status: 'committed',
      rowsNew: 4,
      rowsRejected: 1,
    });
    expect(
      again
        .prepare(
          'SELECT line, column_name, value, reason FROM import_row_errors',
        )
        .get(),
    ).toEqual({
      line: 4,
      column_name: 'Amount',
      value: 'twelve grand',
      reason: 'Not an amount of money.',
    });
  });

  it('10: decimal comma with dot, NBSP and narrow-NBSP grouping and a trailing euro sign', async () => {
    const db = workspace();
    const result = await run(db, '10-decimal-comma.csv');
    expect(result).toMatchObject({
      status: 'committed',
      rowsNew: 4,
      rowsRejected: 0,
    });
    const amounts = db
      .prepare('SELECT amount_minor, currency FROM opportunities ORDER BY id')
      .all();
    expect(amounts).toEqual(
      [112, 123450, 1234500, 250050].map((amount_minor) => ({
        amount_minor,
        currency: 'EUR',
      })),
    );
  });

  it('14: e-mail addresses trimmed and compared without case; the row without one is kept', async () => {
    const db = workspace();
    const result = await run(db, '14-duplicate-contacts.csv');
    expect(result).toMatchObject({
      status: 'committed',
      rowsRead: 5,
      rowsNew: 4,
      rowsRejected: 0,
    });
    const contacts = db
      .prepare(
        'SELECT email_key, first_name, company_name FROM contacts ORDER BY id',
      )
      .all();
    expect(contacts).toEqual([
      {
        email_key: 'mira.testwell@example.com',
        first_name: 'Mira',
        company_name: 'Kestrel Labs, Inc.',
      },
      {
        email_key: 'jon.sample@example.org',
        first_name: 'Jon',
        company_name: 'Orchard Row Ltd',
      },
      {
        email_key: 'jon.sample+crm@example.org',
        first_name: 'Jonathan',
        company_name: 'Orchard Row',
      },
      { email_key: null, first_name: 'Ada', company_name: 'Bluefin Analytics' },
    ]);
  });

  it('18: a row without a currency is a row error unless the file has a default', async () => {
    const rows = readFileSync(
      join(importCasesDir, '18-mixed-currencies.csv'),
      'utf8',
    ).replace(
      'order_id,account,amount,currency,order_date',
      'deal id,company,amount,currency,close date',
    );
    const db = workspace();
    const path = temp!.file('18-as-deals.csv', rows);
    const result = await run(db, path);
    expect(result).toMatchObject({
      status: 'committed',
      rowsNew: 4,
      rowsRejected: 1,
    });
    expect(
      db
        .prepare('SELECT amount_minor, currency FROM opportunities ORDER BY id')
        .all(),
    ).toEqual([
      { amount_minor: 50000, currency: 'USD' },
      { amount_minor: 50000, currency: 'EUR' },
      { amount_minor: 50000, currency: 'GBP' },
      { amount_minor: 50000, currency: 'JPY' },
    ]);
    expect(
      db.prepare('SELECT line, column_name FROM import_row_errors').get(),
    ).toEqual({ line: 6, column_name: 'currency' });
    const withDefault = await run(workspace(), path, { currency: 'CHF' });
    expect(withDefault).toMatchObject({ rowsNew: 5, rowsRejected: 0 });
  });

  it('20: fiscal years starting in February split the invoices where the case says', async () => {
    const db = workspace();
    const result = await run(db, '20-fiscal-year-boundary.csv');
    expect(result).toMatchObject({
      status: 'committed',
      preset: 'billing-invoices',
      rowsNew: 5,
    });
    const dates = db
      .prepare('SELECT number, issued_on FROM invoices ORDER BY id')
      .all() as { number: string; issued_on: string }[];
    const byEnd = dates.map((row) => [
      row.number,
      fiscalQuarterOf(row.issued_on, { startMonth: 2, label: 'end' }).label,
    ]);
    expect(byEnd).toEqual([
      ['INV-1', '2024-Q4'],
      ['INV-2', '2024-Q4'],
      ['INV-3', '2025-Q1'],
      ['INV-4', '2025-Q1'],
      ['INV-5', '2025-Q1'],
    ]);
    const byStart = dates.map(
      (row) =>
        fiscalQuarterOf(row.issued_on, { startMonth: 2, label: 'start' }).label,
    );
    expect(byStart).toEqual([
      '2023-Q4',
      '2023-Q4',
      '2024-Q1',
      '2024-Q1',
      '2024-Q1',
    ]);
  });

  it('a later file without some columns never blanks what an earlier file said', async () => {
    const db = workspace();
    await run(db, '01-semicolon-delimiter.csv');
    // 09 names deals and amounts only: no stage, no close date.
    const later = await run(
      db,
      temp!.file(
        '09-same-deal.csv',
        'Deal,Amount,Currency\nKestrel Labs renewal,"1,300.00",USD\n',
      ),
    );
    expect(later).toMatchObject({ status: 'committed', rowsChanged: 1 });
    expect(
      db
        .prepare(
          "SELECT stage, status, closed_on, amount_minor FROM opportunities WHERE name = 'Kestrel Labs renewal'",
        )
        .get(),
    ).toEqual({
      stage: 'Closed Won',
      status: 'won',
      closed_on: '2024-03-15',
      amount_minor: 130000,
    });
  });
});
