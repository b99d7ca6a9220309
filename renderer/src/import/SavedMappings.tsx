// The column mappings kept in this workspace: each is offered again for a
// file with the same header, and can be deleted here.
import { useState } from 'react';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { formatInstant, translateIfKnown } from '../i18n/index.js';
import { useStore } from '../store/index.js';

export function SavedMappings() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const saved = useStore((state) => state.savedMappings);
  const error = useStore((state) => state.savedMappingError);
  const deleteMapping = useStore((state) => state.deleteSavedMapping);
  const [confirming, setConfirming] = useState<string | null>(null);
  const data = saved.status === 'idle' ? null : saved.data;
  if (!data || data.length === 0) return null;
  return (
    <section className="panel" data-testid="saved-mappings">
      <header className="panel-header">
        <h3>{t('import.savedMappings')}</h3>
      </header>
      <p className="muted small">{t('import.savedMappingsIntro')}</p>
      {error !== null && <ErrorNotice error={error} isCompact />}
      <table className="table">
        <thead>
          <tr>
            <th>{t('import.col.name')}</th>
            <th>{t('import.col.entity')}</th>
            <th>{t('import.col.source')}</th>
            <th className="num">{t('import.col.columns')}</th>
            <th>{t('import.col.updated')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.map((mapping) => {
            const used = Object.values(mapping.columns).filter(Boolean);
            const isConfirming = confirming === mapping.name;
            return (
              <tr key={mapping.name}>
                <td>{mapping.name}</td>
                <td>
                  {translateIfKnown(locale, `entity.${mapping.entity}`) ??
                    mapping.entity}
                </td>
                <td>{mapping.source}</td>
                <td className="num">{used.length}</td>
                <td className="nowrap">
                  {formatInstant(locale, mapping.updatedAt)}
                </td>
                <td>
                  <button
                    type="button"
                    className="link small"
                    data-testid={`delete-mapping-${mapping.name}`}
                    onClick={() => {
                      if (!isConfirming) {
                        setConfirming(mapping.name);
                        return;
                      }
                      setConfirming(null);
                      void deleteMapping(mapping.name);
                    }}
                  >
                    {t(
                      isConfirming
                        ? 'import.deleteMappingConfirm'
                        : 'import.deleteMapping',
                    )}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
