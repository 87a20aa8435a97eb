import { fetchJson } from './fetch-json.js';

/** What {@link readJsonSource} found: the parsed value, or why it failed; both name the attribute it came from. */
export type JsonSourceResult =
  { ok: true; value: unknown; attribute: string } | { ok: false; attribute: string; message: string };

/** Where {@link readJsonSource} looks, in order. */
export interface JsonSource {
  /** The property value (already data); used when not null or undefined. */
  value?: unknown;
  /** The property's name, reported as the source. */
  property: string;
  /** URL of the JSON; fetched with {@link fetchJson} (one retry on a network error or 5xx). */
  src?: string | null;
  /** Which inline child holds the JSON. Default `script[type="application/json"]`. */
  inline?: string;
  signal?: AbortSignal;
  /** `Accept` header of the `src` request. Default `application/json`. */
  accept?: string;
}

/**
 * Reads an element's JSON input the way every Vitrine element takes data: the property, else an
 * inline `<script type="application/json">` child, else `src`. The first two answer at once (no
 * loading flash); `src` answers with a promise. Null when none is given. Never throws.
 */
export function readJsonSource(
  host: Element,
  { value, property, src, inline = 'script[type="application/json"]', signal, accept }: JsonSource,
): JsonSourceResult | Promise<JsonSourceResult> | null {
  if (value !== undefined && value !== null) return { ok: true, value, attribute: property };
  const script = host.querySelector(`:scope > ${inline}`);
  if (script) {
    const attribute = inline;
    try {
      return { ok: true, value: JSON.parse(script.textContent ?? ''), attribute };
    } catch (error) {
      return { ok: false, attribute, message: `is not valid JSON: ${(error as Error).message}` };
    }
  }
  if (!src) return null;
  return fetchJson(src, { ...(signal && { signal }), ...(accept && { accept }) }).then((r) =>
    r.ok
      ? { ok: true, value: r.body, attribute: 'src' }
      : { ok: false, attribute: 'src', message: r.message },
  );
}
