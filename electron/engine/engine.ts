// The engine behind every front door: it owns the open workspace, answers
// the contract's methods and pushes job events. It never imports Electron.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type {
  EngineEvents,
  EventName,
  Handlers,
  ParsedArgsOf,
  ResultOf,
  WorkspaceInfo,
} from '../../shared/contract.js';
import { SHELL_METHODS } from '../../shared/contract.js';
import { WorkbenchError } from '../../shared/envelope.js';
import { generateDemoWorkspace } from './demo/generateDemo.js';
import { gridXlsx } from './export/gridXlsx.js';
import { gridColumns } from './grid/gridQuery.js';
import { gridScope } from './grid/gridScope.js';
import { deleteRecords } from './identity/deleteRecords.js';
import { findDuplicates } from './identity/duplicates.js';
import { listMerges, mergeRecords, undoMerge } from './identity/merge.js';
import { listChanges } from './import/changes.js';
import { inspectImportFile } from './import/inspectImport.js';
import { deleteMapping, listMappings } from './import/mappings.js';
import { listPresets } from './import/presets/index.js';
import { mappingTargets } from './import/presets/mapping.js';
import { ImportJobs } from './jobs/importJobs.js';
import { listBatches, listRowErrors } from './import/batches.js';
import { rollbackBatch } from './import/rollback.js';
import type { QueryMethod } from './queries/queryMethods.js';
import { QueryThread } from './queries/queryThread.js';
import { METRIC_CATALOGUE } from '../../shared/catalogue/index.js';
import { deleteTarget, listTargets, saveTarget } from './kpi/targets.js';
import { createLogger } from './logger.js';
import { writeSettings } from './store/settings.js';
import {
  createWorkspace,
  describeWorkspace,
  openWorkspace,
  type OpenWorkspace,
} from './workspace.js';

const log = createLogger('engine');

export type EngineMode = 'electron' | 'browser' | 'cli';

export type EngineOptions = {
  /** Where recent files and the demo workspace live. */
  userDataDir: string;
  mode: EngineMode;
  version?: string;
};

type ShellMethod = (typeof SHELL_METHODS)[number];
export type EngineHandlers = Omit<Handlers, ShellMethod>;

const RECENT_LIMIT = 10;

/** Workspace paths are absolute: a relative one would land wherever the
 * program happened to start. */
function fullPath(path: string): string {
  if (!isAbsolute(path)) {
    throw new WorkbenchError(
      'invalid_argument',
      `Give the workspace's full path (for example /home/you/acme.revops), not ${path}.`,
    );
  }
  return path;
}

export class Engine {
  readonly events = new EventEmitter();
  readonly handlers: EngineHandlers;
  private workspace: OpenWorkspace | null = null;
  private readonly jobs: ImportJobs;
  private readonly queries = new QueryThread();

  constructor(private readonly options: EngineOptions) {
    mkdirSync(options.userDataDir, { recursive: true });
    this.jobs = new ImportJobs({
      onProgress: (progress) => this.emit('job.progress', progress),
    });
    this.handlers = this.buildHandlers();
  }

  emit<E extends EventName>(event: E, payload: EngineEvents[E]): void {
    this.events.emit(event, payload);
  }

  on<E extends EventName>(
    event: E,
    listener: (payload: EngineEvents[E]) => void,
  ): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  get demoPath(): string {
    return join(this.options.userDataDir, 'demo.revops');
  }

  currentWorkspace(): OpenWorkspace {
    if (!this.workspace) {
      throw new WorkbenchError(
        'no_workspace',
        'No workspace is open. Create or open a workspace first.',
      );
    }
    return this.workspace;
  }

  async close(): Promise<void> {
    await this.jobs.cancelAll();
    await this.queries.close();
    this.workspace?.db.close();
    this.workspace = null;
  }

  private async switchTo(next: OpenWorkspace): Promise<WorkspaceInfo> {
    await this.jobs.cancelAll();
    await this.queries.release();
    this.workspace?.db.close();
    this.workspace = next;
    this.remember(next.path);
    log.info('switchTo: workspace open', {
      schema: next.db.pragma('user_version', { simple: true }),
    });
    return describeWorkspace(next);
  }

  private recentFile(): string {
    return join(this.options.userDataDir, 'recent.json');
  }

  recent(): string[] {
    try {
      const parsed: unknown = JSON.parse(
        readFileSync(this.recentFile(), 'utf8'),
      );
      return Array.isArray(parsed)
        ? parsed.filter((item): item is string => typeof item === 'string')
        : [];
    } catch {
      return [];
    }
  }

  private remember(path: string): void {
    const list = [path, ...this.recent().filter((item) => item !== path)];
    writeFileSync(
      this.recentFile(),
      JSON.stringify(list.slice(0, RECENT_LIMIT)),
    );
  }

  private buildHandlers(): EngineHandlers {
    return {
      'app.info': async () => ({
        version: this.options.version ?? '0.0.0',
        mode: this.options.mode === 'electron' ? 'electron' : 'browser',
        hasNativeDialogs: this.options.mode === 'electron',
      }),
      'workspace.create': async ({ path, name }) =>
        this.switchTo(createWorkspace(fullPath(path), name)),
      'workspace.open': async ({ path }) =>
        this.switchTo(openWorkspace(fullPath(path))),
      'workspace.openDemo': async () => {
        if (!existsSync(this.demoPath)) {
          generateDemoWorkspace(this.demoPath, { seed: 42 });
        }
        return this.switchTo(openWorkspace(this.demoPath));
      },
      'workspace.current': async () =>
        this.workspace ? describeWorkspace(this.workspace) : null,
      'workspace.recent': async () => this.recent(),
      'workspace.updateSettings': async (changes) => {
        const workspace = this.currentWorkspace();
        writeSettings(workspace.db, changes);
        return describeWorkspace(workspace);
      },
      'import.presets': async () => listPresets(),
      'import.start': async ({ files, preset, ...options }) => {
        const workspace = this.currentWorkspace();
        const jobId = this.jobs.start({
          dbPath: workspace.path,
          files,
          preset: preset ?? null,
          options,
        });
        return { jobId };
      },
      'import.cancel': async ({ jobId }) => ({
        cancelled: this.jobs.cancel(jobId),
      }),
      'import.batches': async () => listBatches(this.currentWorkspace().db),
      'import.rollback': async ({ batchId }) =>
        rollbackBatch(this.currentWorkspace().db, batchId),
      'import.rowErrors': async (args) =>
        listRowErrors(this.currentWorkspace().db, args),
      'import.inspect': async (args) =>
        inspectImportFile(this.currentWorkspace().db, args),
      'import.mappingTargets': async () => mappingTargets(),
      'import.mappings': async () => listMappings(this.currentWorkspace().db),
      'import.deleteMapping': async ({ name }) => ({
        deleted: deleteMapping(this.currentWorkspace().db, name),
      }),
      'import.changes': async (args) =>
        listChanges(this.currentWorkspace().db, args),
      'identity.duplicates': async () =>
        findDuplicates(this.currentWorkspace().db),
      'identity.merge': async ({ entity, keepId, mergeIds }) =>
        mergeRecords(this.currentWorkspace().db, entity, keepId, mergeIds),
      'identity.unmerge': async ({ mergeId }) =>
        undoMerge(this.currentWorkspace().db, mergeId),
      'identity.merges': async () => listMerges(this.currentWorkspace().db),
      'records.delete': async ({ entity, ids }) =>
        deleteRecords(this.currentWorkspace().db, entity, ids),
      'grid.columns': async ({ entity }) => gridColumns(entity),
      'grid.rows': async (args) => this.ask('grid.rows', args),
      'grid.exportXlsx': async (args) => {
        const { db } = this.currentWorkspace();
        return gridXlsx(db, args, gridScope(db, args));
      },
      'metrics.catalogue': async () =>
        METRIC_CATALOGUE.map((entry) => ({
          ...entry,
          inputs: [...entry.inputs],
          settings: [...entry.settings],
        })),
      'metrics.compute': async (args) => this.ask('metrics.compute', args),
      'metrics.series': async (args) => this.ask('metrics.series', args),
      'metrics.waterfall': async (args) => this.ask('metrics.waterfall', args),
      'metrics.cohorts': async (args) => this.ask('metrics.cohorts', args),
      'metrics.aging': async (args) => this.ask('metrics.aging', args),
      'metrics.scopeChoices': async (args) =>
        this.ask('metrics.scopeChoices', args),
      'targets.list': async () => listTargets(this.currentWorkspace().db),
      'targets.save': async (args) =>
        saveTarget(this.currentWorkspace().db, args),
      'targets.delete': async ({ id }) => ({
        deleted: deleteTarget(this.currentWorkspace().db, id),
      }),
      'kpi.compute': async (args) => this.ask('kpi.compute', args),
    };
  }

  /**
   * Answers a read-only question in the query worker, over the open
   * workspace, so that the main thread stays free.
   */
  private ask<M extends QueryMethod>(
    method: M,
    args: ParsedArgsOf<M>,
  ): Promise<ResultOf<M>> {
    const { path } = this.currentWorkspace();
    return this.queries.ask<ResultOf<M>>(path, method, args);
  }

  /** Waits for a job to end; for the command line and tests. */
  waitForJob(jobId: string) {
    return this.jobs.wait(jobId);
  }
}
