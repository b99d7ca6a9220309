// The mapping view's own reasoning: which required groups are missing,
// which fields are chosen twice, the first guess from the header, and the
// draft a saved mapping or a recognised entity starts from.
import { describe, expect, it } from 'vitest';
import type {
  FileInspection,
  MappingTargetInfo,
} from '../../../shared/contract.js';
import {
  guessChoices,
  isValidSource,
  missingGroups,
  repeatedFields,
  startingDraft,
  toColumnMapping,
} from '../../../renderer/src/import/mappingDraft.js';

const deals: MappingTargetInfo = {
  entity: 'opportunities',
  source: 'crm',
  fields: [
    { name: 'id', kind: 'text', label: 'deal id' },
    { name: 'name', kind: 'text', label: 'deal name' },
    { name: 'amount', kind: 'money', label: 'amount' },
    { name: 'close', kind: 'date', label: 'close date' },
  ],
  requires: [['amount'], ['id', 'name']],
};

const contacts: MappingTargetInfo = {
  entity: 'contacts',
  source: 'crm',
  fields: [
    { name: 'email', kind: 'text', label: 'email' },
    { name: 'first', kind: 'text', label: 'first name' },
  ],
  requires: [['email'], ['first', 'last']],
};

function inspection(overrides: Partial<FileInspection>): FileInspection {
  return {
    file: 'pipeline.csv',
    format: 'csv',
    encoding: 'UTF-8',
    delimiter: ',',
    sheet: null,
    sheets: [],
    columns: ['Opportunity', 'Value', 'Closing'],
    samples: [['Kestrel', '3,100', '2024-03-01']],
    preset: null,
    entity: null,
    savedMapping: null,
    ...overrides,
  };
}

describe('missingGroups', () => {
  it('names every group of which no field is mapped', () => {
    expect(missingGroups(deals.requires, {})).toEqual([
      ['amount'],
      ['id', 'name'],
    ]);
    expect(
      missingGroups(deals.requires, { Opportunity: 'name', Value: '' }),
    ).toEqual([['amount']]);
  });

  it('is satisfied by one field of each group', () => {
    const choices = { Value: 'amount', Ref: 'id', Closing: '' };
    expect(missingGroups(deals.requires, choices)).toEqual([]);
  });
});

describe('repeatedFields', () => {
  it('lists a field two columns are mapped to, not left-out columns', () => {
    expect(repeatedFields({ A: 'amount', B: 'amount', C: '', D: '' })).toEqual([
      'amount',
    ]);
    expect(repeatedFields({ A: 'amount', B: 'name' })).toEqual([]);
  });
});

describe('guessChoices', () => {
  it('maps headers that read as a label or a name, each field once', () => {
    const columns = ['Deal Name', 'AMOUNT', 'amount', 'Close_Date', 'Notes'];
    expect(guessChoices(columns, deals)).toEqual({
      'Deal Name': 'name',
      AMOUNT: 'amount',
      amount: '',
      Close_Date: 'close',
      Notes: '',
    });
  });
});

describe('startingDraft', () => {
  it('starts from the saved mapping of a matching header', () => {
    const draft = startingDraft(
      inspection({
        savedMapping: {
          name: 'Pipeline sheet',
          entity: 'opportunities',
          source: 'sheets',
          columns: { Opportunity: 'name', Value: 'amount', Gone: 'close' },
          updatedAt: '2024-05-01T00:00:00Z',
        },
      }),
      [contacts, deals],
    );
    expect(draft).toEqual({
      entity: 'opportunities',
      choices: { Opportunity: 'name', Value: 'amount', Closing: '' },
      source: 'sheets',
      saveAs: 'Pipeline sheet',
      fromSaved: 'Pipeline sheet',
    });
  });

  it('starts on the recognised entity, else the first, with a guess', () => {
    const recognised = startingDraft(
      inspection({ entity: 'opportunities', columns: ['Amount'] }),
      [contacts, deals],
    );
    expect(recognised?.entity).toBe('opportunities');
    expect(recognised?.choices).toEqual({ Amount: 'amount' });
    expect(recognised?.source).toBe('crm');
    expect(recognised?.fromSaved).toBeNull();
    const unknown = startingDraft(inspection({}), [contacts, deals]);
    expect(unknown?.entity).toBe('contacts');
    expect(startingDraft(inspection({}), [])).toBeNull();
  });
});

describe('toColumnMapping', () => {
  it('keeps left-out columns and drops a blank source', () => {
    const mapping = toColumnMapping({
      entity: 'opportunities',
      choices: { Value: 'amount', Notes: '' },
      source: '  ',
      saveAs: '',
      fromSaved: null,
    });
    expect(mapping).toEqual({
      entity: 'opportunities',
      columns: { Value: 'amount', Notes: '' },
    });
  });
});

describe('isValidSource', () => {
  it('takes letters of any script, digits, space, dot, dash, underscore', () => {
    expect(isValidSource('Sheets 2024_v1.2-b')).toBe(true);
    expect(isValidSource('영업 시트')).toBe(true);
    expect(isValidSource('crm/export')).toBe(false);
    expect(isValidSource('')).toBe(false);
  });
});
