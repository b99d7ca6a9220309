// English notes beside metric values: the engine's own templates
// (shared/metricNotes), under `note.<code>`, with the words their places
// take (subjects, quota levels).
import {
  METRIC_NOTE_CODES,
  METRIC_NOTE_TEMPLATES,
  type MetricNoteCode,
} from '../../../shared/metricNotes.js';

type NoteKeys = { [C in MetricNoteCode as `note.${C}`]: string };

export const enMetricNotes = {
  ...(Object.fromEntries(
    METRIC_NOTE_CODES.map((code) => [
      `note.${code}`,
      METRIC_NOTE_TEMPLATES[code],
    ]),
  ) as NoteKeys),
  'note.subject.subscriptions': 'subscriptions',
  'note.subject.invoices': 'invoices',
  'note.subject.tickets': 'tickets',
  'note.subject.usage': 'feature usage',
  'note.subject.snapshots': 'customer snapshots',
  'note.subject.opportunities': 'deals',
  'note.subject.quotas': 'quotas',
  'note.subject.spend': 'campaign spend',
  'note.subject.leads': 'leads',
  'note.subject.accounts': 'accounts',
  'note.level.team': 'team',
  'note.level.rep': 'rep',
  'note.or': ' or ',
};
