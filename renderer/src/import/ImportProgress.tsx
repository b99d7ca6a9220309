// The running import: which step it is on, how far it is, how fast it
// writes, how long is left, and a way to stop it.
import { useT } from '../common/useT.js';
import { formatDuration } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { progressPercent } from './progressShare.js';

export function ImportProgress() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const phase = useStore((state) => state.importPhase);
  const uploadIndex = useStore((state) => state.uploadIndex);
  const chosen = useStore((state) => state.chosenFiles);
  const job = useStore((state) => state.job);
  const isCancelling = useStore((state) => state.isCancelling);
  const cancel = useStore((state) => state.cancelImport);
  const isCheck = useStore((state) => state.pendingCheck !== null);

  if (phase === 'uploading') {
    return (
      <section className="panel import-progress" data-testid="import-progress">
        <p>
          {t('import.uploading', {
            index: uploadIndex + 1,
            count: chosen.length,
            name: chosen[uploadIndex]?.name ?? '',
          })}
        </p>
        <progress aria-label={t('import.running')} />
      </section>
    );
  }
  if (phase !== 'running') return null;
  if (!job) {
    return (
      <section className="panel import-progress" data-testid="import-progress">
        <p>{t('import.starting')}</p>
        <progress aria-label={t('import.running')} />
      </section>
    );
  }

  const percent = progressPercent(job);
  const phaseText = t(
    job.phase === 'checking' ? 'import.phaseChecking' : 'import.phaseWriting',
  );
  return (
    <section
      className="panel import-progress"
      data-testid="import-progress"
      data-phase={job.phase}
    >
      <header className="panel-header">
        <h3>
          {t(isCheck ? 'import.checking' : 'import.running')}
          <span className="import-phase" data-testid="import-phase">
            {phaseText}
          </span>
        </h3>
        <button
          type="button"
          data-testid="import-cancel"
          disabled={isCancelling}
          onClick={() => void cancel()}
        >
          {t(isCancelling ? 'import.cancelling' : 'import.cancel')}
        </button>
      </header>
      <div className="progress-line">
        <div
          className="progress-bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t('import.percent', { percent })}
          aria-label={t('import.running')}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="progress-percent">
          {t('import.percent', { percent })}
        </span>
      </div>
      <dl className="progress-facts" data-testid="import-facts">
        <div>
          <dt>{t('import.factFile')}</dt>
          <dd>
            {t('import.fileOf', {
              index: Math.min(job.fileIndex + 1, job.fileCount),
              count: job.fileCount,
              name: job.file,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('import.factRows')}</dt>
          <dd data-testid="import-rows">
            {t('import.rowsDone', { count: job.rowsDone })}
          </dd>
        </div>
        <div>
          <dt>{t('import.factRate')}</dt>
          <dd data-testid="import-rate">
            {job.rowsPerSecond > 0
              ? t('import.rate', { count: Math.round(job.rowsPerSecond) })
              : t('import.rateUnknown')}
          </dd>
        </div>
        <div>
          <dt>{t('import.factTimeLeft')}</dt>
          <dd data-testid="import-time-left">
            {job.secondsLeft === null
              ? t('import.timeUnknown')
              : t('import.timeLeft', {
                  time: formatDuration(locale, job.secondsLeft),
                })}
          </dd>
        </div>
      </dl>
    </section>
  );
}
