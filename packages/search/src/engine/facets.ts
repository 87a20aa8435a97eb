/**
 * Filters and disjunctive facet counts in one pass over the matches. Each product gets a bit
 * mask of the filters it fails; it counts toward every facet when the mask is empty and toward
 * exactly one facet when one bit is set — "each facet's counts apply every filter but its own".
 *
 * @module
 */

import type { FacetCount, SearchFacets, SearchFilters } from '../types.js';
import type { CatalogTable } from './catalog-table.js';

const CATEGORY = 1;
const BRAND = 2;
const PRICE = 4;
const AVAILABILITY = 8;
const FIRST_OPTION_BIT = 4;
/** Option names past this many filtered at once share the last bit (counts stay right for hits). */
const MAX_OPTION_BITS = 27;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Filters turned into flag arrays over the table's interned ids. */
export class CompiledFilters {
  readonly active: boolean;
  private readonly _category: Uint8Array | null = null;
  private readonly _brand: Uint8Array | null = null;
  private readonly _availability: Uint8Array | null = null;
  private readonly _min: number = -Infinity;
  private readonly _max: number = Infinity;
  private readonly _hasPrice: boolean = false;
  /** Option value id → the bit of its name when the value is accepted, else 0. */
  private readonly _optionBit: Int32Array | null = null;
  private readonly _optionMask: number = 0;
  /** Accepted option values by name, for the variant-level check. */
  readonly optionFilter: Map<string, Set<string>> = new Map();
  private readonly _nameBitOf = new Map<number, number>();

  constructor(
    private readonly _t: CatalogTable,
    filters: SearchFilters | undefined,
  ) {
    const f = filters && typeof filters === 'object' ? filters : {};
    const category = strings(f.category);
    if (category.length) {
      this._category = new Uint8Array(_t.categories.values.length);
      for (const path of category) {
        const id = _t.categories.get(path);
        if (id !== undefined) this._category[id] = 1;
      }
    }
    const brand = strings(f.brand);
    if (brand.length) {
      this._brand = new Uint8Array(_t.brands.values.length + 1);
      for (const b of brand) {
        const id = _t.brands.get(b);
        if (id !== undefined) this._brand[id] = 1;
      }
    }
    const availability = strings(f.availability);
    if (availability.length) {
      this._availability = new Uint8Array(_t.availabilities.values.length + 1);
      for (const a of availability) {
        const id = _t.availabilities.get(a);
        if (id !== undefined) this._availability[id] = 1;
      }
    }
    const price = f.price && typeof f.price === 'object' ? f.price : null;
    if (price) {
      if (typeof price.min === 'number' && Number.isFinite(price.min)) this._min = price.min;
      if (typeof price.max === 'number' && Number.isFinite(price.max)) this._max = price.max;
      this._hasPrice = this._min !== -Infinity || this._max !== Infinity;
    }
    const options = f.options && typeof f.options === 'object' ? f.options : {};
    let bitIndex = 0;
    for (const [name, rawValues] of Object.entries(options)) {
      const values = strings(rawValues);
      if (!values.length) continue;
      this.optionFilter.set(name, new Set(values));
      const bit = 1 << (FIRST_OPTION_BIT + Math.min(bitIndex++, MAX_OPTION_BITS));
      this._optionMask |= bit;
      this._optionBit ??= new Int32Array(_t.optionValues.values.length);
      for (const value of values) {
        const id = _t.optionValues.get(`${name}\u0000${value}`);
        if (id !== undefined) this._optionBit[id] = bit;
      }
    }
    this.active = !!(
      this._category ||
      this._brand ||
      this._availability ||
      this._hasPrice ||
      this._optionMask
    );
    bitIndex = 0;
    for (const name of this.optionFilter.keys()) {
      const nameId = _t.optionNames.get(name);
      const bit = 1 << (FIRST_OPTION_BIT + Math.min(bitIndex++, MAX_OPTION_BITS));
      if (nameId !== undefined) this._nameBitOf.set(nameId, bit);
    }
  }

  /** Bits of the filters product `i` fails (0: it passes them all). */
  fails(i: number): number {
    const t = this._t;
    let mask = 0;
    if (this._category) {
      let ok = false;
      for (let k = t.categoryStart[i]!, end = t.categoryStart[i + 1]!; k < end; k++) {
        if (this._category[t.categoryNodes[k]!]) {
          ok = true;
          break;
        }
      }
      if (!ok) mask |= CATEGORY;
    }
    if (this._brand) {
      const b = t.brandOf[i]!;
      if (b < 0 || !this._brand[b]) mask |= BRAND;
    }
    if (this._hasPrice) {
      const p = t.price[i]!;
      if (p < this._min || p > this._max) mask |= PRICE;
    }
    if (this._availability && !this._availability[t.availabilityOf[i]!]) mask |= AVAILABILITY;
    if (this._optionMask) {
      let hit = 0;
      const bits = this._optionBit!;
      for (let k = t.optionStart[i]!, end = t.optionStart[i + 1]!; k < end; k++)
        hit |= bits[t.optionIds[k]!]!;
      mask |= this._optionMask & ~hit;
    }
    return mask;
  }

  /** The facet bit of an option name when it is filtered, else 0. */
  optionNameBit(nameId: number): number {
    return this._nameBitOf.get(nameId) ?? 0;
  }
}

/** Single bit test: `mask` has exactly one bit set. */
const single = (mask: number): boolean => (mask & (mask - 1)) === 0;

function list(counts: Int32Array, label: (id: number) => string): FacetCount[] {
  const out: FacetCount[] = [];
  for (let id = 0; id < counts.length; id++)
    if (counts[id]! > 0) out.push({ value: label(id), count: counts[id]! });
  out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out;
}

/** Does one variant carry an accepted value for every filtered option name? */
function variantMatches(t: CatalogTable, i: number, wanted: Map<string, Set<string>>): boolean {
  const variants = t.products[i]!.variants;
  if (!Array.isArray(variants) || !variants.length) return true;
  return variants.some((v) => {
    for (const [name, values] of wanted) {
      const value = v?.options?.[name];
      // A variant silent about an option (product-level option) does not rule it out.
      if (value !== undefined && !values.has(value)) return false;
    }
    return true;
  });
}

/** Whether product `i` passes every filter (the hits; facets also count near misses). */
function passes(t: CatalogTable, i: number, filters: CompiledFilters): boolean {
  if (filters.fails(i) !== 0) return false;
  return filters.optionFilter.size <= 1 || variantMatches(t, i, filters.optionFilter);
}

/**
 * Writes the products of `docs[0..m)` passing every filter into `out`, in the order given, and
 * returns how many — the hits and `total`, without counting any facet.
 */
export function passingDocs(
  t: CatalogTable,
  docs: Int32Array,
  m: number,
  filters: CompiledFilters,
  out: Int32Array,
): number {
  let count = 0;
  for (let k = 0; k < m; k++) {
    const i = docs[k]!;
    if (passes(t, i, filters)) out[count++] = i;
  }
  return count;
}

/**
 * The first `k` products of `order` (every product, in a fixed order) passing the filters,
 * after skipping `skip` of them, and how many pass in all.
 */
export function firstPassing(
  t: CatalogTable,
  order: Int32Array,
  filters: CompiledFilters,
  skip: number,
  k: number,
): { page: number[]; total: number } {
  const page: number[] = [];
  if (!filters.active) {
    for (let j = skip; j < order.length && page.length < k; j++) page.push(order[j]!);
    return { page, total: order.length };
  }
  let total = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    if (!passes(t, i, filters)) continue;
    if (total >= skip && page.length < k) page.push(i);
    total++;
  }
  return { page, total };
}

/** Category and brand counts over `docs[0..m)`, no filters (what suggestions show). */
export function countCategoriesAndBrands(
  t: CatalogTable,
  docs: Int32Array,
  m: number,
): { category: FacetCount[]; brand: FacetCount[] } {
  const category = new Int32Array(t.categories.values.length);
  const brand = new Int32Array(t.brands.values.length);
  const { categoryStart, categoryNodes, brandOf } = t;
  for (let k = 0; k < m; k++) {
    const i = docs[k]!;
    for (let c = categoryStart[i]!, end = categoryStart[i + 1]!; c < end; c++) category[categoryNodes[c]!]!++;
    const b = brandOf[i]!;
    if (b >= 0) brand[b]!++;
  }
  return {
    category: list(category, (id) => t.categories.values[id]!),
    brand: list(brand, (id) => t.brands.values[id]!),
  };
}

/**
 * Counts the facets of the matches `docs[0..m)`: each facet applies every filter but its own.
 * The hits and `total` come from {@link passingDocs}; the engine counts facets only when a result's
 * `facets` is read.
 */
export function countFacets(
  t: CatalogTable,
  docs: Int32Array,
  m: number,
  filters: CompiledFilters,
): SearchFacets {
  const category = new Int32Array(t.categories.values.length);
  const brand = new Int32Array(t.brands.values.length);
  const availability = new Int32Array(t.availabilities.values.length);
  const options = new Int32Array(t.optionValues.values.length);
  const currencies = t.currencies.values.length;
  const priceCount = new Int32Array(currencies);
  const priceMin = new Float64Array(currencies).fill(Infinity);
  const priceMax = new Float64Array(currencies).fill(-Infinity);
  const { categoryStart, categoryNodes, optionStart, optionIds, optionNameOf, brandOf, availabilityOf } = t;

  for (let k = 0; k < m; k++) {
    const i = docs[k]!;
    const mask = filters.active ? filters.fails(i) : 0;
    if (mask !== 0 && !single(mask)) continue;
    if (mask === 0 || mask === CATEGORY) {
      for (let c = categoryStart[i]!, end = categoryStart[i + 1]!; c < end; c++)
        category[categoryNodes[c]!]!++;
    }
    if (mask === 0 || mask === BRAND) {
      const b = brandOf[i]!;
      if (b >= 0) brand[b]!++;
    }
    if (mask === 0 || mask === AVAILABILITY) availability[availabilityOf[i]!]!++;
    if (mask === 0 || mask === PRICE) {
      const c = t.currencyOf[i]!;
      const p = t.price[i]!;
      priceCount[c]!++;
      if (p < priceMin[c]!) priceMin[c] = p;
      if (p > priceMax[c]!) priceMax[c] = p;
    }
    if (mask === 0) {
      for (let o = optionStart[i]!, end = optionStart[i + 1]!; o < end; o++) options[optionIds[o]!]!++;
    } else if (mask >= 1 << FIRST_OPTION_BIT) {
      for (let o = optionStart[i]!, end = optionStart[i + 1]!; o < end; o++) {
        const v = optionIds[o]!;
        if (filters.optionNameBit(optionNameOf[v]!) === mask) options[v]!++;
      }
    }
  }

  let bestCurrency = -1;
  for (let c = 0; c < currencies; c++)
    if (priceCount[c]! > 0 && (bestCurrency < 0 || priceCount[c]! > priceCount[bestCurrency]!))
      bestCurrency = c;

  const optionFacets: Record<string, FacetCount[]> = {};
  const byName = new Map<number, FacetCount[]>();
  for (let v = 0; v < options.length; v++) {
    if (!options[v]) continue;
    const name = optionNameOf[v]!;
    let entries = byName.get(name);
    if (!entries) byName.set(name, (entries = []));
    entries.push({ value: t.optionValueText(v), count: options[v]! });
  }
  for (const [name, entries] of byName) {
    entries.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    optionFacets[t.optionNames.values[name]!] = entries;
  }

  return {
    category: list(category, (id) => t.categories.values[id]!),
    brand: list(brand, (id) => t.brands.values[id]!),
    availability: list(availability, (id) => t.availabilities.values[id]!),
    price:
      bestCurrency < 0
        ? null
        : {
            min: priceMin[bestCurrency]!,
            max: priceMax[bestCurrency]!,
            currency: t.currencies.values[bestCurrency]!,
          },
    options: optionFacets,
  };
}
