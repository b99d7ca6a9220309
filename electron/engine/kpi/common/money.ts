// Sums of money in the reporting currency. Amounts are converted through
// the rate book as they are added; a currency without a rate leaves the
// sum without a value, and the note names the currencies.
import { metricNote } from '../../../../shared/metricNotes.js';
import { toMajor } from '../../../../shared/money.js';
import type { RateBook } from '../fx.js';

export type MoneySum = {
  add(amountMinor: number, currency: string, on: string): void;
  /** Minor units of the reporting currency, or null when a rate is missing. */
  totalMinor(): number | null;
  /** Major units of the reporting currency, or null. */
  total(): number | null;
  missing(): string[];
};

export function moneySum(rates: RateBook): MoneySum {
  let sum = 0;
  const missing = new Set<string>();
  return {
    add(amountMinor, currency, on) {
      const converted = rates.convert(amountMinor, currency, on);
      if (converted === null) missing.add(currency);
      else sum += converted;
    },
    totalMinor: () => (missing.size > 0 ? null : sum),
    total: () => (missing.size > 0 ? null : toMajor(sum, rates.reporting)),
    missing: () => [...missing].sort(),
  };
}

export function missingRateNote(
  reporting: string,
  currencies: readonly string[],
): string {
  return metricNote('missingRate', {
    reporting,
    currencies: currencies.join(', '),
  });
}

/** The first note among sums that lack a rate, or null. */
export function moneyNote(
  reporting: string,
  sums: readonly MoneySum[],
): string | null {
  const currencies = new Set(sums.flatMap((sum) => sum.missing()));
  return currencies.size > 0
    ? missingRateNote(reporting, [...currencies].sort())
    : null;
}
