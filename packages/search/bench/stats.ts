import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Small helpers of the search benchmark: percentiles, formatting, a text table, heap readings. */

/** Nearest-rank percentile; NaN for an empty list. */
export function pct(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Milliseconds with a precision that suits their size. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 1000) return `${(x / 1000).toFixed(1)} s`;
  return `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)} ms`;
}

export const mb = (bytes: number) =>
  Number.isFinite(bytes) ? `${Math.max(0, bytes / 2 ** 20).toFixed(0)} MB` : '—';
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '—');
export const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '—';

/** Prints rows as left-aligned columns; the first row is the header, underlined. */
export function table(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)) + 2);
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => c + ' '.repeat(Math.max(0, widths[i]! - [...c].length)))
      .join('')
      .trimEnd();
  console.log(line(rows[0]!));
  console.log(line(rows[0]!.map((_, i) => '-'.repeat(widths[i]! - 2))));
  for (const row of rows.slice(1)) console.log(line(row));
}

// `npm run bench` starts Node without --expose-gc; the flag can still be set before first use.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection. */
export function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export const now = () => performance.now();
