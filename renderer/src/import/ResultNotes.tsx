// What a file's result says beyond its counts: how the file was read, what
// it holds, the saved mapping it was read with, the importer's warnings, a
// way to map a file no layout knows or to check a failed one again, and
// the question about rows of records deleted earlier.
import type { ImportResult } from '../../../shared/contract.js';
import { useT } from '../common/useT.js';
import { translateIfKnown, type Locale } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import {
  asksAboutDeletedRecords,
  type DeletedRecordsChoice,
} from './importOptions.js';
import { heldEntity, readingFacts } from './resultFacts.js';

/** One line such as "utf-8 · comma-separated · decimal point". */
export function ReadingFacts({ result }: { result: ImportResult }) {
  const t = useT();
  const facts = readingFacts(result).map((fact) =>
    'text' in fact ? fact.text : t(fact.key, fact.params),
  );
  if (facts.length === 0) return null;
  return (
    <span className="muted small block" data-testid="result-facts">
      {facts.join(' · ')}
    </span>
  );
}

export function entityText(locale: Locale, entity: string): string {
  return translateIfKnown(locale, `entity.${entity}`) ?? entity;
}

/**
 * The entity a file holds; "not recognised" only when no layout knows its
 * header, since a file can also stop at its dates or amounts.
 */
export function HeldEntityText({ result }: { result: ImportResult }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const layouts = useStore((state) => state.failedLayouts);
  const held = heldEntity(result, layouts);
  switch (held.kind) {
    case 'entity':
      return <>{entityText(locale, held.entity)}</>;
    case 'unrecognised':
      return <>{t('entity.unknown')}</>;
    case 'unknown':
      return <span className="muted">{t('import.entityUnknown')}</span>;
  }
}

export function ResultNotes({ result }: { result: ImportResult }) {
  const t = useT();
  const unmapped = useStore((state) =>
    state.unmappedFiles.find((file) => file.name === result.file),
  );
  const openMapping = useStore((state) => state.openMapping);
  const recheckFile = useStore((state) => state.recheckFile);
  const isInLastRun = useStore(
    (state) =>
      state.lastRun?.files.some((file) => file.name === result.file) === true,
  );
  const isBusy = useStore(
    (state) =>
      state.importPhase === 'uploading' || state.importPhase === 'running',
  );
  const canRecheck =
    result.status === 'failed' &&
    !unmapped &&
    isInLastRun &&
    !asksAboutDeletedRecords(result);
  return (
    <>
      {result.mappingName !== null && (
        <span className="muted small block" data-testid="result-mapping">
          {t('import.mappedWith', { name: result.mappingName })}
        </span>
      )}
      {result.warnings.length > 0 && (
        <ul className="result-warnings" data-testid="result-warnings">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {unmapped && (
        <button
          type="button"
          className="link small block"
          data-testid="result-map-columns"
          onClick={() => void openMapping(unmapped)}
        >
          {t('import.mapColumns')}
        </button>
      )}
      {canRecheck && (
        <button
          type="button"
          className="link small block"
          disabled={isBusy}
          data-testid="result-recheck"
          onClick={() => void recheckFile(result.file)}
        >
          {t('import.recheck')}
        </button>
      )}
    </>
  );
}

const CHOICES = ['skip', 'restore'] as const satisfies DeletedRecordsChoice[];

/**
 * Rows of records the user deleted: the import writes them only once told
 * whether to leave them deleted or bring them back.
 */
export function DeletedRecordsQuestion({
  results,
  onImportAgain,
}: {
  results: ImportResult[];
  /** Offered when the import already failed for want of the answer. */
  onImportAgain?: () => void;
}) {
  const t = useT();
  const choice = useStore((state) => state.deletedRecords);
  const setChoice = useStore((state) => state.setDeletedRecords);
  if (!results.some(asksAboutDeletedRecords)) return null;
  return (
    <fieldset className="deleted-question" data-testid="deleted-records">
      <legend>{t('import.deletedQuestion')}</legend>
      <p className="muted small">{t('import.deletedExplain')}</p>
      {CHOICES.map((item) => (
        <label key={item} className="inline">
          <input
            type="radio"
            name="deleted-records"
            value={item}
            checked={choice === item}
            data-testid={`deleted-${item}`}
            onChange={() => setChoice(item)}
          />
          {t(item === 'skip' ? 'import.deletedSkip' : 'import.deletedRestore')}
        </label>
      ))}
      {onImportAgain && (
        <button
          type="button"
          className="primary"
          disabled={choice === null}
          data-testid="import-again"
          onClick={onImportAgain}
        >
          {t('import.importAgain')}
        </button>
      )}
    </fieldset>
  );
}
