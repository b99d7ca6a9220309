// The open workspace, its recent list, and the period every place shares.
import type { ArgsOf, WorkspaceInfo } from '../../../shared/contract.js';
import { api } from '../api/index.js';
import type { SliceCreator } from '../store/types.js';

export type WorkspaceDialogKind = 'new' | 'open';

export type WorkspaceSlice = {
  workspace: WorkspaceInfo | null;
  recent: string[];
  /** `YYYY`, `YYYY-Qn` or `YYYY-MM`; null for all time. */
  period: string | null;
  /** Rises whenever the workspace's data may have changed. */
  dataVersion: number;
  workspaceDialog: WorkspaceDialogKind | null;
  isWorkspaceBusy: boolean;
  workspaceError: unknown;
  workspaceOpened(info: WorkspaceInfo): void;
  dataChanged(): void;
  setPeriod(period: string | null): void;
  showWorkspaceDialog(kind: WorkspaceDialogKind | null): void;
  startNewWorkspace(): Promise<void>;
  startOpenWorkspace(): Promise<void>;
  createWorkspace(path: string, name?: string): Promise<boolean>;
  openWorkspace(path: string): Promise<boolean>;
  openDemo(): Promise<boolean>;
  refreshWorkspace(): Promise<void>;
  loadRecent(): Promise<void>;
  updateWorkspaceSettings(
    changes: ArgsOf<'workspace.updateSettings'>,
  ): Promise<boolean>;
};

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (
  set,
  get,
) => {
  /** Runs a call that opens a workspace; true when it did. */
  const switchWith = async (
    open: () => Promise<WorkspaceInfo>,
  ): Promise<boolean> => {
    set({ isWorkspaceBusy: true, workspaceError: null });
    try {
      const info = await open();
      get().workspaceOpened(info);
      set({ workspaceDialog: null });
      void get().loadRecent();
      return true;
    } catch (error) {
      set({ workspaceError: error });
      return false;
    } finally {
      set({ isWorkspaceBusy: false });
    }
  };

  const hasNativeDialogs = () => get().appInfo?.hasNativeDialogs === true;

  return {
    workspace: null,
    recent: [],
    period: null,
    dataVersion: 0,
    workspaceDialog: null,
    isWorkspaceBusy: false,
    workspaceError: null,

    workspaceOpened: (info) => {
      const isSameFile = get().workspace?.path === info.path;
      set((state) => ({
        workspace: info,
        period: isSameFile ? state.period : null,
        dataVersion: state.dataVersion + 1,
      }));
      if (!isSameFile) {
        get().resetImport();
        set({
          gridTotals: {},
          gridDrill: null,
          gridMetricDrill: null,
          segmentFilter: null,
          reportingCurrency: null,
          metricCards: { status: 'idle' },
          views: { status: 'idle' },
        });
      }
    },

    dataChanged: () => set((state) => ({ dataVersion: state.dataVersion + 1 })),

    setPeriod: (period) => set({ period }),

    showWorkspaceDialog: (kind) => {
      set({ workspaceDialog: kind, workspaceError: null });
      if (kind !== null) void get().loadRecent();
    },

    startNewWorkspace: async () => {
      if (!hasNativeDialogs()) return get().showWorkspaceDialog('new');
      try {
        const { path } = await api.call('dialog.saveWorkspace', {});
        if (path !== null) await get().createWorkspace(path);
      } catch (error) {
        set({ workspaceError: error });
      }
    },

    startOpenWorkspace: async () => {
      if (!hasNativeDialogs()) return get().showWorkspaceDialog('open');
      try {
        const { path } = await api.call('dialog.openWorkspace', {});
        if (path !== null) await get().openWorkspace(path);
      } catch (error) {
        set({ workspaceError: error });
      }
    },

    createWorkspace: (path, name) =>
      switchWith(() =>
        api.call('workspace.create', name ? { path, name } : { path }),
      ),

    openWorkspace: (path) =>
      switchWith(() => api.call('workspace.open', { path })),

    openDemo: () => switchWith(() => api.call('workspace.openDemo', {})),

    refreshWorkspace: async () => {
      try {
        const info = await api.call('workspace.current', {});
        if (info) set({ workspace: info });
      } catch (error) {
        set({ workspaceError: error });
      }
    },

    loadRecent: async () => {
      try {
        set({ recent: await api.call('workspace.recent', {}) });
      } catch {
        // The recent list is a convenience; the path field still works.
        set({ recent: [] });
      }
    },

    updateWorkspaceSettings: async (changes) => {
      set({ isWorkspaceBusy: true, workspaceError: null });
      try {
        const info = await api.call('workspace.updateSettings', changes);
        const before = get().workspace;
        const calendarChanged =
          info.fiscalYearStartMonth !== before?.fiscalYearStartMonth ||
          info.fiscalYearLabel !== before?.fiscalYearLabel;
        const metricsChanged =
          info.grossMarginPct !== before?.grossMarginPct ||
          info.churnWindowMonths !== before?.churnWindowMonths ||
          info.isReactivationInNrr !== before?.isReactivationInNrr;
        set({ workspace: info });
        // Numbers that depend on the metric settings are computed again.
        if (metricsChanged && !calendarChanged) get().dataChanged();
        // Fiscal periods mean other dates now; start again from all time.
        if (calendarChanged) {
          set({ period: null });
          get().dataChanged();
        }
        return true;
      } catch (error) {
        set({ workspaceError: error });
        return false;
      } finally {
        set({ isWorkspaceBusy: false });
      }
    },
  };
};
