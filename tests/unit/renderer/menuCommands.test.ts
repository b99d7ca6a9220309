// Native menu commands are checked on arrival in the page: a known kind
// with valid fields passes, anything else is dropped.
import { describe, expect, it } from 'vitest';
import { PLACES, toMenuCommand } from '../../../shared/menuCommands.js';
import { PLACES as STORE_PLACES } from '../../../renderer/src/store/places.js';

describe('toMenuCommand', () => {
  it('passes the commands without fields', () => {
    expect(toMenuCommand({ kind: 'workspace.new' })).toEqual({
      kind: 'workspace.new',
    });
    expect(toMenuCommand({ kind: 'workspace.open' })).toEqual({
      kind: 'workspace.open',
    });
    expect(toMenuCommand({ kind: 'import.pickFiles' })).toEqual({
      kind: 'import.pickFiles',
    });
  });

  it('keeps only the fields a command has', () => {
    expect(
      toMenuCommand({ kind: 'workspace.new', path: '/tmp/x', extra: 1 }),
    ).toEqual({ kind: 'workspace.new' });
  });

  it('opens a recent workspace only with a path', () => {
    expect(
      toMenuCommand({ kind: 'workspace.openPath', path: '/home/me/a.revops' }),
    ).toEqual({ kind: 'workspace.openPath', path: '/home/me/a.revops' });
    expect(toMenuCommand({ kind: 'workspace.openPath', path: '' })).toBeNull();
    expect(toMenuCommand({ kind: 'workspace.openPath', path: 7 })).toBeNull();
    expect(toMenuCommand({ kind: 'workspace.openPath' })).toBeNull();
  });

  it('navigates only to places of the rail', () => {
    expect(toMenuCommand({ kind: 'navigate', place: 'import' })).toEqual({
      kind: 'navigate',
      place: 'import',
    });
    expect(toMenuCommand({ kind: 'navigate', place: 'journey' })).toBeNull();
    expect(toMenuCommand({ kind: 'navigate' })).toBeNull();
  });

  it('drops unknown kinds and values that are not objects', () => {
    expect(toMenuCommand({ kind: 'app.quit' })).toBeNull();
    expect(toMenuCommand({})).toBeNull();
    expect(toMenuCommand(null)).toBeNull();
    expect(toMenuCommand('workspace.new')).toBeNull();
    expect(toMenuCommand(['navigate', 'home'])).toBeNull();
  });

  it('is fed the same places the rail shows', () => {
    expect(STORE_PLACES).toBe(PLACES);
    expect(PLACES).toEqual(['home', 'data', 'import', 'settings']);
  });
});
