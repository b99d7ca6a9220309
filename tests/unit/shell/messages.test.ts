import { describe, expect, it } from 'vitest';
import {
  shellMessages,
  windowTitle,
  type ShellMessages,
} from '../../../electron/shell/messages.js';

function keyPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null
      ? keyPaths(child, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function strings(messages: ShellMessages): string[] {
  const walk = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Object.values(value as object).flatMap(walk);
  return walk(messages);
}

describe('shellMessages', () => {
  it('picks Korean for any Korean locale and English otherwise', () => {
    expect(shellMessages('ko').menu.file).toBe('파일');
    expect(shellMessages('ko-KR').menu.file).toBe('파일');
    expect(shellMessages('en-GB').menu.file).toBe('File');
    expect(shellMessages('de').menu.file).toBe('File');
  });

  it('has the same entries in both languages, none empty', () => {
    const en = shellMessages('en');
    const ko = shellMessages('ko');
    expect(keyPaths(ko)).toEqual(keyPaths(en));
    for (const text of [...strings(en), ...strings(ko)]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('suggests a workspace file name with the workspace extension', () => {
    for (const locale of ['en', 'ko']) {
      const name = shellMessages(locale).dialog.defaultWorkspaceFile;
      expect(name.endsWith('.revops')).toBe(true);
    }
  });
});

describe('windowTitle', () => {
  it('puts the workspace first and the product after it', () => {
    const en = shellMessages('en');
    expect(windowTitle(en, 'Acme Pipeline')).toBe(
      'Acme Pipeline — RevOps Workbench',
    );
    expect(windowTitle(en, null)).toBe('RevOps Workbench');
  });
});
