// Notes beside metric values: each is written from one template, found
// again from its text (several in one text too), and shown in Korean with
// every place filled; notes the engine writes on real calls parse.
import { describe, expect, it } from 'vitest';
import {
  METRIC_NOTE_CODES,
  METRIC_NOTE_TEMPLATES,
  metricNote,
  parseMetricNotes,
  type MetricNoteCode,
  type NoteParams,
} from '../../../shared/metricNotes.js';
import { showNote } from '../../../renderer/src/dashboard/metricText.js';
import { translatorFor } from '../../../renderer/src/i18n/index.js';
import { computeMetrics } from '../../../electron/engine/kpi/metricEngine.js';
import { tempWorkspace } from '../../support/workspace.js';

/** Sample values for every place a template has. */
const SAMPLE: NoteParams = {
  reporting: 'USD',
  currencies: 'EUR, GBP',
  subject: 'invoices',
  fields: 'plan or owner',
  period: '2024-Q2',
  day: '2024-06-30',
  level: 'team',
  deals: 12,
};

function placesOf(code: MetricNoteCode): NoteParams {
  const names = [...METRIC_NOTE_TEMPLATES[code].matchAll(/\{(\w+)\}/g)].map(
    (match) => match[1] ?? '',
  );
  return Object.fromEntries(names.map((name) => [name, SAMPLE[name] ?? '']));
}

describe('metric notes', () => {
  it('finds every note again from its text, alone and joined', () => {
    for (const code of METRIC_NOTE_CODES) {
      const params = placesOf(code);
      const text = metricNote(code, params);
      expect(text).not.toMatch(/\{\w+\}/);
      const stringParams = Object.fromEntries(
        Object.entries(params).map(([name, value]) => [name, String(value)]),
      );
      expect(parseMetricNotes(text)).toEqual([{ code, params: stringParams }]);
    }
    const joined = [
      metricNote('missingCloseRate', { reporting: 'USD', currencies: 'EUR' }),
      metricNote('unansweredSegment', {
        subject: 'opportunities',
        fields: 'plan',
      }),
    ].join(' ');
    expect(parseMetricNotes(joined)?.map((note) => note.code)).toEqual([
      'missingCloseRate',
      'unansweredSegment',
    ]);
    expect(parseMetricNotes('Something the engine never writes.')).toBeNull();
  });

  it('shows each note in Korean with its places filled', () => {
    const t = translatorFor('ko');
    for (const code of METRIC_NOTE_CODES) {
      const text = metricNote(code, placesOf(code));
      const shown = showNote(t, 'ko', text);
      expect(shown).not.toBe(text);
      expect(shown).not.toMatch(/\{\w+\}|[A-Za-z]{5,}/);
    }
    const unanswered = metricNote('unansweredSegment', {
      subject: 'invoices',
      fields: 'plan or owner',
    });
    expect(showNote(t, 'ko', unanswered)).toContain('청구서');
    expect(showNote(t, 'en', unanswered)).toBe(unanswered);
    expect(showNote(t, 'ko', 'Not a note of ours.')).toBe(
      'Not a note of ours.',
    );
  });

  it('parses the notes the engine writes', () => {
    const { db, temp } = tempWorkspace();
    try {
      const { metrics } = computeMetrics(db, {
        metrics: [],
        period: '2024-06',
        where: [{ field: 'plan', value: 'Pro' }],
      });
      const notes = metrics.flatMap((metric) =>
        metric.note === null ? [] : [metric.note],
      );
      expect(notes.length).toBeGreaterThan(10);
      for (const note of notes)
        expect([note, parseMetricNotes(note)]).not.toContainEqual(null);
    } finally {
      db.close();
      temp.remove();
    }
  });
});
