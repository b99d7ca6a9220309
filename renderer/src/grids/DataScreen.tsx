// Data: one grid per entity under tabs, with the row count the engine
// reports, a quick search over text columns, and CSV export.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  GRID_ENTITIES,
  type GridColumn,
  type GridEntity,
} from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { columnTitle } from './columnDefs.js';
import {
  downloadText,
  EXPORT_ROW_LIMIT,
  fetchAllRows,
  toCsv,
  type GridQuery,
} from './csvExport.js';
import { EntityGrid } from './EntityGrid.js';

const SEARCH_DELAY_MS = 250;

type ColumnsState =
  | { status: 'loading' }
  | { status: 'ready'; entity: GridEntity; columns: GridColumn[] }
  | { status: 'error'; error: unknown };

function useGridColumns(entity: GridEntity) {
  const [state, setState] = useState<ColumnsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setState({ status: 'loading' });
    api
      .call('grid.columns', { entity })
      .then((columns) => {
        if (isCurrent) setState({ status: 'ready', entity, columns });
      })
      .catch((error: unknown) => {
        if (isCurrent) setState({ status: 'error', error });
      });
    return () => {
      isCurrent = false;
    };
  }, [entity, attempt]);
  return { state, retry: () => setAttempt((value) => value + 1) };
}

function EntityTabs() {
  const t = useT();
  const entity = useStore((state) => state.gridEntity);
  const setEntity = useStore((state) => state.setGridEntity);
  return (
    <div className="tabs" role="tablist" aria-label={t('data.tabs')}>
      {GRID_ENTITIES.map((item) => (
        <button
          key={item}
          type="button"
          role="tab"
          aria-selected={item === entity}
          className={item === entity ? 'tab active' : 'tab'}
          data-testid={`tab-${item}`}
          onClick={() => setEntity(item)}
        >
          {t(`entity.${item}`)}
        </button>
      ))}
    </div>
  );
}

export function DataScreen() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const entity = useStore((state) => state.gridEntity);
  const total = useStore((state) => state.gridTotals[state.gridEntity]);
  const setTotal = useStore((state) => state.setGridTotal);
  const { state: columnsState, retry } = useGridColumns(entity);
  const [searchText, setSearchText] = useState('');
  const [quickSearch, setQuickSearch] = useState('');
  const [gridError, setGridError] = useState<unknown>(null);
  const [isExporting, setIsExporting] = useState(false);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const lastQuery = useRef<GridQuery | null>(null);

  useEffect(() => {
    setSearchText('');
    setQuickSearch('');
    setGridError(null);
    setExportNote(null);
  }, [entity]);

  useEffect(() => {
    const timer = setTimeout(
      () => setQuickSearch(searchText.trim()),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [searchText]);

  const onQuery = useCallback((query: GridQuery) => {
    lastQuery.current = query;
  }, []);
  const onTotal = useCallback(
    (value: number) => {
      setGridError(null);
      setTotal(entity, value);
    },
    [entity, setTotal],
  );
  const onError = useCallback((error: unknown) => setGridError(error), []);

  const exportCsv = async () => {
    if (columnsState.status !== 'ready') return;
    const query = lastQuery.current ?? {
      entity,
      sort: [],
      filters: {},
      quickSearch,
    };
    setIsExporting(true);
    setExportNote(null);
    try {
      const { rows, isTruncated } = await fetchAllRows(query);
      const columns = columnsState.columns;
      const headers = columns.map((column) => columnTitle(locale, column.id));
      downloadText(`${entity}.csv`, toCsv(columns, headers, rows));
      if (isTruncated) {
        setExportNote(t('data.exportTooMany', { count: EXPORT_ROW_LIMIT }));
      }
    } catch (error) {
      setGridError(error);
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <div className="data-place" data-testid="data">
      <EntityTabs />
      <div className="grid-toolbar">
        <p className="grid-total" data-testid="grid-total" aria-live="polite">
          {total === undefined ? '' : t(`total.${entity}`, { count: total })}
        </p>
        <label className="search">
          <span className="visually-hidden">{t('data.search')}</span>
          <input
            type="search"
            data-testid="grid-search"
            value={searchText}
            placeholder={t('data.searchPlaceholder')}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
        <button
          type="button"
          data-testid="grid-export"
          disabled={isExporting || columnsState.status !== 'ready'}
          onClick={() => void exportCsv()}
        >
          {t(isExporting ? 'data.exporting' : 'data.export')}
        </button>
      </div>
      {exportNote !== null && <p className="notice">{exportNote}</p>}
      {gridError !== null && <ErrorNotice error={gridError} isCompact />}
      {total === 0 && (
        <p className="muted">
          {t('data.empty', { entity: t(`entity.${entity}`) })}
        </p>
      )}
      {columnsState.status === 'loading' && (
        <LoadingNotice label={t('data.loading')} />
      )}
      {columnsState.status === 'error' && (
        <ErrorNotice error={columnsState.error} onRetry={retry} />
      )}
      {columnsState.status === 'ready' && columnsState.entity === entity && (
        <EntityGrid
          key={`${entity}-${locale}`}
          entity={entity}
          columns={columnsState.columns}
          quickSearch={quickSearch}
          onQuery={onQuery}
          onTotal={onTotal}
          onError={onError}
        />
      )}
    </div>
  );
}
