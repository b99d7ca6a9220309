// One import result as the engine reports it, for renderer tests to vary.
import type { ImportResult } from '../../../shared/contract.js';

export function importResult(overrides: Partial<ImportResult>): ImportResult {
  return {
    batchId: null,
    file: 'deals.csv',
    preset: 'crm-deals',
    entity: 'opportunities',
    status: 'dry_run',
    encoding: 'utf-8',
    delimiter: ',',
    sheet: null,
    rowsRead: 3,
    rowsSkipped: 0,
    rowsNew: 0,
    rowsChanged: 0,
    rowsUnchanged: 3,
    rowsRejected: 0,
    rowsDeletedEarlier: 0,
    message: null,
    decimalMark: '.',
    dateOrders: {},
    mapping: {},
    mappingName: null,
    warnings: [],
    errors: [],
    ...overrides,
  };
}
