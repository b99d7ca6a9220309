// Reads a delimited text export as a stream of records: the encoding is
// detected from the bytes, the delimiter sniffed outside quotes, and each
// record carries the line it starts on so errors can name it.
import chardet from 'chardet';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import {
  createReadStream,
  openSync,
  readSync,
  closeSync,
  statSync,
} from 'node:fs';
import { Transform } from 'node:stream';
import { WorkbenchError } from '../../../shared/envelope.js';
import { readXlsxBatches } from './xlsxReader.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type FileShape = {
  /** Delimited text, or a worksheet of an XLSX workbook. */
  format: 'delimited' | 'xlsx';
  encoding: string;
  hasBom: boolean;
  delimiter: Delimiter;
  /** The worksheet to read; null for the first. */
  sheet: string | null;
  size: number;
};

/** An XLSX workbook is a zip archive whose name says so. */
function isWorkbook(path: string, sample: Buffer): boolean {
  const isZip = sample[0] === 0x50 && sample[1] === 0x4b;
  return isZip && /\.xlsx$/i.test(path);
}

export type CsvRecord = {
  /** The 1-based line the record starts on. */
  line: number;
  fields: string[];
};

const SAMPLE_BYTES = 64 * 1024;

function readSample(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const length = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function isValidUtf8(sample: Buffer, isWholeFile: boolean): boolean {
  let end = sample.length;
  if (!isWholeFile) {
    // A multi-byte character may be cut at the end of the sample.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0) {
      const byte = sample[end - back - 1] ?? 0;
      if ((byte & 0xc0) !== 0x80) {
        if (byte >= 0xc0) end = end - back - 1;
        break;
      }
      back += 1;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 saved without a byte-order mark: text files hold no zero bytes,
 * but in UTF-16 every ASCII character (digits, delimiters, line ends) has
 * one, always on the same side of the pair.
 */
function utf16WithoutBom(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const isMostly = (zeros: number) => zeros >= pairs * 0.2;
  const isRare = (zeros: number) => zeros <= pairs * 0.02;
  if (isMostly(oddZeros) && isRare(evenZeros)) return 'utf-16le';
  if (isMostly(evenZeros) && isRare(oddZeros)) return 'utf-16be';
  return null;
}

/** Names the encoding of a file's bytes in iconv-lite's vocabulary. */
export function detectEncoding(
  sample: Buffer,
  isWholeFile: boolean,
): { encoding: string; hasBom: boolean } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', hasBom: true };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) {
    return { encoding: 'utf-16le', hasBom: true };
  }
  if (sample[0] === 0xfe && sample[1] === 0xff) {
    return { encoding: 'utf-16be', hasBom: true };
  }
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, hasBom: false };
  if (isValidUtf8(sample, isWholeFile)) {
    return { encoding: 'utf-8', hasBom: false };
  }
  const guesses = chardet.analyse(sample).map((match) => match.name);
  const korean = guesses.find((name) => /EUC-KR|ISO-2022-KR/i.test(name));
  // CP949 is the superset Excel writes when it says EUC-KR.
  if (korean && guesses.indexOf(korean) < 2)
    return { encoding: 'cp949', hasBom: false };
  return { encoding: 'windows-1252', hasBom: false };
}

/**
 * Picks the delimiter that splits the first lines into the same number of
 * fields most consistently, counting only outside quotes.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number[]>(
    DELIMITERS.map((delimiter) => [delimiter, [0]]),
  );
  let isQuoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 50; i += 1) {
    const char = text[i];
    if (char === '"') {
      isQuoted = !isQuoted;
    } else if (!isQuoted && (char === '\n' || char === '\r')) {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      lines += 1;
      for (const row of counts.values()) row.push(0);
    } else if (!isQuoted) {
      const row = counts.get(char as Delimiter);
      if (row) row[row.length - 1] = (row[row.length - 1] ?? 0) + 1;
    }
  }
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const [delimiter, perLine] of counts) {
    const filled = perLine.filter((count) => count > 0);
    if (filled.length === 0) continue;
    const header = perLine[0] ?? 0;
    const agreeing = perLine.filter((count) => count === header).length;
    const score = header > 0 ? agreeing * 1000 + header : 0;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export function inspectFile(
  path: string,
  overrides: { encoding?: string; delimiter?: Delimiter; sheet?: string } = {},
): FileShape {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      throw new WorkbenchError('io', `${path} is not a file.`);
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError(
      'io',
      `Cannot read ${path}: ${(error as Error).message}`,
    );
  }
  const sample = readSample(path);
  if (isWorkbook(path, sample)) {
    return {
      format: 'xlsx',
      encoding: 'xlsx',
      hasBom: false,
      delimiter: ',',
      sheet: overrides.sheet ?? null,
      size,
    };
  }
  const detected = detectEncoding(sample, sample.length === size);
  const encoding = overrides.encoding ?? detected.encoding;
  if (!iconv.encodingExists(encoding)) {
    throw new WorkbenchError(
      'invalid_argument',
      `Unknown encoding ${encoding}.`,
    );
  }
  const text = iconv.decode(sample, encoding);
  const delimiter = overrides.delimiter ?? sniffDelimiter(text);
  return {
    format: 'delimited',
    encoding,
    hasBom: detected.hasBom,
    delimiter,
    sheet: null,
    size,
  };
}

/** Counts the raw bytes that pass, for progress. */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

const BATCH_RECORDS = 1000;

type ParsedItem = { record: string[]; info: { lines: number } };

/**
 * Streams the file's records in batches (one promise per batch, not per
 * record, keeps the hot loop cheap); `onBytes` hears of every chunk read.
 * Records are pulled as the caller asks, so a slow writer holds the reader
 * back instead of letting the file pile up in memory.
 */
export async function* readRecordBatches(
  path: string,
  shape: FileShape,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<CsvRecord[]> {
  if (shape.format === 'xlsx') {
    yield* readXlsxBatches(path, shape.sheet, onBytes);
    return;
  }
  const source: NodeJS.ReadWriteStream = createReadStream(path, {
    highWaterMark: 256 * 1024,
  })
    .pipe(byteCounter(onBytes))
    .pipe(iconv.decodeStream(shape.encoding, { stripBOM: true }));
  const parser = parse({
    delimiter: shape.delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
  });
  let isEnded = false;
  let failure: (Error & { lines?: number }) | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  parser.on('readable', notify);
  parser.on('end', () => {
    isEnded = true;
    notify();
  });
  parser.on('error', (error: Error) => {
    failure = error;
    notify();
  });
  source.on('error', (error: Error) => parser.destroy(error));
  source.pipe(parser);
  let previousEnd = 0;
  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let item: ParsedItem | null;
      while (
        batch.length < BATCH_RECORDS &&
        (item = parser.read() as ParsedItem | null) !== null
      ) {
        batch.push({ line: previousEnd + 1, fields: item.record });
        previousEnd = item.info.lines;
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (isEnded) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } catch (error) {
    const err = error as Error & { lines?: number };
    throw new WorkbenchError(
      'import_failed',
      `${path}: the file cannot be read as delimited text near line ` +
        `${err.lines ?? previousEnd + 1}: ${err.message}`,
      { cause: error },
    );
  } finally {
    parser.destroy();
    (source as unknown as { destroy(): void }).destroy();
  }
}

/** Streams the file's records one by one. */
export async function* readRecords(
  path: string,
  shape: FileShape,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<CsvRecord> {
  for await (const batch of readRecordBatches(path, shape, onBytes)) {
    yield* batch;
  }
}
