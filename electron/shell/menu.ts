// Turns the menu model into Electron's application menu. Commands go to
// the page as fixed values through the preload's onMenuCommand.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/menuCommands.js';
import type { MenuNode } from './menuModel.js';

function toItem(
  node: MenuNode,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions {
  switch (node.type) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return node.label === undefined
        ? { role: node.role }
        : { role: node.role, label: node.label };
    case 'disabled':
      return { label: node.label, enabled: false };
    case 'command':
      return {
        label: node.label,
        ...(node.accelerator ? { accelerator: node.accelerator } : {}),
        // Electron honours this on Linux and Windows only.
        registerAccelerator: node.isShortcutShownOnly !== true,
        click: () => send(node.command),
      };
    case 'submenu':
      return {
        label: node.label,
        submenu: node.items.map((item) => toItem(item, send)),
      };
    default: {
      const unknown: never = node;
      throw new Error(`toItem: unhandled menu node ${JSON.stringify(unknown)}`);
    }
  }
}

export function installApplicationMenu(
  model: readonly MenuNode[],
  send: (command: MenuCommand) => void,
): void {
  const template = model.map((node) => toItem(node, send));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
