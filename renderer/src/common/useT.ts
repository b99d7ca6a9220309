import { useMemo } from 'react';
import { translatorFor, type Translate } from '../i18n/index.js';
import { useStore } from '../store/index.js';

/** The translator for the chosen language; stable until it changes. */
export function useT(): Translate {
  const locale = useStore((state) => state.locale);
  return useMemo(() => translatorFor(locale), [locale]);
}
