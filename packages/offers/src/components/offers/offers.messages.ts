import { defineMessages, type Message } from '@vitrine/core';

/**
 * Strings of `<vt-offers>`. A shop overrides any of them with
 * `setMessages('en', {'offers.save': 'Your savings: {amount}'})`. Reasons an offer does not apply
 * come translated from `@vitrine/pricing`.
 */
const en = {
  'offers.save': 'You save {amount}',
  'offers.noSave': 'No savings yet',
  'offers.off': '−{amount}',
  'offers.progress': 'Progress to the next spend tier',
  'offers.tierNext': 'Add {more} to save {save}',
  'offers.tierTop': 'Top tier reached: you save {save}',
  'offers.count': { one: '{count} offer', other: '{count} offers' },
  'offers.automatic': 'No code needed',
  'offers.applied': 'Applied, saves {amount}',
  'offers.atCheckout': 'Taken off shipping at checkout.',
  'offers.emptyCart': 'Add items to your cart to use this offer.',
  'offers.apply': 'Apply',
  'offers.remove': 'Remove',
  'offers.copy': 'Copy code',
  'offers.copied': 'Copied',
  'offers.copyFailed': 'Could not copy. The code is selected: copy it with Ctrl+C (⌘C).',
  'offers.codeLabel': 'Coupon code',
  'offers.codeEmpty': 'Enter a coupon code.',
  'offers.codeApplied': 'Code {code} applied.',
  'offers.codeAdded': 'Code {code} added. {reason}',
  'offers.codeHave': 'Code {code} is already in your cart.',
  'offers.failed': 'Your cart could not be updated. Please try again.',
  'offers.none': 'No offers right now.',
  'offers.error': 'Offers could not be loaded.',
} as const satisfies Record<string, Message>;

export type OffersMessageKey = keyof typeof en;

const zhCN: Record<OffersMessageKey, Message> = {
  'offers.save': '已省 {amount}',
  'offers.noSave': '暂未享受优惠',
  'offers.off': '−{amount}',
  'offers.progress': '满减进度',
  'offers.tierNext': '再买 {more} 可减 {save}',
  'offers.tierTop': '已达最高档，立减 {save}',
  'offers.count': { other: '{count} 个优惠' },
  'offers.automatic': '无需优惠码',
  'offers.applied': '已使用，节省 {amount}',
  'offers.atCheckout': '结算时减免运费。',
  'offers.emptyCart': '加购商品后即可使用该优惠。',
  'offers.apply': '使用',
  'offers.remove': '取消使用',
  'offers.copy': '复制优惠码',
  'offers.copied': '已复制',
  'offers.copyFailed': '复制失败，优惠码已选中，请按 Ctrl+C（⌘C）复制。',
  'offers.codeLabel': '优惠码',
  'offers.codeEmpty': '请输入优惠码。',
  'offers.codeApplied': '优惠码 {code} 已使用。',
  'offers.codeAdded': '已添加优惠码 {code}。{reason}',
  'offers.codeHave': '优惠码 {code} 已在购物车中。',
  'offers.failed': '购物车更新失败，请重试。',
  'offers.none': '暂无优惠。',
  'offers.error': '优惠信息加载失败。',
};

/** The shipped catalogs, by locale (tests check that both have every key and placeholder). */
export const offersCatalogs = { en, 'zh-CN': zhCN } as const;

/** A `<vt-offers>` string in `locale`, with overrides, plural forms and placeholders applied. */
export const offersMsg = defineMessages<OffersMessageKey>(offersCatalogs);
