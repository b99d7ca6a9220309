// Which metrics the cards show: the whole catalogue grouped by family, each
// a checkbox. The choice is kept per workspace on this computer.
import { METRIC_CATALOGUE } from '../../../shared/catalogue/index.js';
import type { MetricFamily } from '../../../shared/catalogue/types.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { metricName } from './metricText.js';

const FAMILIES = [
  'recurring',
  'acquisition',
  'cash',
  'customers',
  'sales',
] as const satisfies readonly MetricFamily[];

/** The cards a workspace starts with, from what it holds. */
export function defaultMetrics(counts: Record<string, number>): string[] {
  const has = (entity: string) => (counts[entity] ?? 0) > 0;
  return [
    ...(has('subscriptions')
      ? ['mrr', 'arr', 'net_new_mrr', 'customers', 'nrr', 'logo_churn_rate']
      : []),
    ...(has('subscriptions') ? ['arpa'] : []),
    ...(has('invoices') ? ['dso', 'receivables'] : []),
    ...(has('tickets') ? ['csat'] : []),
    ...(has('opportunities') ? ['bookings', 'win_rate'] : []),
  ];
}

type MetricPickerProps = {
  chosen: readonly string[];
  onClose(): void;
};

export function MetricPicker({ chosen, onClose }: MetricPickerProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const setChosen = useStore((state) => state.setChosenMetrics);
  const toggle = (id: string) => {
    const next = chosen.includes(id)
      ? chosen.filter((item) => item !== id)
      : [...chosen, id];
    // Keep catalogue order so the cards do not jump around.
    const order = METRIC_CATALOGUE.map((entry) => entry.id);
    setChosen(next.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  return (
    <section
      className="panel metric-picker"
      data-testid="metric-picker"
      aria-label={t('metrics.pickerTitle')}
    >
      <header className="panel-header">
        <h3>{t('metrics.pickerTitle')}</h3>
        <button
          type="button"
          onClick={onClose}
          data-testid="metric-picker-done"
        >
          {t('metrics.pickerDone')}
        </button>
      </header>
      <div className="metric-picker-families">
        {FAMILIES.map((family) => (
          <fieldset key={family}>
            <legend>{t(`family.${family}`)}</legend>
            {METRIC_CATALOGUE.filter((entry) => entry.family === family).map(
              (entry) => (
                <label key={entry.id} className="checkbox">
                  <input
                    type="checkbox"
                    data-testid={`pick-${entry.id}`}
                    checked={chosen.includes(entry.id)}
                    onChange={() => toggle(entry.id)}
                  />
                  {metricName(locale, entry.id)}
                </label>
              ),
            )}
          </fieldset>
        ))}
      </div>
    </section>
  );
}
