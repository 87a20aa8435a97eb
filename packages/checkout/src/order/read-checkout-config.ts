import { readPromotions } from '@vitrine/pricing';
import type { CheckoutConfig, DeliveryOption } from './order-types.js';

const COUNTRY = /^[A-Z]{2}$/;
const money = (m: unknown): boolean => {
  const o = m as { amount?: unknown; currency?: unknown } | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    Number.isSafeInteger(o.amount) &&
    (o.amount as number) >= 0 &&
    typeof o.currency === 'string' &&
    /^[A-Z]{3}$/.test(o.currency)
  );
};

function deliveryProblem(d: unknown): string {
  const o = d as Partial<DeliveryOption> | null;
  if (typeof o !== 'object' || o === null) return 'is not an object';
  if (typeof o.id !== 'string' || !o.id) return '.id is missing';
  if (typeof o.title !== 'string' && (typeof o.title !== 'object' || o.title === null))
    return '.title is missing';
  if (!money(o.price)) return '.price must be {amount: integer minor units ≥ 0, currency: "USD"}';
  if (o.freeOver !== undefined && !money(o.freeOver)) return '.freeOver must be money like .price';
  if (
    o.countries !== undefined &&
    (!Array.isArray(o.countries) || !o.countries.every((c) => COUNTRY.test(c)))
  )
    return '.countries must be ISO 3166-1 alpha-2 codes such as "US"';
  if (
    o.days !== undefined &&
    (!Array.isArray(o.days) || o.days.length !== 2 || !o.days.every((n) => Number.isInteger(n) && n >= 0))
  )
    return '.days must be [min, max] whole days';
  return '';
}

/**
 * Checks a {@link CheckoutConfig}: `countries` (at least one ISO code), `delivery` (each option
 * with id, title and price) and `promotions` (outer shape; the engine checks the rest). Bad
 * delivery options and promotions are dropped and named in `problems`; `value` is null when the
 * config cannot be used at all (not an object, no country, no delivery option left).
 */
export function readCheckoutConfig(input: unknown): { value: CheckoutConfig | null; problems: string[] } {
  const o = input as Partial<Record<keyof CheckoutConfig, unknown>> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    return { value: null, problems: ['must be a JSON object {countries, delivery, promotions}'] };
  const problems: string[] = [];
  if (
    !Array.isArray(o.countries) ||
    o.countries.length === 0 ||
    !o.countries.every((c) => COUNTRY.test(c as string))
  )
    return {
      value: null,
      problems: ['countries must be a non-empty array of ISO 3166-1 alpha-2 codes such as ["US", "CN"]'],
    };
  if (!Array.isArray(o.delivery))
    return { value: null, problems: ['delivery must be an array of delivery options'] };
  const delivery = o.delivery.filter((d, i) => {
    const problem = deliveryProblem(d);
    if (problem) problems.push(`delivery[${i}]${problem.startsWith('.') ? '' : ' '}${problem}`);
    return !problem;
  }) as DeliveryOption[];
  if (delivery.length === 0) return { value: null, problems: [...problems, 'delivery has no usable option'] };
  const promos = readPromotions(o.promotions ?? []);
  if (!promos.value) problems.push(`promotions ${promos.problems[0]}`);
  else problems.push(...promos.problems.map((p) => `promotions${p}`));
  return {
    value: { countries: o.countries as string[], delivery, promotions: promos.value ?? [] },
    problems,
  };
}
