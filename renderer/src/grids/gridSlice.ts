// Which table the Data place shows, its quick search, and the row counts
// the engine last reported for each table.
import type { GridEntity } from '../../../shared/contract.js';
import type { SliceCreator } from '../store/types.js';

export type GridSlice = {
  gridEntity: GridEntity;
  gridQuickSearch: string;
  gridTotals: Partial<Record<GridEntity, number>>;
  setGridEntity(entity: GridEntity): void;
  setGridQuickSearch(text: string): void;
  setGridTotal(entity: GridEntity, total: number): void;
};

export const createGridSlice: SliceCreator<GridSlice> = (set) => ({
  gridEntity: 'opportunities',
  gridQuickSearch: '',
  gridTotals: {},
  setGridEntity: (entity) => set({ gridEntity: entity, gridQuickSearch: '' }),
  setGridQuickSearch: (text) => set({ gridQuickSearch: text }),
  setGridTotal: (entity, total) =>
    set((state) => ({ gridTotals: { ...state.gridTotals, [entity]: total } })),
});
