// Tables of the Import place: results of the last job, rejected rows of a
// batch, and every past batch of the workspace.
import { useState } from 'react';
import type { ImportBatch, ImportResult } from '../../../shared/contract.js';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import {
  formatCount,
  formatInstant,
  translateIfKnown,
  type Locale,
} from '../i18n/index.js';
import { useStore } from '../store/index.js';
import {
  entityText,
  HeldEntityText,
  ReadingFacts,
  ResultNotes,
} from './ResultNotes.js';

function statusText(locale: Locale, status: string): string {
  return translateIfKnown(locale, `import.status.${status}`) ?? status;
}

type Counts = Pick<
  ImportResult,
  'rowsRead' | 'rowsNew' | 'rowsChanged' | 'rowsUnchanged' | 'rowsRejected'
>;

type CountCellsProps = {
  counts: Counts;
  locale: Locale;
  /** A cancelled or failed file wrote nothing, whatever it had compared. */
  isWritten: boolean;
};

function CountCells({ counts, locale, isWritten }: CountCellsProps) {
  const written = (value: number) =>
    isWritten ? formatCount(locale, value) : '—';
  return (
    <>
      <td className="num">{formatCount(locale, counts.rowsRead)}</td>
      <td className="num">{written(counts.rowsNew)}</td>
      <td className="num">{written(counts.rowsChanged)}</td>
      <td className="num">{written(counts.rowsUnchanged)}</td>
      <td className={counts.rowsRejected > 0 ? 'num warn' : 'num'}>
        {formatCount(locale, counts.rowsRejected)}
      </td>
    </>
  );
}

function CountHeaders() {
  const t = useT();
  return (
    <>
      <th className="num">{t('import.col.read')}</th>
      <th className="num">{t('import.col.new')}</th>
      <th className="num">{t('import.col.changed')}</th>
      <th className="num">{t('import.col.unchanged')}</th>
      <th className="num">{t('import.col.rejected')}</th>
    </>
  );
}

export function ResultsTable({ results }: { results: ImportResult[] }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const loadRowErrors = useStore((state) => state.loadRowErrors);
  return (
    <table className="table" data-testid="import-results">
      <thead>
        <tr>
          <th>{t('import.col.file')}</th>
          <th>{t('import.col.entity')}</th>
          <CountHeaders />
          <th>{t('import.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result, index) => {
          const batchId = result.batchId;
          return (
            <tr key={`${result.file}-${index}`} data-status={result.status}>
              <td>
                {result.file}
                <ReadingFacts result={result} />
              </td>
              <td>
                <HeldEntityText result={result} />
              </td>
              <CountCells
                counts={result}
                locale={locale}
                isWritten={
                  result.status === 'committed' || result.status === 'dry_run'
                }
              />
              <td>
                {statusText(locale, result.status)}
                {result.message && (
                  <span
                    className={
                      result.status === 'failed'
                        ? 'result-reason small block'
                        : 'muted small block'
                    }
                    data-testid="result-reason"
                  >
                    {result.message}
                  </span>
                )}
                <ResultNotes result={result} />
                {result.rowsRejected > 0 && batchId !== null && (
                  <button
                    type="button"
                    className="link small block"
                    onClick={() => void loadRowErrors(batchId)}
                  >
                    {t('import.showErrors')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type RowErrorLine = {
  file?: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
};

/** Rejected rows: file (where rows come from several), line, column, value, reason. */
function RowErrorList({ rows }: { rows: readonly RowErrorLine[] }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const hasFile = rows.some((row) => row.file !== undefined);
  return (
    <table className="table">
      <thead>
        <tr>
          {hasFile && <th>{t('import.col.file')}</th>}
          <th className="num">{t('import.col.line')}</th>
          <th>{t('import.col.column')}</th>
          <th>{t('import.col.value')}</th>
          <th>{t('import.col.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.line}-${row.column ?? ''}-${index}`}>
            {hasFile && <td>{row.file}</td>}
            <td className="num">{formatCount(locale, row.line)}</td>
            <td>{row.column ?? ''}</td>
            <td className="mono">{row.value ?? ''}</td>
            <td>{row.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RowErrorsTable() {
  const t = useT();
  const batchId = useStore((state) => state.rowErrorsBatchId);
  const rowErrors = useStore((state) => state.rowErrors);
  const batches = useStore((state) => state.batches);
  const job = useStore((state) => state.job);
  const loadRowErrors = useStore((state) => state.loadRowErrors);
  if (batchId === null || rowErrors.status === 'idle') return null;

  const fromBatches =
    batches.status === 'idle'
      ? undefined
      : batches.data?.find((batch) => batch.id === batchId)?.file;
  const fromJob = job?.results.find((r) => r.batchId === batchId)?.file;
  const file = fromBatches ?? fromJob ?? String(batchId);
  const page = rowErrors.status === 'error' ? null : rowErrors.data;
  return (
    <section className="panel" data-testid="row-errors">
      <header className="panel-header">
        <h3>{t('import.rowErrorsOf', { file })}</h3>
      </header>
      {rowErrors.status === 'loading' && <LoadingNotice />}
      {rowErrors.status === 'error' && (
        <ErrorNotice
          error={rowErrors.error}
          onRetry={() => void loadRowErrors(batchId)}
          isCompact
        />
      )}
      {page && page.total === 0 && (
        <p className="muted">{t('import.rowErrorsNone')}</p>
      )}
      {page && page.total > 0 && (
        <>
          {page.total > page.rows.length && (
            <p className="muted small">
              {t('import.rowErrorsMore', {
                shown: page.rows.length,
                count: page.total,
              })}
            </p>
          )}
          <div className="table-scroll">
            <RowErrorList rows={page.rows} />
          </div>
        </>
      )}
    </section>
  );
}

export function BatchesTable({ batches }: { batches: ImportBatch[] }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const loadRowErrors = useStore((state) => state.loadRowErrors);
  const rollbackBatch = useStore((state) => state.rollbackBatch);
  const rollbackError = useStore((state) => state.rollbackError);
  const loadChanges = useStore((state) => state.loadChanges);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  if (batches.length === 0) {
    return <p className="muted">{t('import.batchesEmpty')}</p>;
  }
  // Only the newest import still in force can be undone; older ones follow.
  const undoable = batches.find((batch) => batch.status === 'committed')?.id;
  return (
    <div className="table-scroll">
      {rollbackError !== null && (
        <ErrorNotice error={rollbackError} isCompact />
      )}
      <table className="table" data-testid="import-batches">
        <thead>
          <tr>
            <th>{t('import.col.started')}</th>
            <th>{t('import.col.file')}</th>
            <th>{t('import.col.entity')}</th>
            <CountHeaders />
            <th>{t('import.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.id}>
              <td className="nowrap">
                {formatInstant(locale, batch.startedAt)}
              </td>
              <td>{batch.file}</td>
              <td>{entityText(locale, batch.entity)}</td>
              <CountCells
                counts={batch}
                locale={locale}
                isWritten={batch.status === 'committed'}
              />
              <td>
                {statusText(locale, batch.status)}
                {batch.rowsRejected > 0 && (
                  <button
                    type="button"
                    className="link small block"
                    onClick={() => void loadRowErrors(batch.id)}
                  >
                    {t('import.showErrors')}
                  </button>
                )}
                {batch.rowsChanged > 0 && (
                  <button
                    type="button"
                    className="link small block"
                    data-testid={`changes-${batch.id}`}
                    onClick={() => void loadChanges(batch.id, 0)}
                  >
                    {t('import.showChanges')}
                  </button>
                )}
                {batch.id === undoable && (
                  <button
                    type="button"
                    className="link small block"
                    data-testid={`rollback-${batch.id}`}
                    onClick={() => {
                      if (confirmingId !== batch.id) {
                        setConfirmingId(batch.id);
                        return;
                      }
                      setConfirmingId(null);
                      void rollbackBatch(batch.id);
                    }}
                  >
                    {confirmingId === batch.id
                      ? t('import.rollbackConfirm')
                      : t('import.rollback')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The first rejected rows a check found; a check keeps nothing itself. */
export function CheckErrors({ result }: { result: ImportResult }) {
  const t = useT();
  return (
    <div className="table-scroll" data-testid="check-errors">
      <h3>{t('import.rowErrorsOf', { file: result.file })}</h3>
      {result.rowsRejected > result.errors.length && (
        <p className="muted small">
          {t('import.rowErrorsMore', {
            shown: result.errors.length,
            count: result.rowsRejected,
          })}
        </p>
      )}
      <RowErrorList rows={result.errors} />
    </div>
  );
}
