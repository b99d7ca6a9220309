// Which mark separates decimals in a file is decided from all the values of
// its amount columns, never from the display settings: `1,12` and
// `1.234,50` can only be decimal-comma, `$1,234.50` only decimal-point, and
// `1.250` in a two-decimal currency is a thousands group.
import type { DecimalMark } from './numbers.js';
import { parseNumber } from './numbers.js';

const KEPT_LINES = 5;

export class DecimalMarkAnalyser {
  /**
   * `isChosen`: the user named the file's decimal mark (a locale). Values
   * that read either way then follow that choice, and any that thereby get
   * more decimals than their currency has are rejected, not regrouped.
   */
  constructor(private readonly isChosen = false) {}

  readonly pointOnlyLines: number[] = [];
  readonly commaOnlyLines: number[] = [];
  private pointOnly = 0;
  private commaOnly = 0;
  /** Values read one way only because the currency has fewer decimals. */
  private inferred = 0;
  /** The first such value, for the note that says so. */
  inferredExample: { text: string; line: number } | null = null;

  /** `exponent` is the currency's number of decimals, or null for plain numbers. */
  add(text: string, line: number, exponent: number | null): void {
    if (text === '') return;
    const asPoint = parseNumber(text, '.');
    const asComma = parseNumber(text, ',');
    let mark: DecimalMark | null = null;
    if (asPoint && !asComma) mark = '.';
    else if (asComma && !asPoint) mark = ',';
    else if (asPoint && asComma && exponent !== null && exponent < 3) {
      // Both readings parse: one separator before exactly three digits. In
      // a currency with fewer decimals that separator groups thousands.
      const separator = /\d([.,])\d{3}(?!\d)/.exec(text)?.[1];
      if (separator === '.') mark = ',';
      if (separator === ',') mark = '.';
      if (mark !== null) {
        this.inferred += 1;
        this.inferredExample ??= { text, line };
        if (this.isChosen) return;
      }
    }
    if (mark === '.') {
      this.pointOnly += 1;
      if (this.pointOnlyLines.length < KEPT_LINES)
        this.pointOnlyLines.push(line);
    } else if (mark === ',') {
      this.commaOnly += 1;
      if (this.commaOnlyLines.length < KEPT_LINES)
        this.commaOnlyLines.push(line);
    }
  }

  decide(
    fallback: DecimalMark,
  ): { mark: DecimalMark } | { problem: 'inconsistent' } {
    if (this.pointOnly > 0 && this.commaOnly > 0)
      return { problem: 'inconsistent' };
    if (this.commaOnly > 0) return { mark: ',' };
    if (this.pointOnly > 0) return { mark: '.' };
    return { mark: fallback };
  }

  /** Whether the decision rests only on the currency's decimals. */
  get isInferredOnly(): boolean {
    return (
      this.inferred > 0 &&
      this.inferred === this.pointOnly + this.commaOnly &&
      !this.isChosen
    );
  }
}
