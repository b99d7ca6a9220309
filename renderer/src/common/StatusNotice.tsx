// The loading and error states every place shares, so failures read the
// same everywhere: what happened (the engine's words), and a way to retry.
import { isApiError } from '../api/index.js';
import type { Translate } from '../i18n/index.js';
import { useT } from './useT.js';

export function errorText(t: Translate, error: unknown): string {
  if (isApiError(error)) {
    if (error.messageKey !== null) return t(error.messageKey);
    return error.message;
  }
  return t('error.unreachable');
}

type ErrorNoticeProps = {
  error: unknown;
  onRetry?: () => void;
  /** A smaller notice inside a card or form. */
  isCompact?: boolean;
};

export function ErrorNotice({ error, onRetry, isCompact }: ErrorNoticeProps) {
  const t = useT();
  const code = isApiError(error) ? error.code : null;
  return (
    <div
      className={
        isCompact ? 'notice notice-error compact' : 'notice notice-error'
      }
      role="alert"
    >
      {!isCompact && <strong>{t('state.errorTitle')}</strong>}
      <p>{errorText(t, error)}</p>
      {code !== null && code !== 'unavailable' && (
        <p className="muted small">{t('error.code', { code })}</p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function LoadingNotice({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="notice notice-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}
