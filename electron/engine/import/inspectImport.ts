// A look at a file before importing it: how it is encoded and delimited,
// its columns with a few rows of samples, and what the importer would make
// of it (a recognised layout or a saved mapping). The mapping screen is
// built from this.
import { basename } from 'node:path';
import type { FileInspection } from '../../../shared/contract.js';
import type { Db } from '../store/database.js';
import { isBlank } from './analyseFile.js';
import {
  inspectFile,
  readRecordBatches,
  type Delimiter,
} from './fileReader.js';
import { mappingForHeader } from './mappings.js';
import { recognisePreset } from './presets/index.js';

const SAMPLE_ROWS = 5;

export type InspectRequest = {
  path: string;
  name?: string;
  encoding?: string;
  delimiter?: Delimiter;
  sheet?: string;
};

export async function inspectImportFile(
  db: Db,
  request: InspectRequest,
): Promise<FileInspection> {
  const shape = inspectFile(request.path, request);
  let columns: string[] | null = null;
  const samples: string[][] = [];
  reading: for await (const batch of readRecordBatches(request.path, shape)) {
    for (const record of batch) {
      if (isBlank(record.fields)) continue;
      if (!columns) {
        columns = record.fields.map((field) => field.trim());
        continue;
      }
      samples.push(columns.map((_, index) => record.fields[index] ?? ''));
      if (samples.length >= SAMPLE_ROWS) break reading;
    }
  }
  const header = columns ?? [];
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    const key = name.toLowerCase();
    if (key !== '' && !index.has(key)) index.set(key, position);
  });
  const recognised = header.length ? recognisePreset(index) : null;
  const isXlsx = shape.format === 'xlsx';
  return {
    file: request.name ?? basename(request.path),
    format: isXlsx ? 'xlsx' : 'csv',
    encoding: isXlsx ? null : shape.encoding,
    delimiter: isXlsx ? null : shape.delimiter,
    sheet: shape.sheet,
    sheets: shape.sheet ? [shape.sheet] : [],
    columns: header,
    samples,
    preset: recognised?.preset.id ?? null,
    entity: recognised?.preset.entity ?? null,
    savedMapping: header.length ? mappingForHeader(db, header) : null,
  };
}
