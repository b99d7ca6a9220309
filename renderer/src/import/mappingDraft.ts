// The column mapping the user is making for one file, and what can be
// said of it without asking the engine: which fields are still needed,
// which are chosen twice, and what a first guess from the header is.
import type {
  ColumnMapping,
  FileInspection,
  MappingTargetInfo,
  SavedMapping,
} from '../../../shared/contract.js';

export type MappableEntity = ColumnMapping['entity'];

/** File column to field name; '' leaves the column out. */
export type ColumnChoices = Record<string, string>;

const SOURCE_PATTERN = /^[\p{L}\p{N} ._-]{1,60}$/u;

function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The groups of the target's `requires` that no chosen field satisfies;
 * each group needs one of its fields mapped.
 */
export function missingGroups(
  requires: readonly (readonly string[])[],
  choices: ColumnChoices,
): string[][] {
  const chosen = new Set(Object.values(choices).filter(Boolean));
  return requires
    .filter((group) => !group.some((field) => chosen.has(field)))
    .map((group) => [...group]);
}

/** Fields that two or more columns are mapped to. */
export function repeatedFields(choices: ColumnChoices): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const field of Object.values(choices)) {
    if (field === '') continue;
    if (seen.has(field)) repeated.add(field);
    seen.add(field);
  }
  return [...repeated].sort();
}

/**
 * A first guess: a column whose header reads as a field's label or name
 * (case, spaces and punctuation aside) maps to it, each field once.
 */
export function guessChoices(
  columns: readonly string[],
  target: MappingTargetInfo,
): ColumnChoices {
  const byText = new Map<string, string>();
  for (const field of target.fields) {
    byText.set(normalised(field.label), field.name);
    if (!byText.has(normalised(field.name))) {
      byText.set(normalised(field.name), field.name);
    }
  }
  const taken = new Set<string>();
  const choices: ColumnChoices = {};
  for (const column of columns) {
    const field = byText.get(normalised(column));
    const isFree = field !== undefined && !taken.has(field);
    choices[column] = isFree ? field : '';
    if (isFree) taken.add(field);
  }
  return choices;
}

/** A saved mapping's choices over this file's columns. */
export function savedChoices(
  columns: readonly string[],
  saved: SavedMapping,
  target: MappingTargetInfo | undefined,
): ColumnChoices {
  const known = new Set(target?.fields.map((field) => field.name) ?? []);
  const choices: ColumnChoices = {};
  for (const column of columns) {
    const field = saved.columns[column] ?? '';
    choices[column] = known.has(field) ? field : '';
  }
  return choices;
}

export function isValidSource(source: string): boolean {
  return SOURCE_PATTERN.test(source.trim());
}

export function isMappableEntity(
  entity: string,
  targets: readonly MappingTargetInfo[],
): entity is MappableEntity {
  return targets.some((target) => target.entity === entity);
}

export type MappingDraft = {
  entity: MappableEntity;
  choices: ColumnChoices;
  source: string;
  saveAs: string;
  /** The saved mapping the draft started from, if the header matched one. */
  fromSaved: string | null;
};

/** Where the mapping view starts for a file: its saved mapping, or a guess. */
export function startingDraft(
  inspection: FileInspection,
  targets: readonly MappingTargetInfo[],
): MappingDraft | null {
  const saved = inspection.savedMapping;
  const savedEntity = saved?.entity ?? '';
  if (saved && isMappableEntity(savedEntity, targets)) {
    const target = targets.find((item) => item.entity === savedEntity);
    return {
      entity: savedEntity,
      choices: savedChoices(inspection.columns, saved, target),
      source: saved.source,
      saveAs: saved.name,
      fromSaved: saved.name,
    };
  }
  const wanted = inspection.entity ?? '';
  const target =
    targets.find((item) => item.entity === wanted) ?? targets[0] ?? null;
  if (!target) return null;
  return draftForEntity(inspection.columns, target);
}

/** A fresh draft when the user picks another entity. */
export function draftForEntity(
  columns: readonly string[],
  target: MappingTargetInfo,
): MappingDraft {
  return {
    entity: target.entity,
    choices: guessChoices(columns, target),
    source: target.source,
    saveAs: '',
    fromSaved: null,
  };
}

/** The `mapping` argument of `import.start` for a draft. */
export function toColumnMapping(draft: MappingDraft): ColumnMapping {
  const source = draft.source.trim();
  return {
    entity: draft.entity,
    ...(source === '' ? {} : { source }),
    columns: { ...draft.choices },
  };
}
