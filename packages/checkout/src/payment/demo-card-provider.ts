import type { CardProvider } from './card-method.js';
import { PaymentError, type PaymentContext } from './payment-method.js';

/** A card number that the simulated provider declines, like a real provider's test card. */
export const DEMO_DECLINED_CARD = '4000000000000002';

const T = {
  en: {
    note: 'Simulated card payment for this demo: nothing is charged. Try 4242 4242 4242 4242, any future date, any 3 digits.',
    number: 'Card number',
    exp: 'Expiry (MM / YY)',
    csc: 'Security code',
    badNumber: 'Enter a valid card number.',
    badExp: 'Enter a future expiry date as MM / YY.',
    badCsc: 'Enter the 3 or 4 digit security code.',
  },
  'zh-CN': {
    note: '本演示为模拟银行卡支付，不会产生任何扣款。可使用 4242 4242 4242 4242、任意未来日期和任意3位数字。',
    number: '卡号',
    exp: '有效期（月 / 年）',
    csc: '安全码',
    badNumber: '请输入有效的卡号。',
    badExp: '请按“月 / 年”输入未过期的日期。',
    badCsc: '请输入3位或4位安全码。',
  },
} as const;

const digits = (s: string): string => s.replace(/[\s-]/g, '');

/** Luhn check of a card number's digits. */
export function luhn(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function expiryOk(value: string, now = new Date()): boolean {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const year = Number(m[2]!.length === 2 ? `20${m[2]}` : m[2]);
  if (month < 1 || month > 12) return false;
  return year > now.getFullYear() || (year === now.getFullYear() && month >= now.getMonth() + 1);
}

const random = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2);

/**
 * A card provider simulated in the page, **for demos, stories and tests only: it charges nothing
 * and says so on screen**. It renders card inputs in the light DOM with `cc-*` autocomplete tokens
 * (so Chromium offers saved cards) and `data-vt-private` (so the tracker never records them),
 * checks them like a provider would, and tokenises them as `demo_ok_…` (or `demo_decline_…` for
 * {@link DEMO_DECLINED_CARD}). A real shop passes its provider's adapter to `cardMethod` instead.
 */
export function demoCardProvider(): CardProvider {
  let root: HTMLElement | null = null;
  const field = (
    t: (typeof T)[keyof typeof T],
    key: 'number' | 'exp' | 'csc',
    autocomplete: string,
    size: number,
  ): HTMLElement => {
    const wrap = document.createElement('div');
    wrap.className = 'vt-checkout__field';
    const id = `vt-demo-card-${key}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t[key];
    const input = document.createElement('input');
    Object.assign(input, { id, name: autocomplete, autocomplete, inputMode: 'numeric', maxLength: size });
    input.dataset['vtPrivate'] = '';
    input.setAttribute('aria-describedby', `${id}-error`);
    const error = document.createElement('p');
    error.id = `${id}-error`;
    error.className = 'vt-checkout__error';
    wrap.append(label, input, error);
    return wrap;
  };
  const text = (ctx: PaymentContext) => (ctx.locale === 'zh-CN' ? T['zh-CN'] : T.en);
  return {
    mount(container, ctx) {
      const t = text(ctx);
      root = document.createElement('div');
      root.className = 'vt-checkout__card';
      const note = document.createElement('p');
      note.className = 'vt-checkout__note';
      note.textContent = t.note;
      root.append(
        note,
        field(t, 'number', 'cc-number', 23),
        field(t, 'exp', 'cc-exp', 7),
        field(t, 'csc', 'cc-csc', 4),
      );
      container.append(root);
    },
    unmount() {
      root?.remove();
      root = null;
    },
    tokenize(ctx) {
      const t = text(ctx);
      const get = (key: string) => root?.querySelector<HTMLInputElement>(`#vt-demo-card-${key}`) ?? null;
      const checks = [
        ['number', (v: string) => luhn(digits(v)), t.badNumber],
        ['exp', (v: string) => expiryOk(v), t.badExp],
        ['csc', (v: string) => /^\d{3,4}$/.test(v.trim()), t.badCsc],
      ] as const;
      let first: HTMLInputElement | null = null;
      let firstMessage = '';
      for (const [key, ok, message] of checks) {
        const input = get(key);
        if (!input) continue;
        const bad = !ok(input.value);
        input.setAttribute('aria-invalid', String(bad));
        input.nextElementSibling!.textContent = bad ? message : '';
        if (bad && !first) {
          first = input;
          firstMessage = message;
        }
      }
      if (!root || first) {
        first?.focus();
        return Promise.reject(new PaymentError(firstMessage || t.badNumber));
      }
      const declined = digits(get('number')!.value) === DEMO_DECLINED_CARD;
      return Promise.resolve(`${declined ? 'demo_decline_' : 'demo_ok_'}${random()}`);
    },
  };
}
