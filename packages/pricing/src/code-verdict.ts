import { REASON, type ReasonCode } from './messages.js';
import type { Localized, Money, PriceResult, Promotion } from './types.js';

/** What entering a coupon code does to a cart, from {@link codeVerdict}. */
export type CodeVerdict =
  /** The code's promotion applies now and saves `amount`. */
  | { kind: 'applied'; promotionId: string; amount: Money }
  /** The code is real but does not apply yet; a change of the cart can make it apply (keep it). */
  | { kind: 'later'; promotionId: string; reason: ReasonCode; message: Localized }
  /** The code cannot apply to this cart whatever it holds (unknown, ended, not for this shopper…). */
  | { kind: 'refused'; promotionId?: string; reason: ReasonCode; message: Localized };

/** Rejections a change of the cart can lift. */
const LATER = new Set<string>([
  'min_spend',
  'buy_more',
  'bundle_incomplete',
  'no_matching_items',
  'not_best',
  'not_combinable',
]);

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Reads what a typed coupon code does, from the cart priced **with** the code added (the caller
 * prices it its own way: with or without shipping). Codes compare trimmed and case-insensitively,
 * like the cart store. The messages are the engine's own, in both locales.
 */
export function codeVerdict(code: string, promotions: Promotion[], priced: PriceResult): CodeVerdict {
  const typed = code.trim();
  const p = promotions.find((x) => typeof x.code === 'string' && same(x.code.trim(), typed));
  const unknown = (): CodeVerdict => ({
    kind: 'refused',
    reason: 'unknown_code',
    message: priced.rejected.find((r) => r.reason === 'unknown_code' && same(r.id, typed))?.message ?? {
      en: REASON.unknown_code[0],
      'zh-CN': REASON.unknown_code[1],
    },
  });
  if (!p) return unknown();
  const applied = priced.applied.find((a) => a.id === p.id);
  if (applied) return { kind: 'applied', promotionId: p.id, amount: applied.amount };
  const why = priced.rejected.find((r) => r.id === p.id);
  if (!why) return unknown();
  const reason = why.reason as ReasonCode;
  return { kind: LATER.has(reason) ? 'later' : 'refused', promotionId: p.id, reason, message: why.message };
}
