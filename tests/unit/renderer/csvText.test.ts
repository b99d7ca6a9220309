// CSV export text: RFC 4180 quoting, CRLF line ends, and no cell that a
// spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import type { GridColumn } from '../../../shared/contract.js';
import { csvCell, toCsv } from '../../../renderer/src/grids/csvText.js';

describe('csvCell', () => {
  it('writes empty cells for missing values', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('leaves plain text and numbers alone', () => {
    expect(csvCell('Acme Corporation')).toBe('Acme Corporation');
    expect(csvCell(1054)).toBe('1054');
    expect(csvCell(0.5)).toBe('0.5');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('Smith, Jones')).toBe('"Smith, Jones"');
    expect(csvCell('the "big" deal')).toBe('"the ""big"" deal"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses text that starts like a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+4915')).toBe("'+4915");
    expect(csvCell('-12')).toBe("'-12");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tindent')).toBe("'\tindent");
    // Defused first, then quoted for its comma.
    expect(csvCell('=A1,B1')).toBe('"\'=A1,B1"');
  });

  it('keeps negative numbers as numbers', () => {
    expect(csvCell(-12)).toBe('-12');
  });
});

describe('toCsv', () => {
  const columns: GridColumn[] = [
    { id: 'account', type: 'text' },
    { id: 'amount', type: 'money' },
    { id: 'closedOn', type: 'date' },
  ];

  it('writes a header line and one line per row in column order', () => {
    const text = toCsv(
      columns,
      ['Account', 'Amount', 'Closed on'],
      [
        { closedOn: '2017-03-01', account: 'Cancity', amount: 1054 },
        { account: 'Hatfan, Inc.', amount: null, closedOn: null },
      ],
    );
    expect(text).toBe(
      'Account,Amount,Closed on\r\n' +
        'Cancity,1054,2017-03-01\r\n' +
        '"Hatfan, Inc.",,\r\n',
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, ['A', 'B "x"', 'C'], [])).toBe('A,"B ""x""",C\r\n');
  });
});
