import type { StateCreator } from 'zustand';
import type { AppSlice } from './appSlice.js';
import type { DashboardSlice } from '../dashboard/dashboardSlice.js';
import type { MetricsSlice } from '../dashboard/metricsSlice.js';
import type { ViewsSlice } from '../dashboard/viewsSlice.js';
import type { GridSlice } from '../grids/gridSlice.js';
import type { IdentitySlice } from '../import/identitySlice.js';
import type { ImportSlice } from '../import/importSlice.js';
import type { MappingSlice } from '../import/mappingSlice.js';
import type { WorkspaceSlice } from '../workspace/workspaceSlice.js';

export type Store = AppSlice &
  WorkspaceSlice &
  ImportSlice &
  MappingSlice &
  IdentitySlice &
  DashboardSlice &
  MetricsSlice &
  ViewsSlice &
  GridSlice;

export type SliceCreator<Slice> = StateCreator<Store, [], [], Slice>;

/** What a screen shows while its data loads, arrives or fails. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown; data: T | null };

export const IDLE = { status: 'idle' } as const;
