// What a file's result says beyond its counts: the saved mapping it was
// read with, the importer's warnings, a way to map a file no layout knows,
// and the question about rows of records deleted earlier.
import type { ImportResult } from '../../../shared/contract.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import {
  asksAboutDeletedRecords,
  type DeletedRecordsChoice,
} from './importOptions.js';

export function ResultNotes({ result }: { result: ImportResult }) {
  const t = useT();
  const unmapped = useStore((state) =>
    state.unmappedFiles.find((file) => file.name === result.file),
  );
  const openMapping = useStore((state) => state.openMapping);
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
