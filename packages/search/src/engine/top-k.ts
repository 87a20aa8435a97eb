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

/**
 * The first `k` of `docs[0..m)` by relevance — final score (raw × length norm, rounded so ties
 * are real ties), then popularity, then catalog order — in order. The final scores are written
 * back into `score` as they are computed: one pass over the matches instead of a normalising pass
 * and a comparing pass (a one-letter prefix matches two thirds of a 100k catalog).
 */
export function topRelevant(
  docs: Int32Array,
  m: number,
  k: number,
  score: Float64Array,
  norm: Float64Array,
  pop: Float64Array,
): number[] {
  const before = (a: number, b: number) =>
    score[a] !== score[b] ? score[a]! > score[b]! : pop[a] !== pop[b] ? pop[a]! > pop[b]! : a < b;
  if (k <= 0 || m <= k * 4 || m <= 64) {
    for (let j = 0; j < m; j++) {
      const d = docs[j]!;
      score[d] = Math.round(score[d]! * norm[d]! * 100) / 100;
    }
    return topK(docs, m, k, before);
  }
  const heap = new Int32Array(k);
  let size = 0;
  // Max-heap on "comes later": its root is the worst of the best k so far.
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && before(heap[top]!, heap[l]!)) top = l;
      if (r < size && before(heap[top]!, heap[r]!)) top = r;
      if (top === i) return;
      const t = heap[i]!;
      heap[i] = heap[top]!;
      heap[top] = t;
      i = top;
    }
  };
  let worst = -Infinity;
  for (let j = 0; j < m; j++) {
    const d = docs[j]!;
    const s = Math.round(score[d]! * norm[d]! * 100) / 100;
    score[d] = s;
    if (size < k) {
      let i = size++;
      heap[i] = d;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        const t = heap[i]!;
        heap[i] = heap[parent]!;
        heap[parent] = t;
        i = parent;
      }
      if (size === k) worst = score[heap[0]!]!;
      continue;
    }
    // Most matches score below the k-th best: one comparison of numbers rejects them.
    if (s < worst || !before(d, heap[0]!)) continue;
    heap[0] = d;
    down(0);
    worst = score[heap[0]!]!;
  }
  return Array.from(heap).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
