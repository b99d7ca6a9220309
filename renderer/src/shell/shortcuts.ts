// Ctrl+1..4 (Cmd on macOS) jump to the places in rail order.
import { useEffect } from 'react';
import { PLACES, useStore } from '../store/index.js';

export const isMac =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutText(index: number): string {
  return isMac ? `⌘${index + 1}` : `Ctrl+${index + 1}`;
}

export function usePlaceShortcuts(): void {
  const setPlace = useStore((state) => state.setPlace);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const isModifier = isMac ? event.metaKey : event.ctrlKey;
      if (!isModifier || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const place = PLACES[index];
      if (place === undefined) return;
      event.preventDefault();
      setPlace(place);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setPlace]);
}
