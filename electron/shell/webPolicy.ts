// What the page may navigate to, load and ask for. The window shows one
// local page; everything else is refused.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `candidate` is the app's own page: the same file, whatever its
 * query or fragment (the page routes with the fragment).
 */
export function isAppPageUrl(candidate: string, pageUrl: string): boolean {
  const target = parse(candidate);
  const page = parse(pageUrl);
  if (!target || !page || page.protocol !== 'file:') return false;
  return (
    target.protocol === 'file:' &&
    target.host === page.host &&
    target.pathname === page.pathname
  );
}

const REMOTE_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/** Requests that would reach the network; the app never makes them. */
export function isRemoteUrl(url: string): boolean {
  const parsed = parse(url);
  // An address the parser refuses cannot be shown to be local.
  if (!parsed) return true;
  return REMOTE_PROTOCOLS.has(parsed.protocol);
}

// Copying grid cells uses navigator.clipboard.writeText, which Chromium
// gates behind this permission; reading the clipboard stays refused.
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Permission requests are refused unless the app's own page needs them. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  pageUrl: string,
): boolean {
  return (
    ALLOWED_PERMISSIONS.has(permission) && isAppPageUrl(requestingUrl, pageUrl)
  );
}
