// Reads a JSON request body with a size cap, so one request cannot make
// the server hold an unbounded amount of memory.
import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export async function readJsonBody(
  request: IncomingMessage,
  maxBytes: number,
): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new BodyError(415, 'Send the arguments as application/json.');
  }
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    throw new BodyError(413, `The request body is over ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    const piece = chunk as Buffer;
    received += piece.length;
    if (received > maxBytes) {
      throw new BodyError(413, `The request body is over ${maxBytes} bytes.`);
    }
    chunks.push(piece);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON.');
  }
}
