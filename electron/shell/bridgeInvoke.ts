// The `invoke` half of the preload bridge: one named function per contract
// method. The sandboxed preload bundles this file, so it imports only types
// from the contract; its METHOD_NAMES would drag the validators (zod) into
// the bundle. The list below is checked against the contract by the type
// system (no method missing, none extra) and by a unit test.
import { channelOf, type PreloadBridge } from '../../shared/bridge.js';
import type { MethodName } from '../../shared/contract.js';

const BRIDGE_METHODS = {
  'app.info': true,
  'workspace.create': true,
  'workspace.open': true,
  'workspace.openDemo': true,
  'workspace.current': true,
  'workspace.recent': true,
  'workspace.updateSettings': true,
  'import.presets': true,
  'import.start': true,
  'import.cancel': true,
  'import.batches': true,
  'import.rollback': true,
  'import.rowErrors': true,
  'import.inspect': true,
  'import.mappingTargets': true,
  'import.mappings': true,
  'import.deleteMapping': true,
  'import.changes': true,
  'identity.duplicates': true,
  'identity.merge': true,
  'identity.unmerge': true,
  'identity.merges': true,
  'records.delete': true,
  'grid.columns': true,
  'grid.rows': true,
  'grid.exportXlsx': true,
  'kpi.compute': true,
  'metrics.catalogue': true,
  'metrics.compute': true,
  'metrics.series': true,
  'metrics.waterfall': true,
  'metrics.cohorts': true,
  'metrics.aging': true,
  'metrics.scopeChoices': true,
  'targets.list': true,
  'targets.save': true,
  'targets.delete': true,
  'dialog.openWorkspace': true,
  'dialog.saveWorkspace': true,
  'dialog.pickImportFiles': true,
} satisfies Record<MethodName, true>;

export const BRIDGE_METHOD_NAMES = Object.keys(BRIDGE_METHODS) as MethodName[];

/** Sends one call on one channel; the preload passes ipcRenderer.invoke. */
export type SendOnChannel = (
  channel: string,
  args: unknown,
) => Promise<unknown>;

export function createInvoke(send: SendOnChannel): PreloadBridge['invoke'] {
  const entries = BRIDGE_METHOD_NAMES.map((method) => {
    const call = (args: unknown) => send(channelOf(method), args);
    return [method, call] as const;
  });
  // Each function forwards its own method's arguments and hands back the
  // envelope the main process answered; the per-method types hold, but
  // TypeScript cannot carry them through Object.fromEntries.
  return Object.fromEntries(entries) as PreloadBridge['invoke'];
}
