// Where the user is, which language they read, and how the page started.
import type { ResultOf } from '../../../shared/contract.js';
import { api, type MenuCommand } from '../api/index.js';
import { initialLocale, type Locale } from '../i18n/index.js';
import type { Place } from './places.js';
import type { SliceCreator } from './types.js';

const LOCALE_KEY = 'revops.locale';

export type AppSlice = {
  place: Place;
  locale: Locale;
  appInfo: ResultOf<'app.info'> | null;
  bootStatus: 'booting' | 'ready' | 'error';
  bootError: unknown;
  setPlace(place: Place): void;
  setLocale(locale: Locale): void;
  boot(): Promise<void>;
  runMenuCommand(command: MenuCommand): void;
};

function savedLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => {
  // Boot may run again after a failure; subscribe to events only once.
  let isFollowingJobs = false;

  return {
    place: 'home',
    locale: initialLocale(savedLocale(), navigator.language),
    appInfo: null,
    bootStatus: 'booting',
    bootError: null,

    setPlace: (place) => set({ place }),

    setLocale: (locale) => {
      try {
        window.localStorage.setItem(LOCALE_KEY, locale);
      } catch {
        // Private windows may refuse storage; the choice then lasts a session.
      }
      document.documentElement.lang = locale;
      set({ locale });
    },

    boot: async () => {
      set({ bootStatus: 'booting', bootError: null });
      document.documentElement.lang = get().locale;
      try {
        const appInfo = await api.call('app.info', {});
        set({ appInfo });
        if (!isFollowingJobs) {
          api.on('job.progress', (progress) => get().receiveProgress(progress));
          api.onMenuCommand((command) => get().runMenuCommand(command));
          isFollowingJobs = true;
        }
        // The first start opens the demo, so there is something to look at.
        const current = await api.call('workspace.current', {});
        const workspace = current ?? (await api.call('workspace.openDemo', {}));
        get().workspaceOpened(workspace);
        set({ bootStatus: 'ready' });
      } catch (error) {
        set({ bootStatus: 'error', bootError: error });
      }
    },

    runMenuCommand: (command) => {
      switch (command.kind) {
        case 'workspace.new':
          return void get().startNewWorkspace();
        case 'workspace.open':
          return void get().startOpenWorkspace();
        case 'workspace.openPath':
          return void get().openWorkspace(command.path);
        case 'import.pickFiles':
          set({ place: 'import' });
          return void get().pickNativeFiles();
        case 'navigate':
          return set({ place: command.place });
      }
    },
  };
};
