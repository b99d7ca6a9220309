// The mapping view: for a file no layout recognises, the user names the
// field each column holds, checks the result and imports it, optionally
// keeping the mapping for the next file with the same header.
import type {
  FileInspection,
  ImportResult,
  MappingTargetInfo,
  SavedMapping,
} from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { IDLE, type Loadable, type SliceCreator } from '../store/types.js';
import type { ChosenFile, EngineFile, ImportRun } from './importSlice.js';
import type { FailedLayouts } from './resultFacts.js';
import {
  draftForEntity,
  startingDraft,
  toColumnMapping,
  type MappableEntity,
  type MappingDraft,
} from './mappingDraft.js';

export type MappingSlice = {
  mappingTargets: Loadable<MappingTargetInfo[]>;
  savedMappings: Loadable<SavedMapping[]>;
  /** The file being mapped; null while the view is closed. */
  mappingFile: EngineFile | null;
  mappingInspection: Loadable<FileInspection>;
  mappingDraft: MappingDraft | null;
  /** Files of the last run that failed because no layout knows them. */
  unmappedFiles: EngineFile[];
  /** What the failed files of the last run hold, as far as it is known. */
  failedLayouts: FailedLayouts;
  openMapping(file: ChosenFile | EngineFile): Promise<void>;
  closeMapping(): void;
  setMappingEntity(entity: MappableEntity): void;
  setMappingChoice(column: string, field: string): void;
  setMappingSource(source: string): void;
  setMappingSaveAs(name: string): void;
  /** Checks or imports the mapped file with the draft mapping. */
  runMapping(isDryRun: boolean): Promise<void>;
  /** Looks at failed files of a run: those no layout knows get mapped. */
  offerMapping(results: ImportResult[], run: ImportRun | null): Promise<void>;
  loadSavedMappings(): Promise<void>;
  deleteSavedMapping(name: string): Promise<void>;
  savedMappingError: unknown;
  /** Forgets every import tool's state, as on a change of workspace. */
  resetImportTools(): void;
};

async function onEngineSide(file: ChosenFile | EngineFile) {
  if (!('kind' in file)) return file;
  if (file.kind === 'path') return { path: file.path, name: file.name };
  return { path: await api.uploadFile(file.file), name: file.name };
}

export const createMappingSlice: SliceCreator<MappingSlice> = (set, get) => {
  const loadTargets = async (): Promise<MappingTargetInfo[]> => {
    const current = get().mappingTargets;
    if (current.status === 'ready') return current.data;
    set({ mappingTargets: { status: 'loading', data: null } });
    try {
      const targets = await api.call('import.mappingTargets', {});
      set({ mappingTargets: { status: 'ready', data: targets } });
      return targets;
    } catch (error) {
      set({ mappingTargets: { status: 'error', error, data: null } });
      throw error;
    }
  };

  const updateDraft = (change: (draft: MappingDraft) => MappingDraft) => {
    const draft = get().mappingDraft;
    if (draft) set({ mappingDraft: change(draft) });
  };

  return {
    mappingTargets: IDLE,
    savedMappings: IDLE,
    mappingFile: null,
    mappingInspection: IDLE,
    mappingDraft: null,
    unmappedFiles: [],
    failedLayouts: {},
    savedMappingError: null,

    openMapping: async (chosen) => {
      set({
        mappingFile: null,
        mappingDraft: null,
        mappingInspection: { status: 'loading', data: null },
      });
      try {
        const file = await onEngineSide(chosen);
        set({ mappingFile: file });
        const [targets, inspection] = await Promise.all([
          loadTargets(),
          api.call('import.inspect', file),
        ]);
        // Another file may have been opened meanwhile.
        if (get().mappingFile?.path !== file.path) return;
        set({
          mappingInspection: { status: 'ready', data: inspection },
          mappingDraft: startingDraft(inspection, targets),
        });
      } catch (error) {
        set({ mappingInspection: { status: 'error', error, data: null } });
      }
    },

    closeMapping: () =>
      set({
        mappingFile: null,
        mappingDraft: null,
        mappingInspection: IDLE,
      }),

    setMappingEntity: (entity) => {
      const targets = get().mappingTargets;
      const inspection = get().mappingInspection;
      if (targets.status !== 'ready' || inspection.status !== 'ready') return;
      const target = targets.data.find((item) => item.entity === entity);
      if (!target) return;
      const previous = get().mappingDraft;
      set({
        mappingDraft: {
          ...draftForEntity(inspection.data.columns, target),
          saveAs: previous?.saveAs ?? '',
        },
      });
    },

    setMappingChoice: (column, field) =>
      updateDraft((draft) => ({
        ...draft,
        choices: { ...draft.choices, [column]: field },
      })),

    setMappingSource: (source) =>
      updateDraft((draft) => ({ ...draft, source })),

    setMappingSaveAs: (saveAs) =>
      updateDraft((draft) => ({ ...draft, saveAs })),

    runMapping: async (isDryRun) => {
      const file = get().mappingFile;
      const draft = get().mappingDraft;
      if (!file || !draft) return;
      const saveAs = draft.saveAs.trim();
      const run: ImportRun = {
        files: [file],
        mapping: toColumnMapping(draft),
        ...(saveAs === '' ? {} : { saveMappingAs: saveAs }),
      };
      // The outcome below the view takes over once the import is real.
      if (!isDryRun) get().closeMapping();
      await get().runImport(run, isDryRun);
    },

    offerMapping: async (results, run) => {
      if (!run) return;
      const failed = run.files.filter((file) =>
        results.some(
          (result) => result.file === file.name && result.status === 'failed',
        ),
      );
      const mapped = run.mapping;
      if (mapped) {
        // A file mapped by hand holds what the mapping says, whatever
        // stopped it.
        const layouts = Object.fromEntries(
          failed.map((file) => [file.name, mapped.entity]),
        );
        set({ failedLayouts: layouts });
        return;
      }
      const unmapped: EngineFile[] = [];
      const layouts: Record<string, string | null> = {};
      for (const file of failed) {
        try {
          const inspection = await api.call('import.inspect', file);
          const isUnknown =
            inspection.columns.length > 0 &&
            inspection.preset === null &&
            inspection.savedMapping === null;
          const entity =
            inspection.entity ?? inspection.savedMapping?.entity ?? null;
          if (isUnknown) unmapped.push(file);
          if (isUnknown) layouts[file.name] = null;
          else if (entity !== null) layouts[file.name] = entity;
        } catch {
          // A file that cannot even be read is not one to map.
        }
      }
      if (get().lastRun !== run) return;
      set({ unmappedFiles: unmapped, failedLayouts: layouts });
      const first = unmapped[0];
      if (first && get().mappingFile === null) void get().openMapping(first);
    },

    loadSavedMappings: async () => {
      const previous = get().savedMappings;
      const data = previous.status === 'ready' ? previous.data : null;
      set({ savedMappings: { status: 'loading', data } });
      try {
        const mappings = await api.call('import.mappings', {});
        set({ savedMappings: { status: 'ready', data: mappings } });
      } catch (error) {
        set({ savedMappings: { status: 'error', error, data } });
      }
    },

    deleteSavedMapping: async (name) => {
      set({ savedMappingError: null });
      try {
        await api.call('import.deleteMapping', { name });
        await get().loadSavedMappings();
      } catch (error) {
        set({ savedMappingError: error });
      }
    },

    resetImportTools: () => {
      set({
        savedMappings: IDLE,
        mappingFile: null,
        mappingInspection: IDLE,
        mappingDraft: null,
        unmappedFiles: [],
        failedLayouts: {},
        savedMappingError: null,
      });
      get().resetIdentity();
    },
  };
};
