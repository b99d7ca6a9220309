// Decides whether an IPC call comes from the app's own page. Any frame can
// in principle reach the main process, so every call is checked.
import { isAppPageUrl } from './webPolicy.js';

/** What the main process can tell about the frame that sent a call. */
export type SenderFacts = {
  contentsId: number;
  isMainFrame: boolean;
  /** Null when the frame has navigated away or is gone. */
  frameUrl: string | null;
};

export type TrustedWindow = {
  contentsId: number;
  pageUrl: string;
};

export function isTrustedSender(
  sender: SenderFacts,
  trusted: TrustedWindow | null,
): boolean {
  if (!trusted || sender.contentsId !== trusted.contentsId) return false;
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  return isAppPageUrl(sender.frameUrl, trusted.pageUrl);
}
