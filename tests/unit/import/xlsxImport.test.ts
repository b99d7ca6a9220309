import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/import/runImport.js';
import { cellText } from '../../../electron/engine/import/xlsxReader.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

const HEADER = [
  'opportunity_id',
  'sales_agent',
  'product',
  'account',
  'deal_stage',
  'engage_date',
  'close_date',
  'close_value',
];

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

const quiet = { isCancelled: () => false, onProgress: () => undefined };

async function workbook(path: string, isDate1904: boolean) {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = isDate1904;
  const notes = book.addWorksheet('Notes');
  notes.addRow(['not the data']);
  const sheet = book.addWorksheet('Pipeline');
  sheet.addRow(HEADER);
  sheet.addRow([
    'D1',
    'Ann',
    'GTX Pro',
    'Acme',
    'Won',
    new Date(Date.UTC(2017, 0, 2)),
    new Date(Date.UTC(2017, 1, 28)),
    4514,
  ]);
  sheet.addRow([
    'D2',
    'Bo',
    'MG Special',
    { richText: [{ text: 'Beta' }, { text: 'tech' }] },
    'Lost',
    new Date(Date.UTC(2016, 11, 31)),
    new Date(Date.UTC(2017, 2, 1)),
    0,
  ]);
  sheet.addRow([
    'D3',
    'Bo',
    'MG Special',
    'Acme',
    'Engaging',
    new Date(Date.UTC(2017, 5, 30)),
    null,
    null,
  ]);
  sheet.getColumn(6).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(7).numFmt = 'dd/mm/yyyy';
  await book.xlsx.writeFile(path);
}

describe('XLSX workbooks', () => {
  it.each([false, true])(
    'reads typed cells and serial dates (1904 system: %s) from a chosen sheet',
    async (isDate1904) => {
      const workspace = tempWorkspace();
      temp = workspace.temp;
      const path = join(temp.dir, 'pipeline.xlsx');
      await workbook(path, isDate1904);
      const result = await importFile(
        workspace.db,
        { path, name: 'pipeline.xlsx', preset: null, sheet: 'Pipeline' },
        quiet,
      );
      expect(result).toMatchObject({
        status: 'committed',
        preset: 'maven-pipeline',
        sheet: 'Pipeline',
        encoding: null,
        rowsNew: 3,
        rowsRejected: 0,
      });
      const deals = workspace.db
        .prepare(
          'SELECT external_id, account_name, engaged_on, closed_on, amount_minor FROM opportunities ORDER BY id',
        )
        .all();
      expect(deals).toEqual([
        {
          external_id: 'D1',
          account_name: 'Acme',
          engaged_on: '2017-01-02',
          closed_on: '2017-02-28',
          amount_minor: 451400,
        },
        {
          external_id: 'D2',
          account_name: 'Betatech',
          engaged_on: '2016-12-31',
          closed_on: '2017-03-01',
          amount_minor: 0,
        },
        {
          external_id: 'D3',
          account_name: 'Acme',
          engaged_on: '2017-06-30',
          closed_on: null,
          amount_minor: null,
        },
      ]);
    },
  );

  it('names the sheets it has when the chosen one is missing, and writes nothing', async () => {
    const workspace = tempWorkspace();
    temp = workspace.temp;
    const path = join(temp.dir, 'pipeline.xlsx');
    await workbook(path, false);
    const result = await importFile(
      workspace.db,
      { path, name: 'pipeline.xlsx', preset: null, sheet: 'Deals' },
      quiet,
    );
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /no sheet named Deals \(it has Notes, Pipeline\)/,
    );
    expect(
      workspace.db.prepare('SELECT count(*) AS n FROM opportunities').get(),
    ).toEqual({ n: 0 });
  });

  it('turns each kind of cell into text the value readers understand', () => {
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(cellText(new Date(Date.UTC(2024, 1, 29, 13, 5)))).toBe(
      '2024-02-29T13:05:00.000Z',
    );
    expect(cellText({ formula: 'A1*2', result: 42 } as ExcelJS.CellValue)).toBe(
      '42',
    );
    expect(cellText({ error: '#N/A' } as ExcelJS.CellValue)).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });
});
