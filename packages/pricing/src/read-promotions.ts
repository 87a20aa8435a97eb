import type { Promotion } from './types.js';

const KINDS = new Set<string>([
  'percent_off',
  'amount_off',
  'tiered',
  'buy_x_get_y',
  'bundle',
  'flash_sale',
  'group_buy',
  'free_shipping',
]);

/**
 * Checks the outer shape of a promotions list: an array of objects, each with a string `id` and a
 * known `kind`. Entries that fail are dropped and named in `problems` (`[2].kind "bogo" is not a
 * promotion kind`); {@link priceCart} checks the rest of each promotion and explains what it
 * rejects. `value` is null when the input is not an array at all.
 */
export function readPromotions(input: unknown): { value: Promotion[] | null; problems: string[] } {
  if (!Array.isArray(input))
    return { value: null, problems: [`must be a JSON array of promotions, got ${typeName(input)}`] };
  const problems: string[] = [];
  const value: Promotion[] = [];
  input.forEach((p: unknown, i) => {
    const o = p as { id?: unknown; kind?: unknown } | null;
    if (typeof o !== 'object' || o === null) problems.push(`[${i}] is ${typeName(p)}, not an object`);
    else if (typeof o.id !== 'string' || !o.id) problems.push(`[${i}].id is missing`);
    else if (typeof o.kind !== 'string' || !KINDS.has(o.kind))
      problems.push(`[${i}].kind ${JSON.stringify(o.kind)} is not a promotion kind`);
    else value.push(o as Promotion);
  });
  return { value, problems };
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}
