import { defineMessages, type Locale, type Message } from '@vitrine/core';

/**
 * Strings of `<vt-group-buy>`. English is the reference: every key must exist in every locale.
 * Shops override any of them with `setMessages(locale, {'groupBuy.start': …})`.
 */
const en = {
  'groupBuy.label': 'Group buy',
  'groupBuy.groupPrice': 'Group price',
  'groupBuy.regularPrice': 'Regular price',
  'groupBuy.save': 'Save {amount}',
  'groupBuy.size': { one: '{count}-person group', other: '{count}-person group' },
  'groupBuy.joined': { one: '{count} person has joined', other: '{count} people have joined' },
  'groupBuy.needed': { one: '{count} more person needed', other: '{count} more people needed' },
  'groupBuy.complete': 'The group is complete',
  'groupBuy.invite': {
    one: 'Start a group and invite {count} more person',
    other: 'Start a group and invite {count} more people',
  },
  'groupBuy.start': 'Start a group',
  'groupBuy.join': 'Join this group',
  'groupBuy.notStarted': 'This group buy has not started yet.',
  'groupBuy.ended': 'This group buy has ended.',
  'groupBuy.empty': 'There is no group buy for this product.',
  'groupBuy.error': 'The group buy is unavailable.',
} as const satisfies Record<string, Message>;

/** A key of the group buy catalog. */
export type GroupBuyMessageKey = keyof typeof en;

const zhCN: Record<GroupBuyMessageKey, Message> = {
  'groupBuy.label': '拼团',
  'groupBuy.groupPrice': '拼团价',
  'groupBuy.regularPrice': '原价',
  'groupBuy.save': '省{amount}',
  'groupBuy.size': { other: '{count}人团' },
  'groupBuy.joined': { other: '已有{count}人参团' },
  'groupBuy.needed': { other: '还差{count}人成团' },
  'groupBuy.complete': '已成团',
  'groupBuy.invite': { other: '开团后再邀请{count}人即可成团' },
  'groupBuy.start': '发起拼团',
  'groupBuy.join': '参与此团',
  'groupBuy.notStarted': '拼团尚未开始。',
  'groupBuy.ended': '拼团已结束。',
  'groupBuy.empty': '该商品暂无拼团活动。',
  'groupBuy.error': '拼团活动暂不可用。',
};

/** The shipped catalogs of `<vt-group-buy>`, by locale. */
export const groupBuyCatalogs: Readonly<Record<Locale, Readonly<Record<GroupBuyMessageKey, Message>>>> = {
  en,
  'zh-CN': zhCN,
};

/** A `<vt-group-buy>` string in `locale`, with plural forms and `{name}` placeholders filled. */
export const groupBuyMsg = defineMessages<GroupBuyMessageKey>(groupBuyCatalogs);
