// How much of an import job is done, as the bar shows it. The engine
// counts the whole job's work in bytes (checking and writing every file),
// so the bar never jumps back when the next file or step begins.
import type { JobProgress } from '../../../shared/contract.js';

/** Whole percent of the job done, 0 to 100. */
export function progressPercent(
  job: Pick<JobProgress, 'bytesDone' | 'bytesTotal'>,
): number {
  if (job.bytesTotal <= 0) return 0;
  const share = Math.min(1, Math.max(0, job.bytesDone / job.bytesTotal));
  return Math.floor(share * 100);
}
