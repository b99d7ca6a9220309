// Schemas of the import place beyond a plain import: column mappings, the
// look at a file before mapping it, merges, deletions and the changes that
// successive imports recorded.
import { z } from 'zod';

/** Entities a file can be mapped onto by hand. */
export const MAPPABLE_ENTITIES = [
  'accounts',
  'contacts',
  'leads',
  'opportunities',
  'products',
  'subscriptions',
  'invoices',
  'payments',
  'tickets',
  'campaigns',
  'campaign_spend',
  'activities',
  'users',
] as const;

export const columnMappingSchema = z.object({
  entity: z.enum(MAPPABLE_ENTITIES),
  /** The system the file came from; with the external id, its identity. */
  source: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, space, . _ -')
    .optional(),
  /** File column to field; an empty field leaves the column out. */
  columns: z.record(z.string().max(200), z.string().max(60)),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const mappingNameSchema = z.string().trim().min(1).max(80);

export const savedMappingSchema = z.object({
  name: z.string(),
  entity: z.string(),
  source: z.string(),
  columns: z.record(z.string(), z.string()),
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

export const mappingTargetSchema = z.object({
  entity: z.enum(MAPPABLE_ENTITIES),
  source: z.string(),
  fields: z.array(
    z.object({ name: z.string(), kind: z.string(), label: z.string() }),
  ),
  requires: z.array(z.array(z.string())),
});
export type MappingTargetInfo = z.infer<typeof mappingTargetSchema>;

/** A file's first rows and what the importer makes of them. */
export const fileInspectionSchema = z.object({
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  columns: z.array(z.string()),
  samples: z.array(z.array(z.string())),
  /** The layout that recognises the header, if any. */
  preset: z.string().nullable(),
  entity: z.string().nullable(),
  /** A saved mapping made for this very header, if any. */
  savedMapping: savedMappingSchema.nullable(),
});
export type FileInspection = z.infer<typeof fileInspectionSchema>;

export const recordMergeSchema = z.object({
  id: z.number().int(),
  entity: z.enum(['accounts', 'contacts']),
  keptId: z.number().int(),
  keptLabel: z.string(),
  mergedId: z.number().int(),
  mergedLabel: z.string(),
  recordsMoved: z.number().int(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type RecordMerge = z.infer<typeof recordMergeSchema>;

/** Entities whose records can be deleted by hand. */
export const DELETABLE_ENTITIES = [
  'accounts',
  'contacts',
  'leads',
  'opportunities',
  'products',
  'subscriptions',
  'invoices',
  'payments',
  'tickets',
  'campaigns',
  'activities',
] as const;

/** One field change that an import recorded. */
export const fieldChangeSchema = z.object({
  batchId: z.number().int().nullable(),
  at: z.string(),
  entity: z.string(),
  recordId: z.number().int().nullable(),
  /** The record as its source knows it. */
  externalId: z.string().nullable(),
  label: z.string().nullable(),
  field: z.string(),
  from: z.union([z.string(), z.number(), z.null()]),
  to: z.union([z.string(), z.number(), z.null()]),
  /** For an amount: its currency; the values are then in major units. */
  currency: z.string().nullable(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const none = z.object({}).default({});

/** The contract's methods on duplicates, merges and deletions. */
export const IDENTITY_METHODS = {
  'identity.duplicates': {
    args: none,
    result: z.array(
      z.object({
        entity: z.enum(['accounts', 'contacts']),
        ids: z.array(z.number().int()),
        labels: z.array(z.string()),
        evidence: z.string(),
      }),
    ),
  },
  'identity.merge': {
    args: z.object({
      entity: z.enum(['accounts', 'contacts']),
      keepId: z.number().int(),
      mergeIds: z.array(z.number().int()).min(1).max(50),
    }),
    result: z.array(recordMergeSchema),
  },
  'identity.unmerge': {
    args: z.object({ mergeId: z.number().int() }),
    result: recordMergeSchema,
  },
  'identity.merges': { args: none, result: z.array(recordMergeSchema) },
  'records.delete': {
    args: z.object({
      entity: z.enum(DELETABLE_ENTITIES),
      ids: z.array(z.number().int()).min(1).max(5000),
    }),
    result: z.object({ deleted: z.number().int() }),
  },
} as const;
