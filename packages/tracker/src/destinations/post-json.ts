// Shared by the PostHog and Segment destinations (and `byteLength` by the collector): JSON bodies
// split to fit a byte budget, sent with fetch. `keepalive` bodies are capped at 64 KiB in total per
// page by the Fetch standard (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, "inflight
// keepalive bytes"), so a final send carries only what fits and its delivery cannot be confirmed.

const encoder = new TextEncoder();

/** UTF-8 size of `text` in bytes. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Most bytes a `keepalive` request may carry. */
export const KEEPALIVE_MAX_BYTES = 64 * 1024;

/**
 * Splits `items` into runs, in order, whose JSON array (plus `overhead` bytes of envelope) stays
 * within `maxBytes`. Items too large to fit alone are left out of every run and returned apart.
 */
export function chunkJson<T>(
  items: readonly T[],
  maxBytes: number,
  overhead: number,
): { chunks: T[][]; tooBig: T[] } {
  const chunks: T[][] = [];
  const tooBig: T[] = [];
  let run: T[] = [];
  let size = overhead + 2; // `[` and `]`
  for (const item of items) {
    const bytes = byteLength(JSON.stringify(item));
    if (overhead + 2 + bytes > maxBytes) {
      tooBig.push(item);
      continue;
    }
    const added = bytes + (run.length > 0 ? 1 : 0); // the comma
    if (size + added > maxBytes) {
      chunks.push(run);
      run = [];
      size = overhead + 2;
      size += bytes;
    } else size += added;
    run.push(item);
  }
  if (run.length > 0) chunks.push(run);
  return { chunks, tooBig };
}

/**
 * POSTs each body in turn; resolves true when every response is 2xx (stops at the first that is
 * not). With `final`, only the first body goes, with `keepalive`, and the result is false: its
 * delivery cannot be confirmed, so the events stay queued and the backend dedups the resend.
 */
export async function postJson(
  url: string,
  bodies: readonly string[],
  headers: Record<string, string>,
  final: boolean,
): Promise<boolean> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json', ...headers } };
  if (final) {
    const body = bodies[0];
    if (body === undefined) return true;
    try {
      await fetch(url, { ...init, body, keepalive: true });
    } catch {
      // Over the keepalive quota or offline: the events stay queued for the next page.
    }
    return false;
  }
  for (const body of bodies) {
    const response = await fetch(url, { ...init, body });
    // Read the answer to its end, so the request and its connection are released.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) return false;
  }
  return true;
}
