// The contract's dialog methods, answered with the operating system's own
// file pickers. Only the shell has them; browser mode has its own forms.
import {
  app,
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { join } from 'node:path';
import type { Handlers, SHELL_METHODS } from '../../shared/contract.js';
import type { ShellMessages } from './messages.js';
import { withWorkspaceExtension } from './paths.js';

type ShellMethod = (typeof SHELL_METHODS)[number];
export type ShellHandlers = Pick<Handlers, ShellMethod>;

const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt'];

// Attached to the window when there is one, so the dialog is modal to it.
function showOpen(window: BrowserWindow | null, options: OpenDialogOptions) {
  return window
    ? dialog.showOpenDialog(window, options)
    : dialog.showOpenDialog(options);
}

function showSave(window: BrowserWindow | null, options: SaveDialogOptions) {
  return window
    ? dialog.showSaveDialog(window, options)
    : dialog.showSaveDialog(options);
}

export function createDialogHandlers(
  getWindow: () => BrowserWindow | null,
  messages: ShellMessages,
): ShellHandlers {
  const text = messages.dialog;
  const workspaceFilter = {
    name: text.workspaceFilter,
    extensions: ['revops'],
  };
  return {
    'dialog.openWorkspace': async () => {
      const picked = await showOpen(getWindow(), {
        title: text.openWorkspaceTitle,
        filters: [workspaceFilter],
        properties: ['openFile'],
      });
      const path = picked.canceled ? undefined : picked.filePaths[0];
      return { path: path ?? null };
    },
    'dialog.saveWorkspace': async () => {
      const picked = await showSave(getWindow(), {
        title: text.newWorkspaceTitle,
        defaultPath: join(app.getPath('documents'), text.defaultWorkspaceFile),
        filters: [workspaceFilter],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (picked.canceled || !picked.filePath) return { path: null };
      return { path: withWorkspaceExtension(picked.filePath) };
    },
    'dialog.pickImportFiles': async () => {
      const picked = await showOpen(getWindow(), {
        title: text.importTitle,
        filters: [{ name: text.importFilter, extensions: IMPORT_EXTENSIONS }],
        properties: ['openFile', 'multiSelections'],
      });
      return { paths: picked.canceled ? [] : picked.filePaths };
    },
  };
}
