import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import {
  STATUS,
  formatMoney,
  getCartStore,
  pricingLines,
  type Cart,
  type CartStore,
  type Locale,
} from '@vitrine/core';
import { vtEvent } from '@vitrine/schema';
import {
  addressFields,
  checkAddressField,
  checkEmail,
  checkPhone,
  countryName,
  type AddressField,
  type AddressKey,
} from '../../address/index.js';
import { DraftStore, DRAFT_VERSION, type CheckoutDraft } from '../../draft/draft-store.js';
import type { Address, CheckoutConfig, OrderConfirmation, OrderRequest } from '../../order/order-types.js';
import { priceOrder, type OrderPrice } from '../../order/price-order.js';
import { sendOrder } from '../../order/send-order.js';
import {
  labelIn,
  PaymentError,
  type PaymentContext,
  type PaymentMethod,
  type PaymentResult,
} from '../../payment/payment-method.js';
import { checkoutFunnel } from '../../shared/checkout-funnel.js';
import { CheckoutElement } from '../../shared/checkout-element.js';
import { checkoutMsg, type CheckoutMessageKey } from './checkout.messages.js';
import { checkoutCss } from './checkout.styles.js';

/** The sections, in order. */
const SECTIONS = ['contact', 'address', 'delivery', 'payment', 'review'] as const;
type Section = (typeof SECTIONS)[number];

/** How long typing waits before the draft is written. */
const SAVE_DELAY_MS = 300;

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/** A message shown above the form: a refusal, a network failure, a restored draft. */
interface Banner {
  kind: 'error' | 'info';
  text: string;
  retry?: boolean;
  toCart?: boolean;
}

/** A field as the form renders it. */
interface FieldView {
  path: string;
  label: string;
  autocomplete: string;
  name: string;
  type: 'text' | 'email' | 'tel' | 'select';
  required: boolean;
  inputMode?: string;
  options?: { value: string; label: string }[];
  hint?: string;
  maxLength?: number;
  width?: 'half' | 'third';
}

/** autocomplete detail token → the `name` browsers recognise best. */
const toField = (f: AddressField, group: 'shipping' | 'billing', mobile = false): FieldView => ({
  path: `${group}.${f.key}`,
  label: f.label,
  autocomplete: `${group} ${mobile && f.key === 'phone' ? 'mobile ' : ''}${f.autocomplete}`,
  name: `${group}-${f.autocomplete}`,
  type: f.type,
  required: f.required,
  ...(f.inputMode && { inputMode: f.inputMode }),
  ...(f.options && { options: f.options }),
  ...(f.hint && { hint: f.hint }),
  maxLength: f.maxLength,
  ...((f.key === 'postalCode' || f.key === 'region' || f.key === 'city' || f.key === 'district') && {
    width: 'half' as const,
  }),
});

/**
 * One-page guest checkout (结算页). Sections — contact, delivery address, delivery option, payment,
 * review — open one after another; a completed section folds to a one-line summary with a Change
 * button. The inputs are native elements in the light DOM inside a real `<form>`, with `name` and
 * `autocomplete` tokens (`email`, `shipping address-line1`, `shipping postal-code`, `cc-number`…),
 * so Chromium and password managers autofill them. Address forms follow the country (CN: province,
 * city, district, street and a mobile number; US; a generic international form); fields are
 * checked on blur and on Continue, with messages tied to the inputs and focus on the first error.
 *
 * Everything typed except payment data is saved to IndexedDB as the shopper goes and restored
 * after a reload or a crash; it is deleted once the order is placed. Placing the order POSTs an
 * {@link OrderRequest} as JSON to `action` with an idempotency key (kept in the draft), so a double
 * click, an automatic retry or a retry after a crash places one order. A network failure keeps
 * every field and offers Try again; the server's field errors land on the fields; a changed total
 * is shown before the shopper confirms again. Payment goes through {@link PaymentMethod} adapters
 * (`paymentMethods`): card data stays with the card provider and never reaches drafts, events or
 * logs.
 *
 * Prices come from the shared cart and the shop's checkout config (`src`, `config` or an inline
 * JSON child; the same as `<vt-cart>`), priced by `@vitrine/pricing` on the server's clock.
 *
 * Styling: the element renders in the light DOM with its own `@scope (vt-checkout)` stylesheet, so
 * it has classes instead of parts; restyle any `.vt-checkout__*` class from the page.
 *
 * @tag vt-checkout
 *
 * @event vt-funnel - GA4 `begin_checkout` (shown with items), `add_shipping_info` (`shipping_tier`),
 * `add_payment_info` (`payment_type`) and `purchase` (`transaction_id`, `shipping`), money in minor units.
 * @event vt-order-placed - The endpoint confirmed the order; detail `{orderId, status, total}`.
 * @event vt-checkout-abandon - The shopper gave a contact, asked for a reminder and left before
 * paying; detail `{locale, contact, cart, step}` (personal data: send it to your server only).
 * @event vt-ready - The config, the cart and any draft are loaded and shown; detail `{tag}`.
 * @event vt-error - The config is unusable or `action` is missing; detail `{tag, attribute, message}`.
 *
 * @cssproperty --vt-checkout-min-height - Space reserved before the data loads, so nothing shifts (28rem).
 * @cssproperty --vt-checkout-gap - Space between sections. Defaults to `--vt-space-4`.
 * @cssproperty --vt-checkout-accent - Buttons, chosen options, done marks. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-checkout-on-accent - Text on the accent. Defaults to `--vt-color-on-accent`.
 * @cssproperty --vt-checkout-section-background - Background of a section. Defaults to `--vt-color-surface`.
 * @cssproperty --vt-checkout-summary-background - Background of the order summary. Defaults to `--vt-color-surface-raised`.
 * @cssproperty --vt-checkout-input-background - Background of inputs. Defaults to `--vt-color-surface`.
 * @cssproperty --vt-checkout-input-border - Border colour of inputs. Defaults to `--vt-color-border`.
 * @cssproperty --vt-checkout-save-color - Colour of savings. Defaults to `--vt-color-sale`.
 */
export class VtCheckout extends CheckoutElement {
  static override properties = {
    action: { type: String },
    draft: { type: String },
    cartUrl: { type: String, attribute: 'cart-url' },
    continueUrl: { type: String, attribute: 'continue-url' },
    accountUrl: { type: String, attribute: 'account-url' },
    orderId: { type: String, attribute: 'order-id' },
    paymentMethods: { attribute: false },
    store: { attribute: false },
    _cart: { state: true },
    _values: { state: true },
    _errors: { state: true },
    _section: { state: true },
    _done: { state: true },
    _banner: { state: true },
    _methods: { state: true },
    _placing: { state: true },
    _placed: { state: true },
    _choosingCountry: { state: true },
  };

  /** URL the order is POSTed to (JSON, `Idempotency-Key` header). Required. */
  declare action: string | undefined;
  /** Name of the saved draft, for shops with several checkouts. Default `checkout`. */
  declare draft: string;
  /** Link back to the cart (unavailable items). Default `/cart`. */
  declare cartUrl: string;
  /** Link shown with an empty cart. Default `/`. */
  declare continueUrl: string;
  /** Where "Create an account" leads after the purchase; no offer without it. */
  declare accountUrl: string | undefined;
  /** Shows the confirmation of this order (after a redirect payment returns): GET `action/<id>`. */
  declare orderId: string | undefined;
  /** The ways to pay, in display order (`cardMethod`, `redirectMethod`, `paymentRequestMethod`). */
  declare paymentMethods: PaymentMethod[];
  /** The cart to check out. Defaults to the page's shared cart (`getCartStore()`). */
  declare store: CartStore | undefined;
  declare _cart: Cart | null;
  declare _values: Record<string, string>;
  declare _errors: Record<string, string>;
  declare _section: Section;
  declare _done: Section[];
  declare _banner: Banner | null;
  declare _methods: PaymentMethod[];
  declare _placing: boolean;
  declare _placed: OrderConfirmation | null;
  declare _choosingCountry: boolean;

  private _store: CartStore | null = null;
  private _unsubscribe: (() => void) | null = null;
  private readonly _drafts = new DraftStore();
  private _draftLoaded = false;
  private _saveTimer: ReturnType<typeof setTimeout> | undefined;
  private _country = '';
  private _deliveryId: string | undefined;
  private _methodId: string | undefined;
  private _billingSame = true;
  private _opened = new Set<string>();
  private _dirty = new Set<string>();
  private _key: string | undefined;
  /** The payment token of the current attempt: memory only, dropped when payment is reopened. */
  private _token: { method: string; value: string } | null = null;
  private _mounted: { method: PaymentMethod; container: HTMLElement } | null = null;
  private _began = false;
  private _readyOnce = false;
  private _styled = false;
  private _priced: { of: unknown[]; value: OrderPrice } | null = null;
  private readonly _onPageHide = (): void => this._leaving();

  constructor() {
    super();
    this.draft = 'checkout';
    this.cartUrl = '/cart';
    this.continueUrl = '/';
    this.paymentMethods = [];
    this._cart = null;
    this._values = {};
    this._errors = {};
    this._section = 'contact';
    this._done = [];
    this._banner = null;
    this._methods = [];
    this._placing = false;
    this._placed = null;
    this._choosingCountry = false;
    this.status = STATUS.loading;
  }

  /** Light DOM: autofill and password managers do not reach into shadow roots. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._styled) {
      const style = document.createElement('style');
      style.textContent = checkoutCss;
      this.prepend(style);
      this._styled = true;
    }
    addEventListener('pagehide', this._onPageHide);
    this._store = this.store ?? getCartStore();
    this._unsubscribe = this._store.subscribe((cart) => {
      this._cart = cart;
      this._priced = null;
      this._refreshMethods();
    });
    const store = this._store;
    void store.ready.then(() => {
      if (store !== this._store) return;
      this._cart = store.get();
      this._maybeReady();
    });
    void this._drafts.load(this.draft).then((d) => {
      if (d) this._restore(d);
      this._draftLoaded = true;
      this._maybeReady();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this._onPageHide);
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._flushDraft();
    this._unmountPayment();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('store') && this.hasUpdated) {
      this.disconnectedCallback();
      this.connectedCallback();
    }
    if (changed.has('paymentMethods')) this._refreshMethods();
    if (changed.has('orderId') && this.orderId) void this._loadOrder(this.orderId);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this._syncPaymentMount();
  }

  protected override configChanged(config: CheckoutConfig): void {
    if (!this._country || !config.countries.includes(this._country))
      this._country = this._defaultCountry(config);
    this._priced = null;
    this._refreshMethods();
    this._maybeReady();
  }

  private _defaultCountry(config: CheckoutConfig): string {
    return config.countries[0]!;
  }

  private get _t(): (key: CheckoutMessageKey, values?: Record<string, string | number>) => string {
    const locale = this.locale;
    return (key, values) => checkoutMsg(locale, key, values);
  }

  private _maybeReady(): void {
    if (!this.settings || !this._cart || !this._draftLoaded) return;
    if (!this.action) {
      this.fail('action', 'is missing: set action="URL" of the order endpoint');
      return;
    }
    if (this._placed) return;
    this.succeed(this._cart.lines.length === 0 ? STATUS.empty : STATUS.ready);
    if (this._readyOnce) return;
    this._readyOnce = true;
    void this.updateComplete.then(() => this.dispatchEvent(vtEvent('vt-ready', { tag: this.localName })));
    if (this._cart.lines.length > 0 && !this._began) {
      this._began = true;
      this._funnel('begin_checkout', {});
    }
  }

  // ——— pricing ———

  private _price(): OrderPrice | null {
    const config = this.settings;
    const cart = this._cart;
    if (!config || !cart) return null;
    const of = [config, cart, this._country, this._deliveryId];
    if (this._priced && this._priced.of.every((x, i) => x === of[i])) return this._priced.value;
    const value = priceOrder({
      lines: pricingLines(cart),
      codes: cart.codes,
      config,
      country: this._country,
      ...(this._deliveryId && { deliveryId: this._deliveryId }),
      now: this.clock.now(),
      currency: cart.currency,
    });
    this._priced = { of, value };
    return value;
  }

  private _money(m: { amount: number; currency: string }): string {
    return formatMoney(m, this.locale);
  }

  private _funnel(
    name: 'begin_checkout' | 'add_shipping_info' | 'add_payment_info' | 'purchase',
    extra: Record<string, string | number>,
  ): void {
    const price = this._price();
    if (!price || !this._cart) return;
    this.dispatchEvent(vtEvent('vt-funnel', checkoutFunnel(name, this._cart, price.price, extra as never)));
  }

  // ——— drafts ———

  private _restore(d: CheckoutDraft): void {
    const any = Object.values(d.values).some((v) => v !== '');
    this._values = d.values;
    this._opened = new Set(d.opened);
    this._done = d.done.filter((s): s is Section => (SECTIONS as readonly string[]).includes(s));
    if (d.country) this._country = d.country;
    this._deliveryId = d.deliveryId;
    this._methodId = d.paymentMethod;
    this._billingSame = d.billingSame;
    this._key = d.idempotencyKey;
    // Payment is never restored: the shopper picks the method's details again.
    this._done = this._done.filter((s) => s !== 'payment' && s !== 'review');
    this._section = SECTIONS.find((s) => !this._done.includes(s)) ?? 'payment';
    if (any) this._banner = { kind: 'info', text: this._t('checkout.restored') };
  }

  private _draftNow(): CheckoutDraft {
    return {
      version: DRAFT_VERSION,
      values: this._values,
      opened: [...this._opened],
      done: this._done,
      country: this._country,
      ...(this._deliveryId && { deliveryId: this._deliveryId }),
      ...(this._methodId && { paymentMethod: this._methodId }),
      billingSame: this._billingSame,
      ...(this._key && { idempotencyKey: this._key }),
      updatedAt: Date.now(),
    };
  }

  private _saveSoon(): void {
    clearTimeout(this._saveTimer);
    this._saveTimer = setTimeout(() => this._flushDraft(), SAVE_DELAY_MS);
  }

  private _flushDraft(): Promise<void> {
    clearTimeout(this._saveTimer);
    this._saveTimer = undefined;
    if (!this._draftLoaded || this._placed) return Promise.resolve();
    return this._drafts.save(this.draft, this._draftNow());
  }

  // ——— fields ———

  /** Country rules: CN uses the mobile number as the contact and needs no email. */
  private get _cn(): boolean {
    return this._country === 'CN';
  }

  private _addressFields(group: 'shipping' | 'billing'): FieldView[] {
    const fields = addressFields(this._country, this.locale);
    return fields
      .filter((f) => !(group === 'shipping' && this._cn && f.key === 'phone'))
      .map((f) => toField(f, group));
  }

  private _collapsed(): AddressField[] {
    return addressFields(this._country, this.locale).filter((f) => f.collapsed);
  }

  private _contactFields(): FieldView[] {
    const t = this._t;
    const email: FieldView = {
      path: 'contact.email',
      label: t('checkout.email'),
      autocomplete: 'email',
      name: 'email',
      type: 'email',
      required: !this._cn,
      hint: t('checkout.emailHint'),
      maxLength: 254,
    };
    if (!this._cn) return [email];
    const phone = addressFields(this._country, this.locale).find((f) => f.key === 'phone');
    const fields: FieldView[] = phone ? [toField(phone, 'shipping', true)] : [];
    if (this._opened.has('contact.email') || this._values['contact.email']) fields.push(email);
    return fields;
  }

  /** The fields of a section that are on screen now (collapsed optional ones only once opened). */
  private _visible(section: Section): FieldView[] {
    const open = (f: FieldView) => {
      const spec = this._collapsedKeys().has(f.path);
      return !spec || this._opened.has(f.path) || Boolean(this._values[f.path]);
    };
    if (section === 'contact') return this._contactFields();
    if (section === 'address') return this._addressFields('shipping').filter(open);
    if (section === 'payment' && !this._billingSame) return this._addressFields('billing').filter(open);
    return [];
  }

  private _collapsedKeys(): Set<string> {
    const keys = new Set<string>();
    for (const f of this._collapsed()) {
      keys.add(`shipping.${f.key}`);
      keys.add(`billing.${f.key}`);
    }
    return keys;
  }

  /** One field's problem: '' when fine. Sync rules; phones also async (see {@link _checkAsync}). */
  private _check(path: string): string {
    const value = (this._values[path] ?? '').trim();
    const [group, key] = path.split('.') as [string, string];
    if (path === 'contact.email') return !value && this._cn ? '' : checkEmail(value, this.locale);
    if (group === 'shipping' || group === 'billing') {
      const message = checkAddressField(key as AddressKey, value, this._country, this.locale);
      if (message) return message;
      if (this._cn && path === 'shipping.phone' && !value) return this._t('checkout.required');
    }
    return '';
  }

  private async _checkAsync(path: string): Promise<string> {
    const sync = this._check(path);
    if (sync || !path.endsWith('.phone')) return sync;
    const value = (this._values[path] ?? '').trim();
    return value ? checkPhone(value, this._country, this.locale) : '';
  }

  private _setError(path: string, message: string): void {
    if ((this._errors[path] ?? '') === message) return;
    const next = { ...this._errors };
    if (message) next[path] = message;
    else delete next[path];
    this._errors = next;
  }

  /** Checks a section's fields; shows every message and focuses the first bad field. */
  private async _validate(section: Section): Promise<boolean> {
    const fields = this._visible(section);
    const results = await Promise.all(fields.map((f) => this._checkAsync(f.path)));
    const next = { ...this._errors };
    fields.forEach((f, i) => {
      if (results[i]) next[f.path] = results[i]!;
      else delete next[f.path];
    });
    this._errors = next;
    const first = fields.find((_, i) => results[i]);
    if (first) {
      await this.updateComplete;
      this._input(first.path)?.focus();
      return false;
    }
    return true;
  }

  private _input(path: string): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector(`[data-path="${CSS.escape(path)}"]`);
  }

  private _onInput(e: Event): void {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const path = el.dataset['path'];
    if (!path) return;
    const value =
      el instanceof HTMLInputElement && el.type === 'checkbox' ? (el.checked ? '1' : '') : el.value;
    this._values = { ...this._values, [path]: value };
    this._dirty.add(path);
    if (this._errors[path] && e.type === 'change')
      void this._checkAsync(path).then((m) => this._setError(path, m));
    this._saveSoon();
  }

  private _onBlur(e: FocusEvent): void {
    const el = e.target as HTMLElement;
    const path = el.dataset?.['path'];
    if (!path || !(this._dirty.has(path) || this._errors[path])) return;
    void this._checkAsync(path).then((m) => this._setError(path, m));
  }

  // ——— sections ———

  private async _onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._section === 'review') await this._place();
    else await this._continue(this._section);
  }

  private async _continue(section: Section): Promise<void> {
    if (!(await this._validate(section))) return;
    const price = this._price();
    if (section === 'delivery') {
      if (!price?.delivery) return;
      this._deliveryId = price.delivery.option.id;
      this._funnel('add_shipping_info', { shipping_tier: labelIn(price.delivery.option.title, 'en') });
    }
    if (section === 'payment') {
      const method = this._method();
      if (!method || !(await this._confirmPayment(method))) return;
      this._funnel('add_payment_info', { payment_type: method.type });
    }
    this._complete(section);
  }

  private _complete(section: Section): void {
    if (!this._done.includes(section)) this._done = [...this._done, section];
    const next = SECTIONS.find((s) => !this._done.includes(s)) ?? 'review';
    this._open(next);
    this._saveSoon();
  }

  private _open(section: Section, focus = true): void {
    if (section === 'payment') this._token = null;
    this._section = section;
    if (!focus) return;
    void this.updateComplete.then(() => {
      const target =
        this.querySelector<HTMLElement>(
          `[data-section="${section}"] :is(input:not([type=hidden]), select, button.vt-checkout__button)`,
        ) ?? this.querySelector<HTMLElement>(`[data-section="${section}"] h2`);
      target?.focus();
    });
  }

  private _reopen(section: Section): void {
    // Reopening a section makes it and what follows it current again.
    const at = SECTIONS.indexOf(section);
    this._done = this._done.filter((s) => SECTIONS.indexOf(s) < at);
    this._open(section);
    this._saveSoon();
  }

  // ——— payment ———

  private _context(): PaymentContext {
    const price = this._price();
    const email = this._values['contact.email'];
    const phone = this._values['shipping.phone'];
    return {
      total: price?.price.total ?? { amount: 0, currency: this._cart?.currency ?? 'USD' },
      locale: this.locale,
      country: this._country,
      contact: { ...(email && { email }), ...(phone && { phone }) },
    };
  }

  private _refreshMethods(): void {
    if (!this.settings || !this._cart) return;
    const context = this._context();
    const methods = this.paymentMethods;
    void Promise.all(
      methods.map(async (m) => {
        try {
          return await m.available(context);
        } catch {
          return false;
        }
      }),
    ).then((ok) => {
      if (methods !== this.paymentMethods) return;
      const next = methods.filter((_, i) => ok[i]);
      if (next.length !== this._methods.length || next.some((m, i) => m !== this._methods[i]))
        this._methods = next;
    });
  }

  private _method(): PaymentMethod | undefined {
    const form = this._methods.filter((m) => !m.express);
    return form.find((m) => m.id === this._methodId) ?? form[0];
  }

  private _syncPaymentMount(): void {
    const container = this.querySelector<HTMLElement>('.vt-checkout__method-body');
    const method = this._section === 'payment' && container ? this._method() : undefined;
    if (this._mounted && (this._mounted.method !== method || this._mounted.container !== container))
      this._unmountPayment();
    if (!method || !container || this._mounted) return;
    this._mounted = { method, container };
    void Promise.resolve(method.mount?.(container, this._context())).catch((error: unknown) =>
      console.error(`<vt-checkout>: payment method "${method.id}" could not render:`, error),
    );
  }

  private _unmountPayment(): void {
    try {
      this._mounted?.method.unmount?.();
    } catch (error) {
      console.error(
        `<vt-checkout>: payment method "${this._mounted?.method.id}" could not be removed:`,
        error,
      );
    }
    this._mounted = null;
  }

  private async _confirmPayment(method: PaymentMethod): Promise<PaymentResult | null> {
    try {
      const result = await method.confirm(this._context());
      this._token = { method: method.id, value: result.token };
      this._setError('payment', '');
      return result;
    } catch (error) {
      this._token = null;
      if (error instanceof PaymentError) {
        if (!error.cancelled) this._setError('payment', error.message);
      } else {
        console.error(`<vt-checkout>: payment method "${method.id}" failed:`, error);
        this._setError('payment', this._t('checkout.noMethods'));
      }
      return null;
    }
  }

  private async _express(method: PaymentMethod): Promise<void> {
    const result = await this._confirmPayment(method);
    if (!result) return;
    // What the wallet knows fills what the shopper has not typed.
    const { name, email, phone } = result.payer ?? {};
    const given: Record<string, string | undefined> = {
      'contact.email': email,
      'shipping.name': name,
      'shipping.phone': phone,
    };
    const values = { ...this._values };
    for (const [path, value] of Object.entries(given)) if (value && !values[path]) values[path] = value;
    this._values = values;
    this._funnel('add_payment_info', { payment_type: method.type });
    this._methodId = method.id;
    // The wallet paid; the shopper still completes what it could not give (the address).
    this._done = SECTIONS.filter((s) => s === 'payment' || this._done.includes(s));
    this._open(SECTIONS.find((s) => !this._done.includes(s)) ?? 'review');
  }

  // ——— placing the order ———

  private _address(group: 'shipping' | 'billing'): Address {
    const get = (k: string) => (this._values[`${group}.${k}`] ?? '').trim();
    const keys: AddressKey[] = [
      'name',
      'line1',
      'line2',
      'city',
      'region',
      'district',
      'postalCode',
      'phone',
    ];
    const address: Address = {
      country: this._country,
      name: get('name'),
      line1: get('line1'),
      city: get('city'),
    };
    for (const k of keys.slice(3)) if (get(k)) (address as unknown as Record<string, string>)[k] = get(k);
    if (get('line2')) address.line2 = get('line2');
    return address;
  }

  private _request(price: OrderPrice): OrderRequest | null {
    const cart = this._cart;
    if (!cart || !price.delivery || !this._token) return null;
    this._key ??= newKey();
    const email = (this._values['contact.email'] ?? '').trim();
    const phone = (this._values['shipping.phone'] ?? '').trim();
    return {
      idempotencyKey: this._key,
      locale: this.locale,
      currency: cart.currency,
      lines: cart.lines.map((l) => ({
        variantId: l.variantId,
        productId: l.productId,
        quantity: l.quantity,
        price: l.price,
      })),
      codes: [...cart.codes],
      contact: {
        ...(email && { email }),
        ...(this._cn && phone && { phone }),
        remindMe: this._values['contact.remindMe'] === '1',
      },
      shipping: this._address('shipping'),
      ...(!this._billingSame && { billing: this._address('billing') }),
      delivery: { id: price.delivery.option.id },
      payment: { method: this._token.method, token: this._token.value },
      total: price.price.total,
      discounts: price.price.discounts,
      shippingCost: price.price.shipping,
    };
  }

  private async _place(): Promise<void> {
    // Set before anything is awaited: a second click arriving meanwhile must not send a second order.
    if (this._placing) return;
    this._placing = true;
    try {
      await this._placeOnce();
    } finally {
      this._placing = false;
    }
  }

  private async _placeOnce(): Promise<void> {
    const price = this._price();
    // A draft restored at review, or a section reopened by a server error: everything must hold.
    for (const section of SECTIONS) {
      if (section === 'review') break;
      if (
        section === 'payment'
          ? !this._token
          : !(await this._validate(section)) || !this._done.includes(section)
      ) {
        this._reopen(section);
        return;
      }
    }
    const order = price && this._request(price);
    if (!order) return;
    this._banner = null;
    await this._flushDraft(); // the key is in the draft before the request leaves
    const result = await sendOrder(this.action!, order);
    if (result.kind === 'placed') {
      await this._placedOrder(result.confirmation, price!);
      return;
    }
    if (result.kind === 'unreachable') {
      console.error(`<vt-checkout>: the order was not placed: ${result.message}`);
      this._banner = { kind: 'error', text: this._t('checkout.unreachable'), retry: true };
      return;
    }
    const { error } = result;
    if (error.code === 'invalid' && error.fields) {
      this._errors = { ...this._errors, ...this._fieldErrors(error.fields) };
      const first = SECTIONS.find((s) => Object.keys(error.fields!).some((p) => this._sectionOf(p) === s));
      this._banner = { kind: 'error', text: error.message };
      if (first) {
        this._reopen(first);
        await this.updateComplete;
        const path = Object.keys(error.fields).find((p) => this._sectionOf(p) === first);
        if (path) this._input(this._pathOf(path))?.focus();
      }
      return;
    }
    if (error.code === 'payment_failed') {
      this._reopen('payment');
      this._setError('payment', error.message);
      return;
    }
    if (error.code === 'total_changed') {
      for (const line of error.expected?.lines ?? []) {
        const mine = this._cart?.lines.find((l) => l.variantId === line.variantId);
        if (mine && mine.price.amount !== line.price.amount)
          await this._store?.setPrice?.(line.variantId, line.price);
      }
      // New prices or offers: a new attempt is a new order.
      this._key = undefined;
      this.reloadConfig(); // the promotions may have changed too
      this._banner = { kind: 'error', text: `${error.message} ${this._t('checkout.totalChanged')}` };
      return;
    }
    if (error.code === 'unavailable') {
      this._banner = { kind: 'error', text: error.message || this._t('checkout.unavailable'), toCart: true };
      return;
    }
    this._key = undefined;
    this._banner = { kind: 'error', text: error.message };
  }

  /** A server path (`shipping.postalCode`, `contact.phone`) → the section holding its field. */
  private _sectionOf(path: string): Section {
    if (path.startsWith('contact.') || (this._cn && path === 'shipping.phone')) return 'contact';
    if (path.startsWith('shipping.')) return 'address';
    if (path.startsWith('delivery')) return 'delivery';
    if (path.startsWith('payment') || path.startsWith('billing.')) return 'payment';
    return 'review';
  }

  private _pathOf(serverPath: string): string {
    return serverPath === 'contact.phone' ? 'shipping.phone' : serverPath;
  }

  private _fieldErrors(fields: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(fields).map(([p, m]) => [this._pathOf(p), m]));
  }

  private async _placedOrder(confirmation: OrderConfirmation, price: OrderPrice): Promise<void> {
    const cart = this._cart;
    this._placed = confirmation;
    this.dispatchEvent(vtEvent('vt-order-placed', confirmation));
    if (cart && cart.lines.length > 0) {
      this.dispatchEvent(
        vtEvent(
          'vt-funnel',
          checkoutFunnel('purchase', cart, price.price, {
            transaction_id: confirmation.orderId,
            shipping: price.price.shipping.amount - price.price.shippingDiscount.amount,
          } as never),
        ),
      );
    }
    clearTimeout(this._saveTimer);
    await this._drafts.clear(this.draft);
    this._unmountPayment();
    this._token = null;
    try {
      await this._store?.clear();
    } catch (error) {
      console.error('<vt-checkout>: the cart could not be emptied after the order:', error);
    }
    this.succeed(STATUS.ready);
    if (confirmation.redirectUrl) location.assign(confirmation.redirectUrl);
    else
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('.vt-checkout__done h2')?.focus());
  }

  private async _loadOrder(id: string): Promise<void> {
    if (!this.action) return;
    try {
      const res = await fetch(`${this.action.replace(/\/$/, '')}/${encodeURIComponent(id)}`, {
        headers: { accept: 'application/json' },
      });
      const body = (await res.json()) as Partial<OrderConfirmation>;
      if (!res.ok || typeof body.orderId !== 'string') throw new Error(`HTTP ${res.status}`);
      this._placed = { orderId: body.orderId, status: body.status ?? 'paid', total: body.total! };
      await this._drafts.clear(this.draft);
      this.succeed(STATUS.ready);
    } catch (error) {
      this.fail(
        'order-id',
        `order "${id}" could not be loaded from ${this.action}: ${(error as Error).message}`,
      );
    }
  }

  private _leaving(): void {
    void this._flushDraft();
    const cart = this._cart;
    if (this._placed || !cart || cart.lines.length === 0) return;
    if (this._values['contact.remindMe'] !== '1') return;
    const email = (this._values['contact.email'] ?? '').trim();
    const phone = (this._values['shipping.phone'] ?? '').trim();
    const emailOk = email && !checkEmail(email, this.locale);
    const phoneOk = this._cn && phone && !this._check('shipping.phone');
    if (!emailOk && !phoneOk) return;
    this.dispatchEvent(
      vtEvent('vt-checkout-abandon', {
        locale: this.locale,
        contact: { ...(emailOk && { email }), ...(phoneOk && { phone }), remindMe: true },
        cart: {
          currency: cart.currency,
          lines: cart.lines.map((l) => ({
            variantId: l.variantId,
            productId: l.productId,
            quantity: l.quantity,
          })),
          codes: [...cart.codes],
        },
        step: this._section,
      }),
    );
  }

  // ——— rendering ———

  protected override errorMessage(): string {
    return this._t('checkout.error');
  }

  protected override renderLoading(): TemplateResult {
    return html`<p class="vt-checkout__muted" role="status">${this.t('status.loading')}</p>`;
  }

  protected override renderError(): TemplateResult {
    return html`<p class="vt-checkout__error" role="alert">${this.errorMessage()}</p>`;
  }

  protected override renderEmpty(): TemplateResult {
    return html`<div class="vt-checkout__done">
      <p>${this._t('checkout.empty')}</p>
      <a class="vt-checkout__link" href=${this.continueUrl}>${this._t('checkout.continueShopping')}</a>
    </div>`;
  }

  protected override renderReady(): unknown {
    if (this._placed) return this._renderPlaced(this._placed);
    const price = this._price();
    if (!price) return this.renderLoading();
    const express = this._methods.filter((m) => m.express);
    return html`<div class="vt-checkout__layout">
      <form
        class="vt-checkout__form"
        novalidate
        aria-label=${this._t('checkout.title')}
        @submit=${this._onSubmit}
        @input=${this._onInput}
        @change=${this._onInput}
        @focusout=${this._onBlur}
      >
        <p class="vt-checkout__guest">${this._t('checkout.guest')}</p>
        ${this._renderBanner()}
        ${
          express.length
            ? html`<div class="vt-checkout__express" role="group" aria-label=${this._t('checkout.express')}>
                ${express.map(
                  (m) =>
                    html`<button
                      type="button"
                      class="vt-checkout__button"
                      data-size="wide"
                      @click=${() => this._express(m)}
                    >
                      ${labelIn(m.label, this.locale)}
                    </button>`,
                )}
                <p class="vt-checkout__muted">${this._t('checkout.or')}</p>
              </div>`
            : nothing
        }
        ${SECTIONS.map((s, i) => this._renderSection(s, i, price))}
      </form>
      ${this._renderSummary(price)}
    </div>`;
  }

  private _renderBanner(): unknown {
    const b = this._banner;
    if (!b) return html`<div role="status" class="vt-checkout__sr"></div>`;
    return html`<div
      class="vt-checkout__banner"
      data-kind=${b.kind}
      role=${b.kind === 'error' ? 'alert' : 'status'}
    >
      <span>${b.text}</span>
      ${
        b.retry
          ? html`<button type="button" class="vt-checkout__link" @click=${() => this._place()}>
              ${this._t('checkout.retry')}
            </button>`
          : nothing
      }
      ${b.toCart ? html`<a class="vt-checkout__link" href=${this.cartUrl}>${this._t('checkout.toCart')}</a>` : nothing}
    </div>`;
  }

  private _title(s: Section): string {
    return this._t(`checkout.${s}` as CheckoutMessageKey);
  }

  private _renderSection(s: Section, i: number, price: OrderPrice): TemplateResult {
    const state = this._section === s ? 'open' : this._done.includes(s) ? 'done' : 'later';
    const id = `vt-checkout-${s}`;
    return html`<section
      class="vt-checkout__section"
      data-section=${s}
      data-state=${state}
      aria-labelledby=${id}
    >
      <h2 class="vt-checkout__heading" id=${id} tabindex="-1">
        <span class="vt-checkout__num" aria-hidden="true">${i + 1}</span>
        <span>${this._title(s)}</span>
        ${
          state === 'done'
            ? html`<span class="vt-checkout__sr">(${this._t('checkout.completed')})</span>`
            : nothing
        }
      </h2>
      ${
        state === 'done'
          ? html`<div class="vt-checkout__recap">
              <p>${this._recap(s, price)}</p>
              <button
                type="button"
                class="vt-checkout__link"
                aria-label=${this._t('checkout.changeNamed', { section: this._title(s) })}
                @click=${() => this._reopen(s)}
              >
                ${this._t('checkout.change')}
              </button>
            </div>`
          : state === 'open'
            ? this._renderOpen(s, price)
            : nothing
      }
    </section>`;
  }

  private _recap(s: Section, price: OrderPrice): string {
    const v = (p: string) => (this._values[p] ?? '').trim();
    switch (s) {
      case 'contact':
        return [v('contact.email'), this._cn ? v('shipping.phone') : ''].filter(Boolean).join(' · ');
      case 'address': {
        const a = this._address('shipping');
        const parts = this._cn
          ? [a.name, `${a.region ?? ''}${a.city}${a.district ?? ''}${a.line1}`]
          : [a.name, a.line1, a.line2, a.city, a.region, a.postalCode, countryName(a.country, this.locale)];
        return parts.filter(Boolean).join(', ');
      }
      case 'delivery':
        return price.delivery
          ? `${labelIn(price.delivery.option.title, this.locale)} · ${this._cost(price.delivery.cost)}`
          : '';
      case 'payment': {
        const m = this._methods.find((x) => x.id === this._token?.method) ?? this._method();
        return m ? labelIn(m.label, this.locale) : '';
      }
      default:
        return '';
    }
  }

  private _cost(m: { amount: number; currency: string }): string {
    return m.amount === 0 ? this._t('checkout.free') : this._money(m);
  }

  private _renderOpen(s: Section, price: OrderPrice): TemplateResult {
    const cont = html`<button type="submit" class="vt-checkout__button">
      ${this._t('checkout.continue')}
    </button>`;
    switch (s) {
      case 'contact':
        return html`<div class="vt-checkout__fields">
            ${this._contactFields().map((f) => this._renderField(f))}
            ${
              this._cn && !this._contactFields().some((f) => f.path === 'contact.email')
                ? this._opener('contact.email', this._t('checkout.addEmail'))
                : nothing
            }
            ${this._renderCheck('contact.remindMe', this._t('checkout.remind'))}
          </div>
          ${cont}`;
      case 'address':
        return html`${this._renderCountry()}
          <div class="vt-checkout__fields">${this._renderAddress('shipping')}</div>
          ${cont}`;
      case 'delivery':
        return price.quotes.length
          ? html`<fieldset class="vt-checkout__options">
                <legend class="vt-checkout__sr">${this._title('delivery')}</legend>
                ${price.quotes.map(
                  (q) =>
                    html`<label class="vt-checkout__option">
                      <input
                        type="radio"
                        name="delivery"
                        .checked=${live(q.option.id === price.delivery?.option.id)}
                        @change=${() => {
                          this._deliveryId = q.option.id;
                          this._priced = null;
                          this.requestUpdate();
                          this._saveSoon();
                        }}
                      />
                      <span
                        >${labelIn(q.option.title, this.locale)}
                        ${
                          q.option.days
                            ? html`<small
                                >${this._t('checkout.days', { min: q.option.days[0], max: q.option.days[1] })}</small
                              >`
                            : nothing
                        }</span
                      >
                      <strong>${this._cost(q.cost)}</strong>
                    </label>`,
                )}
              </fieldset>
              ${cont}`
          : html`<p class="vt-checkout__error" role="alert">
              ${this._t('checkout.noDelivery', { country: countryName(this._country, this.locale) })}
            </p>`;
      case 'payment':
        return this._renderPayment(cont);
      default:
        return html`<p class="vt-checkout__muted">${this._t('checkout.taxes')}</p>
          <button
            type="submit"
            class="vt-checkout__button"
            data-size="wide"
            aria-disabled=${this._placing ? 'true' : 'false'}
          >
            ${
              this._placing
                ? this._t('checkout.placing')
                : this._t('checkout.place', { total: this._money(price.price.total) })
            }
          </button>`;
    }
  }

  private _renderPayment(cont: TemplateResult): TemplateResult {
    const methods = this._methods.filter((m) => !m.express);
    const chosen = this._method();
    const error = this._errors['payment'] ?? '';
    if (!methods.length)
      return html`<p class="vt-checkout__error" role="alert">${this._t('checkout.noMethods')}</p>`;
    return html`<fieldset class="vt-checkout__options" aria-describedby="vt-checkout-payment-error">
        <legend class="vt-checkout__sr">${this._t('checkout.method')}</legend>
        ${methods.map(
          (m) =>
            html`<label class="vt-checkout__option">
              <input
                type="radio"
                name="payment-method"
                .checked=${live(m === chosen)}
                @change=${() => {
                  this._methodId = m.id;
                  this._setError('payment', '');
                  this.requestUpdate();
                  this._saveSoon();
                }}
              />
              <span>${labelIn(m.label, this.locale)}</span><span></span>
            </label>`,
        )}
      </fieldset>
      <div class="vt-checkout__method-body" ${ref()}></div>
      <p class="vt-checkout__error" id="vt-checkout-payment-error" role="alert">${error}</p>
      <div class="vt-checkout__fields">
        <label class="vt-checkout__check">
          <input
            type="checkbox"
            .checked=${live(this._billingSame)}
            @change=${(e: Event) => {
              this._billingSame = (e.target as HTMLInputElement).checked;
              this.requestUpdate();
              this._saveSoon();
            }}
          />
          <span>${this._t('checkout.billingSame')}</span>
        </label>
        ${
          this._billingSame
            ? nothing
            : html`<p class="vt-checkout__legend" style="grid-column: span 6">
                  ${this._t('checkout.billing')}
                </p>
                ${this._renderAddress('billing')}`
        }
      </div>
      ${cont}`;
  }

  private _renderCountry(): unknown {
    const countries = this.settings?.countries ?? [];
    const name = countryName(this._country, this.locale);
    if (countries.length < 2)
      return html`<p class="vt-checkout__muted">${this._t('checkout.shipTo', { country: name })}</p>`;
    if (!this._choosingCountry)
      return html`<div class="vt-checkout__recap">
        <p>${this._t('checkout.shipTo', { country: name })}</p>
        <button type="button" class="vt-checkout__link" @click=${() => this._chooseCountry()}>
          ${this._t('checkout.change')}
        </button>
      </div>`;
    return html`<div class="vt-checkout__field vt-checkout__country">
      <label for="vt-checkout-country">${this._t('checkout.country')}</label>
      <select
        id="vt-checkout-country"
        name="shipping-country"
        autocomplete="shipping country"
        @change=${(e: Event) => this._setCountry((e.target as HTMLSelectElement).value)}
      >
        ${countries.map(
          (c) =>
            html`<option value=${c} ?selected=${c === this._country}>${countryName(c, this.locale)}</option>`,
        )}
      </select>
    </div>`;
  }

  private _chooseCountry(): void {
    this._choosingCountry = true;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#vt-checkout-country')?.focus());
  }

  private _setCountry(country: string): void {
    if (country === this._country) return;
    this._country = country;
    this._priced = null;
    this._deliveryId = undefined;
    // Region lists differ by country: a US state is no Chinese province.
    const values = { ...this._values };
    for (const k of Object.keys(values))
      if (/^(shipping|billing)\.(region|postalCode)$/.test(k)) delete values[k];
    this._values = values;
    this._errors = {};
    this._refreshMethods();
    this._saveSoon();
  }

  private _renderAddress(group: 'shipping' | 'billing'): unknown {
    const collapsed = this._collapsed().filter(
      (f) => !(group === 'shipping' && this._cn && f.key === 'phone'),
    );
    const shown = this._visible(group === 'shipping' ? 'address' : 'payment');
    return html`${shown.map((f) => this._renderField(f))}
    ${collapsed
      .filter((f) => !shown.some((s) => s.path === `${group}.${f.key}`))
      .map((f) => this._opener(`${group}.${f.key}`, f.openLabel ?? f.label))}`;
  }

  private _opener(path: string, label: string): TemplateResult {
    return html`<button
      type="button"
      class="vt-checkout__link"
      style="grid-column: span 6"
      @click=${async () => {
        this._opened.add(path);
        this.requestUpdate();
        await this.updateComplete;
        this._input(path)?.focus();
        this._saveSoon();
      }}
    >
      + ${label}
    </button>`;
  }

  private _renderCheck(path: string, label: string): TemplateResult {
    return html`<label class="vt-checkout__check">
      <input
        type="checkbox"
        name=${path.replace('.', '-')}
        data-path=${path}
        .checked=${live(this._values[path] === '1')}
      />
      <span>${label}</span>
    </label>`;
  }

  private _renderField(f: FieldView): TemplateResult {
    const id = `vt-co-${f.path.replace('.', '-')}`;
    const error = this._errors[f.path] ?? '';
    const described = [f.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
    const value = this._values[f.path] ?? '';
    const label = html`<label for=${id}
      >${f.label}${f.required ? nothing : html` <span class="vt-checkout__optional">(${this._optional()})</span>`}</label
    >`;
    const control =
      f.type === 'select'
        ? html`<select
            id=${id}
            name=${f.name}
            autocomplete=${f.autocomplete}
            data-path=${f.path}
            ?required=${f.required}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described}
          >
            <option value="" ?selected=${!value}></option>
            ${f.options!.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
          </select>`
        : html`<input
            id=${id}
            name=${f.name}
            type=${f.type}
            autocomplete=${f.autocomplete}
            data-path=${f.path}
            .value=${live(value)}
            ?required=${f.required}
            maxlength=${f.maxLength ?? 200}
            inputmode=${f.inputMode ?? nothing}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described}
          />`;
    return html`<div class="vt-checkout__field" data-width=${f.width ?? nothing}>
      ${label}${control}
      ${f.hint ? html`<p class="vt-checkout__hint" id=${`${id}-hint`}>${f.hint}</p>` : nothing}
      <p class="vt-checkout__error" id=${`${id}-error`}>${error}</p>
    </div>`;
  }

  private _optional(): string {
    return this.locale === 'zh-CN' ? '选填' : 'optional';
  }

  private _renderSummary(price: OrderPrice): TemplateResult {
    const cart = this._cart!;
    const p = price.price;
    const shipping = { amount: p.shipping.amount - p.shippingDiscount.amount, currency: p.shipping.currency };
    return html`<aside class="vt-checkout__aside" aria-labelledby="vt-checkout-summary">
      <h2 id="vt-checkout-summary">${this._t('checkout.summary')}</h2>
      <ul class="vt-checkout__lines">
        ${cart.lines.map((l) => {
          const lp = p.lines.find((x) => x.variantId === l.variantId);
          return html`<li class="vt-checkout__line">
            ${l.image ? html`<img src=${l.image} alt="" width="56" height="56" loading="lazy" />` : html`<span></span>`}
            <div>
              <p>${l.title}</p>
              <p class="vt-checkout__muted">
                ${[...Object.values(l.options ?? {}), this._t('checkout.qty', { count: l.quantity })].join(' · ')}
              </p>
            </div>
            <span
              >${this._money(lp?.subtotal ?? { amount: l.price.amount * l.quantity, currency: l.price.currency })}</span
            >
          </li>`;
        })}
      </ul>
      <dl class="vt-checkout__totals">
        <dt>${this._t('checkout.subtotal')}</dt>
        <dd>${this._money(p.subtotal)}</dd>
        ${p.applied
          .filter((a) => a.class !== 'shipping')
          .map((a) => {
            const promo = this.settings?.promotions.find((x) => x.id === a.id);
            const reason = a.reason[this.locale as Locale] ?? a.reason.en;
            return html`<dt class="vt-checkout__saving">
                ${promo ? labelIn(promo.title, this.locale) : reason}
                ${promo ? html`<small class="vt-checkout__muted">${reason}</small>` : nothing}
              </dt>
              <dd class="vt-checkout__saving">−${this._money(a.amount)}</dd>`;
          })}
        <dt>${this._t('checkout.shipping')}</dt>
        <dd>${price.delivery ? this._cost(shipping) : '—'}</dd>
        <dt class="vt-checkout__grand">${this._t('checkout.total')}</dt>
        <dd class="vt-checkout__grand">${this._money(p.total)}</dd>
      </dl>
    </aside>`;
  }

  private _renderPlaced(order: OrderConfirmation): TemplateResult {
    const contact = (this._values['contact.email'] || this._values['shipping.phone'] || '').trim();
    return html`<div class="vt-checkout__done" role="status">
      <h2 tabindex="-1">
        ${order.status === 'pending' ? this._t('checkout.pending') : this._t('checkout.thanks')}
      </h2>
      <p>${this._t('checkout.orderId', { id: order.orderId })}</p>
      ${order.total ? html`<p>${this._t('checkout.total')}: ${this._money(order.total)}</p>` : nothing}
      ${contact ? html`<p>${this._t('checkout.confirmationTo', { contact })}</p>` : nothing}
      ${
        this.accountUrl
          ? html`<p>${this._t('checkout.account')}</p>
              <a class="vt-checkout__link" href=${this.accountUrl}>${this._t('checkout.createAccount')}</a>`
          : nothing
      }
      <a class="vt-checkout__link" href=${this.continueUrl}>${this._t('checkout.continueShopping')}</a>
    </div>`;
  }
}
