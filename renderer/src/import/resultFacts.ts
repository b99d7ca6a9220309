// What a result says about how its file was read (encoding, delimiter,
// sheet, decimal mark, date order) and what it holds, as catalogue keys
// the screen translates; kept free of React so it can be tested alone.
import type { ImportResult } from '../../../shared/contract.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import type { DateOrder } from './importOptions.js';

/** A fact shown as written (an encoding name) or through the catalogue. */
export type ReadingFact =
  { text: string } | { key: MessageKey; params?: MessageParams };

type ReadAs = Pick<
  ImportResult,
  'encoding' | 'delimiter' | 'sheet' | 'decimalMark' | 'dateOrders'
>;

const DELIMITER_KEYS: Record<string, MessageKey> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
  '|': 'import.delimiter.pipe',
};

const DATES_KEYS = {
  dmy: 'import.fact.dates.dmy',
  mdy: 'import.fact.dates.mdy',
  ymd: 'import.fact.dates.ymd',
} as const satisfies Record<DateOrder, MessageKey>;

const DATES_IN_KEYS = {
  dmy: 'import.fact.datesIn.dmy',
  mdy: 'import.fact.datesIn.mdy',
  ymd: 'import.fact.datesIn.ymd',
} as const satisfies Record<DateOrder, MessageKey>;

const ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

/** The catalogue key naming a delimiter; null for one without a name. */
export function delimiterKey(delimiter: string): MessageKey | null {
  return DELIMITER_KEYS[delimiter] ?? null;
}

function dateFacts(dateOrders: ReadAs['dateOrders']): ReadingFact[] {
  const columnsByOrder = new Map<DateOrder, string[]>();
  for (const [column, order] of Object.entries(dateOrders)) {
    columnsByOrder.set(order, [...(columnsByOrder.get(order) ?? []), column]);
  }
  const orders = ORDERS.filter((order) => columnsByOrder.has(order));
  const only = orders.length === 1 ? orders[0] : undefined;
  // One order for the whole file needs no column names.
  if (only !== undefined) return [{ key: DATES_KEYS[only] }];
  return orders.map((order) => ({
    key: DATES_IN_KEYS[order],
    params: { columns: (columnsByOrder.get(order) ?? []).join(', ') },
  }));
}

/** How the file was read, in the order a reader checks it. */
export function readingFacts(result: ReadAs): ReadingFact[] {
  const facts: ReadingFact[] = [];
  if (result.encoding !== null) facts.push({ text: result.encoding });
  if (result.delimiter !== null) {
    const key = delimiterKey(result.delimiter);
    facts.push(key ? { key } : { text: result.delimiter });
  }
  if (result.sheet !== null) {
    facts.push({ key: 'import.fact.sheet', params: { name: result.sheet } });
  }
  if (result.decimalMark !== null) {
    facts.push({
      key:
        result.decimalMark === '.'
          ? 'import.fact.decimalPoint'
          : 'import.fact.decimalComma',
    });
  }
  return [...facts, ...dateFacts(result.dateOrders)];
}

/**
 * File name to the entity its layout or saved mapping holds, or null when
 * no layout knows its header; files not looked at are absent.
 */
export type FailedLayouts = Readonly<Record<string, string | null>>;

/**
 * What the Holds column says: the entity, 'unrecognised' only when no
 * layout knows the header, or 'unknown' when the file stopped before its
 * layout could be told (an unreadable file, say).
 */
export type HeldEntity =
  | { kind: 'entity'; entity: string }
  | { kind: 'unrecognised' }
  | { kind: 'unknown' };

/** The engine names no entity for a file that stopped while being read. */
export function heldEntity(
  result: Pick<ImportResult, 'file' | 'entity'>,
  layouts: FailedLayouts,
): HeldEntity {
  if (result.entity !== 'unknown') {
    return { kind: 'entity', entity: result.entity };
  }
  if (!Object.hasOwn(layouts, result.file)) return { kind: 'unknown' };
  const entity = layouts[result.file];
  return entity ? { kind: 'entity', entity } : { kind: 'unrecognised' };
}
