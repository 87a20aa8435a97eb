/** Wait before the one retry of a failed request. */
const RETRY_DELAY_MS = 400;

/** What {@link fetchJson} settles with: the parsed body, or one sentence saying what failed. */
export type FetchJsonResult = { ok: true; body: unknown } | { ok: false; message: string };

/**
 * GETs `url` and parses its JSON body, retrying once (after 400 ms) on a network error or a 5xx.
 * Never rejects: failures come back as `{ ok: false, message }`, a sentence that starts with the
 * URL (`/p.json answered HTTP 404`). An aborted request settles with `{ ok: false, message:
 * 'aborted' }`; callers that aborted ignore it.
 */
export async function fetchJson(
  url: string,
  { signal, accept = 'application/json' }: { signal?: AbortSignal; accept?: string } = {},
): Promise<FetchJsonResult> {
  const aborted = { ok: false, message: 'aborted' } as const;
  for (let attempt = 0; attempt < 2; attempt++) {
    const after = attempt ? ' (after one retry)' : '';
    try {
      const res = await fetch(url, { signal, headers: { accept } });
      if (res.ok) {
        try {
          return { ok: true, body: await res.json() };
        } catch {
          return signal?.aborted ? aborted : { ok: false, message: `${url} did not return valid JSON` };
        }
      }
      if (res.status < 500 || attempt === 1)
        return { ok: false, message: `${url} answered HTTP ${res.status}${after}` };
    } catch (error) {
      if (signal?.aborted) return aborted;
      if (attempt === 1)
        return { ok: false, message: `${url} could not be fetched${after}: ${(error as Error).message}` };
    }
    await new Promise((ok) => setTimeout(ok, RETRY_DELAY_MS));
    if (signal?.aborted) return aborted;
  }
  return aborted;
}
