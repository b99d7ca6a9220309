// A small seeded generator so that one seed always yields the same demo
// workspace on every machine and Node version (Math.random cannot be
// seeded). The core is a 128-bit state "small fast counter" generator;
// every table draws from its own stream, so changing how many tickets are
// asked for leaves the opportunities untouched.

const TWO_POW_32 = 4_294_967_296;

/** FNV-1a over the label, so that a stream name becomes a seed word. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A 32-bit finaliser that spreads nearby seeds far apart. */
function scramble(value: number): number {
  let word = value | 0;
  word = Math.imul(word ^ (word >>> 16), 0x7feb352d);
  word = Math.imul(word ^ (word >>> 15), 0x846ca68b);
  return (word ^ (word >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seed: number, stream = '') {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`Random: seed must be an integer, got ${seed}`);
    }
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    const label = hashLabel(stream);
    this.a = scramble(low ^ 0x9e3779b9);
    this.b = scramble(high ^ 0x243f6a88);
    this.c = scramble(label ^ 0xb7e15162);
    this.d = 1;
    // The first outputs of a fresh state are still correlated with it.
    for (let round = 0; round < 16; round += 1) this.nextWord();
  }

  /** The next unsigned 32-bit word. */
  nextWord(): number {
    const sum = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + sum) | 0;
    return sum >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextWord() / TWO_POW_32;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('Random.pick: empty list');
    return item;
  }

  /** A standard normal deviate (polar Box-Muller, one kept for later). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    let u = 0;
    let v = 0;
    let radius = 0;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      radius = u * u + v * v;
    } while (radius >= 1 || radius === 0);
    const factor = Math.sqrt((-2 * Math.log(radius)) / radius);
    this.spareNormal = v * factor;
    return u * factor;
  }

  /** Log-normal with the given median and spread of the underlying normal. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * A fraction in [0, 1) whose density rises linearly, ending `1 + growth`
   * times as high as it starts: a business that grows over the window.
   */
  rising(growth: number): number {
    if (growth === 0) return this.next();
    const draw = this.next();
    const root = Math.sqrt(1 + 2 * growth * draw * (1 + growth / 2));
    return Math.min((root - 1) / growth, 1 - Number.EPSILON);
  }

  /** Trials up to and including the first success, at least 1. */
  geometric(probability: number): number {
    if (probability <= 0) return Number.POSITIVE_INFINITY;
    if (probability >= 1) return 1;
    const draw = 1 - this.next();
    return Math.max(1, Math.ceil(Math.log(draw) / Math.log(1 - probability)));
  }

  /** Shuffles in place (Fisher-Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      const held = items[index] as T;
      items[index] = items[other] as T;
      items[other] = held;
    }
    return items;
  }
}

/** Picks from a fixed list by weight, with the cumulative table built once. */
export class WeightedPicker<T> {
  private readonly items: readonly T[];
  private readonly cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) {
      throw new RangeError('WeightedPicker: no entries');
    }
    this.items = entries.map(([item]) => item);
    let total = 0;
    this.cumulative = entries.map(([, weight]) => {
      if (!(weight >= 0)) {
        throw new RangeError(`WeightedPicker: bad weight ${weight}`);
      }
      total += weight;
      return total;
    });
    if (total <= 0) throw new RangeError('WeightedPicker: weights sum to 0');
  }

  pick(random: Random): T {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const target = random.next() * total;
    let index = 0;
    while ((this.cumulative[index] as number) <= target) index += 1;
    return this.items[index] as T;
  }
}
