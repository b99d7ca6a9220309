// Locks down the default session: every response carries the policy, no
// request reaches the network, and permission prompts are answered no.
import { session } from 'electron';
import { createLogger } from '../engine/logger.js';
import { withContentSecurityPolicy } from './csp.js';
import { isPermissionAllowed, isRemoteUrl } from './webPolicy.js';

const log = createLogger('shell.session');

export function secureDefaultSession(pageUrl: string): void {
  const { webRequest } = session.defaultSession;

  // Chromium does not report headers for file: loads, so the page also
  // carries the policy in a <meta> tag; this covers every other response.
  webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: withContentSecurityPolicy(details.responseHeaders),
    });
  });

  webRequest.onBeforeRequest((details, callback) => {
    const isRemote = isRemoteUrl(details.url);
    if (isRemote) {
      log.warn('secureDefaultSession: remote request blocked', {
        resource: details.resourceType,
      });
    }
    callback({ cancel: isRemote });
  });

  session.defaultSession.setPermissionRequestHandler(
    (contents, permission, callback, details) => {
      const isAllowed = isPermissionAllowed(
        permission,
        details.requestingUrl,
        pageUrl,
      );
      if (!isAllowed) {
        log.info('secureDefaultSession: permission refused', { permission });
      }
      callback(isAllowed);
    },
  );
  session.defaultSession.setPermissionCheckHandler(
    (contents, permission, requestingOrigin, details) => {
      const url = details.requestingUrl ?? contents?.getURL() ?? '';
      return isPermissionAllowed(permission, url, pageUrl);
    },
  );
  session.defaultSession.setDevicePermissionHandler(() => false);
}
