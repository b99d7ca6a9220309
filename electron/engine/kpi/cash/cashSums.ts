// The summed tables behind receivables and contract values, brought up to
// date together: the import calls this in its worker before it commits.
import type { Db } from '../../store/database.js';
import { ensureSummed, rebuildSummed } from '../common/summedState.js';
import { contractSums } from './contractsBook.js';
import { invoiceSums } from './receivablesBook.js';

const CASH_SUMS = [invoiceSums, contractSums];

export function ensureCashSums(db: Db): void {
  for (const table of CASH_SUMS) ensureSummed(db, table);
}

export function rebuildCashSums(db: Db): void {
  for (const table of CASH_SUMS) rebuildSummed(db, table);
}
