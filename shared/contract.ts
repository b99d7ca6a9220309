// The one contract between the page and the engine. The preload, the IPC
// binding, the browser-mode server and the command line all derive from it,
// and every argument is validated where it arrives.
import { z } from 'zod';
import { isKnownCurrency } from './money.js';
import {
  IDENTITY_METHODS,
  columnMappingSchema,
  fieldChangeSchema,
  fileInspectionSchema,
  mappingNameSchema,
  mappingTargetSchema,
  savedMappingSchema,
} from './importSchemas.js';
import { KPI_DIMENSIONS, SALES_METRIC_IDS } from './metrics.js';
import {
  METRIC_METHODS,
  metricDrillSchema,
  metricFilterSchema,
  reportingCurrency,
} from './metricSchemas.js';

export type {
  MetricDrillArgs,
  MetricTarget,
  MetricValue,
} from './metricSchemas.js';

export type {
  ColumnMapping,
  FieldChange,
  FileInspection,
  MappingTargetInfo,
  RecordMerge,
  SavedMapping,
} from './importSchemas.js';

export const GRID_ENTITIES = [
  'opportunities',
  'accounts',
  'products',
  'users',
  'subscriptions',
  'invoices',
  'tickets',
  'customer_snapshots',
  'churn_events',
  'feature_usage',
  'category_labels',
  'exchange_rates',
] as const;

export type GridEntity = (typeof GRID_ENTITIES)[number];

/** The key under which each grid row carries its record's id. */
export const GRID_ROW_ID = '__rowId';

const countsSchema = z.record(z.string(), z.number().int());

export const workspaceInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  baseCurrency: z.string(),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  fiscalYearLabel: z.enum(['start', 'end']),
  /** Settings that change metrics; shown beside the numbers they change. */
  grossMarginPct: z.number(),
  churnWindowMonths: z.number().int(),
  isReactivationInNrr: z.boolean(),
  schemaVersion: z.number().int(),
  counts: countsSchema,
  /** Imports that were running when the program last stopped. */
  interruptedBatches: z.array(z.number().int()),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

const importFileSchema = z.object({
  path: z.string().min(1),
  /** The name to record and show; defaults to the path's base name. */
  name: z.string().min(1).optional(),
});

export const importResultSchema = z.object({
  /** Null for a dry run, which keeps no batch. */
  batchId: z.number().int().nullable(),
  file: z.string(),
  preset: z.string(),
  entity: z.string(),
  status: z.enum(['committed', 'cancelled', 'failed', 'dry_run']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  /** For workbooks, the worksheet read. */
  sheet: z.string().nullable(),
  rowsRead: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsNew: z.number().int(),
  rowsChanged: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  /** Rows of records deleted by hand; the import asks what to do. */
  rowsDeletedEarlier: z.number().int(),
  message: z.string().nullable(),
  /** The decimal mark amounts were read with, decided from the file. */
  decimalMark: z.enum(['.', ',']).nullable(),
  /** Each date column's order, decided from all its values. */
  dateOrders: z.record(z.string(), z.enum(['ymd', 'dmy', 'mdy'])),
  /** Each layout field to the file column it was read from. */
  mapping: z.record(z.string(), z.string()),
  /** The saved mapping used or saved with this file, if any. */
  mappingName: z.string().nullable(),
  /** What the reader should know that is not a rejected row. */
  warnings: z.array(z.string()),
  /** The first rejected rows, also when nothing was written. */
  errors: z.array(
    z.object({
      line: z.number().int(),
      column: z.string().nullable(),
      value: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const jobProgressSchema = z.object({
  jobId: z.string(),
  kind: z.literal('import'),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Each file is first checked whole, then written. */
  phase: z.enum(['checking', 'writing']),
  file: z.string(),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  /** Rows written so far, all files. */
  rowsDone: z.number().int(),
  /** The job's progress in bytes' worth of work, all files. */
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
  /** Rows written per second while writing. */
  rowsPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
  message: z.string().nullable(),
  results: z.array(importResultSchema),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const importBatchSchema = z.object({
  id: z.number().int(),
  file: z.string(),
  preset: z.string(),
  entity: z.string(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rowsRead: z.number().int(),
  rowsNew: z.number().int(),
  rowsChanged: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  message: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const rowErrorSchema = z.object({
  batchId: z.number().int(),
  file: z.string(),
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

const sortSchema = z.object({
  column: z.string(),
  direction: z.enum(['asc', 'desc']),
});

/** A subset of AG Grid's filter models that the engine evaluates in SQL. */
const columnFilterSchema = z.union([
  z.object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'equals', 'startsWith', 'blank', 'notBlank']),
    filter: z.string().optional(),
  }),
  z.object({
    filterType: z.literal('number'),
    type: z.enum([
      'equals',
      'greaterThan',
      'lessThan',
      'inRange',
      'blank',
      'notBlank',
    ]),
    filter: z.number().optional(),
    filterTo: z.number().optional(),
  }),
]);
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

export const gridColumnSchema = z.object({
  id: z.string(),
  /** `instant` is UTC ISO-8601, shown in the user's time zone. */
  type: z.enum(['text', 'number', 'money', 'date', 'instant']),
});
export type GridColumn = z.infer<typeof gridColumnSchema>;

const periodText = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'YYYY, YYYY-Qn or YYYY-MM');

/** The rows behind a KPI value, exactly as the metric counted them. */
export const drillSchema = z.object({
  metric: z.enum(SALES_METRIC_IDS),
  period: periodText.optional(),
  by: z.enum(KPI_DIMENSIONS).optional(),
  group: z.string().optional(),
  /** The segment filters the value was computed under. */
  where: z.array(metricFilterSchema).max(20).optional(),
});
export type Drill = z.infer<typeof drillSchema>;

const gridRowsArgs = z.object({
  entity: z.enum(GRID_ENTITIES),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000),
  sort: z.array(sortSchema).max(4).default([]),
  filters: z.record(z.string(), columnFilterSchema).default({}),
  quickSearch: z.string().max(200).default(''),
  /** Only for opportunities: keep the deals behind one KPI value. */
  drill: drillSchema.optional(),
  /** Keep the records behind one value of any catalogue metric. */
  metricDrill: metricDrillSchema.optional(),
});
export type GridRowsArgs = z.input<typeof gridRowsArgs>;

const gridCell = z.union([z.string(), z.number(), z.null()]);

export const kpiValueSchema = z.object({
  id: z.enum(SALES_METRIC_IDS),
  value: z.number().nullable(),
  unit: z.enum(['count', 'ratio', 'currency', 'days']),
  currency: z.string().nullable(),
  period: z.string().nullable(),
  group: z.string().nullable(),
  /** Why there is no value, where that needs saying. */
  note: z.string().nullable(),
});
export type KpiValue = z.infer<typeof kpiValueSchema>;

const none = z.object({}).default({});

export const contract = {
  'app.info': {
    args: none,
    result: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      hasNativeDialogs: z.boolean(),
    }),
  },
  'workspace.create': {
    args: z.object({ path: z.string().min(1), name: z.string().optional() }),
    result: workspaceInfoSchema,
  },
  'workspace.open': {
    args: z.object({ path: z.string().min(1) }),
    result: workspaceInfoSchema,
  },
  'workspace.openDemo': { args: none, result: workspaceInfoSchema },
  'workspace.current': { args: none, result: workspaceInfoSchema.nullable() },
  'workspace.recent': { args: none, result: z.array(z.string()) },
  'workspace.updateSettings': {
    args: z.object({
      name: z.string().min(1).max(200).optional(),
      baseCurrency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
      fiscalYearLabel: z.enum(['start', 'end']).optional(),
      grossMarginPct: z.number().gt(0).max(100).optional(),
      churnWindowMonths: z.number().int().min(1).max(36).optional(),
      isReactivationInNrr: z.boolean().optional(),
    }),
    result: workspaceInfoSchema,
  },
  'import.presets': {
    args: none,
    result: z.array(
      z.object({
        id: z.string(),
        entity: z.string(),
        columns: z.array(z.string()),
      }),
    ),
  },
  'import.start': {
    args: z.object({
      files: z.array(importFileSchema).min(1).max(50),
      preset: z.string().optional(),
      /** Only layouts of this entity are considered. */
      entity: z.string().optional(),
      isDryRun: z.boolean().optional(),
      encoding: z.string().max(40).optional(),
      delimiter: z.enum([',', ';', '\t', '|']).optional(),
      sheet: z.string().max(200).optional(),
      decimalMark: z.enum(['.', ',']).optional(),
      dateOrder: z.enum(['ymd', 'dmy', 'mdy']).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .refine(isKnownCurrency, 'not an ISO 4217 currency code')
        .optional(),
      /** Columns mapped by hand, for a file no layout recognises. */
      mapping: columnMappingSchema.optional(),
      /** Keeps the mapping under this name for files with this header. */
      saveMappingAs: mappingNameSchema.optional(),
      /** What to do with rows of records deleted earlier: ask if absent. */
      deletedRecords: z.enum(['skip', 'restore']).optional(),
      /** How many rejected rows each result lists (all are kept); 100. */
      errorLimit: z.number().int().min(0).optional(),
    }),
    result: z.object({ jobId: z.string() }),
  },
  'import.inspect': {
    args: z.object({
      path: z.string().min(1),
      name: z.string().min(1).optional(),
      encoding: z.string().max(40).optional(),
      delimiter: z.enum([',', ';', '\t', '|']).optional(),
      sheet: z.string().max(200).optional(),
    }),
    result: fileInspectionSchema,
  },
  'import.mappingTargets': {
    args: none,
    result: z.array(mappingTargetSchema),
  },
  'import.mappings': { args: none, result: z.array(savedMappingSchema) },
  'import.deleteMapping': {
    args: z.object({ name: mappingNameSchema }),
    result: z.object({ deleted: z.boolean() }),
  },
  'import.changes': {
    args: z.object({
      batchId: z.number().int().optional(),
      entity: z.string().max(40).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    result: z.object({
      rows: z.array(fieldChangeSchema),
      total: z.number().int(),
    }),
  },
  'import.cancel': {
    args: z.object({ jobId: z.string() }),
    result: z.object({ cancelled: z.boolean() }),
  },
  'import.batches': { args: none, result: z.array(importBatchSchema) },
  'import.rollback': {
    args: z.object({ batchId: z.number().int() }),
    result: z.object({
      batchId: z.number().int(),
      rowsRestored: z.number().int(),
      rowsRemoved: z.number().int(),
    }),
  },
  'import.rowErrors': {
    args: z.object({
      batchId: z.number().int().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    result: z.object({
      rows: z.array(rowErrorSchema),
      total: z.number().int(),
    }),
  },
  ...IDENTITY_METHODS,
  'grid.columns': {
    args: z.object({ entity: z.enum(GRID_ENTITIES) }),
    result: z.array(gridColumnSchema),
  },
  'grid.rows': {
    args: gridRowsArgs,
    result: z.object({
      rows: z.array(z.record(z.string(), gridCell)),
      total: z.number().int(),
    }),
  },
  'grid.exportXlsx': {
    args: gridRowsArgs.omit({ offset: true, limit: true }).extend({
      /** Column titles as the window shows them, by column id. */
      titles: z.record(z.string(), z.string().max(200)).default({}),
    }),
    result: z.object({
      /** The workbook, base64-encoded. */
      base64: z.string(),
      rows: z.number().int(),
      isTruncated: z.boolean(),
    }),
  },
  'kpi.compute': {
    args: z.object({
      metrics: z.array(z.enum(SALES_METRIC_IDS)).default([]),
      period: periodText.optional(),
      by: z.enum(KPI_DIMENSIONS).optional(),
      /** Segment filters (industry=Retail...), as the metrics take them. */
      where: z.array(metricFilterSchema).max(20).default([]),
      /** Amounts converted into this currency at each close date. */
      currency: reportingCurrency.optional(),
    }),
    result: z.object({ metrics: z.array(kpiValueSchema) }),
  },
  ...METRIC_METHODS,
  'dialog.openWorkspace': {
    args: none,
    result: z.object({ path: z.string().nullable() }),
  },
  'dialog.saveWorkspace': {
    args: none,
    result: z.object({ path: z.string().nullable() }),
  },
  'dialog.pickImportFiles': {
    args: none,
    result: z.object({ paths: z.array(z.string()) }),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

/** Methods the Electron shell answers itself; elsewhere they are absent. */
export const SHELL_METHODS = [
  'dialog.openWorkspace',
  'dialog.saveWorkspace',
  'dialog.pickImportFiles',
] as const satisfies readonly MethodName[];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(contract, value);
}

export type Handlers = {
  [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>>;
};

/** Events pushed from the engine to the page. */
export type EngineEvents = {
  'job.progress': JobProgress;
};
export type EventName = keyof EngineEvents;

/** The API the page sees, whichever front door it came through. */
export type WorkbenchApi = {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(
    event: E,
    listener: (payload: EngineEvents[E]) => void,
  ): () => void;
};
