export type PluralForms = {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
};

export type Message = string | PluralForms;

export type Catalogue = Record<string, Message>;

export type MessageParams = Record<string, string | number>;

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
