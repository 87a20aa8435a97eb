import type { Localized, Money } from './types.js';

/** Reason codes of rejected promotions. */
export const REASON = {
  expired: ['This offer has ended.', '该优惠已结束。'],
  not_started: ['This offer has not started yet.', '该优惠尚未开始。'],
  min_spend: ['Spend {x} more to use this offer.', '再买{x}即可使用该优惠。'],
  not_eligible: ['You are not eligible for this offer.', '您不符合该优惠的条件。'],
  usage_limit: ['You have used this offer the maximum number of times.', '您已达到该优惠的使用次数上限。'],
  code_missing: ['Enter the code to use this offer.', '输入优惠码即可使用该优惠。'],
  unknown_code: ['This code is not valid.', '优惠码无效。'],
  group_size: ['The group needs {x} more members.', '还差{x}人成团。'],
  not_combinable: ['Cannot be combined with {x}.', '不能与{x}同时使用。'],
  not_best: ['A better combination of offers was applied.', '已为您应用更优惠的组合。'],
  currency_mismatch: ['This offer is in a different currency.', '该优惠的币种与购物车不同。'],
  buy_more: ['Add {x} more qualifying items to get this offer.', '再买{x}件符合条件的商品即可享受该优惠。'],
  bundle_incomplete: ['Add every item of the set to get this offer.', '凑齐套餐中的全部商品即可享受该优惠。'],
  no_matching_items: ['No items in your cart qualify for this offer.', '购物车中没有适用该优惠的商品。'],
  invalid: ['This offer is misconfigured.', '该优惠配置有误。'],
  applied: ['Saves {x}; part of the best combination.', '节省{x}，属于最优组合。'],
  next: ['Add {x} to save {y}.', '再买{x}可减{y}。'],
  why: ['Compared {x} combinations; the best saves {y}.', '比较了{x}种组合，最优组合节省{y}。'],
} as const;

/** Reason code of a rejected promotion. */
export type ReasonCode = Exclude<keyof typeof REASON, 'applied' | 'next' | 'why'>;

const cache = new Map<string, Intl.NumberFormat | null>();

/** Formats integer minor units with `Intl.NumberFormat`; never throws. */
export function formatMoney(m: Money, locale: string): string {
  const key = locale + m.currency;
  let f = cache.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    } catch {
      f = null;
    }
    cache.set(key, f);
  }
  return f
    ? f.format(m.amount / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2))
    : `${m.amount} ${m.currency}`;
}

type Arg = Money | string | number | Localized | undefined;
const fill = (a: Arg, loc: 'en' | 'zh-CN'): string =>
  a === undefined ? '' : typeof a === 'object' ? ('amount' in a ? formatMoney(a, loc) : a[loc]) : String(a);

/** A translated message for `code`, `{x}`/`{y}` filled in. */
export function message(code: keyof typeof REASON, x?: Arg, y?: Arg): Localized {
  const [en, zh] = REASON[code];
  const put = (s: string, loc: 'en' | 'zh-CN') => s.replace('{x}', fill(x, loc)).replace('{y}', fill(y, loc));
  return { en: put(en, 'en'), 'zh-CN': put(zh, 'zh-CN') };
}
