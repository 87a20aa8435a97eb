import { defineMessages, type Locale, type Message } from '@vitrine/core';

/**
 * Strings of `<vt-countdown>`. English is the reference: every key must exist in every locale.
 * Shops override any of them with `setMessages(locale, {'countdown.ended': …})`.
 */
const en = {
  'countdown.startsIn': 'Starts in',
  'countdown.endsIn': 'Ends in',
  'countdown.ended': 'Sale ended',
  'countdown.days': { one: '{count} d', other: '{count} d' },
  'countdown.hours': { one: '{count} hour', other: '{count} hours' },
  'countdown.minutes': { one: '{count} minute', other: '{count} minutes' },
  'countdown.announceStartsIn': 'The sale starts in {duration}.',
  'countdown.announceEndsIn': 'The sale ends in {duration}.',
  'countdown.announceStarted': 'The sale has started.',
  'countdown.announceEnded': 'The sale has ended.',
  'countdown.error': 'The sale countdown is unavailable.',
} as const satisfies Record<string, Message>;

/** A key of the countdown catalog. */
export type CountdownMessageKey = keyof typeof en;

const zhCN: Record<CountdownMessageKey, Message> = {
  'countdown.startsIn': '距开始',
  'countdown.endsIn': '距结束',
  'countdown.ended': '已结束',
  'countdown.days': { other: '{count}天' },
  'countdown.hours': { other: '{count}小时' },
  'countdown.minutes': { other: '{count}分钟' },
  'countdown.announceStartsIn': '距秒杀开始还有{duration}。',
  'countdown.announceEndsIn': '距秒杀结束还有{duration}。',
  'countdown.announceStarted': '秒杀已开始。',
  'countdown.announceEnded': '秒杀已结束。',
  'countdown.error': '限时秒杀倒计时暂不可用。',
};

/** The shipped catalogs of `<vt-countdown>`, by locale. */
export const countdownCatalogs: Readonly<Record<Locale, Readonly<Record<CountdownMessageKey, Message>>>> = {
  en,
  'zh-CN': zhCN,
};

/** A `<vt-countdown>` string in `locale`, with plural forms and `{name}` placeholders filled. */
export const countdownMsg = defineMessages<CountdownMessageKey>(countdownCatalogs);
