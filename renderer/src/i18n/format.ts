// Locale-aware display of the numbers the engine returns. The engine sends
// ratios as fractions and money in major units with its currency code.
import type { Locale } from './types.js';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(
  locale: Locale,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export function formatCount(locale: Locale, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(
  locale: Locale,
  value: number,
  fractionDigits = 2,
): string {
  return numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

/** 0.6315 -> "63.2%" (one decimal, as the dashboard shows rates). */
export function formatPercent(locale: Locale, ratio: number): string {
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);
}

/**
 * Money with its ISO code written out, e.g. "USD 10,005,534", so that two
 * currencies that share a symbol are never confused.
 */
export function formatMoney(
  locale: Locale,
  amount: number,
  currency: string,
  fractionDigits?: number,
): string {
  const options: Intl.NumberFormatOptions = {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
  };
  if (fractionDigits !== undefined) {
    options.minimumFractionDigits = fractionDigits;
    options.maximumFractionDigits = fractionDigits;
  }
  try {
    return numberFormat(locale, options).format(amount);
  } catch {
    // An unknown currency code: show the amount and the code as given.
    return `${formatNumber(locale, amount)} ${currency}`;
  }
}

/** Seconds -> "1 h 5 min", "3 min", "40 s", in the locale's unit names. */
export function formatDuration(locale: Locale, seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
    }).format(value);
  if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
  if (minutes > 0) return unit(minutes, 'minute');
  return unit(rest, 'second');
}

/** An instant (UTC ISO-8601) in the user's time zone. */
export function formatInstant(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A month `YYYY-MM` as "Mar 2017" without passing through a time zone. */
export function formatMonth(locale: Locale, month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, index, 1)));
}

export function monthName(locale: Locale, month: number): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
