// What a finished job did: a check says what it found and offers to import
// the files that passed; an import says what it wrote. Both list each file
// with how it was read and, for a file that stopped, why.
import type { ImportResult, JobProgress } from '../../../shared/contract.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { asksAboutDeletedRecords } from './importOptions.js';
import { CheckErrors, ResultsTable } from './ImportTables.js';
import { outcomeBanner } from './outcome.js';
import { DeletedRecordsQuestion } from './ResultNotes.js';

function Banner({ job, isCheck }: { job: JobProgress; isCheck: boolean }) {
  const t = useT();
  const banner = outcomeBanner(job, isCheck);
  return (
    <p
      className={banner.isOk ? 'notice notice-ok' : 'notice notice-error'}
      role="status"
      data-testid="import-banner"
    >
      {t(banner.key, banner.params)}
    </p>
  );
}

function CheckOutcome({ job }: { job: JobProgress }) {
  const t = useT();
  const checkedRun = useStore((state) => state.checkedRun);
  const importChecked = useStore((state) => state.importChecked);
  const leaveCheck = useStore((state) => state.leaveCheck);
  const deletedChoice = useStore((state) => state.deletedRecords);
  const results = job.results;
  const isAnswerNeeded =
    results.some(asksAboutDeletedRecords) && deletedChoice === null;
  const ready = checkedRun?.files.length ?? 0;
  const isPartial = ready > 0 && ready < results.length;
  return (
    <section
      className="panel"
      data-testid="import-check-outcome"
      data-state={job.state}
    >
      <Banner job={job} isCheck />
      <h3>{t('import.results')}</h3>
      <ResultsTable results={results} />
      {results
        .filter((result) => result.errors.length > 0)
        .map((result) => (
          <CheckErrors key={result.file} result={result} />
        ))}
      <DeletedRecordsQuestion results={results} />
      <div className="chooser">
        <button type="button" onClick={leaveCheck}>
          {t('import.back')}
        </button>
        {checkedRun !== null && (
          <button
            type="button"
            className="primary"
            disabled={isAnswerNeeded}
            data-testid="import-confirm"
            onClick={() => void importChecked()}
          >
            {isPartial
              ? t('import.confirmPassed', { count: ready })
              : t('import.confirm')}
          </button>
        )}
      </div>
    </section>
  );
}

function ImportedOutcome({ job }: { job: JobProgress }) {
  const t = useT();
  const importAgain = useStore((state) => state.importAgain);
  const results: ImportResult[] = job.results;
  const isAllFailed =
    results.length > 0 && results.every((result) => result.status === 'failed');
  return (
    <section
      className="panel"
      data-testid="import-outcome"
      data-state={job.state}
    >
      <Banner job={job} isCheck={false} />
      {job.state === 'done' && job.message && !isAllFailed && (
        <p className="muted small">{job.message}</p>
      )}
      <h3>{t('import.results')}</h3>
      <ResultsTable results={results} />
      <DeletedRecordsQuestion
        results={results}
        onImportAgain={() => void importAgain()}
      />
    </section>
  );
}

export function JobOutcome() {
  const phase = useStore((state) => state.importPhase);
  const job = useStore((state) => state.job);
  const isCheck = useStore((state) => state.isLastRunCheck);
  if (phase !== 'finished' || !job) return null;
  return isCheck ? <CheckOutcome job={job} /> : <ImportedOutcome job={job} />;
}
