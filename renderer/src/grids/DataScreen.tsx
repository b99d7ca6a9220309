// Data: one grid per entity under tabs, with the row count the engine
// reports, a quick search over text columns, CSV export, and, after a
// click on a figure at Home, a chip saying which deals are listed.
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
import { metricDrillLabel } from '../dashboard/metricText.js';
import { columnTitle } from './columnDefs.js';
import {
  downloadText,
  downloadWorkbook,
  EXPORT_ROW_LIMIT,
  fetchAllRows,
  type GridQuery,
} from './csvExport.js';
import { toCsv } from './csvText.js';
import { drillLabel } from './drill.js';
import { DrillChip } from './DrillChip.js';
import { DeleteRows, isDeletable } from './DeleteRows.js';
import { EntityGrid } from './EntityGrid.js';

const SEARCH_DELAY_MS = 250;

type ColumnsState =
  | { status: 'loading' }
  | { status: 'ready'; columns: GridColumn[] }
  | { status: 'error'; error: unknown };

type ColumnsAnswer = Exclude<ColumnsState, { status: 'loading' }> & {
  entity: GridEntity;
  attempt: number;
};

function useGridColumns(entity: GridEntity) {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<ColumnsAnswer | null>(null);
  useEffect(() => {
    let isCurrent = true;
    api
      .call('grid.columns', { entity })
      .then((columns) => {
        if (isCurrent) setAnswer({ status: 'ready', columns, entity, attempt });
      })
      .catch((error: unknown) => {
        if (isCurrent) setAnswer({ status: 'error', error, entity, attempt });
      });
    return () => {
      isCurrent = false;
    };
  }, [entity, attempt]);
  // An answer to an earlier question (another table, a failed try) is no
  // answer yet: the columns are still loading.
  const isAnswered =
    answer !== null && answer.entity === entity && answer.attempt === attempt;
  const state: ColumnsState = isAnswered ? answer : { status: 'loading' };
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

/** One table with its toolbar; a new table starts with a fresh one. */
function EntityView({ entity }: { entity: GridEntity }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const total = useStore((state) => state.gridTotals[entity]);
  const drill = useStore((state) =>
    entity === 'opportunities' ? state.gridDrill : null,
  );
  const metricDrill = useStore((state) =>
    state.gridMetricDrill?.entity === entity
      ? state.gridMetricDrill.args
      : null,
  );
  const workspace = useStore((state) => state.workspace);
  const calendar = {
    startMonth: workspace?.fiscalYearStartMonth ?? 1,
    label: workspace?.fiscalYearLabel ?? ('end' as const),
  };
  const setTotal = useStore((state) => state.setGridTotal);
  const { state: columnsState, retry } = useGridColumns(entity);
  const [searchText, setSearchText] = useState('');
  const [quickSearch, setQuickSearch] = useState('');
  const [gridError, setGridError] = useState<unknown>(null);
  const [isExporting, setIsExporting] = useState(false);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const lastQuery = useRef<GridQuery | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);

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

  const exportXlsx = async () => {
    if (columnsState.status !== 'ready') return;
    setIsExporting(true);
    setExportNote(null);
    try {
      const titles = Object.fromEntries(
        columnsState.columns.map((column) => [
          column.id,
          columnTitle(locale, column.id),
        ]),
      );
      const { base64, rows, isTruncated } = await api.call('grid.exportXlsx', {
        ...currentQuery(),
        titles,
      });
      downloadWorkbook(`${entity}.xlsx`, base64);
      if (isTruncated) {
        setExportNote(t('data.exportTooMany', { count: rows }));
      }
    } catch (error) {
      setGridError(error);
    } finally {
      setIsExporting(false);
    }
  };

  const currentQuery = (): GridQuery =>
    lastQuery.current ?? {
      entity,
      sort: [],
      filters: {},
      quickSearch,
      ...(drill ? { drill } : {}),
      ...(metricDrill ? { metricDrill } : {}),
    };

  const exportCsv = async () => {
    if (columnsState.status !== 'ready') return;
    const query = currentQuery();
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
    <>
      {drill && (
        <DrillChip
          label={drillLabel(t, locale, drill, calendar)}
          intro={t('drill.intro')}
          count={
            total === undefined ? null : t('drill.count', { count: total })
          }
          dismissLabel={t('drill.dismiss')}
          onDismissed={() => searchRef.current?.focus()}
        />
      )}
      {metricDrill && (
        <DrillChip
          label={metricDrillLabel(t, locale, metricDrill, calendar)}
          intro={t('drill.metricIntro')}
          count={
            total === undefined ? null : t(`total.${entity}`, { count: total })
          }
          dismissLabel={t('drill.dismissAll', {
            entity: t(`entity.${entity}`),
          })}
          onDismissed={() => searchRef.current?.focus()}
        />
      )}
      <div className="grid-toolbar">
        <p className="grid-total" data-testid="grid-total" aria-live="polite">
          {total === undefined ? '' : t(`total.${entity}`, { count: total })}
        </p>
        <label className="search">
          <span className="visually-hidden">{t('data.search')}</span>
          <input
            ref={searchRef}
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
        <button
          type="button"
          data-testid="grid-export-xlsx"
          disabled={isExporting || columnsState.status !== 'ready'}
          onClick={() => void exportXlsx()}
        >
          {t('data.exportXlsx')}
        </button>
        {isDeletable(entity) && (
          <DeleteRows
            entity={entity}
            ids={selected}
            onDeleted={() => setSelected([])}
          />
        )}
      </div>
      {exportNote !== null && <p className="notice">{exportNote}</p>}
      {gridError !== null && <ErrorNotice error={gridError} isCompact />}
      {total === 0 && (
        <p className="muted">
          {t(
            metricDrill
              ? 'data.emptyMetricDrill'
              : drill
                ? 'data.emptyDrill'
                : 'data.empty',
            { entity: t(`entity.${entity}`) },
          )}
        </p>
      )}
      {columnsState.status === 'loading' && (
        <LoadingNotice label={t('data.loading')} />
      )}
      {columnsState.status === 'error' && (
        <ErrorNotice error={columnsState.error} onRetry={retry} />
      )}
      {columnsState.status === 'ready' && (
        <EntityGrid
          key={locale}
          entity={entity}
          columns={columnsState.columns}
          quickSearch={quickSearch}
          drill={drill}
          metricDrill={metricDrill}
          onQuery={onQuery}
          {...(isDeletable(entity) ? { onSelection: setSelected } : {})}
          onTotal={onTotal}
          onError={onError}
        />
      )}
    </>
  );
}

export function DataScreen() {
  const entity = useStore((state) => state.gridEntity);
  return (
    <div className="data-place" data-testid="data">
      <EntityTabs />
      <EntityView key={entity} entity={entity} />
    </div>
  );
}
