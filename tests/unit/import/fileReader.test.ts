import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import {
  detectEncoding,
  inspectFile,
  readRecords,
  sniffDelimiter,
} from '../../../electron/engine/import/fileReader.js';
import { tempDir, type TempDir } from '../../support/workspace.js';

let temp: TempDir;
afterEach(() => temp?.remove());

async function records(path: string) {
  const shape = inspectFile(path);
  const out = [];
  for await (const record of readRecords(path, shape)) out.push(record);
  return { shape, out };
}

describe('reading delimited exports', () => {
  it('names the line each record starts on across quoted line breaks and mixed line ends', async () => {
    temp = tempDir();
    const path = temp.file(
      'mixed.csv',
      'id,note\r\n1,"two\nlines"\n2,"say ""hi"", ok"\r\n\r\n3,last',
    );
    const { out } = await records(path);
    expect(out).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['1', 'two\nlines'] },
      { line: 4, fields: ['2', 'say "hi", ok'] },
      { line: 5, fields: [''] },
      { line: 6, fields: ['3', 'last'] },
    ]);
  });

  it('sniffs the delimiter outside quotes', () => {
    expect(
      sniffDelimiter(
        'name;amount;note\r\n"Acme, Inc.";1.200,50;"a;b"\r\nB;3;c\r\n',
      ),
    ).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t"x,y,z"\t3\n')).toBe('\t');
    expect(sniffDelimiter('a,b,c\n"1;2",2,3\n')).toBe(',');
    expect(sniffDelimiter('a|b\n1|2\n')).toBe('|');
  });

  it('detects UTF-8 with and without a byte-order mark, and strips the mark', async () => {
    temp = tempDir();
    const bom = temp.file(
      'bom.csv',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('customer_id,mrr\nC1,99\n'),
      ]),
    );
    const { shape, out } = await records(bom);
    expect([shape.encoding, shape.hasBom]).toEqual(['utf-8', true]);
    expect(out[0]?.fields[0]).toBe('customer_id');
    expect(
      detectEncoding(Buffer.from('plain ascii, and ünïcode'), true),
    ).toEqual({ encoding: 'utf-8', hasBom: false });
  });

  it('reads Windows-1252 and CP949 bytes without mangling them', async () => {
    temp = tempDir();
    const latin = temp.file(
      'latin.csv',
      iconv.encode(
        'name,city\nMüller & Söhne,Málaga\nŒuvre,l’Essai €\n',
        'windows-1252',
      ),
    );
    const latinRead = await records(latin);
    expect(latinRead.shape.encoding).toBe('windows-1252');
    expect(latinRead.out[1]?.fields).toEqual(['Müller & Söhne', 'Málaga']);
    expect(latinRead.out[2]?.fields).toEqual(['Œuvre', 'l’Essai €']);
    const korean = temp.file(
      'ko.csv',
      iconv.encode(
        '거래처,금액\n서울상사,1200\n부산무역,3400\n대전전자,560\n',
        'cp949',
      ),
    );
    const koreanRead = await records(korean);
    expect(koreanRead.shape.encoding).toBe('cp949');
    expect(koreanRead.out.map((r) => r.fields[0])).toEqual([
      '거래처',
      '서울상사',
      '부산무역',
      '대전전자',
    ]);
  });

  it('reads UTF-16 with its byte-order mark', async () => {
    temp = tempDir();
    const path = temp.file(
      'u16.csv',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode('a,b\n1,2\n', 'utf-16le'),
      ]),
    );
    const { shape, out } = await records(path);
    expect(shape.encoding).toBe('utf-16le');
    expect(out.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
