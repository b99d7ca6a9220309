// Reading options as `import.start` arguments, and when a result asks what
// to do with rows of records deleted earlier.
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/contract.js';
import {
  AUTO_READING,
  asksAboutDeletedRecords,
  currencyCode,
  isCurrencyInvalid,
  readingArgs,
} from '../../../renderer/src/import/importOptions.js';

function result(overrides: Partial<ImportResult>): ImportResult {
  return {
    batchId: null,
    file: 'deals.csv',
    preset: 'crm-deals',
    entity: 'opportunities',
    status: 'dry_run',
    encoding: 'UTF-8',
    delimiter: ',',
    sheet: null,
    rowsRead: 3,
    rowsSkipped: 0,
    rowsNew: 0,
    rowsChanged: 0,
    rowsUnchanged: 3,
    rowsRejected: 0,
    message: null,
    decimalMark: '.',
    dateOrders: {},
    mapping: {},
    mappingName: null,
    warnings: [],
    errors: [],
    ...overrides,
  };
}

describe('readingArgs', () => {
  it('leaves out what is decided from the file', () => {
    expect(readingArgs(AUTO_READING)).toEqual({});
  });

  it('passes what the user set, the currency upper-cased', () => {
    expect(
      readingArgs({ dateOrder: 'dmy', currency: ' eur ', decimalMark: ',' }),
    ).toEqual({ dateOrder: 'dmy', currency: 'EUR', decimalMark: ',' });
  });

  it('never passes a currency that is not a code', () => {
    expect(readingArgs({ ...AUTO_READING, currency: 'EURO' })).toEqual({});
    expect(currencyCode('€')).toBeNull();
    expect(isCurrencyInvalid('US')).toBe(true);
    expect(isCurrencyInvalid('')).toBe(false);
  });
});

describe('asksAboutDeletedRecords', () => {
  it('is true for a check that found rows of deleted records', () => {
    const warning =
      '2 row(s) of deals.csv are records deleted earlier (first on line 3). ' +
      'The import will ask whether to skip or restore them.';
    expect(asksAboutDeletedRecords(result({ warnings: [warning] }))).toBe(true);
  });

  it('is true for an import refused for want of the choice', () => {
    const message =
      '2 row(s) of deals.csv are records deleted earlier (first on line ' +
      '3). Choose whether to skip them or restore them; nothing was imported.';
    expect(asksAboutDeletedRecords(result({ status: 'failed', message }))).toBe(
      true,
    );
  });

  it('is false once they were skipped as chosen, or for other warnings', () => {
    const skipped =
      '2 row(s) are records deleted earlier (first on line 3); they were ' +
      'skipped as chosen.';
    const status = 'committed' as const;
    expect(
      asksAboutDeletedRecords(result({ status, warnings: [skipped] })),
    ).toBe(false);
    const repeat = '1 row(s) repeat an earlier row of this file exactly.';
    expect(asksAboutDeletedRecords(result({ warnings: [repeat] }))).toBe(false);
  });
});
