// Merging duplicate accounts and contacts (and undoing a merge), and the
// field changes an import recorded, a page at a time.
import type { RecordMerge, ResultOf } from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { IDLE, type Loadable, type SliceCreator } from '../store/types.js';

export type ChangesPage = ResultOf<'import.changes'>;

export const CHANGES_PAGE = 50;

export type IdentitySlice = {
  merges: Loadable<RecordMerge[]>;
  /** The last merge or undo that failed, shown beside the duplicates. */
  identityError: unknown;
  /** A merge or undo on its way, so its button waits. */
  isMerging: boolean;
  loadMerges(): Promise<void>;
  mergeRecords(
    entity: RecordMerge['entity'],
    keepId: number,
    mergeIds: number[],
  ): Promise<void>;
  undoMerge(mergeId: number): Promise<void>;
  changesBatchId: number | null;
  changesOffset: number;
  changes: Loadable<ChangesPage>;
  loadChanges(batchId: number, offset: number): Promise<void>;
  closeChanges(): void;
  resetIdentity(): void;
};

export const createIdentitySlice: SliceCreator<IdentitySlice> = (set, get) => {
  /** A merge moves records: every view of them is out of date. */
  const afterChange = async () => {
    get().dataChanged();
    void get().refreshWorkspace();
    await get().loadBatches();
  };

  return {
    merges: IDLE,
    identityError: null,
    isMerging: false,
    changesBatchId: null,
    changesOffset: 0,
    changes: IDLE,

    loadMerges: async () => {
      const previous = get().merges;
      const data = previous.status === 'ready' ? previous.data : null;
      set({ merges: { status: 'loading', data } });
      try {
        const merges = await api.call('identity.merges', {});
        set({ merges: { status: 'ready', data: merges } });
      } catch (error) {
        set({ merges: { status: 'error', error, data } });
      }
    },

    mergeRecords: async (entity, keepId, mergeIds) => {
      set({ identityError: null, isMerging: true });
      try {
        await api.call('identity.merge', { entity, keepId, mergeIds });
        await afterChange();
      } catch (error) {
        set({ identityError: error });
      } finally {
        set({ isMerging: false });
      }
    },

    undoMerge: async (mergeId) => {
      set({ identityError: null, isMerging: true });
      try {
        await api.call('identity.unmerge', { mergeId });
        await afterChange();
      } catch (error) {
        set({ identityError: error });
      } finally {
        set({ isMerging: false });
      }
    },

    loadChanges: async (batchId, offset) => {
      const previous = get().changes;
      const isSameBatch = get().changesBatchId === batchId;
      const data =
        isSameBatch && previous.status !== 'idle' ? previous.data : null;
      set({
        changesBatchId: batchId,
        changesOffset: offset,
        changes: { status: 'loading', data },
      });
      try {
        const page = await api.call('import.changes', {
          batchId,
          offset,
          limit: CHANGES_PAGE,
        });
        const isStill =
          get().changesBatchId === batchId && get().changesOffset === offset;
        if (isStill) set({ changes: { status: 'ready', data: page } });
      } catch (error) {
        set({ changes: { status: 'error', error, data: null } });
      }
    },

    closeChanges: () =>
      set({ changesBatchId: null, changesOffset: 0, changes: IDLE }),

    resetIdentity: () =>
      set({
        merges: IDLE,
        identityError: null,
        isMerging: false,
        changesBatchId: null,
        changesOffset: 0,
        changes: IDLE,
      }),
  };
};
