// Calendar dates in exports come as ISO, day-first or month-first. The order
// is decided once per column from all its values, never row by row: a
// column with both a day-first-only and a month-first-only value is
// reported, not guessed.

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** Two-digit years below this become 20xx, the rest 19xx. */
export const TWO_DIGIT_YEAR_PIVOT = 70;

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const PARTS_DATE =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)?$/;

type Shape =
  | { kind: 'iso' }
  | { kind: 'parts'; first: number; second: number }
  | { kind: 'unknown' };

function shapeOf(text: string): Shape {
  if (ISO_DATE.test(text)) return { kind: 'iso' };
  const parts = PARTS_DATE.exec(text);
  if (parts) {
    return { kind: 'parts', first: Number(parts[1]), second: Number(parts[2]) };
  }
  return { kind: 'unknown' };
}

export type ColumnDateEvidence = {
  values: number;
  dayFirstOnlyLines: number[];
  monthFirstOnlyLines: number[];
  ambiguous: number;
  iso: number;
};

const KEPT_LINES = 5;

/** Collects what a column's values say about its date order. */
export class DateColumnAnalyser {
  private readonly evidence: ColumnDateEvidence = {
    values: 0,
    dayFirstOnlyLines: [],
    monthFirstOnlyLines: [],
    ambiguous: 0,
    iso: 0,
  };
  private dayFirstOnly = 0;
  private monthFirstOnly = 0;

  add(text: string, line: number): void {
    if (text === '') return;
    this.evidence.values += 1;
    const shape = shapeOf(text);
    if (shape.kind === 'iso') {
      this.evidence.iso += 1;
    } else if (shape.kind === 'parts') {
      if (shape.first > 12 && shape.second <= 12) {
        this.dayFirstOnly += 1;
        if (this.evidence.dayFirstOnlyLines.length < KEPT_LINES) {
          this.evidence.dayFirstOnlyLines.push(line);
        }
      } else if (shape.second > 12 && shape.first <= 12) {
        this.monthFirstOnly += 1;
        if (this.evidence.monthFirstOnlyLines.length < KEPT_LINES) {
          this.evidence.monthFirstOnlyLines.push(line);
        }
      } else {
        this.evidence.ambiguous += 1;
      }
    }
  }

  /**
   * The column's order, or a reason why it cannot be decided. `fallback`
   * is the order the user chose for columns whose values never tell.
   */
  decide(
    fallback: DateOrder | null,
  ): { order: DateOrder } | { problem: 'inconsistent' | 'ambiguous' } {
    if (this.dayFirstOnly > 0 && this.monthFirstOnly > 0) {
      return { problem: 'inconsistent' };
    }
    if (this.dayFirstOnly > 0) return { order: 'dmy' };
    if (this.monthFirstOnly > 0) return { order: 'mdy' };
    if (this.evidence.ambiguous > 0) {
      return fallback ? { order: fallback } : { problem: 'ambiguous' };
    }
    return { order: 'ymd' };
  }

  get details(): ColumnDateEvidence {
    return this.evidence;
  }
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(text: string): number {
  if (text.length === 4) return Number(text);
  const short = Number(text);
  return short < TWO_DIGIT_YEAR_PIVOT ? 2000 + short : 1900 + short;
}

/**
 * Reads a calendar date in the column's order. A time part is dropped: the
 * date as written is the calendar date, whatever the reader's time zone.
 * Returns null when the text is not a real date.
 */
export function parseCalendarDate(
  text: string,
  order: DateOrder,
): string | null {
  const iso = ISO_DATE.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    const parts = PARTS_DATE.exec(text);
    if (!parts || order === 'ymd') return null;
    const first = Number(parts[1]);
    const second = Number(parts[2]);
    year = fullYear(parts[3] ?? '');
    [day, month] = order === 'dmy' ? [first, second] : [second, first];
  }
  if (!isRealDate(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an instant as UTC ISO-8601. A time without an offset is taken as
 * UTC, the workspace's reporting zone until time zones are configurable; a
 * bare date is midnight UTC. Returns null when the text is not an instant.
 */
export function parseInstant(text: string, order: DateOrder): string | null {
  const match = DATE_TIME.exec(text);
  if (!match) {
    const date = parseCalendarDate(text, order);
    return date === null ? null : `${date}T00:00:00.000Z`;
  }
  const [, date = '', hours, minutes, seconds = '00', fraction = '', zone] =
    match;
  const local = `${date}T${hours}:${minutes}:${seconds}${fraction}`;
  const offset =
    !zone || zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(local + offset);
  if (Number.isNaN(time) || parseCalendarDate(date, 'ymd') === null)
    return null;
  return new Date(time).toISOString();
}
