/**
 * The first `k` of `m` products in a given order without sorting all `m`: a bounded binary heap
 * keeps the page cheap when a one-letter prefix matches half the catalog.
 *
 * @module
 */

/** `true` when product `a` comes before product `b`. */
export type Before = (a: number, b: number) => boolean;

/** The first `k` of `docs[0..m)` by `before`, in order. */
export function topK(docs: Int32Array, m: number, k: number, before: Before): number[] {
  if (k <= 0 || m <= 0) return [];
  if (m <= k * 4 || m <= 64) {
    const all = Array.from(docs.subarray(0, m));
    all.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return all.slice(0, k);
  }
  // Max-heap on "comes later": its root is the worst of the best k so far.
  const heap: number[] = [];
  const later = (a: number, b: number) => before(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!later(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < n && later(heap[l]!, heap[top]!)) top = l;
      if (r < n && later(heap[r]!, heap[top]!)) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (let j = 0; j < m; j++) {
    const d = docs[j]!;
    if (heap.length < k) {
      heap.push(d);
      up(heap.length - 1);
    } else if (before(d, heap[0]!)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
