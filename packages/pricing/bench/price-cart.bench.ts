// Benchmark, not a test: a 50-line cart against 20 promotions, exact best combination.
// Baseline: a naive enumerator of all 2^20 subsets with the same evaluator, measured in this run.
import { better, combinable, evaluate, prepare, priceCart, type Candidate } from '../src/price-cart.js';
import type { CartLine, Promotion } from '../src/types.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const cats = ['tops', 'home', 'shoes', 'toys', 'food'];
const lines: CartLine[] = Array.from({ length: 50 }, (_, i) => ({
  variantId: `v${i}`,
  productId: `p${i}`,
  quantity: 1 + (i % 3),
  price: cny(999 + ((i * 7919) % 20000)),
  category: [cats[i % 5]!],
}));
const all = { product: true, order: true, shipping: true };
const promotions: Promotion[] = [
  ...cats.map((c, i): Promotion => ({
    id: `cat-${c}`,
    title: c,
    kind: 'percent_off',
    class: 'product',
    percent: 5 + i * 3,
    eligibility: { categories: [c] },
    combinesWith: all,
  })),
  ...[0, 1, 2, 3, 4].map((i): Promotion => ({
    id: `flash-${i}`,
    title: 'flash',
    kind: 'flash_sale',
    price: cny(900),
    eligibility: { products: [`p${i * 5}`] },
    combinesWith: all,
  })),
  { id: 'order10', title: 'o', kind: 'percent_off', percent: 10, combinesWith: all },
  { id: 'order-5000', title: 'o', kind: 'amount_off', amount: cny(5000), combinesWith: { product: true } },
  {
    id: 'tier',
    title: 't',
    kind: 'tiered',
    tiers: [
      { spend: cny(100000), save: cny(10000) },
      { spend: cny(500000), save: cny(60000) },
    ],
    combinesWith: all,
  },
  { id: 'vip', title: 'v', kind: 'percent_off', percent: 25, exclusive: true },
  {
    id: 'new',
    title: 'n',
    kind: 'amount_off',
    amount: cny(20000),
    combinesWith: { shipping: true },
    eligibility: { newCustomersOnly: true },
  },
  { id: 'ship', title: 's', kind: 'free_shipping', combinesWith: all },
  {
    id: 'ship-half',
    title: 's',
    kind: 'percent_off',
    class: 'shipping',
    percent: 50,
    combinesWith: { product: true },
  },
  {
    id: 'all-15',
    title: 'a',
    kind: 'percent_off',
    class: 'product',
    percent: 15,
    combinesWith: { order: true, shipping: true },
  },
  { id: 'coupon', title: 'c', code: 'SAVE', kind: 'amount_off', amount: cny(3000), combinesWith: all },
  {
    id: 'tops-tier',
    title: 't',
    kind: 'tiered',
    class: 'product',
    tiers: [{ spend: cny(50000), save: cny(8000) }],
    eligibility: { categories: ['tops'] },
    combinesWith: all,
  },
];
const typical = {
  lines,
  promotions,
  context: { now: 0, newCustomer: true, codes: ['save'], shipping: cny(1500) },
};

// Conflict-heavy: 20 product promotions (percentages, buy X get Y, bundles, flash prices), each on
// two neighbouring categories of ten, all mutually combinable except where they share a line, so
// the choice is a weighted independent set on a ring: many valid combinations, no greedy answer.
const ring = Array.from({ length: 10 }, (_, i) => `c${i}`);
const ringLines: CartLine[] = lines.map((l, i) => ({ ...l, category: [ring[i % 10]!] }));
const heavy = {
  lines: ringLines,
  promotions: Array.from({ length: 20 }, (_, i): Promotion => {
    const base = {
      id: `r${String(i).padStart(2, '0')}`,
      title: 'r',
      combinesWith: all,
      eligibility: { categories: [ring[i % 10]!, ring[(i + 1 + (i >= 10 ? 2 : 0)) % 10]!] },
    };
    if (i % 4 === 0) return { ...base, kind: 'buy_x_get_y', buy: 2, get: 1, percent: 40 + i };
    if (i % 4 === 1)
      return {
        ...base,
        kind: 'bundle',
        items: [{ productId: `p${i}` }, { productId: `p${i + 10}` }],
        percent: 20 + i,
        eligibility: undefined,
      };
    if (i % 4 === 2) return { ...base, kind: 'flash_sale', price: cny(5000 + i * 100) };
    return { ...base, kind: 'percent_off', class: 'product', percent: 8 + i };
  }),
  context: { now: 0, shipping: cny(1500) },
};

function bruteForce(input: typeof typical) {
  const prep = prepare(input);
  const cs = prep.candidates;
  const subtotal = prep.sub.reduce((a, b) => a + b, 0);
  let best: Candidate[] = [];
  let bestVal = 0;
  for (let m = 1; m < 2 ** cs.length; m++) {
    const set = cs.filter((_, i) => m & (1 << i));
    if (set.some((a, i) => set.some((b, j) => j > i && !combinable(a, b)))) continue;
    const v = evaluate(set, subtotal, prep.shipping, prep.sub);
    if (better(v, set, bestVal, best)) [best, bestVal] = [set, v];
  }
  return { bestVal, n: cs.length };
}

for (const [name, input] of [
  ['typical mix', typical],
  ['conflict-heavy ring', heavy],
] as const) {
  const times: number[] = [];
  let explored = 0;
  for (let i = 0; i < 200; i++) priceCart(input);
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    explored = priceCart(input).explored;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const b0 = performance.now();
  const brute = bruteForce(input);
  const bruteMs = performance.now() - b0;
  const r = priceCart(input);
  console.log(
    `\n${name}: 50 lines × ${input.promotions.length} promotions (${brute.n} candidates), 2000 runs`,
  );
  console.log(
    `p50 ${q(0.5).toFixed(3)} ms  p95 ${q(0.95).toFixed(3)} ms  max ${times[times.length - 1]!.toFixed(3)} ms`,
  );
  console.log(
    `explored ${explored} of ${2 ** brute.n} subsets; saving ${r.discounts.amount + r.shippingDiscount.amount} (brute force ${brute.bestVal})`,
  );
  console.log(
    `baseline brute force ${bruteMs.toFixed(0)} ms (1 run): p95 is ${(bruteMs / q(0.95)).toFixed(0)}x faster`,
  );
  if (r.discounts.amount + r.shippingDiscount.amount !== brute.bestVal) {
    console.error('the engine and the brute force disagree');
    process.exitCode = 1;
  }
}
