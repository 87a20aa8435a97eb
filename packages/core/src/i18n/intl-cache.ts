/**
 * Intl formatters are costly to create (about a millisecond each, cold, more when locale data must
 * load) and lists render many dates and numbers: one formatter per key, created on first use.
 */
const cache = new Map<string, unknown>();

/** The formatter stored under `key`, made by `make` the first time. */
export function cached<T>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (f === undefined) cache.set(key, (f = make()));
  return f;
}
