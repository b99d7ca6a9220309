// The segment filter and reporting currency in the top bar, beside the
// period: every metric view reads them.
import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { SEGMENT_FIELDS, type SegmentField } from './metricsSlice.js';

const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'KRW', 'CAD', 'AUD'];

/** Most values the engine lists per field (`metrics.scopeChoices`). */
const CHOICES_CAP = 300;

function isSegmentField(value: string): value is SegmentField {
  return (SEGMENT_FIELDS as readonly string[]).includes(value);
}

/** Starts afresh with each workspace, whose filter starts cleared. */
export function ScopeControls() {
  const path = useStore((state) => state.workspace?.path);
  return <ScopeFields key={path ?? ''} />;
}

function ScopeFields() {
  const t = useT();
  const workspace = useStore((state) => state.workspace);
  const filter = useStore((state) => state.segmentFilter);
  const setFilter = useStore((state) => state.setSegmentFilter);
  const currency = useStore((state) => state.reportingCurrency);
  const setCurrency = useStore((state) => state.setReportingCurrency);
  const [field, setField] = useState<SegmentField | ''>(filter?.field ?? '');
  const [value, setValue] = useState(filter?.value ?? '');
  const choices = useScopeChoices();

  if (!workspace) return null;
  const base = workspace.baseCurrency;
  const currencies = [
    ...new Set([base, ...(choices?.currencies ?? []), ...COMMON_CURRENCIES]),
  ];
  const offered = field === '' ? [] : (choices?.segments[field] ?? []);
  // The list is whole below its cap: a value not on it is in no record,
  // and every figure under it would be empty.
  const isUnknown =
    filter !== null &&
    filter.field === field &&
    offered.length > 0 &&
    offered.length < CHOICES_CAP &&
    !offered.includes(filter.value);
  const apply = (nextField: SegmentField | '', nextValue: string) => {
    const trimmed = nextValue.trim();
    setFilter(
      nextField === '' || trimmed === ''
        ? null
        : { field: nextField, value: trimmed },
    );
  };

  return (
    <div className="scope-controls" role="group" aria-label={t('scope.label')}>
      <label className="visually-hidden" htmlFor="segment-field">
        {t('scope.field')}
      </label>
      <select
        id="segment-field"
        data-testid="segment-field"
        value={field}
        onChange={(event) => {
          const next = event.target.value;
          const nextField = isSegmentField(next) ? next : '';
          setField(nextField);
          apply(nextField, value);
        }}
      >
        <option value="">{t('scope.allSegments')}</option>
        {SEGMENT_FIELDS.map((item) => (
          <option key={item} value={item}>
            {t(`segment.${item}`)}
          </option>
        ))}
      </select>
      {field !== '' && (
        <>
          <label className="visually-hidden" htmlFor="segment-value">
            {t('scope.value')}
          </label>
          <input
            id="segment-value"
            data-testid="segment-value"
            size={12}
            value={value}
            placeholder={t('scope.valuePlaceholder')}
            list="segment-values"
            onChange={(event) => setValue(event.target.value)}
            onBlur={() => apply(field, value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') apply(field, value);
            }}
          />
          <datalist id="segment-values" data-testid="segment-values">
            {offered.map((item) => (
              <option key={item} value={item} />
            ))}
          </datalist>
          {isUnknown && (
            <span
              className="scope-warning"
              role="status"
              data-testid="segment-unknown"
              title={t('scope.unknownValueHint')}
            >
              {t('scope.unknownValue', { value: filter?.value ?? '' })}
            </span>
          )}
        </>
      )}
      <label className="visually-hidden" htmlFor="reporting-currency">
        {t('scope.currency')}
      </label>
      <select
        id="reporting-currency"
        data-testid="reporting-currency"
        title={t('scope.currency')}
        value={currency ?? base}
        onChange={(event) =>
          setCurrency(event.target.value === base ? null : event.target.value)
        }
      >
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The values in the data, fetched again when the data changes. */
function useScopeChoices(): ResultOf<'metrics.scopeChoices'> | null {
  const path = useStore((state) => state.workspace?.path);
  const dataVersion = useStore((state) => state.dataVersion);
  const [choices, setChoices] =
    useState<ResultOf<'metrics.scopeChoices'> | null>(null);
  useEffect(() => {
    if (!path) return;
    let isCurrent = true;
    api
      .call('metrics.scopeChoices', {})
      // Without choices the fields still take typed values.
      .then((answer) => isCurrent && setChoices(answer))
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [path, dataVersion]);
  return choices;
}
