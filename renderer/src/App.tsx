// The window: a rail of places on the left, the workspace bar on top, and
// the chosen place below. Boots the page on first render.
import { useEffect } from 'react';
import { ErrorNotice, LoadingNotice } from './common/StatusNotice.js';
import { useT } from './common/useT.js';
import { HomeScreen } from './dashboard/HomeScreen.js';
import { DataScreen } from './grids/DataScreen.js';
import { ImportScreen } from './import/ImportScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { Rail } from './shell/Rail.js';
import { usePlaceShortcuts } from './shell/shortcuts.js';
import { TopBar } from './shell/TopBar.js';
import { WorkspaceDialog } from './shell/WorkspaceDialog.js';
import { useStore, type Place } from './store/index.js';

function PlaceView({ place }: { place: Place }) {
  switch (place) {
    case 'home':
      return <HomeScreen />;
    case 'data':
      return <DataScreen />;
    case 'import':
      return <ImportScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export function App() {
  const t = useT();
  const bootStatus = useStore((state) => state.bootStatus);
  const bootError = useStore((state) => state.bootError);
  const boot = useStore((state) => state.boot);
  const place = useStore((state) => state.place);
  const dataVersion = useStore((state) => state.dataVersion);
  const loadKnownQuarters = useStore((state) => state.loadKnownQuarters);
  const workspaceError = useStore((state) => state.workspaceError);
  const dialog = useStore((state) => state.workspaceDialog);
  usePlaceShortcuts();

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  useEffect(() => {
    if (dataVersion > 0) void loadKnownQuarters();
  }, [dataVersion, loadKnownQuarters]);

  if (bootStatus === 'booting') {
    return (
      <div className="boot">
        <LoadingNotice label={t('app.loading')} />
      </div>
    );
  }
  if (bootStatus === 'error') {
    return (
      <div className="boot">
        <ErrorNotice error={bootError} onRetry={() => void boot()} />
      </div>
    );
  }
  return (
    <div className="window">
      <Rail />
      <div className="main">
        <TopBar />
        {workspaceError !== null && dialog === null && place !== 'settings' && (
          <ErrorNotice error={workspaceError} isCompact />
        )}
        <main className="place" data-place={place}>
          <PlaceView place={place} />
        </main>
      </div>
      <WorkspaceDialog />
    </div>
  );
}
