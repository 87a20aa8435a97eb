import type { Locale } from './locale.js';

/**
 * English strings: the reference catalog. Every key here must exist in every other catalog
 * (checked by `test/messages.test.ts`).
 */
const en = {
  'price.label': 'Price',
  'price.was': 'Was',
  'price.now': 'Now',
  'price.unavailable': 'Price unavailable',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

const zhCN: Catalog = {
  'price.label': '价格',
  'price.was': '原价',
  'price.now': '现价',
  'price.unavailable': '价格暂不可用',
};

/** The shipped catalogs, by locale. Read-only: use {@link setMessages} to override strings. */
export const catalogs: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };

const overrides: Record<Locale, Partial<Catalog>> = { en: {}, 'zh-CN': {} };

/**
 * Overrides shipped strings for one locale, e.g. `setMessages('en', {'price.was': 'RRP'})`.
 * Elements pick the new strings up on their next render.
 */
export function setMessages(locale: Locale, messages: Partial<Catalog>): void {
  Object.assign(overrides[locale], messages);
}

/** The string for `key` in `locale`, with shop overrides applied. */
export function msg(locale: Locale, key: MessageKey): string {
  return overrides[locale][key] ?? catalogs[locale][key];
}
