// Numbers as exports write them: grouping with `,` `.` space, NBSP or
// narrow NBSP, a decimal point or comma, currency symbols or codes on either
// side, and negatives as -x, x- or (x). The result is a plain decimal string,
// so money is turned into minor units without floating point.

export type DecimalMark = '.' | ',';

export type ParsedNumber = {
  /** A plain decimal, e.g. `-1234.5`. */
  decimal: string;
  /** A currency named in the cell, if any. */
  currency: string | null;
};

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₩': 'KRW',
  '₹': 'INR',
  R$: 'BRL',
  CHF: 'CHF',
};

const SPACES = /[\s\u00a0\u202f]/g;

function stripCurrency(text: string): {
  rest: string;
  currency: string | null;
} {
  let rest = text;
  let currency: string | null = null;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(rest);
  if (code) {
    currency = code[1] ?? code[2] ?? null;
    rest = rest.replace(code[0], '');
  }
  for (const [symbol, symbolCode] of Object.entries(SYMBOLS)) {
    if (rest.startsWith(symbol) || rest.endsWith(symbol)) {
      currency = currency ?? symbolCode;
      rest = rest.startsWith(symbol)
        ? rest.slice(symbol.length)
        : rest.slice(0, -symbol.length);
      break;
    }
  }
  return { rest: rest.trim(), currency };
}

/**
 * Parses one cell. `mark` is the file's decimal mark. Returns null when the
 * text is not a number in that convention (the caller reports the row).
 */
export function parseNumber(
  text: string,
  mark: DecimalMark,
): ParsedNumber | null {
  let body = text.trim();
  if (body === '') return null;
  let isNegative = false;
  if (/^\(.*\)$/.test(body)) {
    isNegative = true;
    body = body.slice(1, -1).trim();
  }
  const { rest, currency } = stripCurrency(body);
  body = rest;
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    isNegative = !isNegative;
    body = body.slice(1).trim();
  } else if (body.endsWith('-')) {
    isNegative = !isNegative;
    body = body.slice(0, -1).trim();
  } else if (body.startsWith('+')) {
    body = body.slice(1).trim();
  }
  const group = mark === '.' ? ',' : '.';
  body = body.replace(SPACES, '');
  const [whole = '', fraction, extra] = body.split(mark);
  if (extra !== undefined) return null;
  if (!/^\d+$/.test(fraction ?? '0')) return null;
  const groups = whole.split(group);
  const isGrouped = groups.length > 1;
  if (isGrouped) {
    const [head = '', ...tail] = groups;
    if (!/^\d{1,3}$/.test(head) || tail.some((part) => !/^\d{3}$/.test(part))) {
      return null;
    }
  } else if (!/^\d+$/.test(whole)) {
    return null;
  }
  const digits = groups.join('').replace(/^0+(?=\d)/, '');
  const decimal =
    (isNegative ? '-' : '') + digits + (fraction ? `.${fraction}` : '');
  return { decimal, currency };
}

/** Multiplies a plain decimal string by 10^power, exactly. */
export function shiftDecimal(decimal: string, power: number): string {
  const isNegative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const digits = whole + fraction.padEnd(power, '0');
  const point = whole.length + power;
  const head = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const tail = digits.slice(point).replace(/0+$/, '');
  return (isNegative ? '-' : '') + head + (tail ? `.${tail}` : '');
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'f']);

export function parseBoolean(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** Lowercase letters and digits only: `GTX Pro` and `GTXPro` meet here. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
