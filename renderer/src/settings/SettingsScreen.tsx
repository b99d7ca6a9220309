// Settings: the interface language (kept on this computer) and the open
// workspace's name and fiscal calendar (kept in the workspace file).
import { useId, useState, type FormEvent } from 'react';
import type { WorkspaceInfo } from '../../../shared/contract.js';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { LOCALES, monthName, type Locale } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { MetricSettings } from './MetricSettings.js';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

function LanguageSection() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const setLocale = useStore((state) => state.setLocale);
  const id = useId();
  return (
    <section className="panel settings-section">
      <h3>{t('settings.language')}</h3>
      <label htmlFor={id} className="visually-hidden">
        {t('settings.language')}
      </label>
      <select
        id={id}
        data-testid="settings-language"
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((item) => (
          <option key={item} value={item} lang={item}>
            {LANGUAGE_NAMES[item]}
          </option>
        ))}
      </select>
      <p className="muted small">{t('settings.languageHint')}</p>
    </section>
  );
}

function WorkspaceSection() {
  const t = useT();
  const workspace = useStore((state) => state.workspace);
  if (!workspace) {
    return (
      <section className="panel settings-section">
        <h3>{t('settings.workspace')}</h3>
        <p className="muted">{t('settings.noWorkspace')}</p>
      </section>
    );
  }
  // Another workspace file starts the forms afresh from its settings.
  return (
    <>
      <WorkspaceForm key={workspace.path} workspace={workspace} />
      <MetricSettings key={`${workspace.path}-metrics`} workspace={workspace} />
    </>
  );
}

/** The saved settings of one workspace, edited until Save. */
function WorkspaceForm({ workspace }: { workspace: WorkspaceInfo }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const isBusy = useStore((state) => state.isWorkspaceBusy);
  const error = useStore((state) => state.workspaceError);
  const update = useStore((state) => state.updateWorkspaceSettings);
  const [name, setName] = useState(workspace.name);
  const [startMonth, setStartMonth] = useState(workspace.fiscalYearStartMonth);
  const [label, setLabel] = useState(workspace.fiscalYearLabel);
  const [isSaved, setIsSaved] = useState(false);
  const nameId = useId();
  const monthId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const savedName = name.trim() || workspace.name;
    const isDone = await update({
      name: savedName,
      fiscalYearStartMonth: startMonth,
      fiscalYearLabel: label,
    });
    if (isDone) setName(savedName);
    setIsSaved(isDone);
  };

  // Any edit after a save makes "Saved." untrue until the next one.
  const editName = (value: string) => {
    setName(value);
    setIsSaved(false);
  };
  const editStartMonth = (value: number) => {
    setStartMonth(value);
    setIsSaved(false);
  };
  const editLabel = (value: 'start' | 'end') => {
    setLabel(value);
    setIsSaved(false);
  };

  return (
    <section className="panel settings-section">
      <h3>{t('settings.workspace')}</h3>
      <form className="form" onSubmit={(event) => void save(event)}>
        <label htmlFor={nameId}>{t('settings.workspaceName')}</label>
        <input
          id={nameId}
          type="text"
          value={name}
          maxLength={200}
          onChange={(event) => editName(event.target.value)}
        />
        <label htmlFor={monthId}>{t('settings.fiscalStart')}</label>
        <select
          id={monthId}
          data-testid="settings-fiscal-start"
          value={startMonth}
          onChange={(event) => editStartMonth(Number(event.target.value))}
        >
          {MONTHS.map((month) => (
            <option key={month} value={month}>
              {monthName(locale, month)}
            </option>
          ))}
        </select>
        <fieldset disabled={startMonth === 1}>
          <legend>{t('settings.fiscalLabel')}</legend>
          <label className="inline">
            <input
              type="radio"
              name="fiscal-label"
              checked={label === 'start'}
              onChange={() => editLabel('start')}
            />
            {t('settings.fiscalLabelStart')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="fiscal-label"
              checked={label === 'end'}
              onChange={() => editLabel('end')}
            />
            {t('settings.fiscalLabelEnd')}
          </label>
        </fieldset>
        <p className="muted small">{t('settings.fiscalHint')}</p>
        {error !== null && <ErrorNotice error={error} isCompact />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isBusy}>
            {t('settings.save')}
          </button>
          {isSaved && <span className="muted">{t('settings.saved')}</span>}
        </div>
      </form>
    </section>
  );
}

function AboutSection() {
  const t = useT();
  const appInfo = useStore((state) => state.appInfo);
  if (!appInfo) return null;
  return (
    <section className="panel settings-section">
      <h3>{t('settings.about')}</h3>
      <p className="muted">
        {t('settings.version', {
          version: appInfo.version,
          mode: t(
            appInfo.mode === 'electron' ? 'mode.electron' : 'mode.browser',
          ),
        })}
      </p>
    </section>
  );
}

export function SettingsScreen() {
  const t = useT();
  return (
    <div className="settings-place" data-testid="settings">
      <header className="place-header">
        <h2>{t('settings.title')}</h2>
      </header>
      <div className="settings-grid">
        <LanguageSection />
        <WorkspaceSection />
        <AboutSection />
      </div>
    </div>
  );
}
