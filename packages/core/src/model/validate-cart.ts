import type { Cart, CartLine, Result } from './types.js';
import { checkCartLine } from './validate-cart-line.js';
import {
  LIMITS,
  Problems,
  at,
  describe,
  guard,
  isCurrency,
  isRecord,
  optionalArray,
  requiredText,
} from './validate-shared.js';

/** Does the work of {@link validateCart}. */
export function checkCart(input: unknown, problems: Problems): Cart | null {
  if (!isRecord(input)) {
    problems.add('', `must be a cart object, got ${describe(input)}`);
    return null;
  }
  const checked: { line: CartLine; index: number }[] = [];
  optionalArray(input.lines, 'lines', problems).forEach((raw, i) => {
    const line = checkCartLine(raw, at('lines', i), problems);
    if (line) checked.push({ line, index: i });
  });
  if (input.lines === undefined) problems.add('lines', 'is required; used an empty list');

  let currency: string | null = null;
  if (isCurrency(input.currency)) currency = input.currency;
  else {
    const fallback = checked[0]?.line.price.currency;
    problems.add(
      'currency',
      `must be a three-letter uppercase ISO 4217 code such as "USD" or "CNY", got ${describe(input.currency)}` +
        (fallback ? `; used "${fallback}" from the first line` : ''),
    );
    currency = fallback ?? null;
  }

  const lines: CartLine[] = [];
  const seen = new Map<string, { line: CartLine; index: number }>();
  for (const { line, index } of checked) {
    const path = at('lines', index);
    if (line.price.currency !== currency) {
      problems.add(
        at(at(path, 'price'), 'currency'),
        `must be "${currency ?? '?'}" like the cart, got ${describe(line.price.currency)}`,
      );
      continue;
    }
    const first = seen.get(line.variantId);
    if (first) {
      // Lines are keyed by variant, so a duplicate is the same thing added twice.
      problems.add(
        at(path, 'variantId'),
        `"${line.variantId}" is already in lines[${first.index}]; the quantities were added together`,
      );
      first.line.quantity += line.quantity;
      continue;
    }
    seen.set(line.variantId, { line, index });
    lines.push(line);
  }

  const codes: string[] = [];
  optionalArray(input.codes, 'codes', problems).forEach((raw, i) => {
    const code = requiredText(raw, at('codes', i), problems, LIMITS.code);
    if (code === null) return;
    if (codes.includes(code)) problems.add(at('codes', i), `"${code}" is already entered`);
    else codes.push(code);
  });

  let updatedAt = 0;
  if (typeof input.updatedAt === 'number' && Number.isFinite(input.updatedAt) && input.updatedAt >= 0) {
    updatedAt = input.updatedAt;
  } else {
    problems.add(
      'updatedAt',
      `must be milliseconds since the epoch (Date.now()), got ${describe(input.updatedAt)}; used 0`,
    );
  }

  if (currency === null) return null;
  return { currency, lines, codes, updatedAt };
}

/**
 * Validates a {@link Cart}: an ISO 4217 currency that every line uses (other lines are dropped),
 * valid lines (see `validateCartLine`) with unique variant ids (duplicates are merged), entered
 * codes and `updatedAt`. `value` is null only when no currency can be found. Never throws.
 */
export function validateCart(input: unknown): Result<Cart> {
  return guard(() => {
    const problems = new Problems();
    const value = checkCart(input, problems);
    return { value, problems: problems.list };
  });
}
