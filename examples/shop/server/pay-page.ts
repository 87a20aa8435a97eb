import type { ShopLocale } from '../src/catalog-types.js';
import { formatAmount } from './order-messages.js';
import type { StoredOrder } from './order-store.js';

/** The redirect payment methods the demo simulates, by `redirect:<id>` token. */
export const REDIRECT_METHODS = {
  alipay: { en: 'Alipay', 'zh-CN': '支付宝' },
  wechat: { en: 'WeChat Pay', 'zh-CN': '微信支付' },
  paypal: { en: 'PayPal', 'zh-CN': 'PayPal' },
} as const;

const T = {
  en: {
    title: 'Simulated payment – Vitrine demo shop',
    heading: 'Simulated {method} payment',
    notice:
      "This page belongs to the Vitrine demo shop and stands in for {method}'s payment page. It is a simulation: no real payment takes place and nothing is charged.",
    order: 'Order',
    amount: 'Amount',
    pay: 'Pay {total} (simulated)',
    paid: 'This order is already paid.',
    see: 'See the order',
    back: 'Back to the shop',
  },
  'zh-CN': {
    title: '模拟支付 – Vitrine 演示商店',
    heading: '模拟{method}支付',
    notice:
      '本页面属于 Vitrine 演示商店，用于模拟{method}的支付页面。这只是模拟：不会进行真实支付，也不会产生任何扣款。',
    order: '订单号',
    amount: '金额',
    pay: '支付 {total}（模拟）',
    paid: '该订单已支付。',
    see: '查看订单',
    back: '返回商店',
  },
} as const satisfies Record<ShopLocale, Record<string, string>>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The demo's stand-in for a provider's payment page (Alipay, WeChat Pay, PayPal): self-contained
 * HTML in the order's language, no script (the shop's CSP allows none inline) and no external
 * resource, saying plainly that nothing is charged. Its form POSTs the order number to
 * `/pay/simulated`, which marks the order paid.
 */
export function simulatedPayPage(order: StoredOrder): string {
  const locale = order.body.locale;
  const t = T[locale];
  const known = REDIRECT_METHODS[order.body.payment.method as keyof typeof REDIRECT_METHODS];
  const method = known ? known[locale] : order.body.payment.method;
  const total = formatAmount(order.body.price.total, locale);
  const fill = (text: string) => escape(text.replace('{method}', method).replace('{total}', total));
  const checkout = `/checkout.html?order=${encodeURIComponent(order.id)}`;
  const action =
    order.status === 'paid'
      ? `<p>${fill(t.paid)}</p><p><a href="${escape(checkout)}">${fill(t.see)}</a></p>`
      : `<form method="post" action="/pay/simulated">
<input type="hidden" name="order" value="${escape(order.id)}">
<button type="submit">${fill(t.pay)}</button>
</form>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${fill(t.title)}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
.notice { border: 2px dashed #b45309; background: #fffbeb; padding: 0.75rem 1rem; border-radius: 0.5rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
button { font: inherit; padding: 0.75rem 1.5rem; border: 0; border-radius: 0.5rem; background: #1d4ed8; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${fill(t.heading)}</h1>
<p class="notice" role="note">${fill(t.notice)}</p>
<dl>
<dt>${fill(t.order)}</dt><dd>${escape(order.id)}</dd>
<dt>${fill(t.amount)}</dt><dd>${escape(total)}</dd>
</dl>
${action}
<p><a href="/">${fill(t.back)}</a></p>
</main>
</body>
</html>
`;
}
