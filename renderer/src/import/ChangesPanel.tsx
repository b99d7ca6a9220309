// The field changes one import recorded against what the records held
// before it: a deal's stage, amount, close date or owner, then and now.
import { useEffect, useRef } from 'react';
import type { FieldChange } from '../../../shared/contract.js';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { formatCount, translateIfKnown, type Locale } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { CHANGES_PAGE } from './identitySlice.js';

function valueText(locale: Locale, value: FieldChange['from']): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatCount(locale, value) : value;
}

/** An amount's field names its currency; its values are in major units. */
function fieldText(change: FieldChange): string {
  return change.currency
    ? `${change.field} (${change.currency})`
    : change.field;
}

function recordText(change: FieldChange): string {
  return change.label ?? change.externalId ?? String(change.recordId ?? '');
}

function ChangeRows({ rows }: { rows: readonly FieldChange[] }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  return (
    <table className="table" data-testid="changes-table">
      <thead>
        <tr>
          <th>{t('import.col.entity')}</th>
          <th>{t('import.col.record')}</th>
          <th>{t('import.col.field')}</th>
          <th>{t('import.col.before')}</th>
          <th>{t('import.col.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((change, index) => (
          <tr key={`${change.recordId ?? ''}-${change.field}-${index}`}>
            <td>
              {translateIfKnown(locale, `entity.${change.entity}`) ??
                change.entity}
            </td>
            <td>{recordText(change)}</td>
            <td className="mono">{fieldText(change)}</td>
            <td className="mono">{valueText(locale, change.from)}</td>
            <td className="mono">{valueText(locale, change.to)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChangesPanel() {
  const t = useT();
  const batchId = useStore((state) => state.changesBatchId);
  const offset = useStore((state) => state.changesOffset);
  const changes = useStore((state) => state.changes);
  const batches = useStore((state) => state.batches);
  const loadChanges = useStore((state) => state.loadChanges);
  const close = useStore((state) => state.closeChanges);
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // The list of imports is long; the changes open below it.
    if (batchId !== null) panelRef.current?.scrollIntoView({ block: 'start' });
  }, [batchId]);
  if (batchId === null || changes.status === 'idle') return null;

  const file =
    (batches.status === 'idle'
      ? undefined
      : batches.data?.find((batch) => batch.id === batchId)?.file) ??
    String(batchId);
  const page = changes.status === 'error' ? null : changes.data;
  const total = page?.total ?? 0;
  const isLoading = changes.status === 'loading';
  return (
    <section ref={panelRef} className="panel" data-testid="changes">
      <header className="panel-header">
        <h3>{t('import.changesOf', { file })}</h3>
        <button type="button" onClick={close}>
          {t('common.close')}
        </button>
      </header>
      <p className="muted small">{t('import.changesIntro')}</p>
      {isLoading && page === null && <LoadingNotice />}
      {changes.status === 'error' && (
        <ErrorNotice
          error={changes.error}
          onRetry={() => void loadChanges(batchId, offset)}
          isCompact
        />
      )}
      {page && total === 0 && (
        <p className="muted">{t('import.changesNone')}</p>
      )}
      {page && total > 0 && (
        <>
          <div className="table-scroll">
            <ChangeRows rows={page.rows} />
          </div>
          <div className="pager">
            <span className="muted small" data-testid="changes-range">
              {t('import.changesRange', {
                first: offset + 1,
                last: offset + page.rows.length,
                count: total,
              })}
            </span>
            <button
              type="button"
              disabled={isLoading || offset === 0}
              onClick={() =>
                void loadChanges(batchId, Math.max(0, offset - CHANGES_PAGE))
              }
            >
              {t('import.pagePrevious')}
            </button>
            <button
              type="button"
              disabled={isLoading || offset + CHANGES_PAGE >= total}
              data-testid="changes-next"
              onClick={() => void loadChanges(batchId, offset + CHANGES_PAGE)}
            >
              {t('import.pageNext')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
