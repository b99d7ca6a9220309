// "Show the math": the definition of a metric, its convention, the inputs
// the engine used for this value, and the settings that change the number.
import { useEffect, useRef } from 'react';
import { metricEntry } from '../../../shared/catalogue/index.js';
import type { MetricSetting } from '../../../shared/catalogue/types.js';
import type { MetricValue } from '../../../shared/contract.js';
import { useT } from '../common/useT.js';
import { formatNumber, monthName, type Translate } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import type { MetricCardsData } from './metricsSlice.js';
import { metricConvention, metricFormula, metricName } from './metricText.js';

type MathPopoverProps = {
  id: string;
  value: MetricValue | undefined;
  data: MetricCardsData;
  onClose(): void;
};

function settingText(
  t: Translate,
  setting: MetricSetting,
  data: MetricCardsData,
  fiscalStart: string,
): { name: string; value: string } {
  const options = data.current.options;
  switch (setting) {
    case 'grossMarginPct':
      return {
        name: t('math.grossMargin'),
        value: `${options.grossMarginPct}%`,
      };
    case 'churnWindowMonths':
      return {
        name: t('math.churnWindow'),
        value: t('unit.months', { count: options.churnWindowMonths }),
      };
    case 'isReactivationInNrr':
      return {
        name: t('math.reactivationInNrr'),
        value: t(options.isReactivationInNrr ? 'math.yes' : 'math.no'),
      };
    case 'fiscalYearStartMonth':
      return { name: t('math.fiscalStart'), value: fiscalStart };
    case 'reportingCurrency':
      return { name: t('math.currency'), value: data.current.currency };
  }
}

export function MathPopover({ id, value, data, onClose }: MathPopoverProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const workspace = useStore((state) => state.workspace);
  const ref = useRef<HTMLDivElement>(null);
  const entry = metricEntry(id);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  if (!entry) return null;
  const fiscalStart = monthName(locale, workspace?.fiscalYearStartMonth ?? 1);
  // The period setting always shapes a number; the rest only where listed.
  const settings: MetricSetting[] = [
    ...entry.settings,
    ...(entry.settings.includes('fiscalYearStartMonth')
      ? []
      : (['fiscalYearStartMonth'] as const)),
  ];
  const inputs = Object.entries(value?.inputs ?? {});
  const convention = metricConvention(locale, id);
  return (
    <div
      ref={ref}
      className="math-popover"
      role="dialog"
      aria-label={t('math.title', { name: metricName(locale, id) })}
      data-testid={`math-popover-${id}`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h4>{t('math.title', { name: metricName(locale, id) })}</h4>
      <p className="math-formula">{metricFormula(locale, id)}</p>
      {convention !== null && (
        <p className="small muted math-convention">{convention}</p>
      )}
      <h5>{t('math.inputs', { period: data.current.period.label })}</h5>
      {inputs.length === 0 ? (
        <p className="small muted">{t('math.noInputs')}</p>
      ) : (
        <dl className="math-list">
          {inputs.map(([key, number]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>
                {number === null
                  ? t('value.none')
                  : formatNumber(locale, number, 4)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <h5>{t('math.settings')}</h5>
      <dl className="math-list" data-testid={`math-settings-${id}`}>
        {settings.map((setting) => {
          const shown = settingText(t, setting, data, fiscalStart);
          return (
            <div key={setting}>
              <dt>{shown.name}</dt>
              <dd>{shown.value}</dd>
            </div>
          );
        })}
      </dl>
      <p className="small muted">
        {t('math.reads', { inputs: entry.inputs.join(', ') })}
      </p>
      <button type="button" className="link" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
