import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicy,
} from '../../../electron/shell/csp.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and runs only the app own scripts', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote host, wildcard or eval anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    for (const [name, sources] of policy) {
      if (name !== 'style-src') {
        expect(sources, name).not.toContain("'unsafe-inline'");
      }
    }
  });

  it('leaves header-only directives out of the meta variant', () => {
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toEqual(["'self'"]);
    expect(meta.size).toBe(policy.size - 1);
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps the other headers as lists', () => {
    const headers = withContentSecurityPolicy({
      'Content-Type': 'text/html',
      'X-Many': ['a', 'b'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'X-Many': ['a', 'b'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('keeps a policy the response carried, whatever its casing', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': "img-src 'none'",
    });
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([
      "img-src 'none'",
      CONTENT_SECURITY_POLICY,
    ]);
  });

  it('handles a response without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('the page and the shell', () => {
  it('carry the same policy', () => {
    const page = readFileSync(
      join(
        dirname(fileURLToPath(import.meta.url)),
        '..',
        '..',
        '..',
        'renderer',
        'index.html',
      ),
      'utf8',
    );
    const meta = page.match(
      /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/,
    );
    expect(meta, 'renderer/index.html has no CSP <meta> tag').not.toBeNull();
    expect(directives(meta?.[1] ?? '')).toEqual(
      directives(META_CONTENT_SECURITY_POLICY),
    );
  });
});
