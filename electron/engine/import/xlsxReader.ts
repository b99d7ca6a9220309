// Reads a worksheet of an XLSX workbook as the same records a delimited
// file gives: typed cells become text the value readers understand (numbers
// with a decimal point, dates as ISO, booleans as TRUE/FALSE), so layouts,
// date-order and decimal-mark checks work unchanged. Dates stored as serial
// numbers in either the 1900 or the 1904 system come out as calendar dates.
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { WorkbenchError } from '../../../shared/envelope.js';
import type { CsvRecord } from './fileReader.js';

const BATCH_ROWS = 1000;

type CellValue = ExcelJS.CellValue;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function dateText(date: Date): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const isMidnight =
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0;
  return isMidnight ? day : date.toISOString();
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    default:
      break;
  }
  if ('richText' in value)
    return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result as CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : '';
  return '';
}

function counter(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

/**
 * Streams the rows of one worksheet (by name, or the first when none is
 * named) in batches. Rows keep their sheet row number as their line.
 */
export async function* readXlsxBatches(
  path: string,
  sheet: string | null,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<CsvRecord[]> {
  const input = createReadStream(path).pipe(counter(onBytes));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const seen: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      if (sheet !== null && name !== sheet) continue;
      let batch: CsvRecord[] = [];
      for await (const row of worksheet) {
        const values = (row as ExcelJS.Row).values as CellValue[];
        batch.push({
          line: (row as ExcelJS.Row).number,
          fields: values.slice(1).map(cellText),
        });
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      return;
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError(
      'import_failed',
      `${path}: the workbook cannot be read: ${(error as Error).message}`,
      { cause: error },
    );
  }
  throw new WorkbenchError(
    'import_failed',
    sheet === null
      ? `${path}: the workbook has no worksheet.`
      : `${path}: the workbook has no sheet named ${sheet} (it has ${seen.join(', ')}).`,
  );
}
