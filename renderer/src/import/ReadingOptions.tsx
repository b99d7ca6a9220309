// How to read what a file leaves open: the date order of dates such as
// 03/04/2024, a currency for rows that name none, and the decimal mark.
// Each is decided from each file unless the user sets it here, and a
// setting holds for every file of the next check or import.
import { useId } from 'react';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import {
  DATE_ORDERS,
  DECIMAL_MARKS,
  isCurrencyInvalid,
  isDateOrder,
  isDecimalMark,
} from './importOptions.js';

export function ReadingOptions() {
  const t = useT();
  const options = useStore((state) => state.readingOptions);
  const setOptions = useStore((state) => state.setReadingOptions);
  const phase = useStore((state) => state.importPhase);
  const ids = { dateOrder: useId(), currency: useId(), decimal: useId() };
  const isBusy = phase === 'uploading' || phase === 'running';
  const isCurrencyBad = isCurrencyInvalid(options.currency);
  return (
    <fieldset
      className="reading-options"
      disabled={isBusy}
      data-testid="reading-options"
    >
      <legend>{t('import.readingTitle')}</legend>
      <p className="muted small reading-hint" data-testid="reading-hint">
        {t('import.readingHint')}
      </p>
      <label htmlFor={ids.dateOrder}>{t('import.dateOrder')}</label>
      <select
        id={ids.dateOrder}
        data-testid="option-date-order"
        value={options.dateOrder}
        onChange={(event) => {
          const value = event.target.value;
          setOptions({ dateOrder: isDateOrder(value) ? value : '' });
        }}
      >
        <option value="">{t('import.fromFile')}</option>
        {DATE_ORDERS.map((order) => (
          <option key={order} value={order}>
            {t(`import.dateOrder.${order}`)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.currency}>{t('import.currency')}</label>
      <input
        id={ids.currency}
        type="text"
        className={isCurrencyBad ? 'currency is-invalid' : 'currency'}
        data-testid="option-currency"
        placeholder={t('import.currencyHint')}
        maxLength={3}
        aria-invalid={isCurrencyBad}
        value={options.currency}
        onChange={(event) => setOptions({ currency: event.target.value })}
      />
      <label htmlFor={ids.decimal}>{t('import.decimalMark')}</label>
      <select
        id={ids.decimal}
        data-testid="option-decimal-mark"
        value={options.decimalMark}
        onChange={(event) => {
          const value = event.target.value;
          setOptions({ decimalMark: isDecimalMark(value) ? value : '' });
        }}
      >
        <option value="">{t('import.fromFile')}</option>
        {DECIMAL_MARKS.map((mark) => (
          <option key={mark} value={mark}>
            {t(mark === '.' ? 'import.decimalPoint' : 'import.decimalComma')}
          </option>
        ))}
      </select>
      {isCurrencyBad && (
        <p className="field-problem">{t('import.currencyInvalid')}</p>
      )}
    </fieldset>
  );
}
