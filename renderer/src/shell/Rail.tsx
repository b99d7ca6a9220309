import type { ReactNode } from 'react';
import {
  DataIcon,
  HomeIcon,
  ImportIcon,
  SettingsIcon,
} from '../common/icons.js';
import { useT } from '../common/useT.js';
import { PLACES, useStore, type Place } from '../store/index.js';
import { shortcutText } from './shortcuts.js';

const PLACE_VIEW = {
  home: { icon: <HomeIcon />, key: 'place.home' },
  data: { icon: <DataIcon />, key: 'place.data' },
  import: { icon: <ImportIcon />, key: 'place.import' },
  settings: { icon: <SettingsIcon />, key: 'place.settings' },
} as const satisfies Record<Place, { icon: ReactNode; key: string }>;

export function Rail() {
  const t = useT();
  const place = useStore((state) => state.place);
  const setPlace = useStore((state) => state.setPlace);
  return (
    <nav className="rail" aria-label={t('rail.label')}>
      <div className="rail-logo" aria-hidden="true">
        R
      </div>
      {PLACES.map((item, index) => {
        const view = PLACE_VIEW[item];
        const name = t(view.key);
        return (
          <button
            key={item}
            type="button"
            className={item === place ? 'rail-item active' : 'rail-item'}
            aria-current={item === place ? 'page' : undefined}
            title={t('place.shortcut', { name, keys: shortcutText(index) })}
            data-testid={`place-${item}`}
            onClick={() => setPlace(item)}
          >
            {view.icon}
            <span>{name}</span>
          </button>
        );
      })}
    </nav>
  );
}
