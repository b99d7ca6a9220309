// The words beside each catalogue metric: every metric has its formula, and
// its convention where it has one, in English and Korean; the English
// messages equal the catalogue; "show the math" picks the chosen language.
import { describe, expect, it } from 'vitest';
import { METRIC_CATALOGUE } from '../../../shared/catalogue/index.js';
import {
  metricConvention,
  metricFormula,
} from '../../../renderer/src/dashboard/metricText.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { ko } from '../../../renderer/src/i18n/ko.js';
import type { Message } from '../../../renderer/src/i18n/types.js';

const enMessages: Record<string, Message> = en;
const koMessages: Record<string, Message> = ko;

const HANGUL = /[\uac00-\ud7a3]/;
const ACRONYMS = ['MRR', 'ARR', 'NRR', 'GRR', 'CAC', 'CLV', 'ARPA', 'UTC'];

/** A Korean text for an English one: Hangul wherever English has words. */
function isKoreanFor(english: string, korean: Message | undefined): boolean {
  if (typeof korean !== 'string' || korean.trim() === '') return false;
  return !/[a-z]{3,}/.test(english) || HANGUL.test(korean);
}

describe('the formula of every catalogue metric', () => {
  it('is in English exactly as the catalogue writes it', () => {
    const differing = METRIC_CATALOGUE.filter(
      (entry) => enMessages[`metric.${entry.id}.formula`] !== entry.formula,
    ).map((entry) => entry.id);
    expect(differing).toEqual([]);
  });

  it('is in Korean', () => {
    const missing = METRIC_CATALOGUE.filter(
      (entry) =>
        !isKoreanFor(entry.formula, koMessages[`metric.${entry.id}.formula`]),
    ).map((entry) => entry.id);
    expect(missing).toEqual([]);
  });
});

describe('the convention of every catalogue metric', () => {
  it('is in English exactly as the catalogue writes it, or absent', () => {
    const differing = METRIC_CATALOGUE.filter(
      (entry) =>
        enMessages[`metric.${entry.id}.convention`] !== entry.convention,
    ).map((entry) => entry.id);
    expect(differing).toEqual([]);
  });

  it('is in Korean where the catalogue has one, and absent elsewhere', () => {
    const wrong = METRIC_CATALOGUE.filter((entry) => {
      const korean = koMessages[`metric.${entry.id}.convention`];
      return entry.convention === undefined
        ? korean !== undefined
        : !isKoreanFor(entry.convention, korean);
    }).map((entry) => entry.id);
    expect(wrong).toEqual([]);
  });
});

describe('the definition messages', () => {
  it('name no metric the catalogue lacks', () => {
    const ids = new Set(METRIC_CATALOGUE.map((entry) => entry.id));
    const stray = Object.keys(en).filter((key) => {
      const match = /^metric\.(\w+)\.(formula|convention)$/.exec(key);
      return match !== null && !ids.has(match[1] ?? '');
    });
    expect(stray).toEqual([]);
  });

  it('keep the acronyms of the English in Korean', () => {
    const lost: string[] = [];
    for (const [key, english] of Object.entries(enMessages)) {
      if (!/\.(formula|convention)$/.test(key)) continue;
      const korean = koMessages[key];
      for (const acronym of ACRONYMS) {
        const pattern = new RegExp(`\\b${acronym}\\b`);
        if (typeof english !== 'string' || !pattern.test(english)) continue;
        if (typeof korean !== 'string' || !pattern.test(korean)) {
          lost.push(`${key}: ${acronym}`);
        }
      }
    }
    expect(lost).toEqual([]);
  });

  it('name the MRR movements and the month end in Korean', () => {
    const movement = koMessages['metric.mrr_new.convention'];
    for (const word of ['신규', '확장', '축소', '이탈', '재활성', '월말']) {
      expect(movement).toContain(word);
    }
  });
});

describe('show the math', () => {
  it('shows the catalogue text in English', () => {
    for (const entry of METRIC_CATALOGUE) {
      expect(metricFormula('en', entry.id)).toBe(entry.formula);
      expect(metricConvention('en', entry.id)).toBe(entry.convention ?? null);
    }
  });

  it('shows the formula and convention in Korean', () => {
    expect(metricFormula('ko', 'nrr')).toBe(
      'NRR = (시작 MRR + 확장 − 축소 − 이탈) ÷ 시작 MRR',
    );
    expect(metricConvention('ko', 'mrr')).toMatch(/^한 달은 마지막 날\(월말\)/);
    expect(metricConvention('ko', 'win_rate')).toBeNull();
  });
});
