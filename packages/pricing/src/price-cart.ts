import { allocate } from './allocate.js';
import { message, type ReasonCode } from './messages.js';
import type {
  CartLine,
  Eligibility,
  Instant,
  Money,
  NextTier,
  PriceCartInput,
  PriceResult,
  PricingContext,
  Promotion,
  PromotionClass,
  RejectedPromotion,
} from './types.js';

/** A promotion that passed every individual check; internal to the search. */
export interface Candidate {
  p: Promotion;
  cls: PromotionClass;
  elig: number[];
  eligSub: number;
  /** Product class: discount per line. */
  perLine: number[];
  /** Standalone saving: an upper bound of its saving in any combination. */
  value: number;
  /** Order/shipping class: saving on a base. */
  calc: (base: number) => number;
}

const int = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const time = (t: Instant | undefined): number =>
  t === undefined ? NaN : typeof t === 'number' ? t : Date.parse(t);
const DEFAULT_CLASS = {
  percent_off: 'order',
  amount_off: 'order',
  tiered: 'order',
  free_shipping: 'shipping',
} as const;

const matches = (e: Eligibility, l: CartLine): boolean =>
  (!e.products || e.products.includes(l.productId)) &&
  (!e.skus || (l.sku !== undefined && e.skus.includes(l.sku))) &&
  (!e.brands || (l.brand !== undefined && e.brands.includes(l.brand))) &&
  (!e.categories || (l.category ?? []).some((c) => e.categories!.includes(c)));

/** Units of the given lines, one entry (line index) per unit, by unit price then line order. */
function units(lines: CartLine[], idx: number[], dir: 1 | -1): number[] {
  const out: number[] = [];
  for (const i of idx) for (let q = 0; q < lines[i]!.quantity; q++) out.push(i);
  return out.sort((a, b) => dir * (lines[a]!.price.amount - lines[b]!.price.amount) || a - b);
}

/**
 * Buy X get Y and bundles: the discount per line, the lines they use, or why they do not apply.
 * Buy X get Y discounts the cheapest qualifying units (like Shopify); a bundle takes the
 * highest-priced units of each of its products and replaces their sum by the set price (or takes
 * the set percentage off it), split over those units by largest remainder.
 */
function unitDeals(
  p: Promotion,
  valid: CartLine[],
  elig: number[],
): { perLine: number[]; used: number[] } | { reason: 'buy_more' | 'bundle_incomplete'; more?: number } {
  const perLine = valid.map(() => 0);
  const used = new Set<number>();
  const cap = p.kind !== 'buy_x_get_y' && p.kind !== 'bundle' ? 0 : (p.maxApplications ?? Infinity);
  if (p.kind === 'buy_x_get_y') {
    const getSet = p.getEligibility ? elig.filter((i) => matches(p.getEligibility!, valid[i]!)) : elig;
    const buySet = p.getEligibility ? elig.filter((i) => !getSet.includes(i)) : elig;
    const buyN = units(valid, buySet, 1).length;
    const pool = units(valid, getSet, 1);
    const groups = Math.min(
      cap,
      p.getEligibility
        ? Math.min(Math.floor(buyN / p.buy), Math.floor(pool.length / p.get))
        : Math.floor(pool.length / (p.buy + p.get)),
    );
    if (groups < 1)
      return {
        reason: 'buy_more',
        more: p.getEligibility
          ? Math.max(p.buy - buyN, 0) + Math.max(p.get - pool.length, 0)
          : p.buy + p.get - pool.length,
      };
    for (const i of pool.slice(0, groups * p.get))
      perLine[i]! += Math.floor((valid[i]!.price.amount * (p.percent ?? 100)) / 100);
    for (const i of [...buySet, ...getSet]) used.add(i);
  } else if (p.kind === 'bundle') {
    const take = p.items.map((it) =>
      units(
        valid,
        elig.filter((i) => valid[i]!.productId === it.productId),
        -1,
      ),
    );
    const sets = Math.min(cap, ...take.map((u, k) => Math.floor(u.length / (p.items[k]!.quantity ?? 1))));
    if (sets < 1) return { reason: 'bundle_incomplete' };
    const paid = valid.map(() => 0);
    take.forEach((u, k) =>
      u.slice(0, sets * (p.items[k]!.quantity ?? 1)).forEach((i) => {
        paid[i]! += valid[i]!.price.amount;
        used.add(i);
      }),
    );
    const sum = paid.reduce((a, b) => a + b, 0);
    const save = p.price ? Math.max(0, sum - sets * p.price.amount) : Math.floor((sum * p.percent!) / 100);
    allocate(save, paid).forEach((v, i) => (perLine[i] = v));
  }
  return { perLine, used: [...used].sort((a, b) => a - b) };
}

function tierSave(p: Promotion, base: number): number {
  if (p.kind !== 'tiered') return 0;
  let save = 0;
  for (const t of p.tiers) if (base >= t.spend.amount && t.save.amount > save) save = t.save.amount;
  return save;
}

/** Checks lines and promotions; returns the candidates, the rejected and the problems. */
export function prepare(input: PriceCartInput) {
  const problems: string[] = [];
  const list = <T>(v: T[] | undefined, name: string): T[] => {
    if (Array.isArray(v)) return v;
    problems.push(`${name} is not an array; treated as empty`);
    return [];
  };
  const lines = list(input?.lines, 'lines');
  const promotions = list(input?.promotions, 'promotions');
  const context: PricingContext =
    typeof input?.context === 'object' && input.context !== null ? input.context : { now: NaN };
  const currency = context.currency ?? lines[0]?.price?.currency ?? context.shipping?.currency ?? 'USD';
  const valid: CartLine[] = [];
  lines.forEach((l, i) => {
    const bad =
      typeof l !== 'object' || l === null
        ? 'is not an object'
        : typeof l.variantId !== 'string' || typeof l.productId !== 'string'
          ? 'variantId and productId must be strings'
          : (l.category !== undefined && !Array.isArray(l.category)) ||
              (l.tags !== undefined && !Array.isArray(l.tags))
            ? 'category and tags must be arrays'
            : !int(l.quantity)
              ? `quantity ${l.quantity} is not a non-negative integer`
              : !int(l.price?.amount)
                ? `price ${l.price?.amount} is not a non-negative integer of minor units`
                : l.price.currency !== currency
                  ? `currency ${l.price.currency} is not the cart currency ${currency}`
                  : '';
    if (bad) problems.push(`lines[${i}] (${(l as CartLine | null)?.variantId}): ${bad}; line ignored`);
    else valid.push(l);
  });
  let shipping = context.shipping?.amount ?? 0;
  if (context.shipping && (!int(shipping) || context.shipping.currency !== currency)) {
    problems.push('context.shipping is not a valid amount in the cart currency; shipping ignored');
    shipping = 0;
  }
  const now = time(context.now);
  if (Number.isNaN(now)) problems.push(`context.now ${String(context.now)} is not a valid time`);
  const sub = valid.map((l) => l.price.amount * l.quantity);
  const codes = new Set(
    (Array.isArray(context.codes) ? context.codes : [])
      .filter((c) => typeof c === 'string')
      .map((c) => c.toLowerCase()),
  );
  const known = new Set<string>();
  const rejected: RejectedPromotion[] = [];
  const candidates: Candidate[] = [];
  const tiered: Candidate[] = [];
  for (const p of promotions) {
    // Promotions come from shop JSON: a malformed one is rejected, never thrown out of the engine.
    const n = rejected.length;
    try {
      if (p.code) known.add(p.code.toLowerCase());
      const reject = (reason: ReasonCode, x?: Money | string | number) =>
        rejected.push({ id: p.id, reason, message: message(reason, x) });
      const cls: PromotionClass =
        p.class ?? (p.kind in DEFAULT_CLASS ? DEFAULT_CLASS[p.kind as 'tiered'] : 'product');
      const monies: (Money | undefined)[] = [p.minSpend];
      if (p.kind === 'amount_off') monies.push(p.amount);
      if (p.kind === 'flash_sale' || p.kind === 'group_buy') monies.push(p.price);
      if (p.kind === 'tiered') for (const t of p.tiers) monies.push(t.spend, t.save);
      if (p.kind === 'bundle') monies.push(p.price);
      const pct = (n: unknown) => n === undefined || (int(n) && n >= 1 && n <= 100);
      const pos = (n: unknown) => int(n) && n >= 1;
      const okKind =
        p.kind === 'percent_off'
          ? int(p.percent) && p.percent <= 100
          : p.kind === 'tiered'
            ? cls !== 'shipping'
            : p.kind === 'free_shipping'
              ? cls === 'shipping'
              : p.kind === 'buy_x_get_y'
                ? cls === 'product' &&
                  pos(p.buy) &&
                  pos(p.get) &&
                  pct(p.percent) &&
                  pos(p.maxApplications ?? 1)
                : p.kind === 'bundle'
                  ? cls === 'product' &&
                    Array.isArray(p.items) &&
                    p.items.length > 0 &&
                    p.items.every((it) => typeof it?.productId === 'string' && pos(it.quantity ?? 1)) &&
                    (p.price === undefined) !== (p.percent === undefined) &&
                    pct(p.percent) &&
                    pos(p.maxApplications ?? 1)
                  : p.kind === 'amount_off' || cls === 'product';
      const e = p.eligibility ?? {};
      const s = time(p.startsAt);
      const end = time(p.endsAt);
      const elig: number[] = [];
      valid.forEach((l, i) => matches(e, l) && elig.push(i));
      const eligSub = elig.reduce((a, i) => a + sub[i]!, 0);
      const deal =
        okKind && (p.kind === 'buy_x_get_y' || p.kind === 'bundle') && elig.length
          ? unitDeals(p, valid, elig)
          : null;
      if (!okKind || monies.some((m) => m && !int(m.amount))) reject('invalid');
      else if (monies.some((m) => m && m.currency !== currency)) reject('currency_mismatch');
      else if (Number.isNaN(now) || (p.startsAt !== undefined && !(now >= s))) reject('not_started');
      else if (p.endsAt !== undefined && !(now < end)) reject('expired');
      else if (p.code && !codes.has(p.code.toLowerCase())) reject('code_missing');
      else if (p.usageLimit !== undefined && (context.usage?.[p.id] ?? 0) >= p.usageLimit)
        reject('usage_limit');
      else if (
        (e.newCustomersOnly && !context.newCustomer) ||
        (e.returningCustomersOnly && context.newCustomer !== false)
      )
        reject('not_eligible');
      else if (p.kind === 'group_buy' && (context.groupSize?.[p.id] ?? 0) < p.minGroupSize)
        reject('group_size', p.minGroupSize - (context.groupSize?.[p.id] ?? 0));
      else if (cls !== 'shipping' && elig.length === 0) reject('no_matching_items');
      else if (p.minSpend && eligSub < p.minSpend.amount)
        reject('min_spend', { amount: p.minSpend.amount - eligSub, currency });
      else if (deal && 'reason' in deal) reject(deal.reason, deal.more);
      else {
        const calc = (base: number): number =>
          Math.min(
            base,
            p.kind === 'percent_off'
              ? Math.floor((base * p.percent) / 100)
              : p.kind === 'amount_off'
                ? p.amount.amount
                : p.kind === 'tiered'
                  ? tierSave(p, base)
                  : base,
          );
        let perLine = sub.map(() => 0);
        let lines = elig;
        if (deal) ({ perLine, used: lines } = deal);
        else if (cls === 'product') {
          if (p.kind === 'flash_sale' || p.kind === 'group_buy') {
            const price = p.price.amount;
            for (const i of elig)
              perLine[i] = Math.max(0, valid[i]!.price.amount - price) * valid[i]!.quantity;
          } else {
            const shares = allocate(
              calc(eligSub),
              elig.map((i) => sub[i]!),
            );
            elig.forEach((i, k) => (perLine[i] = shares[k]!));
          }
        } else perLine = [];
        const value =
          cls === 'product' ? perLine.reduce((a, b) => a + b, 0) : calc(cls === 'order' ? eligSub : shipping);
        const c: Candidate = { p, cls, elig: lines, eligSub, perLine, value, calc };
        if (p.kind === 'tiered') tiered.push(c);
        if (value > 0) candidates.push(c);
        else if (p.kind === 'tiered' && p.tiers.length)
          reject('min_spend', {
            amount: Math.min(...p.tiers.map((t) => t.spend.amount)) - eligSub,
            currency,
          });
        else reject('no_matching_items');
      }
    } catch {
      rejected.length = n;
      const id = typeof p === 'object' && p !== null && typeof p.id === 'string' ? p.id : String(p);
      rejected.push({ id, reason: 'invalid', message: message('invalid') });
    }
  }
  for (const c of codes)
    if (!known.has(c)) rejected.push({ id: c, reason: 'unknown_code', message: message('unknown_code') });
  return { currency, valid, sub, shipping, candidates, rejected, tiered, problems };
}

/** Whether two candidates may be in one combination. */
export function combinable(a: Candidate, b: Candidate): boolean {
  return (
    !a.p.exclusive &&
    !b.p.exclusive &&
    !!a.p.combinesWith?.[b.cls] &&
    !!b.p.combinesWith?.[a.cls] &&
    // At most one product discount per line (Shopify: never more than one discount per item).
    !(a.cls === 'product' && b.cls === 'product' && a.elig.some((i) => b.elig.includes(i)))
  );
}

/** Saving of one combination (candidates assumed pairwise combinable). */
export function evaluate(set: Candidate[], subtotal: number, shipping: number, sub: number[]): number {
  let prod = 0;
  const net = sub.slice();
  for (const c of set)
    if (c.cls === 'product') {
      prod += c.value;
      for (const i of c.elig) net[i]! -= c.perLine[i]!;
    }
  let order = 0;
  let ship = 0;
  for (const c of set) {
    if (c.cls === 'order') order += c.calc(c.elig.reduce((a, i) => a + net[i]!, 0));
    if (c.cls === 'shipping') ship += c.value;
  }
  return prod + Math.min(order, subtotal - prod) + Math.min(ship, shipping);
}

const ids = (s: Candidate[]) =>
  s
    .map((c) => c.p.id)
    .sort()
    .join('\u0000');

/** True if combination `a` (saving `va`) beats `b`: more saving, then fewer promotions, then ids. */
export function better(va: number, a: Candidate[], vb: number, b: Candidate[]): boolean {
  return va !== vb ? va > vb : a.length !== b.length ? a.length < b.length : ids(a) < ids(b);
}

/**
 * Prices a cart: the exact best combination of the applicable promotions (branch and bound),
 * line and order discounts allocated exactly, every rejected promotion with a reason. Never throws
 * on bad input: bad lines are ignored and listed in `problems`.
 */
export function priceCart(input: PriceCartInput): PriceResult {
  const { currency, valid, sub, shipping, candidates, rejected, tiered, problems } = prepare(input);
  const money = (amount: number): Money => ({ amount, currency });
  const subtotal = sub.reduce((a, b) => a + b, 0);
  // Largest standalone saving first, so good combinations are found early and prune the rest.
  const cs = candidates.sort((a, b) => b.value - a.value || (a.p.id < b.p.id ? -1 : 1)).slice(0, 30);
  const n = cs.length;
  const compat = cs.map((a) => cs.reduce((m, b, j) => (a !== b && combinable(a, b) ? m | (1 << j) : m), 0));
  let best: Candidate[] = [];
  let bestVal = 0;
  let explored = 1;
  const dfs = (k: number, set: Candidate[], allowed: number, val: number) => {
    for (let i = k; i < n; i++) {
      if (!(allowed & (1 << i))) continue;
      const next = allowed & compat[i]!;
      let bound = val + cs[i]!.value;
      for (let j = i + 1; j < n; j++) if (next & (1 << j)) bound += cs[j]!.value;
      if (bound < bestVal || (bound === bestVal && set.length + 1 > best.length)) continue;
      explored++;
      const s2 = [...set, cs[i]!];
      const v2 = evaluate(s2, subtotal, shipping, sub);
      if (better(v2, s2, bestVal, best)) [best, bestVal] = [s2, v2];
      dfs(i + 1, s2, next, v2);
    }
  };
  dfs(0, [], 2 ** n - 1, 0);
  for (const c of candidates.slice(0, n))
    if (!best.includes(c)) {
      const clash = best.find((b) => !combinable(b, c));
      rejected.push(
        clash
          ? { id: c.p.id, reason: 'not_combinable', message: message('not_combinable', clash.p.title) }
          : { id: c.p.id, reason: 'not_best', message: message('not_best') },
      );
    }
  for (const c of candidates.slice(n))
    rejected.push({ id: c.p.id, reason: 'not_best', message: message('not_best') });

  // Exact allocation: product discounts per line, then order discounts in id order over their
  // lines by remaining net (largest remainder), capped so nothing goes below zero.
  const byId = best.slice().sort((a, b) => (a.p.id < b.p.id ? -1 : 1));
  const net = sub.slice();
  const amounts = new Map<Candidate, number>();
  for (const c of byId)
    if (c.cls === 'product') {
      amounts.set(c, c.value);
      for (const i of c.elig) net[i]! -= c.perLine[i]!;
    }
  const afterProd = net.slice();
  const bases = new Map(byId.map((c) => [c, c.elig.reduce((a, i) => a + net[i]!, 0)]));
  let shipLeft = shipping;
  for (const c of byId) {
    if (c.cls === 'shipping') {
      const a = Math.min(c.value, shipLeft);
      shipLeft -= a;
      amounts.set(c, a);
    }
    if (c.cls === 'order') {
      let a = Math.min(
        c.calc(bases.get(c)!),
        net.reduce((x, y) => x + y, 0),
      );
      amounts.set(c, a);
      const eligNet = c.elig.map((i) => net[i]!);
      const part = allocate(
        Math.min(
          a,
          eligNet.reduce((x, y) => x + y, 0),
        ),
        eligNet,
      );
      c.elig.forEach((i, k) => {
        net[i]! -= part[k]!;
        a -= part[k]!;
      });
      allocate(a, net.slice()).forEach((v, i) => (net[i]! -= v));
    }
  }
  const lineDisc = sub.map((s, i) => s - net[i]!);
  const discounts = lineDisc.reduce((a, b) => a + b, 0);
  const shipDisc = shipping - shipLeft;
  const saved = money(discounts + shipDisc);

  let nextTier: NextTier | null = null;
  for (const c of tiered) {
    if (c.p.kind !== 'tiered') continue;
    // Order tiers are measured after the chosen product discounts, like the order discount.
    const orderBase = c.cls === 'order' ? c.elig.reduce((a, i) => a + afterProd[i]!, 0) : c.eligSub;
    for (const t of c.p.tiers) {
      if (t.spend.amount <= orderBase) continue;
      const more = t.spend.amount - orderBase;
      if (
        !nextTier ||
        more < nextTier.spendMore.amount ||
        (more === nextTier.spendMore.amount && t.save.amount > nextTier.save.amount)
      )
        nextTier = {
          promotionId: c.p.id,
          spendMore: money(more),
          save: money(t.save.amount),
          message: message('next', money(more), money(t.save.amount)),
        };
    }
  }
  return {
    subtotal: money(subtotal),
    discounts: money(discounts),
    shippingDiscount: money(shipDisc),
    shipping: money(shipLeft),
    total: money(subtotal - discounts + shipLeft),
    lines: valid.map((l, i) => ({
      variantId: l.variantId,
      subtotal: money(sub[i]!),
      discount: money(lineDisc[i]!),
      total: money(net[i]!),
    })),
    applied: byId.map((c) => ({
      id: c.p.id,
      kind: c.p.kind,
      class: c.cls,
      amount: money(amounts.get(c)!),
      reason: message('applied', money(amounts.get(c)!)),
    })),
    rejected,
    nextTier,
    why: message('why', explored, saved),
    explored,
    problems,
  };
}
