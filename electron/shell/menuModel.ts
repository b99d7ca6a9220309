// The native menu as plain data, so what it contains (and what it leaves
// out of a packaged build) can be checked without Electron. menu.ts turns
// it into Electron's menu.
import { basename } from 'node:path';
import { PLACES, type MenuCommand } from '../../shared/menuCommands.js';
import type { ShellMessages } from './messages.js';

/** The subset of Electron's menu roles the app uses. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu';

export type MenuNode =
  | { type: 'separator' }
  | { type: 'role'; role: MenuRole; label?: string }
  | {
      type: 'command';
      label: string;
      command: MenuCommand;
      accelerator?: string;
      /**
       * The page handles this shortcut itself; the menu only shows it, so
       * one key press does not act twice.
       */
      isShortcutShownOnly?: boolean;
    }
  | { type: 'disabled'; label: string }
  | { type: 'submenu'; label: string; items: MenuNode[] };

export type MenuContext = {
  messages: ShellMessages;
  isMac: boolean;
  /** Developer entries (reload, devtools) are left out of packaged builds. */
  isPackaged: boolean;
  recent: readonly string[];
};

const separator = { type: 'separator' } as const;

function role(name: MenuRole, label?: string): MenuNode {
  return label === undefined
    ? { type: 'role', role: name }
    : { type: 'role', role: name, label };
}

function recentItems(context: MenuContext): MenuNode[] {
  if (context.recent.length === 0) {
    return [{ type: 'disabled', label: context.messages.menu.noRecent }];
  }
  return context.recent.map((path) => ({
    type: 'command',
    // The base name is what people recognise; the full path can be long.
    label: basename(path),
    command: { kind: 'workspace.openPath', path },
  }));
}

function fileMenu(context: MenuContext): MenuNode {
  const { menu } = context.messages;
  const items: MenuNode[] = [
    {
      type: 'command',
      label: menu.newWorkspace,
      command: { kind: 'workspace.new' },
      accelerator: 'CmdOrCtrl+N',
    },
    {
      type: 'command',
      label: menu.openWorkspace,
      command: { kind: 'workspace.open' },
      accelerator: 'CmdOrCtrl+O',
    },
    { type: 'submenu', label: menu.openRecent, items: recentItems(context) },
    separator,
    {
      type: 'command',
      label: menu.importFiles,
      command: { kind: 'import.pickFiles' },
      accelerator: 'CmdOrCtrl+I',
    },
  ];
  // On macOS, Quit lives in the application menu.
  if (!context.isMac) items.push(separator, role('quit', menu.quit));
  return { type: 'submenu', label: menu.file, items };
}

function editMenu({ messages: { menu } }: MenuContext): MenuNode {
  return {
    type: 'submenu',
    label: menu.edit,
    items: [
      role('undo', menu.undo),
      role('redo', menu.redo),
      separator,
      role('cut', menu.cut),
      role('copy', menu.copy),
      role('paste', menu.paste),
      role('selectAll', menu.selectAll),
    ],
  };
}

function viewMenu(context: MenuContext): MenuNode {
  const { menu } = context.messages;
  const places: MenuNode[] = PLACES.map((place, index) => ({
    type: 'command',
    label: context.messages.places[place],
    command: { kind: 'navigate', place },
    accelerator: `CmdOrCtrl+${index + 1}`,
    isShortcutShownOnly: true,
  }));
  const developer: MenuNode[] = context.isPackaged
    ? []
    : [
        separator,
        role('reload', menu.reload),
        role('forceReload', menu.forceReload),
        role('toggleDevTools', menu.toggleDevTools),
      ];
  return {
    type: 'submenu',
    label: menu.view,
    items: [
      ...places,
      separator,
      role('resetZoom', menu.resetZoom),
      role('zoomIn', menu.zoomIn),
      role('zoomOut', menu.zoomOut),
      separator,
      role('togglefullscreen', menu.toggleFullScreen),
      ...developer,
    ],
  };
}

function appMenu({ messages }: MenuContext): MenuNode {
  return {
    type: 'submenu',
    label: messages.productName,
    items: [
      role('about', messages.menu.about),
      separator,
      role('services'),
      separator,
      role('hide'),
      role('hideOthers'),
      role('unhide'),
      separator,
      role('quit', messages.menu.quit),
    ],
  };
}

export function buildMenuModel(context: MenuContext): MenuNode[] {
  const { menu } = context.messages;
  if (context.isMac) {
    // About sits in the application menu there, leaving Help empty.
    return [
      appMenu(context),
      fileMenu(context),
      editMenu(context),
      viewMenu(context),
      role('windowMenu', menu.window),
    ];
  }
  return [
    fileMenu(context),
    editMenu(context),
    viewMenu(context),
    { type: 'submenu', label: menu.help, items: [role('about', menu.about)] },
  ];
}
