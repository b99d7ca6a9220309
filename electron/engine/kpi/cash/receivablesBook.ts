// Receivables of the whole workspace at every month end, worked out in one
// pass over the invoices and kept in memory until they change. An invoice is open at a month end E when it
// was issued by E and not settled by E; its bucket is its lateness on E.
// Amounts in the workspace's base currency are summed per bucket; other
// currencies keep their issue day, where the query converts them. Null
// where this cannot answer exactly (a date that is not a calendar day, a
// day that is not a month end, another reporting currency).
import { daysInMonth } from '../../../../shared/period.js';
import type { Db } from '../../store/database.js';
import { readSettings } from '../../store/settings.js';
import { cachedFigures } from '../common/changeCache.js';
import type { AgingBucket } from './receivables.js';

export type AgingGroup = {
  bucket: AgingBucket;
  currency: string;
  /** The issue day for other currencies; null for the base currency. */
  issuedOn: string | null;
  amount: number;
  invoices: number;
};

type Book = {
  isExact: boolean;
  base: string;
  /** Month index -> open groups at that month's end. */
  agingAt: Map<number, AgingGroup[]>;
  first: number;
  last: number;
  /** What stays open after the last month with an event. */
  finalOpen: OpenGroup[];
};

type InvoiceLine = [
  issuedOn: string,
  dueOn: string | null,
  settledOn: string | null,
  currency: string,
  amount: number,
  isCalendar: number,
];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const match = DATE.exec(date);
  return match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) /
        86_400_000
    : Number.NaN;
}

const monthIndex = (date: string) =>
  Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function monthEnd(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

function bucketOf(dueOn: string | null, end: string): AgingBucket {
  if (dueOn === null || dueOn >= end) return 'current';
  const late = dayNumber(end) - dayNumber(dueOn);
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}

function pushTo<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type OpenGroup = {
  dueOn: string | null;
  currency: string;
  /** '' for the base currency. */
  issuedOn: string;
  amount: number;
  invoices: number;
};

function agingOf(open: Iterable<OpenGroup>, end: string): AgingGroup[] {
  const groups = new Map<string, AgingGroup>();
  for (const group of open) {
    if (group.invoices === 0) continue;
    const bucket = bucketOf(group.dueOn, end);
    const key = `${bucket}\u0000${group.currency}\u0000${group.issuedOn}`;
    const sum = groups.get(key) ?? {
      bucket,
      currency: group.currency,
      issuedOn: group.issuedOn === '' ? null : group.issuedOn,
      amount: 0,
      invoices: 0,
    };
    sum.amount += group.amount;
    sum.invoices += group.invoices;
    groups.set(key, sum);
  }
  return [...groups.values()];
}

function build(db: Db): Book {
  const base = readSettings(db).baseCurrency;
  const lines = db
    .prepare(
      `SELECT issued_on, due_on, settled_on, currency, amount_minor,
              issued_on IS date(issued_on)
                AND (due_on IS NULL OR due_on IS date(due_on))
                AND (settled_on IS NULL OR settled_on IS date(settled_on))
         FROM invoices`,
    )
    .raw()
    .all() as InvoiceLine[];
  const enters = new Map<number, InvoiceLine[]>();
  const leaves = new Map<number, InvoiceLine[]>();
  let isExact = true;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    const [issuedOn, , settledOn, , , isCalendar] = line;
    if (isCalendar !== 1) {
      isExact = false;
      continue;
    }
    const enter = monthIndex(issuedOn);
    first = Math.min(first, enter);
    last = Math.max(last, enter);
    pushTo(enters, enter, line);
    // Settled by a month end: gone at it; settled before its issue: never
    // open, so it leaves where it enters.
    if (settledOn !== null) {
      const leave = Math.max(enter, monthIndex(settledOn));
      last = Math.max(last, leave);
      pushTo(leaves, leave, line);
    }
  }
  const agingAt = new Map<number, AgingGroup[]>();
  const open = new Map<string, OpenGroup>();
  const step = (line: InvoiceLine, sign: number) => {
    const [issuedOn, dueOn, , currency, amount] = line;
    const kept = currency === base ? '' : issuedOn;
    const key = `${dueOn}\u0000${currency}\u0000${kept}`;
    const group = open.get(key) ?? {
      dueOn,
      currency,
      issuedOn: kept,
      amount: 0,
      invoices: 0,
    };
    group.amount += sign * amount;
    group.invoices += sign;
    open.set(key, group);
  };
  for (let index = first; index <= last; index += 1) {
    (enters.get(index) ?? []).forEach((line) => step(line, 1));
    (leaves.get(index) ?? []).forEach((line) => step(line, -1));
    agingAt.set(index, agingOf(open.values(), monthEnd(index)));
  }
  const finalOpen = [...open.values()].filter((group) => group.invoices);
  return { isExact, base, agingAt, first, last, finalOpen };
}

function book(db: Db): Book {
  return cachedFigures(
    db,
    'receivables',
    ['invoices', 'workspace_settings'],
    () => build(db),
  );
}

/** Open invoices at a month end by bucket, or null when not known here. */
export function agingGroupsAt(
  db: Db,
  end: string,
  reporting: string,
): AgingGroup[] | null {
  const kept = book(db);
  if (!kept.isExact || reporting !== kept.base) return null;
  if (!DATE.test(end) || monthEnd(monthIndex(end)) !== end) return null;
  const index = monthIndex(end);
  if (index < kept.first) return [];
  // Nothing moves after the last month with an event; what is open then
  // only ages.
  if (index > kept.last) return agingOf(kept.finalOpen, end);
  return kept.agingAt.get(index) ?? [];
}
