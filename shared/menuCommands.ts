// Commands the native menu sends to the page. They are fixed values, never
// code or channels: the page decides what each one does.

/** The places of the left rail, in rail order (Ctrl/Cmd+1.. follow it). */
export const PLACES = ['home', 'data', 'import', 'settings'] as const;

export type Place = (typeof PLACES)[number];

export type MenuCommand =
  | { kind: 'workspace.new' }
  | { kind: 'workspace.open' }
  | { kind: 'workspace.openPath'; path: string }
  | { kind: 'import.pickFiles' }
  | { kind: 'navigate'; place: Place };

export const MENU_COMMAND_CHANNEL = 'revops:event:menu.command';

function isPlace(value: unknown): value is Place {
  return (PLACES as readonly unknown[]).includes(value);
}

/** Checks a command on arrival in the page; anything else is dropped. */
export function toMenuCommand(raw: unknown): MenuCommand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { kind, path, place } = raw as Record<string, unknown>;
  switch (kind) {
    case 'workspace.new':
    case 'workspace.open':
    case 'import.pickFiles':
      return { kind };
    case 'workspace.openPath':
      return typeof path === 'string' && path !== '' ? { kind, path } : null;
    case 'navigate':
      return isPlace(place) ? { kind, place } : null;
    default:
      return null;
  }
}
