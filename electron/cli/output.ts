// How the command line prints results: JSON for scripts, aligned text for
// people.
import type {
  FieldChange,
  ImportBatch,
  ImportResult,
  JobProgress,
  KpiValue,
} from '../../shared/contract.js';
import { currencyExponent } from '../../shared/money.js';

/** Rejected rows listed under a file in text output; --json lists all. */
const SHOWN_ERRORS = 5;

function fileDetails(result: ImportResult): string {
  const lines: string[] = [];
  if (result.message) lines.push(result.message);
  if (result.mappingName) lines.push(`mapped with ${result.mappingName}`);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  for (const error of result.errors.slice(0, SHOWN_ERRORS)) {
    const where = error.column ? `, column ${error.column}` : '';
    const value = error.value ? ` (${JSON.stringify(error.value)})` : '';
    lines.push(`line ${error.line}${where}${value}: ${error.reason}`);
  }
  if (result.rowsRejected > SHOWN_ERRORS) {
    lines.push(
      `… ${result.rowsRejected - SHOWN_ERRORS} more rejected row(s); ` +
        (result.batchId === null
          ? '--json lists them all'
          : `\`revops errors <workspace> --batch ${result.batchId}\` ` +
            'or --json lists them all'),
    );
  }
  return lines.map((line) => `\n  ${line}`).join('');
}

export function printKpis(metrics: KpiValue[], isJson: boolean): string {
  if (isJson) {
    const plain = metrics.map(
      ({ id, value, unit, currency, period, group, note }) => ({
        id,
        value,
        unit,
        currency,
        period,
        group,
        ...(note ? { note } : {}),
      }),
    );
    return `${JSON.stringify({ metrics: plain })}\n`;
  }
  const lines = metrics.map((metric) => {
    const value = formatMetricValue(metric);
    const where = [metric.period, metric.group].filter(Boolean).join(' / ');
    return `${where ? `${where.padEnd(28)} ` : ''}${metric.id.padEnd(26)} ${value}`;
  });
  return `${lines.join('\n')}\n`;
}

/** A metric's value as text: its unit, its currency, or why it has none. */
export function formatMetricValue(metric: {
  value: number | null;
  unit: string;
  currency: string | null;
  note: string | null;
}): string {
  const { value } = metric;
  if (value === null) return `-${metric.note ? ` (${metric.note})` : ''}`;
  switch (metric.unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'multiple':
      return `${value.toFixed(2)}×`;
    case 'currency': {
      // Cents when there are any, to the currency's own minor unit.
      const digits = metric.currency ? currencyExponent(metric.currency) : 2;
      const text = value.toLocaleString('en-US', {
        minimumFractionDigits: Number.isInteger(value) ? 0 : digits,
        maximumFractionDigits: digits,
      });
      return `${text} ${metric.currency ?? ''}`.trim();
    }
    case 'days':
    case 'months':
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${metric.unit}`;
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}

export function printImport(progress: JobProgress, isJson: boolean): string {
  if (isJson) {
    return `${JSON.stringify({ state: progress.state, files: progress.results })}\n`;
  }
  const lines = progress.results.map(
    (result) =>
      [
        `${result.file}: ${result.status} as ${result.preset}`,
        `read ${result.rowsRead}`,
        `new ${result.rowsNew}`,
        `changed ${result.rowsChanged}`,
        `unchanged ${result.rowsUnchanged}`,
        `rejected ${result.rowsRejected}`,
        `skipped ${result.rowsSkipped}`,
      ].join(', ') + fileDetails(result),
  );
  return `${lines.join('\n')}\n`;
}

export function printProgress(progress: JobProgress): string {
  if (progress.state !== 'running') return '\n';
  const share =
    progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  const left =
    progress.secondsLeft === null ? '' : `, ${progress.secondsLeft}s left`;
  return (
    `\r${progress.file} (${progress.fileIndex + 1}/${progress.fileCount}) ` +
    `${Math.round(share * 100)}% ${progress.rowsDone} rows, ` +
    `${progress.rowsPerSecond} rows/s${left}   `
  );
}

export function printBatches(batches: ImportBatch[], isJson: boolean): string {
  if (isJson) return `${JSON.stringify({ batches })}\n`;
  if (batches.length === 0) return 'No imports yet.\n';
  const lines = batches.map((batch) =>
    [
      String(batch.id).padStart(4),
      batch.status.padEnd(12),
      batch.startedAt.slice(0, 19).replace('T', ' '),
      `${batch.file} (${batch.preset})`,
      `new ${batch.rowsNew}, changed ${batch.rowsChanged}, rejected ${batch.rowsRejected}`,
    ].join('  '),
  );
  return `${lines.join('\n')}\n`;
}

function changeValue(value: FieldChange['from']): string {
  return value === null ? '(blank)' : String(value);
}

export function printChanges(rows: FieldChange[], isJson: boolean): string {
  if (isJson) return `${JSON.stringify({ changes: rows })}\n`;
  if (rows.length === 0) return 'No field changes recorded.\n';
  return rows
    .map(
      (row) =>
        `batch ${row.batchId ?? '-'} ${row.entity} ` +
        `${row.label ?? row.externalId ?? `#${row.recordId ?? ''}`}: ` +
        `${row.field} ${changeValue(row.from)} -> ${changeValue(row.to)}` +
        `${row.currency ? ` ${row.currency}` : ''}\n`,
    )
    .join('');
}
