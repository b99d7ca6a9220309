// Searches in rows kept sorted by a key (days, months), as the in-memory
// books keep them.

/**
 * The first position whose key is not below `key`, or, with `isAfter`,
 * the first whose key is above it.
 */
export function boundOf<T, K extends string | number>(
  rows: readonly T[],
  keyOf: (row: T) => K,
  key: K,
  isAfter = false,
): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const found = keyOf(rows[middle] as T);
    if (isAfter ? found <= key : found < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The same over sorted keys themselves. */
export const boundIn = <K extends string | number>(
  keys: readonly K[],
  key: K,
  isAfter = false,
): number => boundOf(keys, (found) => found, key, isAfter);
