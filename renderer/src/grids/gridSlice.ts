// Which table the Data place shows, the KPI drill it is narrowed to, and
// the row counts the engine last reported for each table.
import type { Drill, GridEntity } from '../../../shared/contract.js';
import type { SliceCreator } from '../store/types.js';

export type GridSlice = {
  gridEntity: GridEntity;
  /** The deals behind one KPI value; only the opportunities grid has one. */
  gridDrill: Drill | null;
  gridTotals: Partial<Record<GridEntity, number>>;
  setGridEntity(entity: GridEntity): void;
  /** Opens the opportunities grid on exactly the deals behind a figure. */
  drillInto(drill: Drill): void;
  clearDrill(): void;
  setGridTotal(entity: GridEntity, total: number): void;
};

/** The totals without the opportunities count, which a drill changes. */
function withoutDeals(
  totals: Partial<Record<GridEntity, number>>,
): Partial<Record<GridEntity, number>> {
  const { opportunities: _dropped, ...rest } = totals;
  return rest;
}

export const createGridSlice: SliceCreator<GridSlice> = (set) => ({
  gridEntity: 'opportunities',
  gridDrill: null,
  gridTotals: {},
  setGridEntity: (entity) =>
    set((state) =>
      entity === state.gridEntity
        ? {}
        : {
            gridEntity: entity,
            gridDrill: null,
            gridTotals: withoutDeals(state.gridTotals),
          },
    ),
  drillInto: (drill) =>
    set((state) => ({
      place: 'data',
      gridEntity: 'opportunities',
      gridDrill: drill,
      gridTotals: withoutDeals(state.gridTotals),
    })),
  clearDrill: () =>
    set((state) => ({
      gridDrill: null,
      gridTotals: withoutDeals(state.gridTotals),
    })),
  setGridTotal: (entity, total) =>
    set((state) => ({ gridTotals: { ...state.gridTotals, [entity]: total } })),
});
