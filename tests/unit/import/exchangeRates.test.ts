import { afterEach, describe, expect, it } from 'vitest';
import { exportRecords } from '../../../electron/engine/export/exportRecords.js';
import { rateText } from '../../../electron/engine/import/presets/exchangeRates.js';
import { rollbackBatch } from '../../../electron/engine/import/rollback.js';
import {
  importFile,
  type ImportRequest,
} from '../../../electron/engine/import/runImport.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

const quiet = { isCancelled: () => false, onProgress: () => undefined };

function setup() {
  const workspace = tempWorkspace();
  temp = workspace.temp;
  const run = (
    name: string,
    lines: string[],
    extra: Partial<ImportRequest> = {},
  ) =>
    importFile(
      workspace.db,
      {
        path: workspace.temp.file(name, lines.join('\r\n')),
        name,
        preset: null,
        ...extra,
      },
      quiet,
    );
  const rates = () =>
    workspace.db
      .prepare(
        `SELECT rate_on, from_currency, to_currency, rate FROM exchange_rates
         ORDER BY rate_on, from_currency, to_currency`,
      )
      .all();
  return { db: workspace.db, run, rates };
}

describe('rateText', () => {
  it('keeps the digits as written, trailing zeros and all', () => {
    expect(rateText('1.0800', '.')).toBe('1.0800');
    expect(rateText('0.000712345678901234567', '.')).toBe(
      '0.000712345678901234567',
    );
    expect(rateText('1,350.25', '.')).toBe('1350.25');
    expect(rateText('1.350,25', ',')).toBe('1350.25');
  });

  it('reads a cell only the other mark can read by that mark', () => {
    expect(rateText('1,0843', '.')).toBe('1.0843');
    expect(rateText('0,925', '.')).toBe('0.925');
    expect(rateText('0.925', ',')).toBe('0.925');
  });

  it('refuses one group of three digits after the thousands mark', () => {
    expect(() => rateText('1,085', '.')).toThrow(/1085 or as 1\.085/);
    expect(() => rateText('1.085', ',')).toThrow(/Choose the file's locale/);
    expect(rateText('1,085', ',')).toBe('1.085');
    expect(rateText('1.085', '.')).toBe('1.085');
  });

  it('gives nothing for negatives and text', () => {
    expect(rateText('-1.2', '.')).toBeNull();
    expect(rateText('n/a', '.')).toBeNull();
  });
});

describe('exchange-rate exports', () => {
  it('imports pairs with exact rates, and again changes nothing', async () => {
    const { db, run, rates } = setup();
    const lines = [
      'Date,From,To,Rate',
      '2024-01-31,eur,usd,1.0800',
      '2024-01-31,USD,KRW,"1,335.50"',
      '2024-02-29,USD,JPY,149.92',
      '2024-02-29,KRW,USD,0.000712345678901234567',
    ];
    const first = await run('rates.csv', lines);
    expect(first).toMatchObject({
      status: 'committed',
      preset: 'exchange-rates',
      entity: 'exchange_rates',
      rowsNew: 4,
      rowsRejected: 0,
    });
    expect(rates()).toEqual([
      {
        rate_on: '2024-01-31',
        from_currency: 'EUR',
        to_currency: 'USD',
        rate: '1.0800',
      },
      {
        rate_on: '2024-01-31',
        from_currency: 'USD',
        to_currency: 'KRW',
        rate: '1335.50',
      },
      {
        rate_on: '2024-02-29',
        from_currency: 'KRW',
        to_currency: 'USD',
        rate: '0.000712345678901234567',
      },
      {
        rate_on: '2024-02-29',
        from_currency: 'USD',
        to_currency: 'JPY',
        rate: '149.92',
      },
    ]);
    const again = await run('rates.csv', lines);
    expect(again).toMatchObject({ rowsNew: 0, rowsUnchanged: 4 });
    const corrected = await run('rates.csv', [
      'Date,From,To,Rate',
      '2024-01-31,EUR,USD,1.0815',
    ]);
    expect(corrected).toMatchObject({ rowsChanged: 1 });
    expect([...exportRecords(db, 'exchange_rates')][0]).toMatchObject({
      source: 'rates',
      from_currency: 'EUR',
      to_currency: 'USD',
      rate: '1.0815',
    });
  });

  it('reads rates per base currency: the chosen one, else the reporting one', async () => {
    const { run, rates } = setup();
    const lines = ['date,currency,rate', '2024-03-01,USD,1.0842'];
    const chosen = await run('per-eur.csv', lines, { currency: 'EUR' });
    expect(chosen).toMatchObject({ preset: 'exchange-rates', rowsNew: 1 });
    const reporting = await run('per-usd.csv', [
      'date,currency,rate',
      '2024-03-01,KRW,1331.2',
    ]);
    expect(reporting).toMatchObject({ rowsNew: 1 });
    expect(rates()).toEqual([
      {
        rate_on: '2024-03-01',
        from_currency: 'EUR',
        to_currency: 'USD',
        rate: '1.0842',
      },
      {
        rate_on: '2024-03-01',
        from_currency: 'USD',
        to_currency: 'KRW',
        rate: '1331.2',
      },
    ]);
  });

  it('reads a central-bank export with its base column, semicolons and decimal commas', async () => {
    const { run, rates } = setup();
    const result = await run('ecb.csv', [
      'TIME_PERIOD;CURRENCY;CURRENCY_DENOM;OBS_VALUE',
      '31.01.2024;USD;EUR;1,0837',
      '31.01.2024;JPY;EUR;159,76',
      '01.02.2024;KRW;EUR;1.444,22',
    ]);
    expect(result).toMatchObject({
      status: 'committed',
      delimiter: ';',
      rowsNew: 3,
      rowsRejected: 0,
    });
    expect(rates()).toEqual([
      {
        rate_on: '2024-01-31',
        from_currency: 'EUR',
        to_currency: 'JPY',
        rate: '159.76',
      },
      {
        rate_on: '2024-01-31',
        from_currency: 'EUR',
        to_currency: 'USD',
        rate: '1.0837',
      },
      {
        rate_on: '2024-02-01',
        from_currency: 'EUR',
        to_currency: 'KRW',
        rate: '1444.22',
      },
    ]);
  });

  it('rejects what is no rate, naming the line, column and reason', async () => {
    const { run, rates } = setup();
    const result = await run('bad.csv', [
      'date,from,to,rate',
      '2024-01-02,EUR,USD,1.09',
      '2024-01-02,EURO,USD,1.09',
      '2024-01-02,EUR,EUR,1',
      '2024-01-02,EUR,GBP,0',
      '2024-01-02,EUR,CHF,-0.93',
      '2024-01-02,USD,KRW,"1,305"',
      '2024-01-02,,USD,1.1',
      '2024-01-02,EUR,JPY,',
    ]);
    expect(result).toMatchObject({ rowsNew: 1, rowsRejected: 7 });
    expect(
      result.errors.map(({ line, column, reason }) => [line, column, reason]),
    ).toEqual([
      [3, 'from', 'Not a three-letter currency code such as EUR or USD.'],
      [4, 'to', 'A rate from EUR to itself says nothing.'],
      [5, 'rate', 'Not a rate above zero.'],
      [6, 'rate', 'Not a rate above zero.'],
      [
        7,
        'rate',
        "Reads as 1305 or as 1.305. Choose the file's locale to say which.",
      ],
      [8, 'from', 'A value is required here.'],
      [9, 'rate', 'A value is required here.'],
    ]);
    expect(rates()).toHaveLength(1);
  });

  it('rolls an import of rates back', async () => {
    const { db, run, rates } = setup();
    const result = await run('rates.csv', [
      'date,from,to,rate',
      '2024-01-02,EUR,USD,1.09',
    ]);
    expect(rates()).toHaveLength(1);
    rollbackBatch(db, result.batchId ?? -1);
    expect(rates()).toEqual([]);
  });
});
