import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isTrustedSender,
  type SenderFacts,
  type TrustedWindow,
} from '../../../electron/shell/senderCheck.js';

const pageUrl = pathToFileURL('/app/dist/renderer/index.html').href;
const trusted: TrustedWindow = { contentsId: 7, pageUrl };
const fromPage: SenderFacts = {
  contentsId: 7,
  isMainFrame: true,
  frameUrl: `${pageUrl}#/home`,
};

describe('isTrustedSender', () => {
  it('accepts the main frame of the app window showing the app page', () => {
    expect(isTrustedSender(fromPage, trusted)).toBe(true);
  });

  it('refuses another window', () => {
    expect(isTrustedSender({ ...fromPage, contentsId: 8 }, trusted)).toBe(
      false,
    );
  });

  it('refuses a subframe of the app window', () => {
    expect(isTrustedSender({ ...fromPage, isMainFrame: false }, trusted)).toBe(
      false,
    );
  });

  it('refuses the app window once it shows something else', () => {
    const elsewhere = { ...fromPage, frameUrl: 'http://127.0.0.1:9/' };
    expect(isTrustedSender(elsewhere, trusted)).toBe(false);
    expect(isTrustedSender({ ...fromPage, frameUrl: null }, trusted)).toBe(
      false,
    );
  });

  it('refuses every call while there is no window', () => {
    expect(isTrustedSender(fromPage, null)).toBe(false);
  });
});
