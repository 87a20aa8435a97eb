import type { Money } from '@vitrine/pricing';
import type { ShopLocale } from '../src/catalog-types.js';

/**
 * Every shopper-facing text of the shop's order endpoints, both languages side by side so that a
 * missing translation is a type error. `{name}` placeholders are filled by {@link orderMessage}.
 */
const MESSAGES = {
  badJson: {
    en: 'The order could not be read. Reload the page and try again.',
    'zh-CN': '无法读取订单，请刷新页面后重试。',
  },
  badShape: {
    en: 'The order is incomplete ({detail}). Reload the page and try again.',
    'zh-CN': '订单信息不完整（{detail}），请刷新页面后重试。',
  },
  keyMismatch: {
    en: 'The Idempotency-Key header must be the idempotencyKey of the order.',
    'zh-CN': 'Idempotency-Key 请求头必须与订单的 idempotencyKey 相同。',
  },
  notJson: {
    en: 'Send the order as application/json.',
    'zh-CN': '请以 application/json 格式发送订单。',
  },
  tooLarge: {
    en: 'The request is too large.',
    'zh-CN': '请求内容过大。',
  },
  invalid: {
    en: 'Some details need your attention. Check the highlighted fields.',
    'zh-CN': '部分信息有误，请检查标出的内容。',
  },
  currency: {
    en: 'This shop charges in {currency}. Reload the page to see its prices.',
    'zh-CN': '本店以{currency}结算，请刷新页面查看价格。',
  },
  linesEmpty: { en: 'Your cart is empty.', 'zh-CN': '购物车是空的。' },
  tooManyLines: {
    en: 'An order can have at most {max} different items.',
    'zh-CN': '每个订单最多包含{max}种商品。',
  },
  lineUnknown: {
    en: 'This item is no longer sold. Remove it from your cart.',
    'zh-CN': '该商品已下架，请从购物车中移除。',
  },
  lineQuantity: { en: 'Choose a quantity from 1 to 99.', 'zh-CN': '请选择1到99之间的数量。' },
  unavailable: {
    en: 'Sold out: {titles}. Remove it from your cart to place the order.',
    'zh-CN': '已售罄：{titles}。请从购物车中移除后再下单。',
  },
  country: {
    en: "We don't deliver to this country or region.",
    'zh-CN': '暂不支持配送到该国家/地区。',
  },
  mobileMissing: { en: 'Enter a mobile number', 'zh-CN': '请输入手机号码' },
  delivery: {
    en: 'Choose a delivery option available for this address.',
    'zh-CN': '请选择该地址可用的配送方式。',
  },
  paymentToken: {
    en: 'The payment could not be started. Choose a way to pay again.',
    'zh-CN': '无法发起支付，请重新选择支付方式。',
  },
  totalChanged: {
    en: 'The total changed to {total}: prices or offers changed. Review your order and place it again.',
    'zh-CN': '订单金额已变为{total}：商品价格或优惠有变动。请确认订单后重新提交。',
  },
  declined: {
    en: 'Your card was declined. Nothing was charged. Try another card or another way to pay.',
    'zh-CN': '您的银行卡被拒绝，未产生任何扣款。请换一张卡或其他支付方式。',
  },
  conflict: {
    en: 'This order was already placed with other details. Reload the page to start a new order.',
    'zh-CN': '该订单已使用其他信息提交。请刷新页面后重新下单。',
  },
  orderNotFound: { en: 'There is no order with this number.', 'zh-CN': '找不到该订单号。' },
  cartNotFound: {
    en: 'This saved cart does not exist or has expired.',
    'zh-CN': '该购物车不存在或已过期。',
  },
  noConsent: {
    en: 'Tick "Remind me" to receive a reminder about your cart.',
    'zh-CN': '请勾选“提醒我”以接收购物车提醒。',
  },
  noContact: {
    en: 'Enter a valid email or mobile number for the reminder.',
    'zh-CN': '请输入有效的电子邮箱或手机号码以接收提醒。',
  },
  badCart: {
    en: 'The cart could not be saved: it is empty or not from this shop.',
    'zh-CN': '无法保存购物车：购物车为空或不属于本店。',
  },
} as const satisfies Record<string, Readonly<Record<ShopLocale, string>>>;

export type OrderMessageKey = keyof typeof MESSAGES;

/** The text of `key` in `locale`, `{name}` placeholders replaced from `vars`. */
export function orderMessage(
  key: OrderMessageKey,
  locale: ShopLocale,
  vars?: Record<string, string>,
): string {
  const text: string = MESSAGES[key][locale];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole) : text;
}

/** "$12.34" / "¥23.00": money for a message. */
export function formatAmount(money: Money, locale: ShopLocale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  return format.format(money.amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
