// Browser mode cannot hand the engine a path the user picked, so the page
// streams each chosen file here first. Files land in a folder of this run
// only, under a name cleaned of anything a file system could read as a
// path, and the folder is removed when the server closes.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

export const DEFAULT_UPLOAD_LIMIT = 2 * 1024 ** 3;

const MAX_NAME_BYTES = 180;
const FALLBACK_NAME = 'upload.csv';

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** A name safe to create in the upload folder; keeps letters of any script. */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  while (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, name.length - extension.length - 1) + extension;
  }
  return name === '' ? FALLBACK_NAME : name;
}

export class UploadFolder {
  private root: string | null = null;
  private count = 0;

  constructor(private readonly maxBytes = DEFAULT_UPLOAD_LIMIT) {}

  /** Streams the request body to a new file in a folder of its own. */
  async receive(
    request: IncomingMessage,
    rawName: string,
  ): Promise<{ path: string; bytes: number }> {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > this.maxBytes) {
      throw new UploadError(413, this.tooLargeMessage());
    }
    this.root ??= await mkdtemp(join(tmpdir(), 'revops-upload-'));
    this.count += 1;
    const folder = join(this.root, String(this.count));
    await mkdir(folder);
    const path = join(folder, sanitizeFileName(rawName));
    const file = createWriteStream(path, { flags: 'wx' });
    let received = 0;
    try {
      // The request must stay open after a refusal so the caller still
      // reads the answer saying why.
      for await (const chunk of request.iterator({ destroyOnReturn: false })) {
        const piece = chunk as Buffer;
        received += piece.length;
        if (received > this.maxBytes) {
          throw new UploadError(413, this.tooLargeMessage());
        }
        if (!file.write(piece)) await once(file, 'drain');
      }
      file.end();
      await finished(file);
    } catch (error) {
      file.destroy();
      await rm(folder, { recursive: true, force: true });
      if (error instanceof UploadError) throw error;
      throw new UploadError(
        400,
        'The upload stopped before the whole file arrived.',
      );
    }
    return { path, bytes: received };
  }

  async remove(): Promise<void> {
    if (this.root) await rm(this.root, { recursive: true, force: true });
    this.root = null;
  }

  private tooLargeMessage(): string {
    return (
      `The file is larger than ${formatBytes(this.maxBytes)}, the most ` +
      'one upload can hold. Import it in the desktop app instead.'
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}
