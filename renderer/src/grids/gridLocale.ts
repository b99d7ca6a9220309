// AG Grid's own words (filter operators, menus, overlays) from the
// catalogue, so the grid speaks the chosen language like the rest.
import { translateIfKnown, type Locale } from '../i18n/index.js';

const GRID_KEYS = [
  'contains',
  'equals',
  'startsWith',
  'blank',
  'notBlank',
  'greaterThan',
  'lessThan',
  'inRange',
  'inRangeStart',
  'inRangeEnd',
  'filterOoo',
  'applyFilter',
  'resetFilter',
  'clearFilter',
  'cancelFilter',
  'noRowsToShow',
  'loadingOoo',
  'loadingError',
  'sortAscending',
  'sortDescending',
  'sortUnSort',
  'columnFilter',
  'andCondition',
  'orCondition',
] as const;

export function gridLocaleText(locale: Locale): Record<string, string> {
  const text: Record<string, string> = {};
  for (const key of GRID_KEYS) {
    const value = translateIfKnown(locale, `agGrid.${key}`);
    if (value !== null) text[key] = value;
  }
  return text;
}
