import { describe, expect, it } from 'vitest';
import { channelOf } from '../../../shared/bridge.js';
import { METHOD_NAMES } from '../../../shared/contract.js';
import {
  BRIDGE_METHOD_NAMES,
  createInvoke,
} from '../../../electron/shell/bridgeInvoke.js';

describe('the preload method list', () => {
  it('names exactly the contract methods', () => {
    expect([...BRIDGE_METHOD_NAMES].sort()).toEqual([...METHOD_NAMES].sort());
  });
});

describe('createInvoke', () => {
  it('has one function per method, each on its own channel', async () => {
    const sent: Array<[string, unknown]> = [];
    const invoke = createInvoke(async (channel, args) => {
      sent.push([channel, args]);
      return { ok: true, value: channel };
    });
    expect(Object.keys(invoke).sort()).toEqual([...METHOD_NAMES].sort());

    const args = { entity: 'accounts', offset: 0, limit: 50 } as const;
    await expect(invoke['grid.rows'](args)).resolves.toEqual({
      ok: true,
      value: channelOf('grid.rows'),
    });
    await invoke['dialog.pickImportFiles']({});
    expect(sent).toEqual([
      [channelOf('grid.rows'), args],
      [channelOf('dialog.pickImportFiles'), {}],
    ]);
  });
});
