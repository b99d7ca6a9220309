// The notes the engine puts beside a metric value: why there is none, or
// what the reader must know about it. Each is written from one template
// here, in English; the page finds the template again from the text and
// shows the note in the reader's language. Several notes in one text are
// joined by a space.

export const METRIC_NOTE_TEMPLATES = {
  missingRate:
    "No exchange rate into {reporting} for {currencies} on or before the amounts' dates; amounts in different currencies are not added without one.",
  missingMonthEndRate:
    'No exchange rate from {currencies} to {reporting} at a month end of this period; amounts in different currencies are not added without one.',
  missingStepRate:
    'No exchange rate from {currencies} to {reporting} at this month end or the one before.',
  missingCloseRate:
    'No exchange rate into {reporting} on or before the close date for {currencies}; add rates to see this total.',
  mixedCurrencies:
    'These deals are in {currencies}; amounts in different currencies are not added without an exchange rate.',
  unansweredSegment:
    'The {subject} behind this metric cannot be split by {fields}; remove that filter to see a value.',
  noLeads: 'No leads were created in the period.',
  noNewCustomers: 'No new customers in the period.',
  noInvoicesIssued: 'No invoices were issued in the period.',
  noFeatureUsage:
    'This workspace has no feature usage yet; import a feature usage export to see adoption.',
  noPayingAccounts: 'No account had a paying subscription in the period.',
  noAnsweredTickets: 'No answered tickets in the period.',
  noChurnTable:
    'This workspace has no customer churn table; import one to see it.',
  emptyChurnTable: 'The customer churn table is empty.',
  noQuota: 'No quota is set for {period}; add quotas to see coverage.',
  quotaMet: 'Bookings up to {day} already meet the quota.',
  coverageMeasured: 'Measured on {day} against {level} quotas.',
  noDealsWon: 'No deals were won in the period.',
  defaultProbability:
    '{deals} open deals are in stages without a probability and count at 10%.',
  reactivationCounts: 'Reactivation counts in NRR.',
  reactivationNotCounted: 'Reactivation does not count in NRR.',
  clvNoChurn: 'No customer churned in the churn window, so CLV has no limit.',
  noMonthEnd: 'The period holds no month end, where MRR is measured.',
} as const;

export type MetricNoteCode = keyof typeof METRIC_NOTE_TEMPLATES;

export const METRIC_NOTE_CODES = Object.keys(
  METRIC_NOTE_TEMPLATES,
) as MetricNoteCode[];

export type NoteParams = Record<string, string | number>;

/** A note's English text, its `{name}` places filled from `params`. */
export function metricNote(code: MetricNoteCode, params: NoteParams = {}) {
  return METRIC_NOTE_TEMPLATES[code].replace(/\{(\w+)\}/g, (place, name) =>
    name in params ? String(params[name]) : place,
  );
}

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each template as a pattern that matches its text at the start. */
const PATTERNS = METRIC_NOTE_CODES.map((code) => {
  const names: string[] = [];
  const source = METRIC_NOTE_TEMPLATES[code]
    .split(/(\{\w+\})/)
    .map((part) => {
      const place = /^\{(\w+)\}$/.exec(part);
      if (!place) return escapeRegExp(part);
      names.push(place[1] ?? '');
      return '(.+?)';
    })
    .join('');
  return { code, names, pattern: new RegExp(`^${source}(?: |$)`) };
});

export type ParsedNote = { code: MetricNoteCode; params: NoteParams };

/**
 * The notes a text was written from, in order, or null when some part of
 * it was not written from a template.
 */
export function parseMetricNotes(text: string): ParsedNote[] | null {
  const notes: ParsedNote[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    let found: { note: ParsedNote; length: number } | null = null;
    for (const { code, names, pattern } of PATTERNS) {
      const match = pattern.exec(rest);
      if (!match) continue;
      const params = Object.fromEntries(
        names.map((name, index) => [name, match[index + 1] ?? '']),
      );
      found = { note: { code, params }, length: match[0].length };
      break;
    }
    if (!found) return null;
    notes.push(found.note);
    rest = rest.slice(found.length);
  }
  return notes;
}
