import type { CartLine } from '../model/types.js';
import { moneyProblem, type Money } from '../money/format-money.js';

/** The most of one variant a cart holds; larger quantities are capped with a warning. */
export const MAX_QUANTITY = 999;

/** What `CartStore.add()` accepts: a cart line whose quantity defaults to 1. */
export type CartLineInput = Omit<CartLine, 'quantity'> & { quantity?: number };

/** A line's fields other than its quantity, as stored. */
export type CartLineData = Omit<CartLine, 'quantity'>;

/** Shows a bad argument in an error message: strings quoted, numbers as written, else its type. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * Checks a quantity argument of `method` and returns it, capped at {@link MAX_QUANTITY} with a
 * console warning.
 *
 * @throws TypeError when `value` is not a whole number; RangeError when it is below `min`.
 */
export function checkQuantity(value: unknown, method: string, argument: string, min: 0 | 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(
      `[vitrine] cart.${method}(): ${argument} must be a whole number from ${min} to ${MAX_QUANTITY}, got ${describe(value)}.`,
    );
  }
  if (value < min) {
    throw new RangeError(
      `[vitrine] cart.${method}(): ${argument} must be a whole number from ${min} to ${MAX_QUANTITY}, got ${value}.`,
    );
  }
  if (value > MAX_QUANTITY) {
    console.warn(
      `[vitrine] cart.${method}(): ${argument} ${value} is above the maximum of ${MAX_QUANTITY}; ${MAX_QUANTITY} is used instead.`,
    );
    return MAX_QUANTITY;
  }
  return value;
}

/** @throws TypeError naming `argument` unless `value` is a non-empty string. */
export function checkId(value: unknown, method: string, argument: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(
      `[vitrine] cart.${method}(): ${argument} must be a non-empty string, got ${describe(value)}.`,
    );
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a line passed to `method` and copies the fields a cart line has (and nothing else, so
 * the stored record never holds a value IndexedDB cannot clone).
 *
 * @throws TypeError naming the first field that is wrong, e.g. `line.price`.
 */
export function toLineData(value: unknown, method: string, name = 'line'): CartLineData {
  const fail = (field: string, expected: string, got: unknown): never => {
    throw new TypeError(
      `[vitrine] cart.${method}(): ${name}.${field} must be ${expected}, got ${describe(got)}.`,
    );
  };
  if (!isRecord(value)) {
    throw new TypeError(`[vitrine] cart.${method}(): ${name} must be an object, got ${describe(value)}.`);
  }
  const { variantId, productId, title, price, compareAt, sku, url, image, options, brand, category } = value;
  if (typeof variantId !== 'string' || variantId === '') fail('variantId', 'a non-empty string', variantId);
  if (typeof productId !== 'string' || productId === '') fail('productId', 'a non-empty string', productId);
  if (typeof title !== 'string') fail('title', 'a string', title);
  const line: CartLineData = {
    variantId: variantId as string,
    productId: productId as string,
    title: title as string,
    price: toMoney(price, 'price', method),
  };
  if (compareAt !== undefined) line.compareAt = toMoney(compareAt, 'compareAt', method);
  for (const [field, v] of [
    ['sku', sku],
    ['url', url],
    ['image', image],
    ['brand', brand],
  ] as const) {
    if (v === undefined) continue;
    if (typeof v !== 'string') fail(field, 'a string when given', v);
    line[field] = v as string;
  }
  if (options !== undefined) {
    if (!isRecord(options) || !Object.values(options).every((o) => typeof o === 'string')) {
      fail('options', 'an object of option name → value strings when given', options);
    }
    line.options = { ...(options as Record<string, string>) };
  }
  if (category !== undefined) {
    if (!Array.isArray(category) || !category.every((c) => typeof c === 'string')) {
      fail('category', 'an array of strings when given', category);
    }
    line.category = [...(category as string[])];
  }
  return line;
}

function toMoney(value: unknown, field: string, method: string): Money {
  if (!isRecord(value)) {
    throw new TypeError(
      `[vitrine] cart.${method}(): line.${field} must be an object { amount, currency }, got ${describe(value)}.`,
    );
  }
  const problem = moneyProblem(value as Partial<Money>);
  if (problem) throw new TypeError(`[vitrine] cart.${method}(): line.${field}: ${problem}.`);
  return { amount: value.amount as number, currency: value.currency as string };
}

/** Reads a line back from storage; `null` when it is not a usable line. Never throws or warns. */
export function readLine(value: unknown): CartLine | null {
  try {
    const data = toLineData(value, 'load');
    const quantity = isRecord(value) ? value.quantity : undefined;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) return null;
    return { ...data, quantity: Math.min(quantity, MAX_QUANTITY) };
  } catch {
    return null;
  }
}
