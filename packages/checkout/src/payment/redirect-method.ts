import type { Label, PaymentMethod } from './payment-method.js';

/** Options of {@link redirectMethod}. */
export interface RedirectMethodOptions {
  /** Sent as `payment.method`, e.g. `alipay`. */
  id: string;
  label: Label;
  /** GA4 `payment_type`. Default: the English label. */
  type?: string;
  /** Currencies the method takes (all when absent). */
  currencies?: string[];
  /** What the shopper reads when the method is chosen ("You will pay on Alipay's page"). */
  note?: Label;
}

/**
 * A method that pays on the provider's page (Alipay, WeChat Pay, PayPal): the order is placed
 * with token `redirect:<id>`, the merchant's server starts the payment and answers with a
 * `redirectUrl`, and `<vt-checkout>` sends the shopper there. Card data never passes the shop.
 */
export function redirectMethod(options: RedirectMethodOptions): PaymentMethod {
  const { id, label, currencies, note } = options;
  let shown: HTMLElement | null = null;
  return {
    id,
    label,
    type: options.type ?? (typeof label === 'string' ? label : label.en),
    available: ({ total }) => !currencies || currencies.includes(total.currency),
    mount(container, { locale }) {
      if (!note) return;
      shown = document.createElement('p');
      shown.className = 'vt-checkout__note';
      shown.textContent = typeof note === 'string' ? note : locale === 'zh-CN' ? note['zh-CN'] : note.en;
      container.append(shown);
    },
    unmount() {
      shown?.remove();
      shown = null;
    },
    confirm: () => Promise.resolve({ token: `redirect:${id}` }),
  };
}
