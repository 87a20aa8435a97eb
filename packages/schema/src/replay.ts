import type { ReplayData } from './wire.js';

/**
 * The rrweb events of a recording, from its `replay` events' data (in any order, duplicates
 * allowed): sorted by `chunk`, decoded (`rrweb/gzip+base64` or `rrweb/json`) and concatenated,
 * ready for rrweb's `Replayer`. A chunk too large for one event was cut into consecutive pieces:
 * pieces are joined until they decode. A missing or corrupt piece loses its chunk only.
 * Runs in browsers and in Node 18+ (`DecompressionStream`, `atob`).
 */
export async function decodeReplay(chunks: readonly ReplayData[]): Promise<unknown[]> {
  const sorted = [...chunks].sort((a, b) => a.chunk - b.chunk);
  const events: unknown[] = [];
  let pending = '';
  let previous: ReplayData | undefined;
  for (const chunk of sorted) {
    if (previous?.chunk === chunk.chunk) continue;
    if (pending && (previous?.chunk !== chunk.chunk - 1 || previous.encoding !== chunk.encoding)) {
      pending = '';
    }
    pending += chunk.payload;
    previous = chunk;
    let decoded = await decode(pending, chunk.encoding);
    // A piece that never completed (lost, or corrupt) must not swallow the chunks after it.
    if (!decoded && pending !== chunk.payload) decoded = await decode(chunk.payload, chunk.encoding);
    if (decoded) {
      events.push(...decoded);
      pending = '';
    }
  }
  return events;
}

/** The events in `payload`, or `null` when it is not (yet) a whole chunk. */
async function decode(payload: string, encoding: ReplayData['encoding']): Promise<unknown[] | null> {
  try {
    const text = encoding === 'rrweb/json' ? payload : await gunzip(payload);
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as unknown[]) : null;
  } catch {
    return null;
  }
}

async function gunzip(base64: string): Promise<string> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
