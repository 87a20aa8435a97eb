import { formatNumber } from './format.js';
import type { Locale } from './locale.js';

/**
 * A message: plain text with `{name}` placeholders, or plural forms chosen by `Intl.PluralRules`
 * with the `count` value (`other` is required; `zero`/`one`/`two`/`few`/`many` where the language
 * has them).
 */
export type Message = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

/**
 * English strings: the reference catalog. Every key here must exist in every other catalog
 * (checked by `test/messages.test.ts`).
 */
const en = {
  'status.loading': 'Loading…',
  'status.empty': 'Nothing to show.',
  'status.error': 'Something went wrong. Please try again later.',
  'product.error': 'This product could not be loaded.',
  'price.label': 'Price',
  'price.was': 'Was',
  'price.now': 'Now',
  'price.unavailable': 'Price unavailable',
  'cart.add': 'Add to cart',
  'cart.adding': 'Adding…',
  'cart.added': 'Added to cart',
  'cart.addedCount': { one: '{count} item added to cart', other: '{count} items added to cart' },
  'cart.soldOut': 'Sold out',
  'cart.preorder': 'Pre-order',
  'cart.chooseVariant': 'Choose {options} first',
  'cart.addFailed': 'Could not add to cart. Please try again.',
  'cart.label': 'Cart',
  'cart.count': { zero: 'Cart, empty', one: 'Cart, {count} item', other: 'Cart, {count} items' },
  'lightbox.close': 'Close',
  'lightbox.previous': 'Previous',
  'lightbox.next': 'Next',
  'lightbox.counter': '{index} of {count}',
  'lightbox.image': 'Photo {index} of {count}',
  'lightbox.video': 'Video {index} of {count}',
  'lightbox.model': '3D model {index} of {count}',
  'lightbox.modelNote': 'Preview image of a 3D model',
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, Message>;

const zhCN: Catalog = {
  'status.loading': '加载中…',
  'status.empty': '暂无内容。',
  'status.error': '出错了，请稍后再试。',
  'product.error': '无法加载该商品。',
  'price.label': '价格',
  'price.was': '原价',
  'price.now': '现价',
  'price.unavailable': '价格暂不可用',
  'cart.add': '加入购物车',
  'cart.adding': '正在加入…',
  'cart.added': '已加入购物车',
  'cart.addedCount': { other: '已将 {count} 件商品加入购物车' },
  'cart.soldOut': '已售罄',
  'cart.preorder': '预订',
  'cart.chooseVariant': '请先选择{options}',
  'cart.addFailed': '加入购物车失败，请重试。',
  'cart.label': '购物车',
  'cart.count': { other: '购物车，{count} 件商品' },
  'lightbox.close': '关闭',
  'lightbox.previous': '上一项',
  'lightbox.next': '下一项',
  'lightbox.counter': '第 {index} 项，共 {count} 项',
  'lightbox.image': '第 {index} 张，共 {count} 张',
  'lightbox.video': '视频，第 {index} 项，共 {count} 项',
  'lightbox.model': '3D 模型，第 {index} 项，共 {count} 项',
  'lightbox.modelNote': '3D 模型的预览图',
};

/** The shipped catalogs, by locale. Read-only: use {@link setMessages} to override strings. */
export const catalogs: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };

const overrides: Record<Locale, Record<string, Message>> = { en: {}, 'zh-CN': {} };

/**
 * Overrides shipped strings for one locale, e.g. `setMessages('en', {'price.was': 'RRP'})`.
 * Keys of other packages' catalogs (`offers.claim`, …) are overridden the same way. Elements pick
 * the new strings up on their next render.
 */
export function setMessages(locale: Locale, messages: Partial<Catalog> | Record<string, Message>): void {
  Object.assign(overrides[locale], messages);
}

/**
 * A package's own catalog: returns a `msg`-like function over its keys, with the same plural rules,
 * placeholders and {@link setMessages} overrides as the core catalog. Keys are namespaced by
 * package (`offers.claim`) so overrides never collide.
 */
export function defineMessages<K extends string>(
  shipped: Readonly<Record<Locale, Readonly<Record<K, Message>>>>,
): (locale: Locale, key: K, values?: Record<string, string | number>) => string {
  return (locale, key, values = {}) => fill(locale, overrides[locale][key] ?? shipped[locale][key], values);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * The string for `key` in `locale`, with shop overrides applied, the plural form picked by
 * `values.count` and `{name}` placeholders filled (numbers formatted with `Intl.NumberFormat`).
 */
export function msg(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fill(locale, overrides[locale][key] ?? catalogs[locale][key], values);
}

function fill(locale: Locale, message: Message, values: Record<string, string | number>): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(values['count'] ?? 0);
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    // An explicit `zero` form wins for 0 even in languages whose plural rules have no zero category.
    const form = count === 0 && message.zero !== undefined ? 'zero' : rules.select(count);
    text = message[form] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}
