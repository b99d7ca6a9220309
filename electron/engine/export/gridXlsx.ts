// A grid as an XLSX workbook: the rows the grid shows (same sort, filters,
// search and drill), written by a streaming workbook writer so that a large
// export keeps memory flat, with typed cells: numbers as numbers, amounts
// with two decimals beside their currency, calendar dates and instants as
// dates (instants in UTC, as stored).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { GridColumn, GridRowsArgs } from '../../../shared/contract.js';
import type { Db } from '../store/database.js';
import { gridColumns, gridRows, type GridScope } from '../grid/gridQuery.js';

/** More rows than this are cut, and the result says so. */
export const XLSX_ROW_LIMIT = 200_000;
const PAGE = 5000;

export type GridXlsxArgs = Omit<GridRowsArgs, 'offset' | 'limit'> & {
  /** Column titles as the window shows them, by column id. */
  titles?: Record<string, string>;
};

type Cell = string | number | null;

function cellValue(column: GridColumn, value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (column.type) {
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      if (!match) return String(value);
      const [, year, month, day] = match.map(Number);
      return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
    }
    case 'instant': {
      const at = new Date(String(value));
      return Number.isNaN(at.getTime()) ? String(value) : at;
    }
    case 'number':
    case 'money':
      return typeof value === 'number' ? value : Number(value);
    case 'text':
      return String(value);
  }
}

const FORMATS: Partial<Record<GridColumn['type'], string>> = {
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm:ss',
  money: '#,##0.00',
};

export async function gridXlsx(
  db: Db,
  args: GridXlsxArgs,
  scope?: GridScope,
): Promise<{ base64: string; rows: number; isTruncated: boolean }> {
  const columns = gridColumns(args.entity);
  const dir = mkdtempSync(join(tmpdir(), 'revops-xlsx-'));
  const path = join(dir, 'export.xlsx');
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(args.entity);
    sheet.columns = columns.map((column) => ({
      header: args.titles?.[column.id] ?? column.id,
      key: column.id,
      width: column.type === 'text' ? 24 : 14,
      style: FORMATS[column.type] ? { numFmt: FORMATS[column.type] } : {},
    }));
    let written = 0;
    let total = Infinity;
    while (written < Math.min(total, XLSX_ROW_LIMIT)) {
      const page = gridRows(
        db,
        {
          ...args,
          offset: written,
          limit: Math.min(PAGE, XLSX_ROW_LIMIT - written),
        },
        scope,
      );
      total = page.total;
      for (const row of page.rows) {
        sheet
          .addRow(
            columns.map((column) => cellValue(column, row[column.id] ?? null)),
          )
          .commit();
      }
      written += page.rows.length;
      if (page.rows.length === 0) break;
    }
    sheet.commit();
    await workbook.commit();
    return {
      base64: readFileSync(path).toString('base64'),
      rows: written,
      isTruncated: total > written,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
