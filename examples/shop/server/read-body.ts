import type { IncomingMessage } from 'node:http';

/** Why {@link readBody} gave up. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the request body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body as UTF-8 text, at most `limit` bytes.
 *
 * @throws BodyTooLargeError past `limit` (checked on `content-length` first, then as data
 *   arrives); the rest of the body is drained and dropped so the answer can still be sent.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      fail(new BodyTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      bytes += chunk.length;
      if (bytes > limit) {
        tooLarge = true;
        chunks.length = 0;
        fail(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) ok(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', fail);
  });
}
