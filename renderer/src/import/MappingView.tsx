// The mapping view for one file: which records it holds, the field each
// column goes to (with the column's first values beside it), what is still
// missing, and a name to keep the mapping under for the next such file.
import { useEffect, useId, useRef } from 'react';
import type {
  FileInspection,
  MappingTargetInfo,
} from '../../../shared/contract.js';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { fieldLabel } from '../i18n/fieldLabels.js';
import { translate, translateIfKnown, type Locale } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import {
  isMappableEntity,
  isValidSource,
  missingGroups,
  repeatedFields,
  type MappingDraft,
} from './mappingDraft.js';
import { delimiterKey } from './resultFacts.js';

const SAMPLES_SHOWN = 3;

function entityText(locale: Locale, entity: string): string {
  return translateIfKnown(locale, `entity.${entity}`) ?? entity;
}

function kindText(locale: Locale, kind: string): string {
  return translateIfKnown(locale, `import.kind.${kind}`) ?? kind;
}

function delimiterText(locale: Locale, delimiter: string): string {
  const key = delimiterKey(delimiter);
  return key ? translate(locale, key) : delimiter;
}

function FileFacts({ inspection }: { inspection: FileInspection }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const facts = [
    inspection.encoding,
    inspection.delimiter === null
      ? null
      : delimiterText(locale, inspection.delimiter),
    inspection.sheet,
  ].filter((fact): fact is string => fact !== null);
  const columns = t('import.mappingColumns', {
    count: inspection.columns.length,
  });
  return (
    <p className="muted small" data-testid="mapping-facts">
      {[columns, ...facts].join(' · ')}
    </p>
  );
}

type ColumnRowsProps = {
  inspection: FileInspection;
  target: MappingTargetInfo;
  draft: MappingDraft;
  repeated: readonly string[];
};

function ColumnRows({ inspection, target, draft, repeated }: ColumnRowsProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const setChoice = useStore((state) => state.setMappingChoice);
  return (
    <table className="table mapping-table" data-testid="mapping-columns">
      <thead>
        <tr>
          <th>{t('import.col.fileColumn')}</th>
          <th>{t('import.col.samples')}</th>
          <th>{t('import.col.field')}</th>
        </tr>
      </thead>
      <tbody>
        {inspection.columns.map((column, position) => {
          const field = draft.choices[column] ?? '';
          const samples = inspection.samples
            .map((row) => row[position] ?? '')
            .filter((value) => value.trim() !== '')
            .slice(0, SAMPLES_SHOWN);
          return (
            <tr key={`${column}-${position}`} data-column={column}>
              <th scope="row" className="mapping-column">
                {column}
              </th>
              <td className="mono">
                <div className="mapping-samples">
                  {samples.length === 0 ? (
                    <span className="muted">{t('import.noSamples')}</span>
                  ) : (
                    samples.map((value, index) => (
                      <span key={index} className="sample">
                        {value}
                      </span>
                    ))
                  )}
                </div>
              </td>
              <td>
                <select
                  aria-label={t('import.fieldFor', { column })}
                  className={repeated.includes(field) ? 'is-invalid' : ''}
                  value={field}
                  onChange={(event) => setChoice(column, event.target.value)}
                >
                  <option value="">{t('import.leaveOut')}</option>
                  {target.fields.map((item) => (
                    <option key={item.name} value={item.name}>
                      {t('import.fieldOption', {
                        label: fieldLabel(locale, item.label),
                        kind: kindText(locale, item.kind),
                      })}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function labelsOf(
  locale: Locale,
  target: MappingTargetInfo,
  names: readonly string[],
) {
  return names.map((name) => {
    const label = target.fields.find((field) => field.name === name)?.label;
    return label === undefined ? name : fieldLabel(locale, label);
  });
}

function MappingForm({
  inspection,
  targets,
  draft,
}: {
  inspection: FileInspection;
  targets: MappingTargetInfo[];
  draft: MappingDraft;
}) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const phase = useStore((state) => state.importPhase);
  const setEntity = useStore((state) => state.setMappingEntity);
  const setSource = useStore((state) => state.setMappingSource);
  const setSaveAs = useStore((state) => state.setMappingSaveAs);
  const runMapping = useStore((state) => state.runMapping);
  const ids = {
    entity: useId(),
    source: useId(),
    sourceHint: useId(),
    saveAs: useId(),
  };
  const target = targets.find((item) => item.entity === draft.entity);
  if (!target) return null;

  const missing = missingGroups(target.requires, draft.choices);
  const repeated = repeatedFields(draft.choices);
  const isSourceValid =
    draft.source.trim() === '' || isValidSource(draft.source);
  const isBusy = phase === 'uploading' || phase === 'running';
  const isReady =
    missing.length === 0 && repeated.length === 0 && isSourceValid && !isBusy;
  const or = ` ${t('import.or')} `;
  return (
    <>
      {draft.fromSaved !== null && (
        <p className="notice notice-ok" data-testid="mapping-saved-match">
          {t('import.savedMatch', { name: draft.fromSaved })}
        </p>
      )}
      <div className="mapping-fields">
        <label htmlFor={ids.entity}>{t('import.mappingEntity')}</label>
        <select
          id={ids.entity}
          data-testid="mapping-entity"
          value={draft.entity}
          onChange={(event) => {
            const value = event.target.value;
            if (isMappableEntity(value, targets)) setEntity(value);
          }}
        >
          {targets.map((item) => (
            <option key={item.entity} value={item.entity}>
              {entityText(locale, item.entity)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.source}>{t('import.mappingSource')}</label>
        <input
          id={ids.source}
          type="text"
          data-testid="mapping-source"
          className={isSourceValid ? '' : 'is-invalid'}
          placeholder={t('import.mappingSourcePlaceholder', {
            source: target.source,
          })}
          aria-describedby={ids.sourceHint}
          value={draft.source}
          onChange={(event) => setSource(event.target.value)}
        />
      </div>
      <p
        id={ids.sourceHint}
        className="muted small"
        data-testid="mapping-source-hint"
      >
        {t('import.mappingSourceHint', { source: target.source })}
      </p>
      {!isSourceValid && (
        <p className="field-problem">{t('import.mappingSourceInvalid')}</p>
      )}
      <div className="table-scroll">
        <ColumnRows
          inspection={inspection}
          target={target}
          draft={draft}
          repeated={repeated}
        />
      </div>
      <div className="mapping-status" data-testid="mapping-missing">
        {missing.length === 0 ? (
          <p className="muted small">{t('import.mappingComplete')}</p>
        ) : (
          <p className="field-problem">
            {t('import.mappingMissing', {
              fields: missing
                .map((group) => labelsOf(locale, target, group).join(or))
                .join('; '),
            })}
          </p>
        )}
        {repeated.length > 0 && (
          <p className="field-problem">
            {t('import.mappingRepeated', {
              fields: labelsOf(locale, target, repeated).join(', '),
            })}
          </p>
        )}
      </div>
      <div className="chooser">
        <label htmlFor={ids.saveAs}>{t('import.mappingSaveAs')}</label>
        <input
          id={ids.saveAs}
          type="text"
          data-testid="mapping-save-as"
          placeholder={t('import.mappingSaveAsHint')}
          value={draft.saveAs}
          maxLength={80}
          onChange={(event) => setSaveAs(event.target.value)}
        />
        <div className="top-spacer" />
        <button
          type="button"
          disabled={!isReady}
          data-testid="mapping-check"
          onClick={() => void runMapping(true)}
        >
          {t('import.check')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!isReady}
          data-testid="mapping-import"
          onClick={() => void runMapping(false)}
        >
          {t('import.start')}
        </button>
      </div>
    </>
  );
}

export function MappingView() {
  const t = useT();
  const file = useStore((state) => state.mappingFile);
  const inspection = useStore((state) => state.mappingInspection);
  const targets = useStore((state) => state.mappingTargets);
  const draft = useStore((state) => state.mappingDraft);
  const close = useStore((state) => state.closeMapping);
  const panelRef = useRef<HTMLElement>(null);
  const isOpen = inspection.status !== 'idle';
  useEffect(() => {
    // Opened from a result further down, the view must come into sight.
    if (isOpen) panelRef.current?.scrollIntoView({ block: 'start' });
  }, [isOpen, file?.path]);
  if (!isOpen) return null;

  const isReady =
    inspection.status === 'ready' && targets.status === 'ready' && draft;
  return (
    <section ref={panelRef} className="panel mapping" data-testid="mapping">
      <header className="panel-header">
        <h3>
          {file
            ? t('import.mappingTitle', { file: file.name })
            : t('import.mapColumns')}
        </h3>
        <button type="button" onClick={close}>
          {t('common.close')}
        </button>
      </header>
      <p className="muted small">{t('import.mappingIntro')}</p>
      {inspection.status === 'loading' && <LoadingNotice />}
      {inspection.status === 'error' && (
        <ErrorNotice error={inspection.error} isCompact />
      )}
      {inspection.status === 'ready' && (
        <FileFacts inspection={inspection.data} />
      )}
      {isReady && (
        <MappingForm
          inspection={inspection.data}
          targets={targets.data}
          draft={draft}
        />
      )}
    </section>
  );
}
