// What a finished job says in its banner, told apart for a check (which
// writes nothing by design) and an import, and which checked files are
// ready to import for real.
import type { ImportResult, JobProgress } from '../../../shared/contract.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import type { ImportRun } from './importSlice.js';

export type Banner = {
  key: MessageKey;
  params?: MessageParams;
  /** Shown as good news rather than as a problem. */
  isOk: boolean;
};

type Finished = Pick<JobProgress, 'state' | 'results' | 'message'>;

function failedCount(results: readonly ImportResult[]): number {
  return results.filter((result) => result.status === 'failed').length;
}

function checkBanner(job: Finished): Banner {
  if (job.state === 'cancelled') {
    return { key: 'import.checkCancelled', isOk: false };
  }
  if (job.state !== 'done') {
    return {
      key: 'import.checkFailed',
      params: { message: job.message ?? '' },
      isOk: false,
    };
  }
  const total = job.results.length;
  const failed = failedCount(job.results);
  if (failed === 0) return { key: 'import.checkDone', isOk: true };
  if (failed === total) {
    return {
      key: 'import.checkAllFailed',
      params: { count: total },
      isOk: false,
    };
  }
  return {
    key: 'import.checkSomeFailed',
    params: { count: failed, total },
    isOk: false,
  };
}

function importBanner(job: Finished): Banner {
  if (job.state === 'cancelled') {
    return { key: 'import.stateCancelled', isOk: false };
  }
  if (job.state !== 'done') {
    return {
      key: 'import.stateFailed',
      params: { message: job.message ?? '' },
      isOk: false,
    };
  }
  const failed = failedCount(job.results);
  if (failed === 0) return { key: 'import.stateDone', isOk: true };
  if (failed === job.results.length) {
    return { key: 'import.stateAllFailed', isOk: false };
  }
  return {
    key: 'import.stateSomeFailed',
    params: { count: failed },
    isOk: false,
  };
}

export function outcomeBanner(job: Finished, isCheck: boolean): Banner {
  return isCheck ? checkBanner(job) : importBanner(job);
}

/**
 * The files of a finished check that passed it, as a run to import for
 * real; null when none did. A file that failed waits for the user.
 */
export function passingRun(
  run: ImportRun,
  job: Pick<JobProgress, 'state' | 'results'>,
): ImportRun | null {
  if (job.state !== 'done') return null;
  const passed = new Set(
    job.results
      .filter((result) => result.status === 'dry_run')
      .map((result) => result.file),
  );
  const files = run.files.filter((file) => passed.has(file.name));
  return files.length === 0 ? null : { ...run, files };
}
