// The summed tables of migration 11 (receivables, contract values, new
// customers, renewals, CSAT, paying accounts, leads), brought up to date
// together: the import
// calls this in its worker before it commits.
import type { Db } from '../store/database.js';
import { ensureSummed, rebuildSummed } from './common/summedState.js';
import { firstPaymentSums } from './acquisition/firstPayments.js';
import { leadSums } from './acquisition/spendAndLeads.js';
import { contractSums } from './cash/contractsBook.js';
import { invoiceSums } from './cash/receivablesBook.js';
import {
  payingAccountSums,
  ticketScoreSums,
} from './customers/customerBooks.js';
import { renewalSums } from './recurring/renewals.js';

const SUMMED_TABLES = [
  invoiceSums,
  contractSums,
  firstPaymentSums,
  renewalSums,
  ticketScoreSums,
  payingAccountSums,
  leadSums,
];

export function ensureSummedTables(db: Db): void {
  for (const table of SUMMED_TABLES) ensureSummed(db, table);
}

export function rebuildSummedTables(db: Db): void {
  for (const table of SUMMED_TABLES) rebuildSummed(db, table);
}
