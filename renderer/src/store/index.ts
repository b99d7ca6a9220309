// The page's one store, assembled from the feature slices.
import { create } from 'zustand';
import { createDashboardSlice } from '../dashboard/dashboardSlice.js';
import { createMetricsSlice } from '../dashboard/metricsSlice.js';
import { createViewsSlice } from '../dashboard/viewsSlice.js';
import { createGridSlice } from '../grids/gridSlice.js';
import { createIdentitySlice } from '../import/identitySlice.js';
import { createImportSlice } from '../import/importSlice.js';
import { createMappingSlice } from '../import/mappingSlice.js';
import { createWorkspaceSlice } from '../workspace/workspaceSlice.js';
import { createAppSlice } from './appSlice.js';
import type { Store } from './types.js';

export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createImportSlice(...a),
  ...createMappingSlice(...a),
  ...createIdentitySlice(...a),
  ...createDashboardSlice(...a),
  ...createMetricsSlice(...a),
  ...createViewsSlice(...a),
  ...createGridSlice(...a),
}));

export type { Store } from './types.js';
export { PLACES, type Place } from './places.js';
