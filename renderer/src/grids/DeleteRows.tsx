// Deleting the rows ticked in a grid, after saying what deleting means here:
// the records are set aside with their identity, and a later import of
// them asks whether to skip or restore them.
import { useState } from 'react';
import type { GridEntity } from '../../../shared/contract.js';
import { DELETABLE_ENTITIES } from '../../../shared/importSchemas.js';
import { api } from '../api/index.js';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';

/** Grids whose records can be deleted by hand. */
type DeletableEntity = GridEntity & (typeof DELETABLE_ENTITIES)[number];

export function isDeletable(entity: GridEntity): entity is DeletableEntity {
  return (DELETABLE_ENTITIES as readonly string[]).includes(entity);
}

type DeleteRowsProps = {
  entity: DeletableEntity;
  ids: readonly number[];
  onDeleted(): void;
};

export function DeleteRows({ entity, ids, onDeleted }: DeleteRowsProps) {
  const t = useT();
  const dataChanged = useStore((state) => state.dataChanged);
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);

  const remove = async () => {
    setIsBusy(true);
    setError(null);
    try {
      const { deleted } = await api.call('records.delete', {
        entity,
        ids: [...ids],
      });
      setDone(deleted);
      setIsAsking(false);
      onDeleted();
      dataChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="delete-rows" data-testid="delete-rows">
      {!isAsking && (
        <button
          type="button"
          data-testid="delete-selected"
          disabled={ids.length === 0}
          title={ids.length === 0 ? t('data.selectHint') : undefined}
          onClick={() => {
            setDone(null);
            setIsAsking(true);
          }}
        >
          {t('data.deleteSelected', { count: ids.length })}
        </button>
      )}
      {isAsking && (
        <div className="notice" role="alertdialog" aria-live="assertive">
          <p>
            {t('data.deleteConfirm', {
              count: ids.length,
              entity: t(`entity.${entity}`),
            })}
          </p>
          <button
            type="button"
            className="danger"
            data-testid="delete-confirm"
            disabled={isBusy || ids.length === 0}
            onClick={() => void remove()}
          >
            {t('data.deleteYes')}
          </button>{' '}
          <button type="button" onClick={() => setIsAsking(false)}>
            {t('data.deleteNo')}
          </button>
        </div>
      )}
      {done !== null && (
        <p className="muted" aria-live="polite">
          {t('data.deleted', { count: done })}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} isCompact />}
    </div>
  );
}
