// Choosing files, running an import job, following its progress events,
// and reading back its batches and rejected rows.
import type {
  ImportBatch,
  JobProgress,
  ResultOf,
} from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { IDLE, type Loadable, type SliceCreator } from '../store/types.js';

/** A file to import: a File in browser mode, a path in the desktop app. */
export type ChosenFile =
  | { kind: 'upload'; name: string; size: number; file: File }
  | { kind: 'path'; name: string; path: string };

export type ImportPhase = 'idle' | 'uploading' | 'running' | 'finished';

export type RowErrorPage = ResultOf<'import.rowErrors'>;

const ROW_ERROR_PAGE = 200;

export type ImportSlice = {
  chosenFiles: ChosenFile[];
  importPhase: ImportPhase;
  /** Index of the file being uploaded, while `importPhase` is uploading. */
  uploadIndex: number;
  job: JobProgress | null;
  importError: unknown;
  isCancelling: boolean;
  batches: Loadable<ImportBatch[]>;
  rowErrorsBatchId: number | null;
  rowErrors: Loadable<RowErrorPage>;
  chooseFiles(files: ChosenFile[]): void;
  pickNativeFiles(): Promise<void>;
  /** Runs the chosen files; a check counts and lists errors, writing nothing. */
  startImport(options?: { isCheck?: boolean }): Promise<void>;
  /** Files a finished check read, ready to import for real. */
  checkedFiles: { path: string; name: string }[] | null;
  /** Files of the check now running, until it ends. */
  pendingCheck: { path: string; name: string }[] | null;
  importChecked(): Promise<void>;
  /** Leaves a finished check without importing. */
  leaveCheck(): void;
  cancelImport(): Promise<void>;
  receiveProgress(progress: JobProgress): void;
  loadBatches(): Promise<void>;
  /** Likely duplicate accounts and contacts, with the evidence. */
  duplicates: ResultOf<'identity.duplicates'>;
  loadRowErrors(batchId: number): Promise<void>;
  /** Undoes the newest batch still in force; the engine refuses others. */
  rollbackBatch(batchId: number): Promise<void>;
  rollbackError: unknown;
  resetImport(): void;
};

function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => {
  // Jobs of a workspace the user has left: their last events are not news.
  const forgottenJobs = new Set<string>();

  const finish = (progress: JobProgress) => {
    const checked = get().pendingCheck;
    const isCleanCheck =
      checked !== null &&
      progress.state === 'done' &&
      progress.results.every((result) => result.status === 'dry_run');
    set({
      importPhase: 'finished',
      isCancelling: false,
      pendingCheck: null,
      checkedFiles: isCleanCheck ? checked : null,
      // After a check the same files wait to be imported for real.
      chosenFiles: checked !== null ? get().chosenFiles : [],
    });
    get().dataChanged();
    void get().refreshWorkspace();
    void get().loadBatches();
    const withErrors = progress.results.find(
      (result) => result.rowsRejected > 0 && result.batchId !== null,
    );
    if (withErrors?.batchId != null)
      void get().loadRowErrors(withErrors.batchId);
    else set({ rowErrorsBatchId: null, rowErrors: IDLE });
  };

  /** Starts the job for files already on the engine's side. */
  const run = async (
    files: { path: string; name: string }[],
    isDryRun: boolean,
  ) => {
    set({
      importPhase: 'running',
      job: null,
      importError: null,
      checkedFiles: null,
      pendingCheck: isDryRun ? files : null,
    });
    try {
      const { jobId } = await api.call('import.start', { files, isDryRun });
      // The first events may arrive before the answer; keep them.
      if (get().job === null) {
        set({
          job: {
            jobId,
            kind: 'import',
            state: 'running',
            phase: 'checking',
            file: files[0]?.name ?? '',
            fileIndex: 0,
            fileCount: files.length,
            rowsDone: 0,
            bytesDone: 0,
            bytesTotal: 0,
            rowsPerSecond: 0,
            secondsLeft: null,
            message: null,
            results: [],
          },
        });
      }
    } catch (error) {
      set({ importPhase: 'idle', importError: error });
    }
  };

  return {
    chosenFiles: [],
    importPhase: 'idle',
    uploadIndex: 0,
    job: null,
    importError: null,
    isCancelling: false,
    batches: IDLE,
    duplicates: [],
    rowErrorsBatchId: null,
    rowErrors: IDLE,

    chooseFiles: (files) => set({ chosenFiles: files, importError: null }),

    pickNativeFiles: async () => {
      try {
        const { paths } = await api.call('dialog.pickImportFiles', {});
        if (paths.length === 0) return;
        get().chooseFiles(
          paths.map((path) => ({ kind: 'path', name: baseName(path), path })),
        );
      } catch (error) {
        set({ importError: error });
      }
    },

    checkedFiles: null,
    pendingCheck: null,

    leaveCheck: () =>
      set({ importPhase: 'idle', job: null, checkedFiles: null }),

    importChecked: async () => {
      const files = get().checkedFiles;
      if (!files) return;
      await run(files, false);
    },

    startImport: async (options) => {
      const chosen = get().chosenFiles;
      if (chosen.length === 0) return;
      set({
        importPhase: 'uploading',
        uploadIndex: 0,
        job: null,
        importError: null,
        rowErrorsBatchId: null,
        rowErrors: IDLE,
      });
      try {
        const files: { path: string; name: string }[] = [];
        for (const [index, item] of chosen.entries()) {
          set({ uploadIndex: index });
          const path =
            item.kind === 'path' ? item.path : await api.uploadFile(item.file);
          files.push({ path, name: item.name });
        }
        await run(files, options?.isCheck === true);
      } catch (error) {
        set({ importPhase: 'idle', importError: error });
      }
    },

    cancelImport: async () => {
      const job = get().job;
      if (!job || job.state !== 'running') return;
      set({ isCancelling: true });
      try {
        await api.call('import.cancel', { jobId: job.jobId });
      } catch (error) {
        set({ importError: error, isCancelling: false });
      }
    },

    receiveProgress: (progress) => {
      const { job, importPhase } = get();
      if (forgottenJobs.has(progress.jobId)) return;
      const isOtherJob =
        job !== null && job.jobId !== progress.jobId && job.state === 'running';
      if (isOtherJob || importPhase === 'uploading') return;
      set({
        job: progress,
        importPhase: progress.state === 'running' ? 'running' : importPhase,
      });
      if (progress.state !== 'running') finish(progress);
    },

    loadBatches: async () => {
      const previous = get().batches;
      const data = previous.status === 'ready' ? previous.data : null;
      set({ batches: { status: 'loading', data } });
      try {
        const batches = await api.call('import.batches', {});
        set({ batches: { status: 'ready', data: batches } });
        // Suggestions are a side view: if they fail, the batches still show.
        const duplicates = await api
          .call('identity.duplicates', {})
          .catch(() => []);
        set({ duplicates });
      } catch (error) {
        set({ batches: { status: 'error', error, data } });
      }
    },

    rollbackError: null,

    rollbackBatch: async (batchId) => {
      set({ rollbackError: null });
      try {
        await api.call('import.rollback', { batchId });
        get().dataChanged();
        void get().refreshWorkspace();
        await get().loadBatches();
      } catch (error) {
        set({ rollbackError: error });
      }
    },

    loadRowErrors: async (batchId) => {
      set({
        rowErrorsBatchId: batchId,
        rowErrors: { status: 'loading', data: null },
      });
      try {
        const page = await api.call('import.rowErrors', {
          batchId,
          limit: ROW_ERROR_PAGE,
        });
        if (get().rowErrorsBatchId !== batchId) return;
        set({ rowErrors: { status: 'ready', data: page } });
      } catch (error) {
        set({ rowErrors: { status: 'error', error, data: null } });
      }
    },

    resetImport: () => {
      const job = get().job;
      if (job) forgottenJobs.add(job.jobId);
      set({
        chosenFiles: [],
        importPhase: 'idle',
        job: null,
        importError: null,
        isCancelling: false,
        batches: IDLE,
        rowErrorsBatchId: null,
        rowErrors: IDLE,
        checkedFiles: null,
        pendingCheck: null,
      });
    },
  };
};
