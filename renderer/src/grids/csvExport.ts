// CSV export of what the grid shows: the same sort, filters, search and
// drill, fetched from the engine page by page (the infinite row model only
// ever holds a window of rows).
import type {
  ColumnFilter,
  Drill,
  GridEntity,
  MetricDrillArgs,
} from '../../../shared/contract.js';
import { api } from '../api/index.js';
import type { GridRow } from './columnDefs.js';

export const EXPORT_ROW_LIMIT = 200_000;
const PAGE = 5000;

export type GridQuery = {
  entity: GridEntity;
  sort: { column: string; direction: 'asc' | 'desc' }[];
  filters: Record<string, ColumnFilter>;
  quickSearch: string;
  /** The deals behind one KPI value; opportunities only. */
  drill?: Drill;
  /** The records behind one catalogue metric value. */
  metricDrill?: MetricDrillArgs;
};

/** Every row of the query up to the limit; `isTruncated` when more exist. */
export async function fetchAllRows(
  query: GridQuery,
): Promise<{ rows: GridRow[]; isTruncated: boolean }> {
  const rows: GridRow[] = [];
  let total = Infinity;
  while (rows.length < Math.min(total, EXPORT_ROW_LIMIT)) {
    const page = await api.call('grid.rows', {
      ...query,
      offset: rows.length,
      limit: Math.min(PAGE, EXPORT_ROW_LIMIT - rows.length),
    });
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length === 0) break;
  }
  return { rows, isTruncated: total > rows.length };
}

const XLSX_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves a workbook the engine wrote (base64) as a download. */
export function downloadWorkbook(fileName: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  saveBlob(fileName, new Blob([bytes], { type: XLSX_TYPE }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string): void {
  // A byte-order mark makes spreadsheet programs read the file as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  saveBlob(fileName, blob);
}
