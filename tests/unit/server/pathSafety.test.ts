import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../electron/server/staticFiles.js';
import { sanitizeFileName } from '../../../electron/server/upload.js';

describe('resolveStaticPath', () => {
  const root = join(sep, 'srv', 'renderer');

  it('maps the root to the page and assets inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(
      join(root, 'assets', 'a b.js'),
    );
  });

  it('reads a doubled slash as a path inside the folder', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(
      join(root, 'etc', 'passwd'),
    );
  });

  it('refuses every way out of the folder', () => {
    for (const path of [
      '/../etc/passwd',
      '/assets/../../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%5c..%5cwindows',
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });
});

describe('sanitizeFileName', () => {
  it('keeps ordinary names, Korean included', () => {
    expect(sanitizeFileName('sales_pipeline.csv')).toBe('sales_pipeline.csv');
    expect(sanitizeFileName('영업 기회 (2024).csv')).toBe(
      '영업 기회 (2024).csv',
    );
  });

  it('drops folders and characters a file system would read', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\me\\deals.csv')).toBe('deals.csv');
    expect(sanitizeFileName('a:b*c?.csv')).toBe('a_b_c_.csv');
    expect(sanitizeFileName('.hidden.csv')).toBe('hidden.csv');
  });

  it('never answers an empty or dot-only name', () => {
    for (const raw of ['', '..', '.', '/', '   ']) {
      const name = sanitizeFileName(raw);
      expect(name, raw).not.toMatch(/^\.*$/);
      expect(name.length).toBeGreaterThan(0);
    }
  });

  it('shortens long names but keeps the extension', () => {
    const name = sanitizeFileName(`${'가'.repeat(200)}.csv`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(180);
    expect(name.endsWith('.csv')).toBe(true);
  });
});
