import { describe, expect, it } from 'vitest';
import { mergeHandlers } from '../../../electron/shell/handlers.js';

describe('mergeHandlers', () => {
  it('joins two disjoint handler maps', async () => {
    const merged = mergeHandlers(
      { 'app.info': async () => 'engine' },
      { 'dialog.openWorkspace': async () => 'shell' },
    );
    expect(Object.keys(merged).sort()).toEqual([
      'app.info',
      'dialog.openWorkspace',
    ]);
    await expect(merged['dialog.openWorkspace']()).resolves.toBe('shell');
    await expect(merged['app.info']()).resolves.toBe('engine');
  });

  it('refuses a name registered twice, naming it', () => {
    expect(() =>
      mergeHandlers(
        { 'app.info': async () => 1, 'grid.rows': async () => 2 },
        { 'grid.rows': async () => 3 },
      ),
    ).toThrow(/grid\.rows is registered twice/);
  });
});
