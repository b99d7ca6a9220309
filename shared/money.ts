// Money is integer minor units plus an ISO 4217 code. The exponent table
// covers the currencies users bring; anything else defaults to two decimals.
export const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX']);
export const THREE_DECIMAL = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND']);

export type Money = { amountMinor: number; currency: string };

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyExponent(currency);
}

/**
 * Converts a decimal string such as "1234.5" or "-0.07" to minor units
 * without passing through floating point, so 0.1 + 0.2 problems never reach
 * the store. Returns null when the text is not a plain decimal.
 */
export function decimalToMinor(text: string, currency: string): number | null {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent && /[1-9]/.test(fraction.slice(exponent))) {
    return null;
  }
  const padded = (fraction + '0'.repeat(exponent)).slice(0, exponent);
  const minor = Number(whole + padded);
  if (!Number.isSafeInteger(minor)) return null;
  return sign === '-' ? -minor : minor;
}

let knownCodes: Set<string> | null = null;

/** Whether an ISO 4217 code names a currency the runtime knows. */
export function isKnownCurrency(code: string): boolean {
  knownCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCodes.has(code);
}
