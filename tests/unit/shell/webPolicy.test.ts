import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isAppPageUrl,
  isPermissionAllowed,
  isRemoteUrl,
} from '../../../electron/shell/webPolicy.js';

const page = pathToFileURL(
  '/opt/RevOps Workbench/dist/renderer/index.html',
).href;

describe('isAppPageUrl', () => {
  it('accepts the page itself, with a query or a route fragment', () => {
    expect(isAppPageUrl(page, page)).toBe(true);
    expect(isAppPageUrl(`${page}#/data/accounts`, page)).toBe(true);
    expect(isAppPageUrl(`${page}?lang=ko`, page)).toBe(true);
  });

  it('refuses other files, even beside the page', () => {
    const sibling = pathToFileURL('/opt/RevOps Workbench/dist/renderer/x.html');
    expect(isAppPageUrl(sibling.href, page)).toBe(false);
    expect(isAppPageUrl('file:///etc/passwd', page)).toBe(false);
    expect(isAppPageUrl(`${page}.evil.html`, page)).toBe(false);
  });

  it('refuses the same path on another scheme or host', () => {
    const path = new URL(page).pathname;
    expect(isAppPageUrl(`http://127.0.0.1${path}`, page)).toBe(false);
    expect(isAppPageUrl(`file://server${path}`, page)).toBe(false);
    expect(isAppPageUrl('https://example.invalid/', page)).toBe(false);
  });

  it('refuses what does not parse, and a non-file page', () => {
    expect(isAppPageUrl('not a url', page)).toBe(false);
    expect(isAppPageUrl('', page)).toBe(false);
    expect(isAppPageUrl('http://127.0.0.1/', 'http://127.0.0.1/')).toBe(false);
  });
});

describe('isRemoteUrl', () => {
  it('flags every network scheme, loopback included', () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'https://example.invalid/a.js',
      'ws://localhost/socket',
      'wss://example.invalid/',
      'ftp://example.invalid/',
    ]) {
      expect(isRemoteUrl(url), url).toBe(true);
    }
  });

  it('lets local resources through', () => {
    for (const url of [
      page,
      'data:image/png;base64,AAAA',
      'blob:file:///0b7d7a43-43c7-4c4a-9b84-9d3c8c27c5b1',
      'devtools://devtools/bundled/devtools_app.html',
    ]) {
      expect(isRemoteUrl(url), url).toBe(false);
    }
  });

  it('treats an unparsable address as remote', () => {
    expect(isRemoteUrl('::::')).toBe(true);
  });
});

describe('isPermissionAllowed', () => {
  it('grants clipboard writes to the app page only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', page, page)).toBe(
      true,
    );
    expect(
      isPermissionAllowed(
        'clipboard-sanitized-write',
        'https://example.invalid/',
        page,
      ),
    ).toBe(false);
  });

  it('refuses everything else, even to the app page', () => {
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fileSystem',
    ]) {
      expect(isPermissionAllowed(permission, page, page), permission).toBe(
        false,
      );
    }
  });
});
