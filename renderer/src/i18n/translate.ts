// Looks a key up in the catalogue of the chosen language, picks the plural
// form for a numeric `count`, and fills `{name}` placeholders. Numbers are
// written with the language's digit grouping.
import { en, type MessageKey } from './en.js';
import { ko } from './ko.js';
import type { Catalogue, Locale, Message, MessageParams } from './types.js';

const CATALOGUES: Record<Locale, Catalogue> = { en, ko };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function pluralRulesOf(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

function numberFormatOf(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
}

export function translate(
  locale: Locale,
  key: MessageKey,
  params: MessageParams = {},
): string {
  const message: Message = CATALOGUES[locale][key] ?? en[key];
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = typeof params['count'] === 'number' ? params['count'] : 0;
    const form = pluralRulesOf(locale).select(count);
    text = message[form] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number'
      ? numberFormatOf(locale).format(value)
      : value;
  });
}

/** For keys built from data (such as column ids): null when not catalogued. */
export function translateIfKnown(
  locale: Locale,
  key: string,
  params: MessageParams = {},
): string | null {
  return isMessageKey(key) ? translate(locale, key, params) : null;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translatorFor(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** The language to start in: the saved choice, else the system's. */
export function initialLocale(saved: string | null, system: string): Locale {
  if (saved === 'en' || saved === 'ko') return saved;
  return system.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
