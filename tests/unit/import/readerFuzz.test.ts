// Malformed input, generated from a seed: the importer never crashes or
// hangs, ends every file with a result, and names the line of each row it
// rejects.
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/import/runImport.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

const HEADER =
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';

/** A small seeded generator (xorshift), so a failure can be replayed. */
function generator(seed: number) {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const PIECES = [
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\ufeff',
  'é',
  '€',
  '1,234.50',
  '(5)',
  '2017-02-30',
  '13/13/2017',
  'Won',
  'Lost',
  '',
  'x'.repeat(300),
];

function mangledFile(random: () => number, rows: number): string {
  const lines = [HEADER];
  for (let row = 0; row < rows; row += 1) {
    const fields = [
      `F${row}`,
      'Ann',
      'GTX Basic',
      'Acme',
      random() < 0.5 ? 'Won' : 'Engaging',
      '2017-01-02',
      '2017-02-01',
      String(Math.floor(random() * 10_000)),
    ];
    const cuts = Math.floor(random() * 3);
    for (let cut = 0; cut < cuts; cut += 1) {
      const at = Math.floor(random() * fields.length);
      const piece = PIECES[Math.floor(random() * PIECES.length)] ?? '';
      fields[at] = (fields[at] ?? '') + piece;
    }
    if (random() < 0.05) fields.length = Math.floor(random() * fields.length);
    if (random() < 0.05) fields.push('extra');
    lines.push(fields.join(','));
  }
  return lines.join(random() < 0.5 ? '\n' : '\r\n');
}

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

describe('importing malformed files', () => {
  it.each(Array.from({ length: 12 }, (_, index) => index + 1))(
    'seed %i ends with a result and names every rejected line',
    async (seed) => {
      const workspace = tempWorkspace();
      temp = workspace.temp;
      const random = generator(seed * 7919);
      const path = temp.file(`fuzz-${seed}.csv`, mangledFile(random, 200));
      const result = await importFile(
        workspace.db,
        { path, name: `fuzz-${seed}.csv`, preset: null },
        { isCancelled: () => false, onProgress: () => undefined },
      );
      expect(['committed', 'failed']).toContain(result.status);
      expect(workspace.db.inTransaction).toBe(false);
      if (result.status === 'failed') {
        // A whole-file problem is named, and nothing was written.
        expect(result.message).toMatch(/fuzz-\d+\.csv/);
        expect(
          workspace.db.prepare('SELECT count(*) AS n FROM opportunities').get(),
        ).toEqual({ n: 0 });
        return;
      }
      const lines = workspace.db
        .prepare('SELECT line, reason FROM import_row_errors')
        .all() as { line: number; reason: string }[];
      expect(lines).toHaveLength(result.rowsRejected);
      // The seeds are chosen so that every file has rows to reject.
      expect(result.rowsRejected).toBeGreaterThan(0);
      for (const error of lines) {
        expect(error.line).toBeGreaterThan(1);
        expect(error.reason.length).toBeGreaterThan(0);
      }
      const stored = workspace.db
        .prepare('SELECT count(*) AS n FROM opportunities')
        .get() as { n: number };
      expect(stored.n + result.rowsRejected).toBeLessThanOrEqual(
        result.rowsRead,
      );
      expect(workspace.db.pragma('integrity_check', { simple: true })).toBe(
        'ok',
      );
    },
  );

  it('survives bytes that are not text at all', async () => {
    const workspace = tempWorkspace();
    temp = workspace.temp;
    const random = generator(42);
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i += 1) {
      bytes[i] = Math.floor(random() * 256);
    }
    const path = temp.file('noise.csv', bytes);
    const result = await importFile(
      workspace.db,
      { path, name: 'noise.csv', preset: null },
      { isCancelled: () => false, onProgress: () => undefined },
    );
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/noise\.csv/);
  });

  it('says so when a file is empty or holds only a header', async () => {
    const workspace = tempWorkspace();
    temp = workspace.temp;
    const quiet = { isCancelled: () => false, onProgress: () => undefined };
    const empty = await importFile(
      workspace.db,
      { path: temp.file('empty.csv', ''), name: 'empty.csv', preset: null },
      quiet,
    );
    expect(empty).toMatchObject({ status: 'failed' });
    expect(empty.message).toMatch(/empty\.csv is empty/);
    const headerOnly = await importFile(
      workspace.db,
      {
        path: temp.file('header.csv', HEADER + '\n'),
        name: 'header.csv',
        preset: null,
      },
      quiet,
    );
    expect(headerOnly).toMatchObject({ status: 'committed', rowsRead: 0 });
  });
});
