/**
 * A small least-recently-used map with a size bound and an age limit, for answers keyed by their
 * request URL. A `Map` keeps insertion order, so re-inserting on read makes the first key the
 * least recently used one.
 */
export class LruCache<V> {
  private readonly _entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly _max: number,
    private readonly _ttl: number,
    private readonly _now: () => number = () => Date.now(),
  ) {}

  get(key: string): V | undefined {
    const entry = this._entries.get(key);
    if (!entry) return undefined;
    this._entries.delete(key);
    if (this._now() - entry.at > this._ttl) return undefined;
    this._entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this._max <= 0) return;
    this._entries.delete(key);
    this._entries.set(key, { value, at: this._now() });
    while (this._entries.size > this._max) this._entries.delete(this._entries.keys().next().value!);
  }

  get size(): number {
    return this._entries.size;
  }
}
