import { useT } from '../common/useT.js';
import { ScopeControls } from '../dashboard/ScopeControls.js';
import { useStore } from '../store/index.js';
import { PeriodPicker } from './PeriodPicker.js';

export function TopBar() {
  const t = useT();
  const workspace = useStore((state) => state.workspace);
  const appInfo = useStore((state) => state.appInfo);
  const isBusy = useStore((state) => state.isWorkspaceBusy);
  const startNew = useStore((state) => state.startNewWorkspace);
  const startOpen = useStore((state) => state.startOpenWorkspace);
  return (
    <header className="top-bar">
      <div className="workspace-title">
        <h1 data-testid="workspace-name" title={workspace?.path}>
          {workspace?.name ?? t('workspace.none')}
        </h1>
        {appInfo?.mode === 'browser' && (
          <span className="badge">{t('app.browserMode')}</span>
        )}
      </div>
      <div className="top-actions">
        <button
          type="button"
          data-testid="workspace-new"
          disabled={isBusy}
          onClick={() => void startNew()}
        >
          {t('workspace.new')}
        </button>
        <button
          type="button"
          data-testid="workspace-open"
          disabled={isBusy}
          onClick={() => void startOpen()}
        >
          {t('workspace.open')}
        </button>
      </div>
      <div className="top-spacer" />
      <PeriodPicker />
      <ScopeControls />
    </header>
  );
}
