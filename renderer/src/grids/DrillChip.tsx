// The chip above a grid while it lists the rows behind one figure: what
// the figure was, how many rows, and a way back to the whole table.
import { CloseIcon, DrillIcon } from '../common/icons.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';

type DrillChipProps = {
  /** What the figure was, e.g. "Deals won · 2017 Q2". */
  label: string;
  intro: string;
  /** The row count as words; null until the first page arrives. */
  count: string | null;
  dismissLabel: string;
  onDismissed(): void;
};

export function DrillChip({
  label,
  intro,
  count,
  dismissLabel,
  onDismissed,
}: DrillChipProps) {
  const t = useT();
  const clearDrill = useStore((state) => state.clearDrill);
  return (
    <div className="drill-bar">
      <div className="drill-chip" data-testid="drill-chip">
        <DrillIcon />
        <span className="drill-chip-text" role="status">
          <span className="drill-chip-intro">{intro}</span>
          <strong data-testid="drill-chip-label">{label}</strong>
          {count !== null && (
            <span className="drill-chip-count" data-testid="drill-chip-count">
              {count}
            </span>
          )}
        </span>
        <button
          type="button"
          className="drill-chip-dismiss"
          data-testid="drill-dismiss"
          aria-label={dismissLabel}
          title={dismissLabel || t('drill.dismiss')}
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
