/** Resolves once `check()` is true, polling every 10 ms; rejects after `ms` with `what` in the message. */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
