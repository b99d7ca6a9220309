// Deals summed for the dashboard: the tables of migration 10, the book
// they load into, and the sales and pipeline figures read from it.
export {
  ensureDealAggregates,
  opportunityChanges,
  rebuildDealAggregates,
} from './dealAggregates.js';
export { dealBook, isWholeMonths } from './dealBook.js';
