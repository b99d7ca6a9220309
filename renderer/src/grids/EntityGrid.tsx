// One AG Grid over one entity, fed page by page through the infinite row
// model: the grid asks for a window of rows with its sort and filters (and
// the KPI drill, if any), and the engine answers that window and the total.
import {
  AllCommunityModule,
  colorSchemeDark,
  ModuleRegistry,
  themeQuartz,
  type GridApi,
  type IDatasource,
  type IGetRowsParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import {
  GRID_ROW_ID,
  type Drill,
  type GridColumn,
  type GridEntity,
  type MetricDrillArgs,
} from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { useColorScheme } from '../common/useColorScheme.js';
import { useStore } from '../store/index.js';
import { columnDefs, toContractFilters, type GridRow } from './columnDefs.js';
import { gridLocaleText } from './gridLocale.js';
import type { GridQuery } from './csvExport.js';

ModuleRegistry.registerModules([AllCommunityModule]);

const BLOCK_ROWS = 200;
const MAX_SORT_COLUMNS = 4;

const lightTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
});
const darkTheme = lightTheme.withPart(colorSchemeDark);

type EntityGridProps = {
  entity: GridEntity;
  columns: readonly GridColumn[];
  quickSearch: string;
  drill: Drill | null;
  metricDrill: MetricDrillArgs | null;
  /** Told the query behind each page, so an export can repeat it. */
  onQuery(query: GridQuery): void;
  /** Rows can be ticked; told the record ids of the ticked ones. */
  onSelection?(ids: number[]): void;
  onTotal(total: number): void;
  onError(error: unknown): void;
};

export function EntityGrid({
  entity,
  columns,
  quickSearch,
  drill,
  metricDrill,
  onQuery,
  onSelection,
  onTotal,
  onError,
}: EntityGridProps) {
  const locale = useStore((state) => state.locale);
  const baseCurrency = useStore(
    (state) => state.workspace?.baseCurrency ?? 'USD',
  );
  const dataVersion = useStore((state) => state.dataVersion);
  const scheme = useColorScheme();

  const localeText = useMemo(() => gridLocaleText(locale), [locale]);
  const defs = useMemo(
    () => columnDefs(columns, locale, baseCurrency),
    [columns, locale, baseCurrency],
  );

  const gridApiRef = useRef<GridApi<GridRow> | null>(null);
  const shownVersion = useRef(dataVersion);
  useEffect(() => {
    // After an import the rows under the same sort and filters changed.
    if (shownVersion.current === dataVersion) return;
    shownVersion.current = dataVersion;
    gridApiRef.current?.refreshInfiniteCache();
  }, [dataVersion]);

  // A new datasource (another search or drill) makes the grid start over;
  // pages still on their way for the old one must not report its total.
  const liveSource = useRef<IDatasource | null>(null);
  const datasource = useMemo((): IDatasource => {
    const source: IDatasource = {
      getRows: (params: IGetRowsParams) => {
        const query: GridQuery = {
          entity,
          sort: params.sortModel.slice(0, MAX_SORT_COLUMNS).map((item) => ({
            column: item.colId,
            direction: item.sort,
          })),
          filters: toContractFilters(params.filterModel),
          quickSearch,
          ...(drill ? { drill } : {}),
          ...(metricDrill ? { metricDrill } : {}),
        };
        onQuery(query);
        api
          .call('grid.rows', {
            ...query,
            offset: params.startRow,
            limit: params.endRow - params.startRow,
          })
          .then(({ rows, total }) => {
            if (liveSource.current === source) onTotal(total);
            params.successCallback(rows, total);
          })
          .catch((error: unknown) => {
            if (liveSource.current === source) onError(error);
            params.failCallback();
          });
      },
    };
    return source;
  }, [entity, quickSearch, drill, metricDrill, onQuery, onTotal, onError]);
  useEffect(() => {
    liveSource.current = datasource;
  }, [datasource]);

  return (
    <div className="grid-host" data-testid={`grid-${entity}`}>
      <AgGridReact<GridRow>
        theme={scheme === 'dark' ? darkTheme : lightTheme}
        columnDefs={defs}
        localeText={localeText}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_ROWS}
        maxBlocksInCache={50}
        infiniteInitialRowCount={1}
        onGridReady={(event) => {
          gridApiRef.current = event.api;
        }}
        {...(onSelection
          ? {
              rowSelection: { mode: 'multiRow', headerCheckbox: false },
              getRowId: (params) => String(params.data[GRID_ROW_ID]),
              onSelectionChanged: (event) =>
                onSelection(
                  event.api
                    .getSelectedRows()
                    .map((row) => Number(row[GRID_ROW_ID])),
                ),
            }
          : {})}
        enableCellTextSelection
        animateRows={false}
      />
    </div>
  );
}
