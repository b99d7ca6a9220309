// The preset registry: a file's layout is recognised from its header.
import { WorkbenchError } from '../../../../shared/envelope.js';
import { mavenAccounts, mavenPipeline, mavenProducts, mavenTeams } from './maven.js';
import type { Preset } from './types.js';

export const PRESETS: readonly Preset[] = [
  mavenPipeline,
  mavenAccounts,
  mavenProducts,
  mavenTeams,
];

function normalizeHeader(header: string): string {
  return header.trim().toLowerCase();
}

/** The preset whose columns the header holds; the most specific wins. */
export function recognisePreset(headers: string[]): Preset | null {
  const present = new Set(headers.map(normalizeHeader));
  const fitting = PRESETS.filter((preset) =>
    preset.columns.every((column) => present.has(column)),
  );
  fitting.sort((a, b) => b.columns.length - a.columns.length);
  return fitting[0] ?? null;
}

export function presetById(id: string): Preset {
  const preset = PRESETS.find((candidate) => candidate.id === id);
  if (!preset) {
    const known = PRESETS.map((candidate) => candidate.id).join(', ');
    throw new WorkbenchError(
      'invalid_argument',
      `No import preset named ${id}. Known presets: ${known}.`,
    );
  }
  return preset;
}

export function listPresets() {
  return PRESETS.map((preset) => ({
    id: preset.id,
    entity: preset.entity,
    columns: [...preset.columns],
  }));
}
