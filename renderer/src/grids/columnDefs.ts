// AG Grid column definitions from the engine's column list. Filters offer
// only the operators the engine evaluates in SQL, one condition each, so
// every filter model the grid produces is one the contract accepts.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { ColumnFilter, GridColumn } from '../../../shared/contract.js';
import {
  formatInstant,
  formatMoney,
  formatNumber,
  translateIfKnown,
  type Locale,
} from '../i18n/index.js';

export type GridRow = Record<string, string | number | null>;

type TextFilter = Extract<ColumnFilter, { filterType: 'text' }>;
type NumberFilter = Extract<ColumnFilter, { filterType: 'number' }>;

const TEXT_OPTIONS = [
  'contains',
  'equals',
  'startsWith',
  'blank',
  'notBlank',
] as const satisfies readonly TextFilter['type'][];
const NUMBER_OPTIONS = [
  'equals',
  'greaterThan',
  'lessThan',
  'inRange',
  'blank',
  'notBlank',
] as const satisfies readonly NumberFilter['type'][];

function isTextOption(value: unknown): value is TextFilter['type'] {
  return (TEXT_OPTIONS as readonly unknown[]).includes(value);
}

function isNumberOption(value: unknown): value is NumberFilter['type'] {
  return (NUMBER_OPTIONS as readonly unknown[]).includes(value);
}

/** `annualRevenue` -> `Annual revenue`, for columns the catalogue lacks. */
function spelledOut(id: string): string {
  const words = id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function columnTitle(locale: Locale, id: string): string {
  return translateIfKnown(locale, `column.${id}`) ?? spelledOut(id);
}

// Years and identifiers read wrong with digit grouping ("1,996").
const UNGROUPED = /year|batch|^id$/i;

/** Wide enough for the title and the filter button beside it. */
function widthFor(title: string, least: number): number {
  let text = 0;
  // Hangul and other wide scripts take about twice a Latin letter's width.
  for (const char of title) text += char.codePointAt(0)! >= 0x2e80 ? 13 : 7.5;
  return Math.max(least, Math.round(text) + 64);
}

export function columnDefs(
  columns: readonly GridColumn[],
  locale: Locale,
  baseCurrency: string,
): ColDef<GridRow>[] {
  return columns.map((column): ColDef<GridRow> => {
    const headerName = columnTitle(locale, column.id);
    const base: ColDef<GridRow> = {
      colId: column.id,
      field: column.id,
      headerName,
      sortable: true,
      resizable: true,
      minWidth: 90,
    };
    switch (column.type) {
      case 'instant':
        return {
          ...base,
          width: widthFor(headerName, 170),
          filter: 'agTextColumnFilter',
          filterParams: {
            filterOptions: [...TEXT_OPTIONS],
            maxNumConditions: 1,
          },
          valueFormatter: (params: ValueFormatterParams<GridRow>) =>
            typeof params.value === 'string'
              ? formatInstant(locale, params.value)
              : '',
        };
      case 'text':
      case 'date':
        return {
          ...base,
          width: widthFor(headerName, column.type === 'date' ? 130 : 170),
          filter: 'agTextColumnFilter',
          filterParams: {
            filterOptions: [...TEXT_OPTIONS],
            maxNumConditions: 1,
          },
        };
      case 'number':
        return {
          ...base,
          width: widthFor(headerName, 110),
          type: 'rightAligned',
          filter: 'agNumberColumnFilter',
          filterParams: {
            filterOptions: [...NUMBER_OPTIONS],
            maxNumConditions: 1,
          },
          valueFormatter: (params: ValueFormatterParams<GridRow>) => {
            if (typeof params.value !== 'number') return '';
            return UNGROUPED.test(column.id)
              ? String(params.value)
              : formatNumber(locale, params.value, 4);
          },
        };
      case 'money':
        return {
          ...base,
          width: widthFor(headerName, 190),
          type: 'rightAligned',
          filter: 'agNumberColumnFilter',
          filterParams: {
            filterOptions: [...NUMBER_OPTIONS],
            maxNumConditions: 1,
          },
          valueFormatter: (params: ValueFormatterParams<GridRow>) => {
            if (typeof params.value !== 'number') return '';
            const code = params.data?.['currency'];
            const currency = typeof code === 'string' ? code : baseCurrency;
            return formatMoney(locale, params.value, currency);
          },
        };
    }
  });
}

/** Keeps the filter models the contract accepts and drops anything else. */
export function toContractFilters(
  model: unknown,
): Record<string, ColumnFilter> {
  const filters: Record<string, ColumnFilter> = {};
  if (typeof model !== 'object' || model === null) return filters;
  for (const [column, raw] of Object.entries(model)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { filterType, type, filter, filterTo } = raw as Record<
      string,
      unknown
    >;
    if (filterType === 'text' && isTextOption(type)) {
      filters[column] = {
        filterType,
        type,
        ...(typeof filter === 'string' ? { filter } : {}),
      };
    } else if (filterType === 'number' && isNumberOption(type)) {
      filters[column] = {
        filterType,
        type,
        ...(typeof filter === 'number' ? { filter } : {}),
        ...(typeof filterTo === 'number' ? { filterTo } : {}),
      };
    }
  }
  return filters;
}
