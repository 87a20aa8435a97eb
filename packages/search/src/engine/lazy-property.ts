/**
 * A property computed on first read. The result objects of the engine carry `facets`, but typing
 * suggestions never read them, and counting facets over every match is most of a query's time at
 * 100k products (ADR 0007). The property stays an own, enumerable one, so `JSON.stringify`,
 * spreading and structured clone (worker messages) read it — and compute it — like a plain value.
 *
 * @module
 */

/**
 * Defines `key` on `target` as a getter that runs `compute` once, then replaces itself with a
 * plain data property holding the value. Assigning the property first simply stores the value.
 */
export function defineLazy<T extends object, K extends PropertyKey, V>(
  target: T,
  key: K,
  compute: () => V,
): T & Record<K, V> {
  const settle = (value: V): V => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, {
    get: () => settle(compute()),
    set: (value: V) => settle(value),
    enumerable: true,
    configurable: true,
  });
  return target as T & Record<K, V>;
}
