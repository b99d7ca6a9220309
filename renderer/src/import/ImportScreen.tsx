// Import: choose export files, run the import with live progress, then see
// what each file added or changed and which rows were rejected and why;
// map the columns of a file no layout knows; merge duplicates; see what
// each import changed.
import { useEffect, useId, type ChangeEvent } from 'react';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { formatNumber, type Locale } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { ChangesPanel } from './ChangesPanel.js';
import { DuplicatesPanel } from './DuplicatesPanel.js';
import type { ChosenFile } from './importSlice.js';
import { JobOutcome } from './ImportOutcome.js';
import { ImportProgress } from './ImportProgress.js';
import { MappingView } from './MappingView.js';
import { ReadingOptions } from './ReadingOptions.js';
import { SavedMappings } from './SavedMappings.js';
import { BatchesTable, RowErrorsTable } from './ImportTables.js';

const ACCEPTED = '.csv,.tsv,.txt,.xlsx';

function sizeText(locale: Locale, bytes: number): string {
  if (bytes >= 1024 ** 2)
    return `${formatNumber(locale, bytes / 1024 ** 2, 1)} MB`;
  return `${formatNumber(locale, bytes / 1024, 1)} KB`;
}

function FileChooser() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const hasNativeDialogs = useStore(
    (state) => state.appInfo?.hasNativeDialogs === true,
  );
  const chosen = useStore((state) => state.chosenFiles);
  const phase = useStore((state) => state.importPhase);
  const chooseFiles = useStore((state) => state.chooseFiles);
  const pickNative = useStore((state) => state.pickNativeFiles);
  const startImport = useStore((state) => state.startImport);
  const openMapping = useStore((state) => state.openMapping);
  const inputId = useId();
  const isBusy = phase === 'uploading' || phase === 'running';

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])].map((file): ChosenFile => ({
      kind: 'upload',
      name: file.name,
      size: file.size,
      file,
    }));
    chooseFiles(files);
    // Choosing the same files again must fire a change event too.
    event.target.value = '';
  };

  return (
    <section className="panel">
      <div className="chooser">
        {hasNativeDialogs ? (
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void pickNative()}
          >
            {t('import.pickNative')}
          </button>
        ) : (
          <>
            <input
              id={inputId}
              className="visually-hidden"
              type="file"
              multiple
              accept={ACCEPTED}
              disabled={isBusy}
              data-testid="import-file-input"
              onChange={onFiles}
            />
            <label
              htmlFor={inputId}
              className={isBusy ? 'button disabled' : 'button'}
            >
              {t('import.choose')}
            </label>
          </>
        )}
        {chosen.length > 0 && (
          <span className="muted">
            {t('import.chosen', { count: chosen.length })}
          </span>
        )}
        <div className="top-spacer" />
        {chosen.length > 0 && (
          <>
            <button
              type="button"
              disabled={isBusy}
              onClick={() => chooseFiles([])}
            >
              {t('import.clear')}
            </button>
            <button
              type="button"
              disabled={isBusy}
              data-testid="import-check"
              onClick={() => void startImport({ isCheck: true })}
            >
              {t('import.check')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={isBusy}
              data-testid="import-start"
              onClick={() => void startImport()}
            >
              {t('import.start')}
            </button>
          </>
        )}
      </div>
      {chosen.length > 0 && (
        <ul className="chosen-files" data-testid="import-chosen">
          {chosen.map((file) => (
            <li key={file.name + (file.kind === 'path' ? file.path : '')}>
              <span>{file.name}</span>
              {file.kind === 'upload' && (
                <span className="muted small">
                  {sizeText(locale, file.size)}
                </span>
              )}
              <button
                type="button"
                className="link small"
                disabled={isBusy}
                data-testid="chosen-map-columns"
                onClick={() => void openMapping(file)}
              >
                {t('import.mapColumns')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ReadingOptions />
    </section>
  );
}

function PastBatches() {
  const t = useT();
  const batches = useStore((state) => state.batches);
  const loadBatches = useStore((state) => state.loadBatches);
  const data = batches.status === 'idle' ? null : batches.data;
  return (
    <section className="panel">
      <header className="panel-header">
        <h3>{t('import.batches')}</h3>
      </header>
      {batches.status === 'error' && (
        <ErrorNotice
          error={batches.error}
          onRetry={() => void loadBatches()}
          isCompact
        />
      )}
      {data === null && batches.status === 'loading' && <LoadingNotice />}
      {data !== null && <BatchesTable batches={data} />}
    </section>
  );
}

export function ImportScreen() {
  const t = useT();
  const workspace = useStore((state) => state.workspace);
  const importError = useStore((state) => state.importError);
  const loadBatches = useStore((state) => state.loadBatches);
  const loadSavedMappings = useStore((state) => state.loadSavedMappings);
  const workspacePath = workspace?.path;
  const interrupted = workspace?.interruptedBatches.length ?? 0;

  useEffect(() => {
    if (!workspacePath) return;
    void loadBatches();
    void loadSavedMappings();
  }, [workspacePath, loadBatches, loadSavedMappings]);

  return (
    <div className="import-place" data-testid="import">
      <header className="place-header">
        <h2>{t('import.title')}</h2>
        <p className="muted">{t('import.intro')}</p>
      </header>
      {interrupted > 0 && (
        <p className="notice notice-error">
          {t('workspace.interrupted', { count: interrupted })}
        </p>
      )}
      <FileChooser />
      {importError !== null && <ErrorNotice error={importError} />}
      <MappingView />
      <ImportProgress />
      <JobOutcome />
      <RowErrorsTable />
      <DuplicatesPanel />
      <PastBatches />
      <ChangesPanel />
      <SavedMappings />
    </div>
  );
}
