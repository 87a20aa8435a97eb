import type { CartLine, Result } from './types.js';
import { checkMoney } from './validate-money.js';
import { checkCompareAt } from './validate-product.js';
import {
  LIMITS,
  Problems,
  assign,
  at,
  describe,
  guard,
  isRecord,
  optionalStringMap,
  optionalStrings,
  optionalText,
  optionalUrl,
  readId,
  requiredText,
} from './validate-shared.js';

/** Does the work of {@link validateCartLine} with paths under `path`. */
export function checkCartLine(input: unknown, path: string, problems: Problems): CartLine | null {
  if (!isRecord(input)) {
    problems.add(path, `must be a cart line object, got ${describe(input)}`);
    return null;
  }
  const variantId = readId(input.variantId, at(path, 'variantId'), problems);
  const productId = readId(input.productId, at(path, 'productId'), problems);
  const quantity = input.quantity;
  const quantityOk = typeof quantity === 'number' && Number.isSafeInteger(quantity) && quantity >= 1;
  if (!quantityOk) {
    problems.add(at(path, 'quantity'), `must be a whole number of at least 1, got ${describe(quantity)}`);
  }
  const title = requiredText(input.title, at(path, 'title'), problems, LIMITS.title);
  const price = checkMoney(input.price, at(path, 'price'), problems, { nonNegative: true });
  const compareAt = checkCompareAt(input.compareAt, price, at(path, 'compareAt'), problems);
  const sku = optionalText(input.sku, at(path, 'sku'), problems);
  const url = optionalUrl(input.url, at(path, 'url'), problems);
  const image = optionalUrl(input.image, at(path, 'image'), problems, true);
  const options = optionalStringMap(input.options, at(path, 'options'), problems);
  const brand = optionalText(input.brand, at(path, 'brand'), problems);
  const category = optionalStrings(input.category, at(path, 'category'), problems);

  if (variantId === null || productId === null || !quantityOk || title === null || price === null)
    return null;
  const line: CartLine = { variantId, productId, quantity: quantity as number, title, price };
  assign(line, 'compareAt', compareAt);
  assign(line, 'sku', sku);
  assign(line, 'url', url);
  assign(line, 'image', image);
  assign(line, 'options', options);
  assign(line, 'brand', brand);
  assign(line, 'category', category);
  return line;
}

/**
 * Validates a {@link CartLine}: ids, a whole quantity ≥ 1, a title and a non-negative unit price.
 * `value` is null when any of those is unusable. Never throws.
 */
export function validateCartLine(input: unknown): Result<CartLine> {
  return guard(() => {
    const problems = new Problems();
    const value = checkCartLine(input, '', problems);
    return { value, problems: problems.list };
  });
}
