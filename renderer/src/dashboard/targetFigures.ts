// Figures typed into the targets editor, as the workspace keeps them.
import { metricEntry } from '../../../shared/catalogue/index.js';

/** Rates typed and shown as percents; multiples stay as they are. */
export const AS_PERCENT = (id: string) =>
  metricEntry(id)?.unit === 'ratio' &&
  id !== 'quick_ratio' &&
  id !== 'pipeline_coverage';

/** A typed figure as stored: percents as shares ("70" or "70%"). */
export function toStored(id: string, text: string): number | null {
  const isPercent = AS_PERCENT(id);
  const plain = text.trim().replace(/,/g, '');
  const written = isPercent ? plain.replace(/\s*%$/, '') : plain;
  if (written === '') return null;
  const value = Number(written);
  if (!Number.isFinite(value)) return null;
  return isPercent ? value / 100 : value;
}
