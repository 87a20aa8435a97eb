/**
 * The rejection of a superseded or cancelled search call: a `DOMException` named `AbortError`, as
 * `fetch` rejects with, so callers tell it apart from a failure with one check
 * (`error.name === 'AbortError'`).
 */
export function abortError(what = 'The search call was superseded'): DOMException {
  return new DOMException(what, 'AbortError');
}

/** Resolves with `work`, or rejects with an `AbortError` as soon as `signal` aborts. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(abortError());
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? abortError() : error);
      },
    );
  });
}
