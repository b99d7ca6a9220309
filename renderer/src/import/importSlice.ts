// Choosing files, running an import job, following its progress events,
// and reading back its batches and rejected rows.
import type {
  ColumnMapping,
  ImportBatch,
  JobProgress,
  ResultOf,
} from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { IDLE, type Loadable, type SliceCreator } from '../store/types.js';
import {
  AUTO_READING,
  readingArgs,
  type DeletedRecordsChoice,
  type ReadingOptions,
  type StartArgs,
} from './importOptions.js';
import { passingRun } from './outcome.js';

/** A file to import: a File in browser mode, a path in the desktop app. */
export type ChosenFile =
  | { kind: 'upload'; name: string; size: number; file: File }
  | { kind: 'path'; name: string; path: string };

export type ImportPhase = 'idle' | 'uploading' | 'running' | 'finished';

export type RowErrorPage = ResultOf<'import.rowErrors'>;

export type EngineFile = { path: string; name: string };

/** Files already on the engine's side, and how to read them. */
export type ImportRun = {
  files: EngineFile[];
  /** Columns mapped by hand; only ever for one file. */
  mapping?: ColumnMapping;
  saveMappingAs?: string;
};

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
  /** What a finished check read, ready to import for real. */
  checkedRun: ImportRun | null;
  /** The check now running, until it ends. */
  pendingCheck: ImportRun | null;
  /** The run the shown results come from. */
  lastRun: ImportRun | null;
  /** Whether that run was a check, which writes nothing by design. */
  isLastRunCheck: boolean;
  /** Checks one file of the last run again, with today's reading options. */
  recheckFile(name: string): Promise<void>;
  /** Starts a job for files already on the engine's side. */
  runImport(run: ImportRun, isDryRun: boolean): Promise<void>;
  importChecked(): Promise<void>;
  /** Runs the last import again, say after choosing what to do. */
  importAgain(): Promise<void>;
  readingOptions: ReadingOptions;
  setReadingOptions(patch: Partial<ReadingOptions>): void;
  /** For rows of records deleted earlier; null until the user chooses. */
  deletedRecords: DeletedRecordsChoice | null;
  setDeletedRecords(choice: DeletedRecordsChoice | null): void;
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
    set({
      importPhase: 'finished',
      isCancelling: false,
      pendingCheck: null,
      // Files that failed the check wait; the others can go ahead.
      checkedRun: checked === null ? null : passingRun(checked, progress),
      // A choice about deleted records holds for one import only.
      deletedRecords: checked !== null ? get().deletedRecords : null,
      // After a check the same files wait to be imported for real.
      chosenFiles: checked !== null ? get().chosenFiles : [],
    });
    get().dataChanged();
    void get().refreshWorkspace();
    void get().loadBatches();
    if (get().lastRun?.saveMappingAs) void get().loadSavedMappings();
    void get().offerMapping(progress.results, get().lastRun);
    const withErrors = progress.results.find(
      (result) => result.rowsRejected > 0 && result.batchId !== null,
    );
    if (withErrors?.batchId != null)
      void get().loadRowErrors(withErrors.batchId);
    else set({ rowErrorsBatchId: null, rowErrors: IDLE });
  };

  const run = async (importRun: ImportRun, isDryRun: boolean) => {
    const { files, mapping, saveMappingAs } = importRun;
    const { readingOptions, deletedRecords } = get();
    set({
      importPhase: 'running',
      job: null,
      importError: null,
      checkedRun: null,
      pendingCheck: isDryRun ? importRun : null,
      lastRun: importRun,
      isLastRunCheck: isDryRun,
      unmappedFiles: [],
      failedLayouts: {},
    });
    const args: StartArgs = {
      files,
      isDryRun,
      ...readingArgs(readingOptions),
      ...(mapping ? { mapping } : {}),
      ...(saveMappingAs ? { saveMappingAs } : {}),
      ...(deletedRecords ? { deletedRecords } : {}),
    };
    try {
      const { jobId } = await api.call('import.start', args);
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

    chooseFiles: (files) =>
      set({ chosenFiles: files, importError: null, deletedRecords: null }),

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

    checkedRun: null,
    pendingCheck: null,
    lastRun: null,
    isLastRunCheck: false,
    readingOptions: AUTO_READING,
    deletedRecords: null,

    setReadingOptions: (patch) =>
      set((state) => ({
        readingOptions: { ...state.readingOptions, ...patch },
      })),

    setDeletedRecords: (choice) => set({ deletedRecords: choice }),

    runImport: run,

    leaveCheck: () => set({ importPhase: 'idle', job: null, checkedRun: null }),

    importChecked: async () => {
      const checked = get().checkedRun;
      if (!checked) return;
      await run(checked, false);
    },

    importAgain: async () => {
      const last = get().lastRun;
      if (!last) return;
      await run(last, false);
    },

    recheckFile: async (name) => {
      const last = get().lastRun;
      const file = last?.files.find((item) => item.name === name);
      if (!last || !file) return;
      await run({ ...last, files: [file] }, true);
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
        const files: EngineFile[] = [];
        for (const [index, item] of chosen.entries()) {
          set({ uploadIndex: index });
          const path =
            item.kind === 'path' ? item.path : await api.uploadFile(item.file);
          files.push({ path, name: item.name });
        }
        await run({ files }, options?.isCheck === true);
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
        void get().loadMerges();
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
        checkedRun: null,
        pendingCheck: null,
        lastRun: null,
        isLastRunCheck: false,
        deletedRecords: null,
      });
      get().resetImportTools();
    },
  };
};
