// Conversion into the reporting currency through the workspace's
// exchange-rate table. A rate row says one unit of `from_currency` is worth
// `rate` units of `to_currency` on `rate_on`; an amount dated D uses the
// latest rate on or before D, quoted either way round (the direct quote
// when both are dated the same day). Rates are decimal text, so conversion
// runs on integers: the result is rounded once, half away from zero, to the
// reporting currency's minor unit.
import { currencyExponent } from '../../../shared/money.js';
import type { Db } from '../store/database.js';

type DatedRate = {
  on: string;
  /** The rate as an integer numerator over 10^scale. */
  numerator: bigint;
  scale: number;
  isInverse: boolean;
};

export type RateBook = {
  reporting: string;
  /** Minor units of the reporting currency, or null when no rate applies. */
  convert(amountMinor: number, currency: string, on: string): number | null;
  /** Currencies met without a rate on or before the amount's date. */
  missing: ReadonlySet<string>;
};

function parseRate(text: string): { numerator: bigint; scale: number } | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  const numerator = BigInt(whole + fraction);
  if (numerator === 0n) return null;
  return { numerator, scale: fraction.length };
}

/** a / b rounded half away from zero, for b > 0. */
function divideRounded(a: bigint, b: bigint): bigint {
  const sign = a < 0n ? -1n : 1n;
  const magnitude = a < 0n ? -a : a;
  return (sign * (2n * magnitude + b)) / (2n * b);
}

function latestOnOrBefore(
  rates: readonly DatedRate[],
  on: string,
): DatedRate | null {
  let low = 0;
  let high = rates.length - 1;
  let found: DatedRate | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const rate = rates[middle];
    if (rate === undefined) break;
    if (rate.on <= on) {
      found = rate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export function convertMinor(
  amountMinor: number,
  from: string,
  to: string,
  rate: Omit<DatedRate, 'on'>,
): number {
  const shift = currencyExponent(to) - currencyExponent(from);
  let numerator = BigInt(amountMinor);
  let denominator = 1n;
  const ten = (power: number) => 10n ** BigInt(power);
  if (rate.isInverse) {
    numerator *= ten(rate.scale);
    denominator *= rate.numerator;
  } else {
    numerator *= rate.numerator;
    denominator *= ten(rate.scale);
  }
  if (shift >= 0) numerator *= ten(shift);
  else denominator *= ten(-shift);
  return Number(divideRounded(numerator, denominator));
}

export function loadRateBook(db: Db, reporting: string): RateBook {
  const rows = db
    .prepare(
      `SELECT rate_on AS "on", from_currency AS "from",
              to_currency AS "to", rate
         FROM exchange_rates
        WHERE to_currency = @reporting OR from_currency = @reporting
        ORDER BY rate_on`,
    )
    .all({ reporting }) as {
    on: string;
    from: string;
    to: string;
    rate: string;
  }[];
  const direct = new Map<string, DatedRate[]>();
  const inverse = new Map<string, DatedRate[]>();
  for (const row of rows) {
    const parsed = parseRate(row.rate);
    if (!parsed) continue;
    const isInverse = row.from === reporting;
    const currency = isInverse ? row.to : row.from;
    const book = isInverse ? inverse : direct;
    const list = book.get(currency) ?? [];
    list.push({ on: row.on, ...parsed, isInverse });
    book.set(currency, list);
  }
  const missing = new Set<string>();
  return {
    reporting,
    missing,
    convert(amountMinor, currency, on) {
      if (currency === reporting) return amountMinor;
      const straight = latestOnOrBefore(direct.get(currency) ?? [], on);
      const reversed = latestOnOrBefore(inverse.get(currency) ?? [], on);
      // A newer inverse rate beats an older direct one; on a tie the
      // direct quote wins, as it needs no division.
      const rate =
        straight && reversed
          ? reversed.on > straight.on
            ? reversed
            : straight
          : (straight ?? reversed);
      if (!rate) {
        missing.add(currency);
        return null;
      }
      return convertMinor(amountMinor, currency, reporting, rate);
    },
  };
}
