// Reading options as `import.start` arguments, and when a result asks what
// to do with rows of records deleted earlier.
import { describe, expect, it } from 'vitest';
import { importResult } from './importResultFixture.js';
import {
  AUTO_READING,
  asksAboutDeletedRecords,
  currencyCode,
  isCurrencyInvalid,
  readingArgs,
} from '../../../renderer/src/import/importOptions.js';

const result = importResult;

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
    expect(asksAboutDeletedRecords(result({ rowsDeletedEarlier: 2 }))).toBe(
      true,
    );
  });

  it('is true for an import refused for want of the choice', () => {
    expect(
      asksAboutDeletedRecords(
        result({ status: 'failed', rowsDeletedEarlier: 2 }),
      ),
    ).toBe(true);
  });

  it('is false once they were skipped or restored, or when there are none', () => {
    expect(
      asksAboutDeletedRecords(
        result({ status: 'committed', rowsDeletedEarlier: 2 }),
      ),
    ).toBe(false);
    expect(asksAboutDeletedRecords(result({ rowsDeletedEarlier: 0 }))).toBe(
      false,
    );
  });
});
