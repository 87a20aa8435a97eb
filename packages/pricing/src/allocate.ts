/**
 * Splits `amount` (≤ the sum of `weights`) across integer weights by largest remainder; ties go
 * to the earlier index. Shares sum exactly to `amount` and never exceed their weight.
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.map(() => 0);
  const big = BigInt(amount);
  const bt = BigInt(total);
  const rem: [number, bigint][] = [];
  let left = amount;
  const out = weights.map((w, i) => {
    const p = big * BigInt(w);
    const share = Number(p / bt);
    rem.push([i, p % bt]);
    left -= share;
    return share;
  });
  rem.sort((a, b) => (a[1] === b[1] ? a[0] - b[0] : a[1] > b[1] ? -1 : 1));
  for (let k = 0; k < left; k++) out[rem[k]![0]]! += 1;
  return out;
}
