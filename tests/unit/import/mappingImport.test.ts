// Files no layout recognises, imported through a column mapping made by
// hand; the mapping saved and found again for a file with the same header;
// rows that repeat an id within one file; required values left blank.
import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../shared/contract.js';
import {
  headerFingerprint,
  listMappings,
  mappingForHeader,
} from '../../../electron/engine/import/mappings.js';
import { inspectImportFile } from '../../../electron/engine/import/inspectImport.js';
import {
  importFile,
  type ImportRequest,
} from '../../../electron/engine/import/runImport.js';
import {
  mappingTargets,
  suggestMapping,
} from '../../../electron/engine/import/presets/mapping.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let temps: TempDir[] = [];
afterEach(() => {
  temps.forEach((temp) => temp.remove());
  temps = [];
});

function setup(): { db: Db; file(name: string, text: string): string } {
  const { db, temp } = tempWorkspace();
  temps.push(temp);
  return { db, file: (name, text) => temp.file(name, text) };
}

const quiet = { isCancelled: () => false, onProgress: () => undefined };

const LEDGER = [
  'Ref;Client;Booked;Total;Cur',
  'X1;Acme;02.01.2024;1.234,50;EUR',
  'X2;Beta;03.01.2024;12,00;EUR',
  'X3;Gamma;15.01.2024;7,25;USD',
].join('\n');

const MAPPING: ColumnMapping = {
  entity: 'invoices',
  source: 'ledger',
  columns: {
    Ref: 'number',
    Client: 'customer',
    Booked: 'issued',
    Total: 'amount',
    Cur: 'currency',
  },
};

function run(db: Db, path: string, extra: Partial<ImportRequest> = {}) {
  return importFile(
    db,
    { path, name: 'ledger.csv', preset: null, ...extra },
    quiet,
  );
}

describe('column mappings', () => {
  it('refuses a file no layout knows, saying how to map it', async () => {
    const { db, file } = setup();
    const result = await run(db, file('ledger.csv', LEDGER));
    expect(result.status).toBe('failed');
    expect(result.message).toContain('Ref, Client, Booked, Total, Cur');
    expect(result.message).toContain('Map its columns');
  });

  it('imports through a mapping with the file’s own locale, and saves it', async () => {
    const { db, file } = setup();
    const path = file('ledger.csv', LEDGER);
    const inspection = await inspectImportFile(db, { path });
    expect(inspection).toMatchObject({
      delimiter: ';',
      columns: ['Ref', 'Client', 'Booked', 'Total', 'Cur'],
      preset: null,
      savedMapping: null,
    });
    expect(inspection.samples[0]).toEqual([
      'X1',
      'Acme',
      '02.01.2024',
      '1.234,50',
      'EUR',
    ]);
    const result = await run(db, path, {
      mapping: MAPPING,
      saveMappingAs: 'Ledger invoices',
    });
    expect(result).toMatchObject({
      status: 'committed',
      preset: 'Ledger invoices',
      entity: 'invoices',
      mappingName: 'Ledger invoices',
      rowsNew: 3,
      rowsRejected: 0,
      decimalMark: ',',
    });
    expect(
      db
        .prepare(
          `SELECT source, number, account_key, issued_on, amount_minor, currency
             FROM invoices ORDER BY number`,
        )
        .all(),
    ).toEqual([
      {
        source: 'ledger',
        number: 'X1',
        account_key: 'Acme',
        issued_on: '2024-01-02',
        amount_minor: 123450,
        currency: 'EUR',
      },
      {
        source: 'ledger',
        number: 'X2',
        account_key: 'Beta',
        issued_on: '2024-01-03',
        amount_minor: 1200,
        currency: 'EUR',
      },
      {
        source: 'ledger',
        number: 'X3',
        account_key: 'Gamma',
        issued_on: '2024-01-15',
        amount_minor: 725,
        currency: 'USD',
      },
    ]);
    expect(listMappings(db).map((saved) => saved.name)).toEqual([
      'Ledger invoices',
    ]);

    // The next export has the same columns in another order and case.
    const next = file(
      'ledger-feb.csv',
      ['cur;TOTAL;ref;client;booked', 'EUR;5,00;X4;Delta;15.02.2024'].join(
        '\n',
      ),
    );
    expect(
      (await inspectImportFile(db, { path: next })).savedMapping,
    ).toMatchObject({ name: 'Ledger invoices', entity: 'invoices' });
    const again = await run(db, next);
    expect(again).toMatchObject({
      status: 'committed',
      mappingName: 'Ledger invoices',
      rowsNew: 1,
    });
  });

  it('keeps nothing of a dry run, not even the mapping to save', async () => {
    const { db, file } = setup();
    const path = file('ledger.csv', LEDGER);
    const result = await run(db, path, {
      mapping: MAPPING,
      saveMappingAs: 'Ledger',
      isDryRun: true,
    });
    expect(result).toMatchObject({ status: 'dry_run', rowsNew: 3 });
    expect(db.prepare('SELECT count(*) FROM invoices').pluck().get()).toBe(0);
    expect(
      mappingForHeader(db, ['Ref', 'Client', 'Booked', 'Total', 'Cur']),
    ).toBeNull();
  });

  it('names what is wrong with a mapping', async () => {
    const { db, file } = setup();
    const path = file('ledger.csv', LEDGER);
    const bad = async (columns: Record<string, string>) =>
      (await run(db, path, { mapping: { entity: 'invoices', columns } }))
        .message;
    expect(await bad({ Ref: 'number', Total: 'amount' })).toContain(
      'needs a column for: issued',
    );
    expect(
      await bad({ Ref: 'number', Booked: 'issued', Total: 'price' }),
    ).toContain('sends column Total to price');
    expect(
      await bad({ Ref: 'number', Booked: 'issued', Nope: 'amount' }),
    ).toContain('names column Nope');
    expect(
      await bad({
        Ref: 'number',
        Booked: 'issued',
        Total: 'amount',
        Cur: 'amount',
      }),
    ).toContain('both Total and Cur');
    expect(db.prepare('SELECT count(*) FROM invoices').pluck().get()).toBe(0);
  });

  it('offers every entity with its fields, and suggests from header synonyms', () => {
    const targets = mappingTargets();
    expect(targets.map((target) => target.entity)).toEqual(
      expect.arrayContaining([
        'accounts',
        'contacts',
        'leads',
        'opportunities',
        'products',
        'subscriptions',
        'invoices',
        'payments',
        'tickets',
        'campaigns',
        'activities',
        'users',
      ]),
    );
    const invoices = targets.find((target) => target.entity === 'invoices');
    expect(invoices?.requires).toEqual([['number'], ['issued'], ['amount']]);
    expect(
      suggestMapping('opportunities', [
        'Deal Name',
        'Amount',
        'Close Date',
        'x',
      ]),
    ).toEqual({ 'Deal Name': 'name', Amount: 'amount', 'Close Date': 'close' });
    expect(headerFingerprint(['B c', 'a'])).toBe(
      headerFingerprint(['A', 'b-C']),
    );
  });
});

describe('rows within one file', () => {
  const DEALS = [
    'Deal ID,Deal Name,Amount,Currency,Stage',
    'D1,One,100,USD,Open',
    'D2,Two,200,USD,Open',
    'D1,One,100,USD,Open',
    'D2,Two,250,USD,Closed Won',
    ',Nameless,5,USD,Open',
  ].join('\n');

  it('imports a repeated id once; a later row with other values wins, and both are reported', async () => {
    const { db, file } = setup();
    const result = await run(db, file('deals.csv', DEALS));
    // D1 and D2 new; D1 again unchanged (skipped); D2 again with another
    // amount (changed); the row without an id in a file with ids rejected.
    expect(result).toMatchObject({
      status: 'committed',
      rowsRead: 5,
      rowsNew: 2,
      rowsChanged: 1,
      rowsSkipped: 1,
      rowsRejected: 1,
    });
    expect(result.errors).toEqual([
      {
        line: 6,
        column: 'Deal ID',
        value: '',
        reason: 'A value is required here.',
      },
    ]);
    expect(result.warnings).toEqual([
      expect.stringContaining('first on line 4'),
      expect.stringContaining('line 5 repeats line 3'),
    ]);
    expect(
      db
        .prepare(
          "SELECT amount_minor, status FROM opportunities WHERE external_id = 'D2'",
        )
        .get(),
    ).toEqual({ amount_minor: 25000, status: 'won' });
  });

  it('rejects a row whose required value is blank, naming the column as spelled', async () => {
    const { db, file } = setup();
    const result = await run(
      db,
      file(
        'invoices.csv',
        [
          'Invoice Number,Invoice Date,Amount,Currency',
          'A1,2024-01-02,10.00,USD',
          'A2,,12.00,USD',
        ].join('\n'),
      ),
    );
    expect(result).toMatchObject({
      status: 'committed',
      rowsNew: 1,
      rowsRejected: 1,
    });
    expect(result.errors).toEqual([
      {
        line: 3,
        column: 'Invoice Date',
        value: '',
        reason: 'A value is required here.',
      },
    ]);
  });
});

describe('the shape of each row', () => {
  it('rejects a row with values beyond the header or too few of them, naming its line', async () => {
    const { db, file } = setup();
    const result = await run(
      db,
      file(
        'shapes.csv',
        [
          'Deal ID,Deal Name,Amount,Currency,Stage,',
          'D1,One,100,USD,Open,',
          'D2,Two,200,USD,Open,,extra',
          'D3,Three,300',
          'D4,Four,400,USD,Won',
        ].join('\n'),
      ),
    );
    expect(result).toMatchObject({ rowsNew: 2, rowsRejected: 2 });
    expect(result.errors.map((error) => error.line)).toEqual([3, 4]);
    expect(result.errors[0]?.reason).toContain('more values (6)');
    expect(result.errors[1]?.reason).toContain('fewer values (3)');
  });
});

describe('Pipedrive-style deal exports', () => {
  it('are recognised from their "Deal - …" headers', async () => {
    const { db, file } = setup();
    const result = await run(
      db,
      file(
        'pipedrive.csv',
        [
          'Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Stage,Deal - Owner,Deal - Organization,Deal - Expected close date,Deal - Add time',
          '7,Kestrel renewal,1500,EUR,Proposal Made,Ann,Kestrel Labs,2024-05-31,2024-03-02',
        ].join('\n'),
      ),
    );
    expect(result).toMatchObject({ preset: 'crm-deals', rowsNew: 1 });
    expect(
      db
        .prepare(
          `SELECT name, amount_minor, currency, stage, owner_name,
                  account_name, expected_close_on, created_on
             FROM opportunities`,
        )
        .get(),
    ).toEqual({
      name: 'Kestrel renewal',
      amount_minor: 150000,
      currency: 'EUR',
      stage: 'Proposal Made',
      owner_name: 'Ann',
      account_name: 'Kestrel Labs',
      expected_close_on: '2024-05-31',
      created_on: '2024-03-02',
    });
  });
});

describe('how many rejected rows a result lists', () => {
  it('is the first 100 unless asked for more; all are kept', async () => {
    const { db, file } = setup();
    const rows = Array.from({ length: 150 }, (_, index) => `A${index},,1.00`);
    const path = file(
      'invoices.csv',
      ['Invoice Number,Invoice Date,Amount', ...rows].join('\n'),
    );
    const first = await run(db, path, { isDryRun: true });
    expect(first.rowsRejected).toBe(150);
    expect(first.errors).toHaveLength(100);
    const all = await run(db, path, { errorLimit: 1000 });
    expect(all.errors).toHaveLength(150);
    expect(
      db.prepare('SELECT count(*) FROM import_row_errors').pluck().get(),
    ).toBe(150);
  });
});
