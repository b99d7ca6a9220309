// Bundles the preload the way the build does and runs the bundle against a
// stand-in for Electron's sandboxed `require`, which offers only a few
// modules: anything else the bundle asked for would fail here too.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_PROGRESS_CHANNEL, channelOf } from '../../../shared/bridge.js';
import { METHOD_NAMES } from '../../../shared/contract.js';
import { MENU_COMMAND_CHANNEL } from '../../../shared/menuCommands.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

type Listener = (event: unknown, payload: unknown) => void;

type Exposed = {
  invoke: Record<string, (args: unknown) => Promise<unknown>>;
  onJobProgress: (listener: (payload: unknown) => void) => () => void;
  onMenuCommand: (listener: (payload: unknown) => void) => () => void;
};

function fakeElectron() {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const invoked: Array<[string, unknown]> = [];
  const ipcRenderer = {
    invoke: async (channel: string, args: unknown) => {
      invoked.push([channel, args]);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) {
      listener({ sender: ipcRenderer }, payload);
    }
  };
  return { exposed, invoked, emit, module: { contextBridge, ipcRenderer } };
}

describe('the preload bundle', () => {
  let scratch = '';
  let bundle = '';
  let inputs: string[] = [];

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'revops-preload-'));
    const outfile = join(scratch, 'preload.cjs');
    const result = await build({
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      metafile: true,
      logLevel: 'silent',
    });
    inputs = Object.keys(result.metafile.inputs);
    bundle = readFileSync(outfile, 'utf8');
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function load() {
    const electron = fakeElectron();
    const requested: string[] = [];
    const sandboxRequire = (name: string) => {
      requested.push(name);
      if (name === 'electron') return electron.module;
      throw new Error(`module ${name} is not available in a sandbox`);
    };
    const module = { exports: {} };
    runInNewContext(bundle, {
      require: sandboxRequire,
      module,
      exports: module.exports,
    });
    return { ...electron, requested };
  }

  it('stays free of zod and Node modules', () => {
    expect(inputs.filter((input) => input.includes('node_modules'))).toEqual(
      [],
    );
    expect(load().requested).toEqual(['electron']);
  });

  it('exposes one named function per method and nothing generic', () => {
    const { exposed } = load();
    expect([...exposed.keys()]).toEqual(['revopsBridge']);
    const bridge = exposed.get('revopsBridge') as Exposed;
    expect(Object.keys(bridge).sort()).toEqual([
      'invoke',
      'onJobProgress',
      'onMenuCommand',
    ]);
    expect(Object.keys(bridge.invoke).sort()).toEqual([...METHOD_NAMES].sort());
    for (const fn of Object.values(bridge.invoke)) {
      expect(typeof fn).toBe('function');
    }
  });

  it('sends each call on its method channel', async () => {
    const { exposed, invoked } = load();
    const bridge = exposed.get('revopsBridge') as Exposed;
    const args = { path: '/tmp/a.revops' };
    await expect(bridge.invoke['workspace.open']?.(args)).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(invoked).toEqual([[channelOf('workspace.open'), args]]);
  });

  it('delivers events without the IPC event, until unsubscribed', () => {
    const { exposed, emit } = load();
    const bridge = exposed.get('revopsBridge') as Exposed;
    const progress: unknown[] = [];
    const commands: unknown[] = [];
    const stopProgress = bridge.onJobProgress((payload) =>
      progress.push(payload),
    );
    bridge.onMenuCommand((payload) => commands.push(payload));

    emit(JOB_PROGRESS_CHANNEL, { jobId: 'j1' });
    emit(MENU_COMMAND_CHANNEL, { kind: 'workspace.new' });
    stopProgress();
    emit(JOB_PROGRESS_CHANNEL, { jobId: 'j2' });

    expect(progress).toEqual([{ jobId: 'j1' }]);
    expect(commands).toEqual([{ kind: 'workspace.new' }]);
  });
});
