// Likely duplicate accounts and contacts with the evidence, a merge that
// keeps the record the user picks, and every merge so far with its undo.
import { useState } from 'react';
import type { ResultOf } from '../../../shared/contract.js';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { formatCount, formatInstant, translateIfKnown } from '../i18n/index.js';
import { useStore } from '../store/index.js';

type Suggestion = ResultOf<'identity.duplicates'>[number];

function suggestionKey(suggestion: Suggestion): string {
  return `${suggestion.entity}-${suggestion.ids.join('-')}`;
}

function SuggestionItem({ suggestion }: { suggestion: Suggestion }) {
  const t = useT();
  const isMerging = useStore((state) => state.isMerging);
  const mergeRecords = useStore((state) => state.mergeRecords);
  const [keepId, setKeepId] = useState(suggestion.ids[0] ?? 0);
  const key = suggestionKey(suggestion);
  const merge = () => {
    const others = suggestion.ids.filter((id) => id !== keepId);
    if (others.length > 0) void mergeRecords(suggestion.entity, keepId, others);
  };
  return (
    <li data-testid={`duplicate-${key}`}>
      <fieldset className="duplicate">
        <legend>
          <strong>{t(`entity.${suggestion.entity}`)}</strong>
          <span className="muted small"> · {suggestion.evidence}</span>
        </legend>
        <span className="muted small">{t('import.mergeKeep')}</span>
        {suggestion.ids.map((id, index) => (
          <label key={id} className="inline">
            <input
              type="radio"
              name={`keep-${key}`}
              checked={keepId === id}
              onChange={() => setKeepId(id)}
            />
            {suggestion.labels[index] ?? String(id)}
          </label>
        ))}
        <button
          type="button"
          disabled={isMerging}
          data-testid="merge"
          onClick={merge}
        >
          {t('import.merge')}
        </button>
      </fieldset>
    </li>
  );
}

function MergeList() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const merges = useStore((state) => state.merges);
  const isMerging = useStore((state) => state.isMerging);
  const undoMerge = useStore((state) => state.undoMerge);
  const data = merges.status === 'idle' ? null : merges.data;
  if (!data || data.length === 0) return null;
  return (
    <>
      <h3>{t('import.merges')}</h3>
      <div className="table-scroll">
        <table className="table" data-testid="merges">
          <thead>
            <tr>
              <th>{t('import.col.mergedAt')}</th>
              <th>{t('import.col.entity')}</th>
              <th>{t('import.col.kept')}</th>
              <th>{t('import.col.merged')}</th>
              <th className="num">{t('import.col.moved')}</th>
              <th>{t('import.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((merge) => (
              <tr key={merge.id} data-undone={merge.undoneAt !== null}>
                <td className="nowrap">
                  {formatInstant(locale, merge.mergedAt)}
                </td>
                <td>
                  {translateIfKnown(locale, `entity.${merge.entity}`) ??
                    merge.entity}
                </td>
                <td>{merge.keptLabel}</td>
                <td>{merge.mergedLabel}</td>
                <td className="num">
                  {formatCount(locale, merge.recordsMoved)}
                </td>
                <td>
                  {merge.undoneAt === null ? (
                    <button
                      type="button"
                      className="link"
                      disabled={isMerging}
                      data-testid={`unmerge-${merge.id}`}
                      onClick={() => void undoMerge(merge.id)}
                    >
                      {t('import.unmerge')}
                    </button>
                  ) : (
                    <span className="muted">
                      {t('import.unmerged', {
                        time: formatInstant(locale, merge.undoneAt),
                      })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function DuplicatesPanel() {
  const t = useT();
  const duplicates = useStore((state) => state.duplicates);
  const merges = useStore((state) => state.merges);
  const error = useStore((state) => state.identityError);
  const hasMerges = merges.status !== 'idle' && (merges.data?.length ?? 0) > 0;
  if (duplicates.length === 0 && !hasMerges) return null;
  return (
    <section className="panel" data-testid="duplicates">
      <header className="panel-header">
        <h3>{t('import.duplicates')}</h3>
      </header>
      {error !== null && <ErrorNotice error={error} isCompact />}
      {duplicates.length > 0 ? (
        <>
          <p className="muted small">{t('import.duplicatesIntro')}</p>
          <ul className="duplicates">
            {duplicates.map((suggestion) => (
              <SuggestionItem
                key={suggestionKey(suggestion)}
                suggestion={suggestion}
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="muted small">{t('import.duplicatesNone')}</p>
      )}
      <MergeList />
    </section>
  );
}
