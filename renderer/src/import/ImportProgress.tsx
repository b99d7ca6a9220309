// The running import: how far it is, how fast, how long is left, and a way
// to stop it.
import { useT } from '../common/useT.js';
import { formatDuration } from '../i18n/index.js';
import { useStore } from '../store/index.js';

export function ImportProgress() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const phase = useStore((state) => state.importPhase);
  const uploadIndex = useStore((state) => state.uploadIndex);
  const chosen = useStore((state) => state.chosenFiles);
  const job = useStore((state) => state.job);
  const isCancelling = useStore((state) => state.isCancelling);
  const cancel = useStore((state) => state.cancelImport);

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

  const fileShare = job.bytesTotal > 0 ? job.bytesDone / job.bytesTotal : 0;
  const overall =
    job.fileCount > 0
      ? Math.min(1, (job.fileIndex + fileShare) / job.fileCount)
      : 0;
  const percent = Math.round(overall * 100);
  return (
    <section className="panel import-progress" data-testid="import-progress">
      <header className="panel-header">
        <h3>{t('import.running')}</h3>
        <button
          type="button"
          data-testid="import-cancel"
          disabled={isCancelling}
          onClick={() => void cancel()}
        >
          {t(isCancelling ? 'import.cancelling' : 'import.cancel')}
        </button>
      </header>
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('import.running')}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="progress-facts">
        <div>
          <dt className="visually-hidden">{t('import.col.file')}</dt>
          <dd>
            {t('import.fileOf', {
              index: Math.min(job.fileIndex + 1, job.fileCount),
              count: job.fileCount,
              name: job.file,
            })}
          </dd>
        </div>
        <div>
          <dd>{t('import.rowsDone', { count: job.rowsDone })}</dd>
        </div>
        <div>
          <dd>{t('import.rate', { count: Math.round(job.rowsPerSecond) })}</dd>
        </div>
        <div>
          <dd>
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
