// The workspace's metric settings: the gross margin CLV and CAC payback
// use, the months of churn CLV averages, and whether NRR counts reactivated
// MRR. Saved in the workspace, so the dashboard and the command line agree.
import { useId, useState, type FormEvent } from 'react';
import type { WorkspaceInfo } from '../../../shared/contract.js';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';

export function MetricSettings({ workspace }: { workspace: WorkspaceInfo }) {
  const t = useT();
  const isBusy = useStore((state) => state.isWorkspaceBusy);
  const error = useStore((state) => state.workspaceError);
  const update = useStore((state) => state.updateWorkspaceSettings);
  const [margin, setMargin] = useState(String(workspace.grossMarginPct));
  const [churnWindow, setChurnWindow] = useState(
    String(workspace.churnWindowMonths),
  );
  const [isReactivation, setIsReactivation] = useState(
    workspace.isReactivationInNrr,
  );
  const [isSaved, setIsSaved] = useState(false);
  const marginId = useId();
  const windowId = useId();

  const marginValue = Number(margin);
  const windowValue = Number(churnWindow);
  const isValid =
    marginValue > 0 &&
    marginValue <= 100 &&
    Number.isInteger(windowValue) &&
    windowValue >= 1 &&
    windowValue <= 36;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!isValid) return;
    setIsSaved(
      await update({
        grossMarginPct: marginValue,
        churnWindowMonths: windowValue,
        isReactivationInNrr: isReactivation,
      }),
    );
  };
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setIsSaved(false);
    };

  return (
    <section className="panel settings-section" data-testid="metric-settings">
      <h3>{t('settings.metrics')}</h3>
      <p className="muted small">{t('settings.metricsHint')}</p>
      <form className="form" onSubmit={(event) => void save(event)}>
        <label htmlFor={marginId}>{t('settings.grossMargin')}</label>
        <input
          id={marginId}
          type="number"
          min={1}
          max={100}
          step="any"
          value={margin}
          onChange={(event) => edited(setMargin)(event.target.value)}
        />
        <p className="muted small">{t('settings.grossMarginHint')}</p>
        <label htmlFor={windowId}>{t('settings.churnWindow')}</label>
        <input
          id={windowId}
          type="number"
          min={1}
          max={36}
          step={1}
          value={churnWindow}
          onChange={(event) => edited(setChurnWindow)(event.target.value)}
        />
        <p className="muted small">{t('settings.churnWindowHint')}</p>
        <label className="inline">
          <input
            type="checkbox"
            checked={isReactivation}
            onChange={(event) =>
              edited(setIsReactivation)(event.target.checked)
            }
          />
          {t('settings.reactivationInNrr')}
        </label>
        {error !== null && <ErrorNotice error={error} isCompact />}
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={isBusy || !isValid}
          >
            {t('settings.save')}
          </button>
          {isSaved && <span className="muted">{t('settings.saved')}</span>}
        </div>
      </form>
    </section>
  );
}
