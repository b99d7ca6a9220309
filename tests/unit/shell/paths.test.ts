import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  userDataDirFromEnv,
  withWorkspaceExtension,
  workspacePathFromArgv,
} from '../../../electron/shell/paths.js';

const cwd = resolve('/home/ana/clients');

describe('workspacePathFromArgv', () => {
  it('finds the workspace file the system passed, resolved', () => {
    const argv = ['.', '--inspect=0', 'acme/Acme Q3.revops'];
    expect(workspacePathFromArgv(argv, cwd)).toBe(
      join(cwd, 'acme', 'Acme Q3.revops'),
    );
  });

  it('takes the last one and ignores case in the extension', () => {
    const argv = ['/a/first.revops', '/b/SECOND.REVOPS'];
    expect(workspacePathFromArgv(argv, cwd)).toBe(resolve('/b/SECOND.REVOPS'));
  });

  it('ignores switches, the app folder and other files', () => {
    const argv = ['.', '--flag=x.revops', 'notes.txt', '-r', 'loader.js'];
    expect(workspacePathFromArgv(argv, cwd)).toBeNull();
    expect(workspacePathFromArgv([], cwd)).toBeNull();
  });
});

describe('withWorkspaceExtension', () => {
  it('adds .revops when the save dialog left it out', () => {
    expect(withWorkspaceExtension('/x/Acme')).toBe('/x/Acme.revops');
    expect(withWorkspaceExtension('/x/Acme.v2')).toBe('/x/Acme.v2.revops');
  });

  it('keeps a name that already has it', () => {
    expect(withWorkspaceExtension('/x/Acme.revops')).toBe('/x/Acme.revops');
    expect(withWorkspaceExtension('/x/Acme.REVOPS')).toBe('/x/Acme.REVOPS');
  });
});

describe('userDataDirFromEnv', () => {
  it('uses REVOPS_USER_DATA_DIR, resolved against the working folder', () => {
    const env = { REVOPS_USER_DATA_DIR: 'data/e2e-1' };
    expect(userDataDirFromEnv(env, cwd)).toBe(join(cwd, 'data', 'e2e-1'));
    const absolute = { REVOPS_USER_DATA_DIR: resolve('/tmp/revops-e2e') };
    expect(userDataDirFromEnv(absolute, cwd)).toBe(resolve('/tmp/revops-e2e'));
  });

  it('keeps the default when it is unset or blank', () => {
    expect(userDataDirFromEnv({}, cwd)).toBeNull();
    expect(userDataDirFromEnv({ REVOPS_USER_DATA_DIR: '  ' }, cwd)).toBeNull();
  });
});
