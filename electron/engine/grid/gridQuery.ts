// Pages of a grid for AG Grid's infinite row model: sorting, column filters
// and quick search run in SQL over the fixed column list, values bound.
import type {
  ColumnFilter,
  GridColumn,
  GridEntity,
  GridRowsArgs,
} from '../../../shared/contract.js';
import { GRID_ROW_ID } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import type { Db } from '../store/database.js';
import {
  GRID_SPECS,
  minorPerMajorSql,
  type ColumnSpec,
} from './gridColumns.js';

type Cell = string | number | null;

export function gridColumns(entity: GridEntity): GridColumn[] {
  return GRID_SPECS[entity].columns.map(({ id, type }) => ({ id, type }));
}

function valueSql(column: ColumnSpec): string {
  if (column.type !== 'money' || !column.currencySql) return column.sql;
  return `(${column.sql} * 1.0 / ${minorPerMajorSql(column.currencySql)})`;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function filterSql(
  column: ColumnSpec,
  filter: ColumnFilter,
  params: Cell[],
): string {
  const value = valueSql(column);
  if (filter.type === 'blank') return `(${value} IS NULL OR ${value} = '')`;
  if (filter.type === 'notBlank')
    return `(${value} IS NOT NULL AND ${value} <> '')`;
  if (filter.filterType === 'text') {
    const needle = likeEscape(filter.filter ?? '');
    switch (filter.type) {
      case 'contains':
        params.push(`%${needle}%`);
        return `${value} LIKE ? ESCAPE '\\'`;
      case 'startsWith':
        params.push(`${needle}%`);
        return `${value} LIKE ? ESCAPE '\\'`;
      case 'equals':
        params.push(filter.filter ?? '');
        return `${value} = ? COLLATE NOCASE`;
    }
  }
  if (filter.filterType === 'number') {
    const operand = filter.filter ?? 0;
    switch (filter.type) {
      case 'equals':
        params.push(operand);
        return `${value} = ?`;
      case 'greaterThan':
        params.push(operand);
        return `${value} > ?`;
      case 'lessThan':
        params.push(operand);
        return `${value} < ?`;
      case 'inRange':
        params.push(operand, filter.filterTo ?? operand);
        return `${value} BETWEEN ? AND ?`;
    }
  }
  throw new WorkbenchError(
    'invalid_argument',
    `Unsupported filter on ${column.id}.`,
  );
}

/** Extra conditions, such as a KPI drill, with their named values. */
export type GridScope = { where: string; params: Record<string, Cell> };

/** Positional values, then the scope's named ones (bound together). */
function bind(positional: Cell[], scope?: GridScope): unknown[] {
  return scope ? [...positional, scope.params] : positional;
}

export function gridRows(
  db: Db,
  args: GridRowsArgs,
  scope?: GridScope,
): { rows: Record<string, Cell>[]; total: number } {
  const spec = GRID_SPECS[args.entity];
  const byId = new Map(spec.columns.map((column) => [column.id, column]));
  const known = (id: string): ColumnSpec => {
    const column = byId.get(id);
    if (!column) {
      throw new WorkbenchError(
        'invalid_argument',
        `The ${args.entity} grid has no column ${id}.`,
      );
    }
    return column;
  };
  const params: Cell[] = [];
  const conditions: string[] = [];
  for (const [id, filter] of Object.entries(args.filters ?? {})) {
    conditions.push(filterSql(known(id), filter, params));
  }
  const search = (args.quickSearch ?? '').trim();
  if (search !== '') {
    const textColumns = spec.columns.filter((column) => column.type === 'text');
    const needle = `%${likeEscape(search)}%`;
    conditions.push(
      `(${textColumns.map((column) => `${column.sql} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    );
    params.push(...textColumns.map(() => needle));
  }
  if (scope) conditions.push(`(${scope.where})`);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const order = (args.sort ?? [])
    .map(
      (sort) =>
        `${valueSql(known(sort.column))} ${sort.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`,
    )
    .concat(spec.key)
    .join(', ');
  // Each row also carries its record id, for actions on selected rows.
  const select = spec.columns
    .map((column) => `${valueSql(column)} AS "${column.id}"`)
    .concat(`${spec.key} AS "${GRID_ROW_ID}"`)
    .join(', ');
  const total = db
    .prepare(
      `SELECT count(*) AS n FROM ${conditions.length ? spec.from : spec.table} ${where}`,
    )
    .get(...bind(params, scope)) as { n: number };
  const rows = db
    .prepare(
      `SELECT ${select} FROM ${spec.from} ${where}
       ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...bind([...params, args.limit, args.offset], scope)) as Record<
    string,
    Cell
  >[];
  return { rows, total: total.n };
}
