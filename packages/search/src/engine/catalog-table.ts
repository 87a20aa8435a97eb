/**
 * What filters, facets and sorts read, as typed arrays indexed by the product's position:
 * counting facets over 100,000 matches must not walk 100,000 objects.
 *
 * @module
 */

import type { Product } from '@vitrine/core';
import { CATEGORY_SEPARATOR } from '../types.js';

/** Interns strings to dense ids. */
class Interner {
  readonly values: string[] = [];
  private readonly _ids = new Map<string, number>();
  id(value: string): number {
    let id = this._ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this._ids.set(value, id);
    }
    return id;
  }
  get(value: string): number | undefined {
    return this._ids.get(value);
  }
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Default popularity: rating average × log of the rating count (a well-rated, much-rated product first). */
export function defaultPopularity(product: Product): number {
  const r = product.rating;
  if (!r || !Number.isFinite(r.average) || !Number.isFinite(r.count)) return 0;
  return Math.max(0, r.average) * Math.log1p(Math.max(0, r.count));
}

export class CatalogTable {
  readonly n: number;
  readonly ids = new Map<string, number>();
  readonly brands = new Interner();
  readonly availabilities = new Interner();
  readonly currencies = new Interner();
  readonly categories = new Interner();
  readonly optionNames = new Interner();
  /** Option values are interned as `name\u0000value`. */
  readonly optionValues = new Interner();
  /** Option value id → option name id. */
  optionNameOf: Int32Array = new Int32Array(0);

  readonly brandOf: Int32Array;
  readonly availabilityOf: Int32Array;
  readonly currencyOf: Int32Array;
  readonly price: Float64Array;
  readonly rating: Float64Array;
  readonly ratingCount: Float64Array;
  /** Epoch ms of the release date, NaN when missing. */
  readonly released: Float64Array;
  readonly popularity: Float64Array;
  /** Category path nodes of each product: `categoryNodes[categoryStart[i] .. categoryStart[i+1])`. */
  readonly categoryStart: Int32Array;
  readonly categoryNodes: Int32Array;
  readonly optionStart: Int32Array;
  readonly optionIds: Int32Array;

  constructor(
    readonly products: readonly Product[],
    popularity?: Record<string, number>,
  ) {
    const n = products.length;
    this.n = n;
    this.brandOf = new Int32Array(n);
    this.availabilityOf = new Int32Array(n);
    this.currencyOf = new Int32Array(n);
    this.price = new Float64Array(n);
    this.rating = new Float64Array(n);
    this.ratingCount = new Float64Array(n);
    this.released = new Float64Array(n);
    this.popularity = new Float64Array(n);
    this.categoryStart = new Int32Array(n + 1);
    this.optionStart = new Int32Array(n + 1);
    const categoryNodes: number[] = [];
    const optionIds: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = products[i]!;
      this.ids.set(p.id, i);
      const brand = str(p.brand).trim();
      this.brandOf[i] = brand ? this.brands.id(brand) : -1;
      this.availabilityOf[i] = this.availabilities.id(str(p.availability) || 'in_stock');
      const amount = p.price?.amount;
      this.price[i] = typeof amount === 'number' && Number.isFinite(amount) ? amount : 0;
      this.currencyOf[i] = this.currencies.id(str(p.price?.currency));
      this.rating[i] = Number.isFinite(p.rating?.average) ? p.rating!.average : 0;
      this.ratingCount[i] = Number.isFinite(p.rating?.count) ? p.rating!.count : 0;
      const released = p.releaseDate ? Date.parse(p.releaseDate) : NaN;
      this.released[i] = released;
      const given = popularity?.[p.id];
      this.popularity[i] = typeof given === 'number' && Number.isFinite(given) ? given : defaultPopularity(p);

      this.categoryStart[i] = categoryNodes.length;
      const path = (Array.isArray(p.category) ? p.category : []).map(str).filter(Boolean);
      for (let level = 1; level <= path.length; level++) {
        categoryNodes.push(this.categories.id(path.slice(0, level).join(CATEGORY_SEPARATOR)));
      }

      this.optionStart[i] = optionIds.length;
      const values = new Set<string>();
      for (const option of Array.isArray(p.options) ? p.options : []) {
        for (const value of Array.isArray(option?.values) ? option.values : []) {
          if (str(option.name) && str(value)) values.add(`${option.name}\u0000${value}`);
        }
      }
      for (const variant of Array.isArray(p.variants) ? p.variants : []) {
        for (const [name, value] of Object.entries(variant?.options ?? {})) {
          if (name && str(value)) values.add(`${name}\u0000${value}`);
        }
      }
      for (const key of values) optionIds.push(this.optionValues.id(key));
    }
    this.categoryStart[n] = categoryNodes.length;
    this.optionStart[n] = optionIds.length;
    this.categoryNodes = Int32Array.from(categoryNodes);
    this.optionIds = Int32Array.from(optionIds);
    this.optionNameOf = Int32Array.from(this.optionValues.values, (key) =>
      this.optionNames.id(key.slice(0, key.indexOf('\u0000'))),
    );
  }

  /** The value part of an interned option value. */
  optionValueText(id: number): string {
    const key = this.optionValues.values[id]!;
    return key.slice(key.indexOf('\u0000') + 1);
  }
}
