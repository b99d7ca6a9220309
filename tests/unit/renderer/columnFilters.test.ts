// AG Grid's filter models, cut down to what the contract accepts: the
// engine evaluates these in SQL, so nothing else may reach it.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract.js';
import { toContractFilters } from '../../../renderer/src/grids/columnDefs.js';

describe('toContractFilters', () => {
  it('answers no filters for a model that is not an object', () => {
    expect(toContractFilters(null)).toEqual({});
    expect(toContractFilters(undefined)).toEqual({});
    expect(toContractFilters('region')).toEqual({});
  });

  it('keeps text filters with an operator the engine knows', () => {
    const model = {
      account: { filterType: 'text', type: 'contains', filter: 'acme' },
      region: { filterType: 'text', type: 'blank' },
    };
    expect(toContractFilters(model)).toEqual({
      account: { filterType: 'text', type: 'contains', filter: 'acme' },
      region: { filterType: 'text', type: 'blank' },
    });
  });

  it('keeps number filters, both ends of a range included', () => {
    const model = {
      amount: {
        filterType: 'number',
        type: 'inRange',
        filter: 1000,
        filterTo: 5000,
      },
      batch: { filterType: 'number', type: 'notBlank' },
    };
    expect(toContractFilters(model)).toEqual({
      amount: {
        filterType: 'number',
        type: 'inRange',
        filter: 1000,
        filterTo: 5000,
      },
      batch: { filterType: 'number', type: 'notBlank' },
    });
  });

  it('drops operators, kinds and shapes the engine does not evaluate', () => {
    const model = {
      account: { filterType: 'text', type: 'endsWith', filter: 'corp' },
      amount: { filterType: 'number', type: 'greaterThanOrEqual', filter: 3 },
      stage: { filterType: 'set', values: ['Won'] },
      owner: {
        filterType: 'text',
        operator: 'AND',
        conditions: [{ filterType: 'text', type: 'contains', filter: 'a' }],
      },
      product: null,
      industry: 'software',
    };
    expect(toContractFilters(model)).toEqual({});
  });

  it('drops a value of the wrong type but keeps the operator', () => {
    const model = {
      amount: { filterType: 'number', type: 'equals', filter: '500' },
      account: { filterType: 'text', type: 'equals', filter: 500 },
    };
    expect(toContractFilters(model)).toEqual({
      amount: { filterType: 'number', type: 'equals' },
      account: { filterType: 'text', type: 'equals' },
    });
  });

  it('produces filters that the grid.rows contract accepts', () => {
    const filters = toContractFilters({
      account: { filterType: 'text', type: 'startsWith', filter: 'Bet' },
      amount: { filterType: 'number', type: 'lessThan', filter: 99.5 },
      stage: { filterType: 'set', values: ['Won'] },
    });
    const parsed = contract['grid.rows'].args.parse({
      entity: 'opportunities',
      offset: 0,
      limit: 100,
      filters,
    });
    expect(parsed.filters).toEqual({
      account: { filterType: 'text', type: 'startsWith', filter: 'Bet' },
      amount: { filterType: 'number', type: 'lessThan', filter: 99.5 },
    });
  });
});
