// What a finished check or import says in its banner, which checked files
// go ahead, how each file was read, what a failed file holds, and that
// every entity a file can be mapped onto has a name in the catalogue.
import { describe, expect, it } from 'vitest';
import { importResult } from './importResultFixture.js';
import type { ImportResult, JobProgress } from '../../../shared/contract.js';
import { MAPPABLE_ENTITIES } from '../../../shared/importSchemas.js';
import {
  isMessageKey,
  translate,
} from '../../../renderer/src/i18n/translate.js';
import type { ImportRun } from '../../../renderer/src/import/importSlice.js';
import {
  outcomeBanner,
  passingRun,
} from '../../../renderer/src/import/outcome.js';
import {
  heldEntity,
  readingFacts,
  type ReadingFact,
} from '../../../renderer/src/import/resultFacts.js';

const result = importResult;

type Finished = Pick<JobProgress, 'state' | 'results' | 'message'>;

const failedFile = result({
  file: 'tickets.csv',
  entity: 'unknown',
  preset: 'unknown',
  status: 'failed',
  message: 'tickets.csv: column Opened has dates such as 03/04/2024…',
});

function job(results: ImportResult[], state: Finished['state'] = 'done') {
  return { state, results, message: null } satisfies Finished;
}

function shown(banner: ReturnType<typeof outcomeBanner>): string {
  return translate('en', banner.key, banner.params);
}

describe('the banner of a check', () => {
  it('says a clean check wrote nothing yet', () => {
    const banner = outcomeBanner(job([result({})]), true);
    expect(banner).toEqual({ key: 'import.checkDone', isOk: true });
  });

  it('counts the files that failed among those checked', () => {
    const results = [result({}), result({ file: 'b.csv' }), failedFile];
    const banner = outcomeBanner(job(results), true);
    expect(banner.isOk).toBe(false);
    expect(shown(banner)).toMatch(/^Checked 3 files; 1 cannot be imported/);
    expect(shown(banner)).not.toMatch(/import finished/i);
  });

  it('never says nothing was imported for want of a readable file', () => {
    const banner = outcomeBanner(job([failedFile]), true);
    expect(banner.key).toBe('import.checkAllFailed');
    expect(shown(banner)).toMatch(/^Checked 1 file; it cannot be imported/);
    expect(shown(banner)).toContain('a check never writes');
  });

  it('tells a cancelled check from a cancelled import', () => {
    expect(outcomeBanner(job([], 'cancelled'), true).key).toBe(
      'import.checkCancelled',
    );
    expect(outcomeBanner(job([], 'cancelled'), false).key).toBe(
      'import.stateCancelled',
    );
  });
});

describe('the banner of an import', () => {
  it('keeps the import wording', () => {
    expect(outcomeBanner(job([failedFile]), false).key).toBe(
      'import.stateAllFailed',
    );
    const some = outcomeBanner(job([result({}), failedFile]), false);
    expect(some).toEqual({
      key: 'import.stateSomeFailed',
      params: { count: 1 },
      isOk: false,
    });
    expect(outcomeBanner(job([result({})]), false).isOk).toBe(true);
  });
});

describe('the files that passed a check', () => {
  const run: ImportRun = {
    files: [
      { path: '/u/1', name: 'deals.csv' },
      { path: '/u/2', name: 'tickets.csv' },
    ],
  };

  it('are the ones to import; failed ones wait', () => {
    const passed = passingRun(run, job([result({}), failedFile]));
    expect(passed?.files).toEqual([{ path: '/u/1', name: 'deals.csv' }]);
  });

  it('are none when every file failed or the check did not finish', () => {
    expect(passingRun(run, job([failedFile]))).toBeNull();
    expect(passingRun(run, job([result({})], 'cancelled'))).toBeNull();
  });
});

function factsText(facts: ReadingFact[]): string {
  return facts
    .map((fact) =>
      'text' in fact ? fact.text : translate('en', fact.key, fact.params),
    )
    .join(' · ');
}

describe('how a file was read', () => {
  it('names encoding, delimiter, decimal mark and one date order', () => {
    const facts = readingFacts(
      result({ dateOrders: { Close: 'dmy', Created: 'dmy' } }),
    );
    expect(factsText(facts)).toBe(
      'utf-8 · comma-separated · decimal point · dates day-first',
    );
  });

  it('names the columns when date orders differ', () => {
    const facts = readingFacts(
      result({
        delimiter: ';',
        decimalMark: ',',
        dateOrders: { Close: 'dmy', Created: 'ymd', Paid: 'dmy' },
      }),
    );
    expect(factsText(facts)).toBe(
      'utf-8 · semicolon-separated · decimal comma · Close, Paid day-first' +
        ' · Created year-first',
    );
  });

  it('gives a workbook its sheet and leaves out what is unknown', () => {
    const facts = readingFacts(
      result({
        encoding: null,
        delimiter: null,
        sheet: 'Deals',
        decimalMark: null,
      }),
    );
    expect(factsText(facts)).toBe('sheet “Deals”');
    expect(readingFacts(result({ delimiter: '#' }))[1]).toEqual({
      text: '#',
    });
  });
});

describe('what a failed file holds', () => {
  it('is the layout’s entity when the file stopped at its dates', () => {
    expect(heldEntity(failedFile, { 'tickets.csv': 'tickets' })).toEqual({
      kind: 'entity',
      entity: 'tickets',
    });
  });

  it('is "not recognised" only when no layout knows the header', () => {
    expect(heldEntity(failedFile, { 'tickets.csv': null })).toEqual({
      kind: 'unrecognised',
    });
    expect(heldEntity(failedFile, {})).toEqual({ kind: 'unknown' });
  });

  it('is the engine’s entity when it names one', () => {
    expect(heldEntity(result({}), { 'deals.csv': null })).toEqual({
      kind: 'entity',
      entity: 'opportunities',
    });
  });
});

describe('entity names', () => {
  it('exist for every entity a file can be mapped onto', () => {
    const missing = MAPPABLE_ENTITIES.filter(
      (entity) => !isMessageKey(`entity.${entity}`),
    );
    expect(missing).toEqual([]);
    expect(translate('ko', 'entity.payments')).not.toBe('Payments');
  });
});
