import { describe, expect, it } from 'vitest';
import { PLACES } from '../../../shared/menuCommands.js';
import {
  buildMenuModel,
  type MenuContext,
  type MenuNode,
} from '../../../electron/shell/menuModel.js';
import { shellMessages } from '../../../electron/shell/messages.js';

const base: MenuContext = {
  messages: shellMessages('en-US'),
  isMac: false,
  isPackaged: false,
  recent: [],
};

function flatten(nodes: readonly MenuNode[]): MenuNode[] {
  return nodes.flatMap((node) =>
    node.type === 'submenu' ? [node, ...flatten(node.items)] : [node],
  );
}

function roles(nodes: readonly MenuNode[]): string[] {
  return flatten(nodes).flatMap((node) =>
    node.type === 'role' ? [node.role] : [],
  );
}

function labels(nodes: readonly MenuNode[]): string[] {
  return nodes.flatMap((node) => (node.type === 'submenu' ? [node.label] : []));
}

describe('buildMenuModel', () => {
  it('has File, Edit, View and Help', () => {
    expect(labels(buildMenuModel(base))).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ]);
  });

  it('offers reload and developer tools only before packaging', () => {
    const developer = ['reload', 'forceReload', 'toggleDevTools'];
    const unpackaged = roles(buildMenuModel(base));
    const packaged = roles(buildMenuModel({ ...base, isPackaged: true }));
    for (const role of developer) {
      expect(unpackaged).toContain(role);
      expect(packaged).not.toContain(role);
    }
    expect(packaged).toContain('about');
    expect(packaged).toContain('quit');
  });

  it('sends the file commands the page acts on', () => {
    const commands = flatten(buildMenuModel(base)).flatMap((node) =>
      node.type === 'command' ? [node.command.kind] : [],
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        'workspace.new',
        'workspace.open',
        'import.pickFiles',
        'navigate',
      ]),
    );
  });

  it('lists recent workspaces by file name and opens them by path', () => {
    const recent = ['/work/clients/Acme.revops', '/tmp/Beta.revops'];
    const file = buildMenuModel({ ...base, recent })[0];
    const openRecent =
      file?.type === 'submenu'
        ? file.items.find(
            (node) => node.type === 'submenu' && node.label === 'Open Recent',
          )
        : undefined;
    expect(openRecent).toEqual({
      type: 'submenu',
      label: 'Open Recent',
      items: [
        {
          type: 'command',
          label: 'Acme.revops',
          command: { kind: 'workspace.openPath', path: recent[0] },
        },
        {
          type: 'command',
          label: 'Beta.revops',
          command: { kind: 'workspace.openPath', path: recent[1] },
        },
      ],
    });
  });

  it('shows a disabled entry when nothing was opened yet', () => {
    const disabled = flatten(buildMenuModel(base)).filter(
      (node) => node.type === 'disabled',
    );
    expect(disabled).toEqual([
      { type: 'disabled', label: 'No Recent Workspaces' },
    ]);
  });

  it('gives every place a shortcut and no shortcut twice', () => {
    const accelerators = flatten(buildMenuModel(base)).flatMap((node) =>
      node.type === 'command' && node.accelerator ? [node.accelerator] : [],
    );
    expect(new Set(accelerators).size).toBe(accelerators.length);
    const places = flatten(buildMenuModel(base)).flatMap((node) =>
      node.type === 'command' && node.command.kind === 'navigate'
        ? [node.command.place]
        : [],
    );
    expect(places).toEqual([...PLACES]);
  });

  it('follows macOS: application menu first, Quit there, a Window menu', () => {
    const model = buildMenuModel({ ...base, isMac: true });
    expect(labels(model)).toEqual(['RevOps Workbench', 'File', 'Edit', 'View']);
    expect(roles(model.slice(0, 1))).toEqual(
      expect.arrayContaining(['about', 'quit']),
    );
    expect(roles(model.slice(1, 2))).not.toContain('quit');
    expect(roles(model)).toContain('windowMenu');
  });

  it('speaks Korean on a Korean system', () => {
    const model = buildMenuModel({ ...base, messages: shellMessages('ko') });
    expect(labels(model)).toEqual(['파일', '편집', '보기', '도움말']);
  });
});
