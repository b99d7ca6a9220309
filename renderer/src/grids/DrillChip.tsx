// The chip above the opportunities grid while it lists the deals behind
// one figure: what the figure was, how many deals, and a way back to all.
import type { Drill } from '../../../shared/contract.js';
import { CloseIcon, DrillIcon } from '../common/icons.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { drillLabel } from './drill.js';

type DrillChipProps = {
  drill: Drill;
  /** Rows the grid lists now; unknown until the first page arrives. */
  total: number | undefined;
  onDismissed(): void;
};

export function DrillChip({ drill, total, onDismissed }: DrillChipProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const workspace = useStore((state) => state.workspace);
  const clearDrill = useStore((state) => state.clearDrill);
  const label = drillLabel(t, locale, drill, {
    startMonth: workspace?.fiscalYearStartMonth ?? 1,
    label: workspace?.fiscalYearLabel ?? 'end',
  });
  return (
    <div className="drill-bar">
      <div className="drill-chip" data-testid="drill-chip">
        <DrillIcon />
        <span className="drill-chip-text" role="status">
          <span className="drill-chip-intro">{t('drill.intro')}</span>
          <strong data-testid="drill-chip-label">{label}</strong>
          {total !== undefined && (
            <span className="drill-chip-count" data-testid="drill-chip-count">
              {t('drill.count', { count: total })}
            </span>
          )}
        </span>
        <button
          type="button"
          className="drill-chip-dismiss"
          data-testid="drill-dismiss"
          aria-label={t('drill.dismiss')}
          title={t('drill.dismiss')}
          onClick={() => {
            clearDrill();
            onDismissed();
          }}
        >
          <CloseIcon />
        </button>
      </div>
    </div>
  );
}
