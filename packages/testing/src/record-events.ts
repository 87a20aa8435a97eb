/**
 * Records the `detail` of every `type` event reaching `target` (default `document`) until
 * `stop()` is called (call it in `finally`).
 */
export function recordEvents<T>(
  type: string,
  target: EventTarget = document,
): { list: T[]; stop: () => void } {
  const list: T[] = [];
  const on = (e: Event) => list.push((e as CustomEvent<T>).detail);
  target.addEventListener(type, on);
  return { list, stop: () => target.removeEventListener(type, on) };
}
