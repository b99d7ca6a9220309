// `revops kpi`: any metric of the catalogue for a period, split by a
// segment or a sales dimension, filtered, in a reporting currency; and
// `--explain ID` for a metric's definition and the inputs it used.
import { parseArgs } from 'node:util';
import { metricEntry, METRIC_IDS } from '../../shared/catalogue/index.js';
import type { MetricEntry } from '../../shared/catalogue/types.js';
import type { ArgsOf, MetricValue } from '../../shared/contract.js';
import {
  isSalesMetricId,
  KPI_DIMENSIONS,
  type KpiDimension,
} from '../../shared/metrics.js';
import { SEGMENT_FIELDS } from '../engine/kpi/common/segments.js';
import { segmentValues } from '../engine/kpi/metricEngine.js';
import { call, usage, withWorkspace, type Io } from './common.js';
import { formatMetricValue, printKpis } from './output.js';
import { isKnownCurrency } from '../../shared/money.js';

type Grouped = MetricValue & { group: string | null };

function parseWhere(items: string[] | undefined) {
  return (items ?? []).map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) usage(`--where takes FIELD=VALUE, not ${item}`);
    return { field: item.slice(0, at).trim(), value: item.slice(at + 1) };
  });
}

function explain(entry: MetricEntry): string {
  const lines = [
    `${entry.name} (${entry.id})`,
    `  ${entry.formula}`,
    entry.convention ? `  ${entry.convention}` : '',
    `  unit: ${entry.unit}; ${entry.direction.replaceAll('_', ' ')}`,
    `  reads: ${entry.inputs.join(', ')}`,
    entry.settings.length
      ? `  settings that change it: ${entry.settings.join(', ')}`
      : '',
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}

function printValues(values: Grouped[], header: object, isJson: boolean) {
  if (isJson) {
    return `${JSON.stringify({ ...header, metrics: values })}\n`;
  }
  return (
    values
      .map((value) => {
        const where = [value.period, value.group].filter(Boolean).join(' / ');
        return `${where.padEnd(28)} ${value.id.padEnd(26)} ${formatMetricValue(value)}`;
      })
      .join('\n') + '\n'
  );
}

export async function runKpi(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      metric: { type: 'string', multiple: true },
      period: { type: 'string' },
      by: { type: 'string' },
      where: { type: 'string', multiple: true },
      currency: { type: 'string' },
      explain: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [workspace] = positionals;
  if (values.explain !== undefined) {
    const entry = metricEntry(values.explain);
    if (!entry) {
      usage(`no metric ${values.explain}; known: ${METRIC_IDS.join(', ')}`);
    }
    if (!workspace) {
      io.out(values.json ? `${JSON.stringify(entry)}\n` : explain(entry));
      return 0;
    }
  }
  if (!workspace) usage('kpi needs a workspace');
  // A metric named twice is shown once.
  const metrics = values.explain
    ? [values.explain]
    : [...new Set(values.metric ?? [])];
  const where = parseWhere(values.where);
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !isKnownCurrency(currency)) {
    usage(
      `--currency takes an ISO 4217 code such as EUR, not ${values.currency}`,
    );
  }
  const by = values.by;
  const isSalesOnly =
    metrics.length > 0 && metrics.every((id) => isSalesMetricId(id));
  const isSalesDimension =
    by === undefined || (KPI_DIMENSIONS as readonly string[]).includes(by);
  // Dimensions only the sales KPIs split by (region, manager, quarter...).
  const isSalesOnlyDimension =
    by !== undefined &&
    isSalesDimension &&
    !(SEGMENT_FIELDS as readonly string[]).includes(by);
  const isPlainSales =
    isSalesDimension && where.length === 0 && currency === undefined;
  return withWorkspace(workspace, async (engine) => {
    // A value no record has gives empty figures: say so, not only zeros.
    for (const filter of where) {
      const known = segmentValues(engine.currentWorkspace().db, filter.field);
      if (!known.includes(filter.value)) {
        io.err(
          `kpi: no record has ${filter.field} = ${filter.value}; the ` +
            `figures under it are empty (known values: ` +
            `${known.slice(0, 8).join(', ')}${known.length > 8 ? ', ...' : ''}).\n`,
        );
      }
    }
    if (
      isSalesOnly &&
      !values.explain &&
      (isPlainSales || isSalesOnlyDimension)
    ) {
      const result = await call(engine, 'kpi.compute', {
        metrics: metrics as ArgsOf<'kpi.compute'>['metrics'],
        period: values.period,
        by: by as KpiDimension | undefined,
        where,
        ...(currency === undefined ? {} : { currency }),
      });
      io.out(printKpis(result.metrics, Boolean(values.json)));
      return 0;
    }
    if (
      by !== undefined &&
      !(SEGMENT_FIELDS as readonly string[]).includes(by)
    ) {
      usage(
        `--by takes ${SEGMENT_FIELDS.join(', ')} (and, for sales metrics ` +
          `alone, ${KPI_DIMENSIONS.join(', ')}), not ${by}`,
      );
    }
    const groups: (string | null)[] = by
      ? segmentValues(engine.currentWorkspace().db, by)
      : [null];
    const found: Grouped[] = [];
    let header: object = {};
    for (const group of groups) {
      const scope = by && group !== null ? [{ field: by, value: group }] : [];
      const result = await call(engine, 'metrics.compute', {
        metrics,
        period: values.period,
        where: [...where, ...scope],
        currency,
      });
      header = {
        period: result.period,
        currency: result.currency,
        options: result.options,
        where,
        ...(by ? { by } : {}),
      };
      found.push(...result.metrics.map((value) => ({ ...value, group })));
    }
    if (values.explain) {
      const entry = metricEntry(values.explain);
      if (entry) io.out(explain(entry));
      for (const value of found) {
        io.out(
          `  ${value.period}${value.group ? ` / ${value.group}` : ''}: ${formatMetricValue(value)}\n`,
        );
        for (const [name, input] of Object.entries(value.inputs)) {
          io.out(`    ${name} = ${input === null ? '-' : input}\n`);
        }
      }
      return 0;
    }
    io.out(printValues(found, header, Boolean(values.json)));
    return 0;
  });
}
