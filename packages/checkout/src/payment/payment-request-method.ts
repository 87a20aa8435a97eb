import { minorDigits } from '@vitrine/core';
import { PaymentError, type Label, type PaymentContext, type PaymentMethod } from './payment-method.js';

/** Options of {@link paymentRequestMethod}. */
export interface PaymentRequestMethodOptions {
  /** The `PaymentRequest` method data the merchant's processor supports (Google Pay, a bank's URL method…). */
  methods: PaymentMethodData[];
  label?: Label;
  /**
   * Turns the wallet's response into the token the merchant's server expects. Default:
   * `pr_<requestId>` — enough for the demo; a real processor needs `response.details`.
   */
  tokenize?: (response: PaymentResponse) => string | Promise<string>;
}

const decimal = ({ amount, currency }: PaymentContext['total']): string => {
  const digits = minorDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
};

function request(methods: PaymentMethodData[], context: PaymentContext): PaymentRequest {
  return new PaymentRequest(
    methods,
    {
      total: {
        label: context.locale === 'zh-CN' ? '合计' : 'Total',
        amount: { currency: context.total.currency, value: decimal(context.total) },
      },
    },
    { requestPayerName: true, requestPayerEmail: true, requestPayerPhone: true },
  );
}

/**
 * Express pay through the browser's Payment Request API, offered as a button above the form when
 * the browser says it can pay with one of `methods`. The API is not Baseline and its shipping
 * address fields are deprecated, so the wallet only returns the payer's name, email and phone;
 * the shopper still gives a delivery address. Unsupported browsers simply do not show it.
 */
export function paymentRequestMethod(options: PaymentRequestMethodOptions): PaymentMethod {
  const { methods, tokenize = (r: PaymentResponse) => `pr_${r.requestId}` } = options;
  return {
    id: 'payment-request',
    label: options.label ?? { en: 'Express pay', 'zh-CN': '快捷支付' },
    type: 'Payment Request',
    express: true,
    async available(context) {
      if (typeof PaymentRequest === 'undefined') return false;
      try {
        return await request(methods, context).canMakePayment();
      } catch {
        return false;
      }
    },
    async confirm(context) {
      let response: PaymentResponse;
      try {
        response = await request(methods, context).show();
      } catch (error) {
        const cancelled = (error as DOMException)?.name === 'AbortError';
        throw new PaymentError(
          context.locale === 'zh-CN'
            ? '快捷支付未完成，请换一种方式付款。'
            : 'Express pay did not finish. Choose another way to pay.',
          cancelled,
        );
      }
      const token = await tokenize(response);
      await response.complete('success');
      return {
        token,
        payer: {
          ...(response.payerName && { name: response.payerName }),
          ...(response.payerEmail && { email: response.payerEmail }),
          ...(response.payerPhone && { phone: response.payerPhone }),
        },
      };
    },
  };
}
