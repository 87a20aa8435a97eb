import { defineMessages } from '@vitrine/core';

/** Strings of `<vt-bundle>`; override any with `setMessages(locale, { 'bundle.add': … })`. */
export const t = defineMessages({
  en: {
    'bundle.heading': 'Frequently bought together',
    'bundle.thisItem': 'This item',
    'bundle.total': { one: 'Total for {count} item', other: 'Total for {count} items' },
    'bundle.was': 'Was',
    'bundle.save': 'You save {amount}',
    'bundle.hint': {
      one: 'Select all {count} item to save {amount}',
      other: 'Select all {count} items to save {amount}',
    },
    'bundle.add': { one: 'Add {count} item to cart', other: 'Add all {count} to cart' },
    'bundle.adding': 'Adding…',
    'bundle.added': { one: '{count} item added to cart', other: '{count} items added to cart' },
    'bundle.failed': 'Could not add to cart. Your selection is kept; please try again.',
    'bundle.none': 'Select at least one item.',
    'bundle.soldOut': 'Sold out',
    'bundle.error': 'These products could not be loaded.',
  },
  'zh-CN': {
    'bundle.heading': '经常一起购买',
    'bundle.thisItem': '本商品',
    'bundle.total': { other: '{count} 件商品合计' },
    'bundle.was': '原价',
    'bundle.save': '立省 {amount}',
    'bundle.hint': { other: '选齐 {count} 件商品可省 {amount}' },
    'bundle.add': { other: '将 {count} 件商品加入购物车' },
    'bundle.adding': '正在加入…',
    'bundle.added': { other: '已将 {count} 件商品加入购物车' },
    'bundle.failed': '加入购物车失败，已保留您的选择，请重试。',
    'bundle.none': '请至少选择一件商品。',
    'bundle.soldOut': '已售罄',
    'bundle.error': '无法加载这些商品。',
  },
});
