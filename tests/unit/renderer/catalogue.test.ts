// The message catalogue: Korean has every English key and no other, each
// translation fills the same placeholders, and every key the page builds
// from data (metric, dimension, entity, place, status) exists.
import { describe, expect, it } from 'vitest';
import { GRID_ENTITIES, importResultSchema } from '../../../shared/contract.js';
import { PLACES } from '../../../shared/menuCommands.js';
import { KPI_DIMENSIONS, SALES_METRICS } from '../../../shared/metrics.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { ko } from '../../../renderer/src/i18n/ko.js';
import {
  isMessageKey,
  translate,
} from '../../../renderer/src/i18n/translate.js';
import type { Message } from '../../../renderer/src/i18n/types.js';

function formsOf(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

function placeholdersOf(message: Message): string[] {
  const names = new Set<string>();
  for (const form of formsOf(message)) {
    for (const match of form.matchAll(/\{(\w+)\}/g)) names.add(match[1] ?? '');
  }
  return [...names].sort();
}

const enMessages: Record<string, Message> = en;
const koMessages: Record<string, Message> = ko;

describe('the Korean catalogue', () => {
  it('has every English key and no key English lacks', () => {
    const missing = Object.keys(en).filter((key) => !Object.hasOwn(ko, key));
    const extra = Object.keys(ko).filter((key) => !Object.hasOwn(en, key));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('fills the same placeholders as English in every message', () => {
    const differing = Object.keys(en).filter((key) => {
      const english = enMessages[key];
      const korean = koMessages[key];
      if (english === undefined || korean === undefined) return true;
      return placeholdersOf(english).join() !== placeholdersOf(korean).join();
    });
    expect(differing).toEqual([]);
  });

  it('has no empty message and an "other" form for every plural', () => {
    for (const catalogue of [enMessages, koMessages]) {
      for (const [key, message] of Object.entries(catalogue)) {
        if (typeof message !== 'string') {
          expect(message.other, key).toBeTypeOf('string');
        }
        for (const form of formsOf(message)) {
          expect(form.trim(), key).not.toBe('');
        }
      }
    }
  });
});

describe('keys built from data', () => {
  const needed = [
    ...Object.values(SALES_METRICS).flatMap((metric) => [
      metric.nameKey,
      metric.formulaKey,
    ]),
    ...KPI_DIMENSIONS.map((dimension) => `dimension.${dimension}`),
    ...GRID_ENTITIES.flatMap((entity) => [
      `entity.${entity}`,
      `total.${entity}`,
    ]),
    ...PLACES.map((place) => `place.${place}`),
    ...importResultSchema.shape.status.options.map(
      (status) => `import.status.${status}`,
    ),
  ];

  it('are all in the catalogue', () => {
    expect(needed.filter((key) => !isMessageKey(key))).toEqual([]);
  });
});

describe('translate', () => {
  it('picks the plural form and groups the count', () => {
    expect(translate('en', 'total.opportunities', { count: 1 })).toBe(
      '1 opportunity',
    );
    expect(translate('en', 'total.opportunities', { count: 8800 })).toBe(
      '8,800 opportunities',
    );
    expect(translate('ko', 'drill.count', { count: 4238 })).toBe(
      '거래 4,238건',
    );
  });

  it('leaves a placeholder without a value as written', () => {
    expect(translate('en', 'drill.group', { dimension: 'Region' })).toBe(
      'Region: {group}',
    );
  });
});
