export { en, type MessageKey } from './en.js';
export * from './format.js';
export {
  initialLocale,
  translate,
  translateIfKnown,
  translatorFor,
  type Translate,
} from './translate.js';
export { LOCALES, type Locale, type MessageParams } from './types.js';
