// Receivables and credit sales of the whole workspace at every month end.
// The invoices are summed in the workspace by issue month, due day and
// settle month (`invoice_sums`, rebuilt by the import); from those sums one
// pass works out every month end, kept in memory until the invoices or the
// settings change. An invoice is open at a month end E when it was issued
// by E and not settled by E; its bucket is its lateness on E. Base-currency
// invoices add to each month end they are open at, and from the month they
// are more than 90 days late to every later one at once; other currencies
// keep their issue day, where the caller converts them. Null where this
// cannot answer exactly (a date that is not a calendar day, a day that is
// not a month end, a range that is not whole months, another reporting
// currency).
import { daysInMonth } from '../../../../shared/period.js';
import type { Db } from '../../store/database.js';
import { readSettings } from '../../store/settings.js';
import { cachedFigures, scopeKey } from '../common/changeCache.js';
import { ensureSummed, type SummedTable } from '../common/summedState.js';
import { civilOf, dayNumberOf, monthNumberOf } from '../common/terms.js';
import { AGING_BUCKETS, type AgingBucket } from './receivables.js';

export type AgingGroup = {
  bucket: AgingBucket;
  currency: string;
  /** The issue day for other currencies; null for the base currency. */
  issuedOn: string | null;
  amount: number;
  invoices: number;
};

export type IssuedGroup = {
  currency: string;
  /** The issue day for other currencies; null for the base currency. */
  issuedOn: string | null;
  amount: number;
  invoices: number;
};

/** An invoice in another currency, kept as it is. */
type ForeignLine = {
  issuedOn: string;
  dueDay: number | null;
  enter: number;
  leave: number;
  currency: string;
  amount: number;
  invoices: number;
};

type Sums = { amount: Float64Array; invoices: Int32Array };

type Book = {
  isExact: boolean;
  base: string;
  /** Month index of entry 0 of every array. */
  first: number;
  /** Months the arrays cover; later month ends are queried. */
  length: number;
  /** Open base-currency invoices at each month end, per bucket. */
  aging: Map<AgingBucket, Sums>;
  /** Base-currency invoices issued up to each month end, running. */
  issued: Sums;
  foreign: ForeignLine[];
};

/** A row of `invoice_sums`. */
type SumLine = [
  currency: string,
  issueMonth: number,
  issuedOn: string | null,
  dueOn: string | null,
  leaveMonth: number | null,
  amount: number,
  invoices: number,
];

const MONTH_OF = (column: string) =>
  `CAST(substr(${column}, 1, 4) AS INTEGER) * 12
     + CAST(substr(${column}, 6, 2) AS INTEGER) - 1`;

/** Invoices grouped as `invoice_sums` keeps them, from `from` and `where`. */
const groupedSql = (from: string, where: string) => `
  SELECT i.currency, ${MONTH_OF('i.issued_on')},
         CASE WHEN i.currency = @base THEN NULL ELSE i.issued_on END,
         i.due_on,
         CASE WHEN i.settled_on IS NULL THEN NULL
              ELSE max(${MONTH_OF('i.issued_on')}, ${MONTH_OF('i.settled_on')})
         END,
         sum(i.amount_minor), count(*)
    FROM ${from}
   WHERE ${where}
   GROUP BY 1, 2, 3, 4, 5`;

const INEXACT_SQL = `SELECT EXISTS (SELECT 1 FROM invoices
  WHERE issued_on IS NOT date(issued_on)
     OR (due_on IS NOT NULL AND due_on IS NOT date(due_on))
     OR (settled_on IS NOT NULL AND settled_on IS NOT date(settled_on)))`;

export const invoiceSums: SummedTable = {
  name: 'invoice_sums',
  sources: ['invoices', 'workspace_settings'],
  extra: (db) => readSettings(db).baseCurrency,
  build(db) {
    db.exec('DELETE FROM invoice_sums');
    if (db.prepare(INEXACT_SQL).pluck().get() === 1) return false;
    db.prepare(
      `INSERT INTO invoice_sums (currency, issue_month, issued_on, due_on,
         leave_month, amount_minor, invoices)
       ${groupedSql('invoices i', '1')}`,
    ).run({ base: readSettings(db).baseCurrency });
    return true;
  },
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Month ends past the last event that the book still answers. */
const MONTHS_AHEAD = 60;

function monthEndDay(index: number): number {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return dayNumberOf({ year, month, day: daysInMonth(year, month) });
}

/** The bucket of an invoice due on `dueDay` at the day `endDay`. */
function bucketOf(dueDay: number | null, endDay: number): AgingBucket {
  if (dueDay === null || dueDay >= endDay) return 'current';
  const late = endDay - dueDay;
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}

function sumsOf(length: number): Sums {
  return {
    amount: new Float64Array(length + 1),
    invoices: new Int32Array(length + 1),
  };
}

/** Adds to the month ends from `from` up to `to` (exclusive). */
function addRange(
  sums: Sums,
  from: number,
  to: number,
  amount: number,
  invoices: number,
) {
  sums.amount[from] = (sums.amount[from] ?? 0) + amount;
  sums.amount[to] = (sums.amount[to] ?? 0) - amount;
  sums.invoices[from] = (sums.invoices[from] ?? 0) + invoices;
  sums.invoices[to] = (sums.invoices[to] ?? 0) - invoices;
}

function accumulate(sums: Sums): void {
  for (let at = 1; at < sums.amount.length; at += 1) {
    sums.amount[at] = (sums.amount[at] ?? 0) + (sums.amount[at - 1] ?? 0);
    sums.invoices[at] = (sums.invoices[at] ?? 0) + (sums.invoices[at - 1] ?? 0);
  }
}

function emptyBook(base: string, isExact: boolean): Book {
  return {
    isExact,
    base,
    first: 0,
    length: 0,
    aging: new Map(AGING_BUCKETS.map((bucket) => [bucket, sumsOf(0)])),
    issued: sumsOf(0),
    foreign: [],
  };
}

function build(db: Db): Book {
  const base = readSettings(db).baseCurrency;
  if (!ensureSummed(db, invoiceSums)) return emptyBook(base, false);
  const lines = db
    .prepare(
      `SELECT currency, issue_month, issued_on, due_on, leave_month,
              amount_minor, invoices
         FROM invoice_sums`,
    )
    .raw()
    .all() as SumLine[];
  return bookOf(lines, base);
}

/** The book of a segment's invoices, grouped from them in one pass. */
function scopedBuild(db: Db, scope: InvoiceScope): Book {
  const base = readSettings(db).baseCurrency;
  if (db.prepare(INEXACT_SQL).pluck().get() === 1) {
    return emptyBook(base, false);
  }
  const from = 'invoices i LEFT JOIN accounts a ON a.id = i.account_id';
  const lines = db
    .prepare(groupedSql(from, scope.where))
    .raw()
    .all({ ...scope.params, base }) as SumLine[];
  return bookOf(lines, base);
}

function bookOf(lines: readonly SumLine[], base: string): Book {
  if (lines.length === 0) return emptyBook(base, true);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const [, issueMonth, , , leaveMonth] of lines) {
    first = Math.min(first, issueMonth);
    last = Math.max(last, issueMonth, leaveMonth ?? issueMonth);
  }
  const length = last - first + 1 + MONTHS_AHEAD;
  const ends = Array.from({ length }, (_, at) => monthEndDay(first + at));
  const aging = new Map(
    AGING_BUCKETS.map((bucket) => [bucket, sumsOf(length)]),
  );
  const issued = sumsOf(length);
  const foreign: ForeignLine[] = [];
  for (const line of lines) {
    const [currency, issueMonth, issuedOn, dueOn, leaveMonth] = line;
    const [, , , , , amount, invoices] = line;
    const enter = issueMonth - first;
    // Settled by a month end: gone at it.
    const leave = leaveMonth === null ? length : leaveMonth - first;
    const dueDay = dueOn === null ? null : dayNumberOf(civilOf(dueOn));
    if (currency !== base || issuedOn !== null) {
      const day = issuedOn ?? '';
      foreign.push({
        issuedOn: day,
        dueDay,
        enter,
        leave,
        currency,
        amount,
        invoices,
      });
      continue;
    }
    issued.amount[enter] = (issued.amount[enter] ?? 0) + amount;
    issued.invoices[enter] = (issued.invoices[enter] ?? 0) + invoices;
    for (let at = enter; at < leave; at += 1) {
      const bucket = bucketOf(dueDay, ends[at] ?? 0);
      const sums = aging.get(bucket);
      if (!sums) continue;
      // Once current for good, or over 90 days late, it stays so.
      if (bucket === '90+' || dueDay === null) {
        addRange(sums, at, leave, amount, invoices);
        break;
      }
      addRange(sums, at, at + 1, amount, invoices);
    }
  }
  for (const sums of [...aging.values(), issued]) accumulate(sums);
  return { isExact: true, base, first, length, aging, issued, foreign };
}

/** A condition over the invoices (`i`) and their accounts (`a`). */
export type InvoiceScope = { where: string; params: Record<string, string> };

/**
 * The whole workspace's book, or a segment's, kept until the invoices,
 * the settings or (for a segment) the accounts and their owners change.
 */
function book(db: Db, scope: InvoiceScope | null): Book {
  if (scope === null || scope.where === '1') {
    return cachedFigures(
      db,
      'receivables',
      ['invoices', 'workspace_settings'],
      () => build(db),
    );
  }
  return cachedFigures(
    db,
    `receivables:${scopeKey(scope)}`,
    ['invoices', 'workspace_settings', 'accounts', 'users', 'teams'],
    () => scopedBuild(db, scope),
  );
}

function isMonthEnd(date: string): boolean {
  const match = DATE.exec(date);
  if (!match) return false;
  return Number(match[3]) === daysInMonth(Number(match[1]), Number(match[2]));
}

/** The book's entry for the month ending `end`, or null when it is not. */
function entryOf(kept: Book, end: string, reporting: string): number | null {
  if (!kept.isExact || reporting !== kept.base || !isMonthEnd(end)) {
    return null;
  }
  const at = monthNumberOf(end) - kept.first;
  return at < kept.length ? at : null;
}

/**
 * Adds a foreign line to its group: one per `key`, currency and issue
 * day, carrying `extra` (such as its bucket).
 */
function addLine<G extends IssuedGroup>(
  groups: Map<string, G>,
  key: string,
  line: ForeignLine,
  extra: Omit<G, keyof IssuedGroup>,
): void {
  const id = `${key}\u0000${line.issuedOn}`;
  const group =
    groups.get(id) ??
    ({
      ...extra,
      currency: line.currency,
      issuedOn: line.issuedOn,
      amount: 0,
      invoices: 0,
    } as G);
  group.amount += line.amount;
  group.invoices += line.invoices;
  groups.set(id, group);
}

/** Open invoices at a month end by bucket, or null when not known here. */
export function agingGroupsAt(
  db: Db,
  scope: InvoiceScope | null,
  end: string,
  reporting: string,
): AgingGroup[] | null {
  const kept = book(db, scope);
  const at = entryOf(kept, end, reporting);
  if (at === null) return null;
  if (at < 0) return [];
  const groups: AgingGroup[] = [];
  for (const [bucket, sums] of kept.aging) {
    const invoices = sums.invoices[at] ?? 0;
    if (invoices === 0) continue;
    const amount = sums.amount[at] ?? 0;
    groups.push({
      bucket,
      currency: kept.base,
      issuedOn: null,
      amount,
      invoices,
    });
  }
  const endDay = monthEndDay(kept.first + at);
  const foreign = new Map<string, AgingGroup>();
  for (const line of kept.foreign) {
    if (line.enter > at || line.leave <= at) continue;
    const bucket = bucketOf(line.dueDay, endDay);
    addLine(foreign, `${bucket}\u0000${line.currency}`, line, { bucket });
  }
  return [...groups, ...foreign.values()];
}

/** Invoices issued in whole months from `start` to `end`, or null. */
export function issuedGroupsBetween(
  db: Db,
  scope: InvoiceScope | null,
  start: string,
  end: string,
  reporting: string,
): IssuedGroup[] | null {
  const kept = book(db, scope);
  const to = entryOf(kept, end, reporting);
  if (to === null || !DATE.test(start) || !start.endsWith('-01')) return null;
  const from = monthNumberOf(start) - kept.first;
  if (from > to) return [];
  const running = (values: Float64Array | Int32Array, at: number) =>
    at < 0 ? 0 : (values[at] ?? 0);
  const groups: IssuedGroup[] = [];
  const { amount, invoices } = kept.issued;
  const count = running(invoices, to) - running(invoices, from - 1);
  if (count > 0) {
    groups.push({
      currency: kept.base,
      issuedOn: null,
      amount: running(amount, to) - running(amount, from - 1),
      invoices: count,
    });
  }
  const foreign = new Map<string, IssuedGroup>();
  for (const line of kept.foreign) {
    if (line.enter < from || line.enter > to) continue;
    addLine(foreign, line.currency, line, {});
  }
  return [...groups, ...foreign.values()];
}
