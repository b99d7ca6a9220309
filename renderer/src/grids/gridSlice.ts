// Which table the Data place shows, the KPI drill it is narrowed to, and
// the row counts the engine last reported for each table.
import type {
  Drill,
  GridEntity,
  MetricDrillArgs,
} from '../../../shared/contract.js';
import type { SliceCreator } from '../store/types.js';

export type GridSlice = {
  gridEntity: GridEntity;
  /** The deals behind one KPI value; only the opportunities grid has one. */
  gridDrill: Drill | null;
  /** The records behind one catalogue metric value, in its own grid. */
  gridMetricDrill: MetricDrill | null;
  gridTotals: Partial<Record<GridEntity, number>>;
  setGridEntity(entity: GridEntity): void;
  /** Opens the opportunities grid on exactly the deals behind a figure. */
  drillInto(drill: Drill): void;
  /** Opens the grid of `entity` on exactly the rows behind a metric. */
  drillMetric(entity: GridEntity, drill: MetricDrillArgs): void;
  clearDrill(): void;
  setGridTotal(entity: GridEntity, total: number): void;
};

export type MetricDrill = { entity: GridEntity; args: MetricDrillArgs };

/** The totals without the drilled grid's count, which a drill changes. */
function withoutDeals(
  totals: Partial<Record<GridEntity, number>>,
  entity: GridEntity = 'opportunities',
): Partial<Record<GridEntity, number>> {
  const rest = { ...totals };
  delete rest[entity];
  delete rest.opportunities;
  return rest;
}

export const createGridSlice: SliceCreator<GridSlice> = (set) => ({
  gridEntity: 'opportunities',
  gridDrill: null,
  gridMetricDrill: null,
  gridTotals: {},
  setGridEntity: (entity) =>
    set((state) =>
      entity === state.gridEntity
        ? {}
        : {
            gridEntity: entity,
            gridDrill: null,
            gridMetricDrill: null,
            gridTotals: withoutDeals(
              state.gridTotals,
              state.gridMetricDrill?.entity,
            ),
          },
    ),
  drillInto: (drill) =>
    set((state) => ({
      place: 'data',
      gridEntity: 'opportunities',
      gridDrill: drill,
      gridMetricDrill: null,
      gridTotals: withoutDeals(state.gridTotals, state.gridMetricDrill?.entity),
    })),
  drillMetric: (entity, drill) =>
    set((state) => ({
      place: 'data',
      gridEntity: entity,
      gridDrill: null,
      gridMetricDrill: { entity, args: drill },
      gridTotals: withoutDeals(
        withoutDeals(state.gridTotals, state.gridMetricDrill?.entity),
        entity,
      ),
    })),
  clearDrill: () =>
    set((state) => ({
      gridDrill: null,
      gridMetricDrill: null,
      gridTotals: withoutDeals(state.gridTotals, state.gridMetricDrill?.entity),
    })),
  setGridTotal: (entity, total) =>
    set((state) => ({ gridTotals: { ...state.gridTotals, [entity]: total } })),
});
