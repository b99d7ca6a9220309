// Targets: a goal per metric and period with its baseline, owner and
// deadline (the SMART goals of a revenue plan). Rates are typed as
// percentages and kept as fractions, money in the reporting currency.
import { useState, type FormEvent } from 'react';
import {
  METRIC_CATALOGUE,
  metricEntry,
} from '../../../shared/catalogue/index.js';
import { isPeriodText } from '../../../shared/period.js';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { metricName, showMetricValue } from './metricText.js';
import { AS_PERCENT, toStored } from './targetFigures.js';

type TargetsEditorProps = {
  period: string;
  currency: string;
  chosen: readonly string[];
};

export function TargetsEditor({
  period,
  currency,
  chosen,
}: TargetsEditorProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const targets = useStore((state) => state.targets);
  const saveTarget = useStore((state) => state.saveTarget);
  const deleteTarget = useStore((state) => state.deleteTarget);
  const [metric, setMetric] = useState(chosen[0] ?? 'mrr');
  const [targetPeriod, setTargetPeriod] = useState(period);
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = targets.status === 'idle' ? [] : (targets.data ?? []);
  const entry = metricEntry(metric);
  const unitHint = AS_PERCENT(metric)
    ? '%'
    : entry?.unit === 'currency'
      ? currency
      : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const targetValue = toStored(metric, target);
    if (targetValue === null) return setProblem(t('targets.needTarget'));
    if (!isPeriodText(targetPeriod)) return setProblem(t('targets.badPeriod'));
    setProblem(null);
    const failure = await saveTarget({
      metric,
      period: targetPeriod,
      target: targetValue,
      baseline: toStored(metric, baseline),
      owner: owner.trim() || null,
      deadline: deadline || null,
    });
    setError(failure);
    if (failure === null) {
      setTarget('');
      setBaseline('');
    }
  };

  return (
    <section className="panel targets" data-testid="targets-editor">
      <header className="panel-header">
        <h3>{t('targets.title')}</h3>
      </header>
      <form className="targets-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('targets.metric')}
          <select
            data-testid="target-metric"
            value={metric}
            onChange={(event) => setMetric(event.target.value)}
          >
            {METRIC_CATALOGUE.map((item) => (
              <option key={item.id} value={item.id}>
                {metricName(locale, item.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('targets.period')}
          <input
            data-testid="target-period"
            value={targetPeriod}
            size={8}
            placeholder="2024-06"
            onChange={(event) => setTargetPeriod(event.target.value.trim())}
          />
        </label>
        <label>
          {t('targets.baseline', { unit: unitHint })}
          <input
            data-testid="target-baseline"
            inputMode="decimal"
            size={10}
            value={baseline}
            onChange={(event) => setBaseline(event.target.value)}
          />
        </label>
        <label>
          {t('targets.target', { unit: unitHint })}
          <input
            data-testid="target-value"
            inputMode="decimal"
            size={10}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          />
        </label>
        <label>
          {t('targets.owner')}
          <input
            data-testid="target-owner"
            size={12}
            value={owner}
            onChange={(event) => setOwner(event.target.value)}
          />
        </label>
        <label>
          {t('targets.deadline')}
          <input
            type="date"
            data-testid="target-deadline"
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="target-save">
          {t('targets.save')}
        </button>
      </form>
      {problem !== null && <p className="notice">{problem}</p>}
      {error !== null && <ErrorNotice error={error} isCompact />}
      {list.length === 0 ? (
        <p className="muted small">{t('targets.none')}</p>
      ) : (
        <table className="targets-table" data-testid="targets-table">
          <thead>
            <tr>
              <th>{t('targets.metric')}</th>
              <th>{t('targets.period')}</th>
              <th>{t('targets.baselineShort')}</th>
              <th>{t('targets.targetShort')}</th>
              <th>{t('targets.owner')}</th>
              <th>{t('targets.deadline')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((item) => {
              const unit = metricEntry(item.metric)?.unit ?? 'count';
              const show = (value: number | null) =>
                value === null
                  ? t('value.none')
                  : showMetricValue(
                      t,
                      locale,
                      item.metric,
                      value,
                      unit,
                      currency,
                    ).text;
              return (
                <tr key={item.id}>
                  <td>{metricName(locale, item.metric)}</td>
                  <td>{item.period}</td>
                  <td>{show(item.baseline)}</td>
                  <td>{show(item.target)}</td>
                  <td>{item.owner ?? ''}</td>
                  <td>{item.deadline ?? ''}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        void deleteTarget(item.id).then((failure) =>
                          setError(failure),
                        )
                      }
                    >
                      {t('targets.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
