import { defineMessages, type Message } from '@vitrine/core';

/**
 * Strings of `<vt-cart>`. Keys start with `cartView.` (core's `cart.*` keys belong to
 * `<vt-add-to-cart>` and `<vt-cart-count>`). A shop overrides any of them with
 * `setMessages('en', {'cartView.checkout': 'Continue to payment'})`. Why an offer does or does not
 * apply comes translated from `@vitrine/pricing`.
 */
const en = {
  'cartView.title': 'Your cart',
  'cartView.count': { one: '{count} item', other: '{count} items' },
  'cartView.close': 'Close cart',
  'cartView.lines': 'Items in your cart',
  'cartView.option': '{name}: {value}',
  'cartView.each': '{price} each',
  'cartView.quantity': 'Quantity of {title}',
  'cartView.decrease': 'Decrease quantity of {title}',
  'cartView.increase': 'Increase quantity of {title}',
  'cartView.lineTotal': 'Total for {title}',
  'cartView.lineSave': 'You save {amount}',
  'cartView.remove': 'Remove',
  'cartView.removeLabel': 'Remove {title} from cart',
  'cartView.soldOut': 'Sold out',
  'cartView.blocked': 'Remove sold-out items to check out.',
  'cartView.priceChanged': 'Price changed from {from} to {to}',
  'cartView.removed': 'Removed {title}.',
  'cartView.undo': 'Undo',
  'cartView.restored': 'Restored {title}. Total {total}',
  'cartView.updated': 'Quantity updated. Total {total}',
  'cartView.synced': 'Cart updated. Total {total}',
  'cartView.summary': 'Order summary',
  'cartView.subtotal': 'Subtotal',
  'cartView.off': '−{amount}',
  'cartView.shipping': 'Shipping (estimate)',
  'cartView.free': 'Free',
  'cartView.shippingLater': 'Calculated at checkout',
  'cartView.freeOver': 'Free shipping over {threshold}: add {more} more.',
  'cartView.total': 'Total',
  'cartView.note': 'Taxes included. You choose shipping at checkout.',
  'cartView.codeLabel': 'Coupon code',
  'cartView.apply': 'Apply',
  'cartView.codes': 'Codes entered',
  'cartView.removeCode': 'Remove code {code}',
  'cartView.codeEmpty': 'Enter a coupon code.',
  'cartView.codeHave': 'Code {code} is already in your cart.',
  'cartView.codeApplied': 'Code {code} applied: you save {amount}.',
  'cartView.codeAdded': 'Code {code} added. {reason}',
  'cartView.codeRemoved': 'Code {code} removed. Total {total}',
  'cartView.checkout': 'Check out',
  'cartView.empty': 'Your cart is empty.',
  'cartView.continue': 'Continue shopping',
  'cartView.failed': 'Your cart could not be updated. Please try again.',
  'cartView.error': 'Your cart could not be loaded.',
} as const satisfies Record<string, Message>;

export type CartMessageKey = keyof typeof en;

const zhCN: Record<CartMessageKey, Message> = {
  'cartView.title': '购物车',
  'cartView.count': { other: '{count} 件商品' },
  'cartView.close': '关闭购物车',
  'cartView.lines': '购物车中的商品',
  'cartView.option': '{name}：{value}',
  'cartView.each': '单价 {price}',
  'cartView.quantity': '{title}的数量',
  'cartView.decrease': '减少{title}的数量',
  'cartView.increase': '增加{title}的数量',
  'cartView.lineTotal': '{title}的金额',
  'cartView.lineSave': '已省 {amount}',
  'cartView.remove': '删除',
  'cartView.removeLabel': '从购物车删除{title}',
  'cartView.soldOut': '已售罄',
  'cartView.blocked': '请先删除已售罄的商品，再去结算。',
  'cartView.priceChanged': '价格已从 {from} 变为 {to}',
  'cartView.removed': '已删除{title}。',
  'cartView.undo': '撤销',
  'cartView.restored': '已恢复{title}。合计 {total}',
  'cartView.updated': '数量已更新。合计 {total}',
  'cartView.synced': '购物车已更新。合计 {total}',
  'cartView.summary': '订单摘要',
  'cartView.subtotal': '小计',
  'cartView.off': '−{amount}',
  'cartView.shipping': '运费（预估）',
  'cartView.free': '免运费',
  'cartView.shippingLater': '结算时计算',
  'cartView.freeOver': '满 {threshold} 包邮，还差 {more}。',
  'cartView.total': '合计',
  'cartView.note': '价格已含税，配送方式在结算时选择。',
  'cartView.codeLabel': '优惠码',
  'cartView.apply': '使用',
  'cartView.codes': '已输入的优惠码',
  'cartView.removeCode': '删除优惠码 {code}',
  'cartView.codeEmpty': '请输入优惠码。',
  'cartView.codeHave': '优惠码 {code} 已在购物车中。',
  'cartView.codeApplied': '优惠码 {code} 已使用，节省 {amount}。',
  'cartView.codeAdded': '已添加优惠码 {code}。{reason}',
  'cartView.codeRemoved': '已删除优惠码 {code}。合计 {total}',
  'cartView.checkout': '去结算',
  'cartView.empty': '购物车是空的。',
  'cartView.continue': '继续购物',
  'cartView.failed': '购物车更新失败，请重试。',
  'cartView.error': '购物车加载失败。',
};

/** The shipped catalogs, by locale (tests check that both have every key and placeholder). */
export const cartCatalogs = { en, 'zh-CN': zhCN } as const;

/** A `<vt-cart>` string in `locale`, with overrides, plural forms and placeholders applied. */
export const cartMsg = defineMessages<CartMessageKey>(cartCatalogs);
