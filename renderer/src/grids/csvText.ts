// RFC 4180 text of grid rows, kept apart from fetching and saving so that
// the quoting rules can be checked on their own.
import type { GridColumn } from '../../../shared/contract.js';
import type { GridRow } from './columnDefs.js';

/**
 * Quotes a cell. Text that a spreadsheet would run as a formula gets a
 * leading apostrophe, so an exported file cannot carry an injected formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  columns: readonly GridColumn[],
  headers: readonly string[],
  rows: readonly GridRow[],
): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => csvCell(row[column.id])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
