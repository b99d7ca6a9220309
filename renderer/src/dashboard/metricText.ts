// How a catalogue metric is written: its name and definition in the chosen
// language, its value in its unit, and what a drill to its rows is called.
import { metricEntry } from '../../../shared/catalogue/index.js';
import type { MetricUnit } from '../../../shared/catalogue/types.js';
import {
  SEGMENT_FIELDS,
  type SegmentField,
} from '../../../shared/metricSchemas.js';
import type { MetricDrillArgs } from '../../../shared/contract.js';
import {
  parseMetricNotes,
  type NoteParams,
} from '../../../shared/metricNotes.js';
import type { FiscalCalendar } from '../../../shared/period.js';
import {
  formatCount,
  formatMonth,
  formatMoney,
  formatNumber,
  formatPercent,
  translateIfKnown,
  type Locale,
  type MessageParams,
  type Translate,
} from '../i18n/index.js';
import { periodLabel } from '../workspace/periods.js';
import { agingLabel } from './viewOptions.js';

/** The metric's name; the catalogue's English name where none is kept. */
export function metricName(locale: Locale, id: string): string {
  return (
    translateIfKnown(locale, `metric.${id}.name`) ?? metricEntry(id)?.name ?? id
  );
}

/**
 * The definition in words. The catalogue's English formula is the
 * reference; the message catalogues hold it and its translations under
 * the metric key.
 */
export function metricFormula(locale: Locale, id: string): string {
  const english = metricEntry(id)?.formula ?? '';
  return inLanguage(locale, `metric.${id}.formula`, english);
}

/** The catalogue's convention in words; null for a metric without one. */
export function metricConvention(locale: Locale, id: string): string | null {
  const english = metricEntry(id)?.convention;
  if (english === undefined) return null;
  return inLanguage(locale, `metric.${id}.convention`, english);
}

// English reads the catalogue itself, the reference the messages mirror;
// another language without a translation shows the English.
function inLanguage(locale: Locale, key: string, english: string): string {
  if (locale === 'en') return english;
  return translateIfKnown(locale, key) ?? english;
}

export type MetricShown = { text: string; exact: string };

export function showMetricValue(
  t: Translate,
  locale: Locale,
  id: string,
  value: number | null,
  unit: MetricUnit,
  currency: string | null,
): MetricShown {
  if (value === null) return { text: t('value.none'), exact: t('value.none') };
  switch (unit) {
    case 'multiple':
      return {
        text: t('unit.multiple', { value: formatNumber(locale, value, 2) }),
        exact: t('unit.multiple', { value: formatNumber(locale, value, 6) }),
      };
    case 'count':
      return { text: formatCount(locale, value), exact: String(value) };
    case 'ratio':
      return {
        text: formatPercent(locale, value),
        exact: `${formatNumber(locale, value * 100, 4)}%`,
      };
    case 'currency': {
      const code = currency ?? 'USD';
      return {
        text: formatMoney(locale, value, code, 0),
        exact: formatMoney(locale, value, code),
      };
    }
    case 'days':
      return {
        text: t('unit.days', { count: Math.round(value * 10) / 10 }),
        exact: t('unit.days', { count: Math.round(value * 1000) / 1000 }),
      };
    case 'months':
      return {
        text: t('unit.months', { count: Math.round(value * 10) / 10 }),
        exact: t('unit.months', { count: Math.round(value * 1000) / 1000 }),
      };
    case 'score':
      return {
        text: t('unit.score', { value: formatNumber(locale, value, 2) }),
        exact: t('unit.score', { value: formatNumber(locale, value, 6) }),
      };
  }
}

/** A change written with its sign, in the metric's unit. */
export function showDelta(
  t: Translate,
  locale: Locale,
  id: string,
  delta: number,
  unit: MetricUnit,
  currency: string | null,
): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  if (unit === 'ratio') {
    return t('change.points', {
      sign,
      value: formatNumber(locale, size * 100, 1),
    });
  }
  return `${sign}${showMetricValue(t, locale, id, size, unit, currency).text}`;
}

/** "MRR · Jun 2024 · Plan: Pro · USD", in the chosen language. */
export function metricDrillLabel(
  t: Translate,
  locale: Locale,
  drill: MetricDrillArgs,
  calendar: FiscalCalendar,
): string {
  const parts = [metricName(locale, drill.metric)];
  if (drill.period !== undefined) {
    parts.push(periodLabel(t, locale, drill.period, calendar));
  }
  if (drill.bucket !== undefined) parts.push(agingLabel(t, drill.bucket));
  if (drill.cohort !== undefined) {
    parts.push(t('drill.cohort', { month: formatMonth(locale, drill.cohort) }));
  }
  for (const filter of drill.where ?? []) {
    parts.push(
      t('drill.group', {
        dimension: t(`segment.${segmentKey(filter.field)}`),
        group: filter.value,
      }),
    );
  }
  if (drill.currency !== undefined) parts.push(drill.currency);
  return parts.join(t('drill.separator'));
}

export function segmentKey(field: string): SegmentField {
  return SEGMENT_FIELDS.find((key) => key === field) ?? 'segment';
}

/** A note's place values in the reader's words, where they are words. */
function notePlaces(
  t: Translate,
  locale: Locale,
  params: NoteParams,
): MessageParams {
  const places: MessageParams = { ...params };
  const word = (key: string, fallback: string) =>
    translateIfKnown(locale, key) ?? fallback;
  const { subject, level, fields } = params;
  if (typeof subject === 'string') {
    places['subject'] = word(`note.subject.${subject}`, subject);
  }
  if (typeof level === 'string') {
    places['level'] = word(`note.level.${level}`, level);
  }
  if (typeof fields === 'string') {
    places['fields'] = fields
      .split(' or ')
      .map((field) => t(`segment.${segmentKey(field)}`))
      .join(t('note.or'));
  }
  return places;
}

/**
 * An engine note in the reader's language: English as the engine wrote
 * it, other languages from the same templates; a text written otherwise
 * is shown as it is.
 */
export function showNote(t: Translate, locale: Locale, note: string): string {
  if (locale === 'en') return note;
  const notes = parseMetricNotes(note);
  if (!notes) return note;
  return notes
    .map(({ code, params }) => t(`note.${code}`, notePlaces(t, locale, params)))
    .join(' ');
}
