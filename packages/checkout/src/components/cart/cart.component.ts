import { html, nothing, svg, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  STATUS,
  codeField,
  codeFieldStyles,
  formatMoney,
  getCartStore,
  pricingLines,
  reportError,
  type Cart,
  type CartLine,
  type CartStore,
  type Locale,
  type Money,
} from '@vitrine/core';
import { codeVerdict, type LineResult } from '@vitrine/pricing';
import { vtEvent } from '@vitrine/schema';
import { CheckoutElement } from '../../shared/checkout-element.js';
import type { CheckoutConfig } from '../../order/order-types.js';
import { priceOrder, type OrderPrice } from '../../order/price-order.js';
import { checkoutFunnel } from '../../shared/checkout-funnel.js';
import { cartMsg, type CartMessageKey } from './cart.messages.js';
import { cartStyles } from './cart.styles.js';

/** The quantity field's range; larger orders go through the shop. */
const MAX_QUANTITY = 99;
/** How long "Removed … Undo" stays (longer while the Undo button has focus). */
const UNDO_MS = 8000;
/** Quiet time after a cart change before `validate-src` is asked. */
const VALIDATE_MS = 300;

const CROSS = svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/>`;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A shop text: a string, or one per locale (`{en, 'zh-CN'}`). */
function localized(text: unknown, locale: Locale, fallback: string): string {
  if (typeof text === 'string' && text) return text;
  const o = (typeof text === 'object' && text ? text : {}) as Partial<Record<Locale, unknown>>;
  const t = o[locale] || o.en || o['zh-CN'];
  return typeof t === 'string' ? t : fallback;
}

/**
 * `url` when it is http(s) or relative (or, for a picture, a `data:image/` URL): a stored line must
 * not smuggle a `javascript:` link in.
 */
function safeUrl(url: string | undefined, image = false): string | undefined {
  if (!url) return undefined;
  if (image && url.startsWith('data:image/')) return url;
  try {
    return /^https?:$/.test(new URL(url, location.href).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The innermost focused element, through open shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const isMoney = (m: unknown): m is Money =>
  typeof m === 'object' &&
  m !== null &&
  Number.isSafeInteger((m as Money).amount) &&
  (m as Money).amount >= 0 &&
  typeof (m as Money).currency === 'string';

/** One entry of the `validate-src` answer. */
interface CheckedLine {
  variantId?: unknown;
  available?: unknown;
  price?: unknown;
}

/** A message under the code field: the result of adding a code, or why it failed. */
type FormMessage = { text: string; error: boolean };

/**
 * The shopping cart (购物车), as a page section or a drawer. Each line shows its picture, title
 * (a link to the product), options, unit price (with the compare-at price struck through), a
 * quantity stepper, the line total and what offers save on it; Remove takes a line out with an
 * 8-second Undo. The summary shows the subtotal, every applied promotion with its amount and why
 * it applies, the cheapest shipping to the shop's first country (or `country`) with a "free
 * shipping over …" hint, and the total: the cart is priced by `priceOrder`, exactly as
 * `<vt-checkout>` and the shop's server price it. A coupon field adds codes (an unknown or unusable
 * code is refused with the engine's reason, the typed text kept); the checkout button links to
 * `checkout-url`. It follows the shared cart live, across tabs, and announces changes politely.
 *
 * With `mode="drawer"` it is a modal dialog sliding in from the inline end, opened with the `open`
 * attribute or `show()`, closed with Escape, the close button, a click on the backdrop or `hide()`;
 * focus moves into it and back to where it was.
 *
 * The shop's {@link CheckoutConfig} (promotions, delivery options, countries) comes from the
 * `config` property, an inline `<script type="application/json">` child or `src`. With
 * `validate-src`, the cart is checked against the shop's stock and prices after loading and after
 * each change: the element POSTs `{locale, lines: [{variantId, productId, quantity, price}]}` and
 * reads `{lines: [{variantId, available, price}]}`. A line with `available: false` is shown as sold
 * out and blocks checkout until removed; a different `price` is saved to the cart
 * (`store.setPrice`) and the line says "Price changed from $X to $Y". When that endpoint fails the
 * cart keeps working and one console warning says so.
 *
 * @tag vt-cart
 *
 * @event vt-funnel - GA4 `view_cart` each time the drawer opens on a cart with lines, or in page mode
 * once when the lines are first shown: `currency`, `value` (unit price × quantity summed) and `items`,
 * money in minor units. The cart store itself dispatches `add_to_cart` / `remove_from_cart` for the
 * changes made here (on `document`).
 * @event vt-ready - The configuration and the cart are loaded and shown; detail `{tag}`.
 * @event vt-error - The configuration is unusable, or the cart could not be read or changed; detail
 * `{tag, attribute, message}`.
 *
 * @csspart base - The wrapper (page mode).
 * @csspart dialog - The `<dialog>` (drawer mode).
 * @csspart panel - The drawer's content box.
 * @csspart header - The drawer's top bar: heading and close button.
 * @csspart heading - The drawer's heading ("Your cart").
 * @csspart count - The number of items next to the heading.
 * @csspart close - The drawer's close button.
 * @csspart body - The drawer's scrolling area.
 * @csspart notice - The live region of "Removed … Undo".
 * @csspart undo - The Undo button.
 * @csspart lines - The list of lines.
 * @csspart line - One line; a sold-out line also has `line-unavailable`.
 * @csspart line-unavailable - A line the shop reported sold out.
 * @csspart image - The line's picture (or the empty box reserving its place).
 * @csspart title - The line's title (a link when the line has a `url`).
 * @csspart options - The chosen options ("Colour: Navy · Size: M").
 * @csspart unit-price - The unit price.
 * @csspart compare-at - The struck-through compare-at price.
 * @csspart sold-out - "Sold out".
 * @csspart price-changed - "Price changed from $X to $Y".
 * @csspart stepper - The quantity control.
 * @csspart decrease - The − button.
 * @csspart quantity - The quantity field.
 * @csspart increase - The + button.
 * @csspart line-total - The line's total (unit price × quantity).
 * @csspart line-saving - What offers save on the line.
 * @csspart remove - A line's Remove button.
 * @csspart summary - The totals block.
 * @csspart summary-heading - "Order summary".
 * @csspart row - A row of the totals; also `row-discount`, `row-shipping` or `row-total`.
 * @csspart reason - Why a promotion applies.
 * @csspart free-over - "Free shipping over $50: add $8.00 more."
 * @csspart note - The note on taxes and shipping.
 * @csspart form - The coupon code form.
 * @csspart label - The coupon field's label.
 * @csspart input - The coupon field.
 * @csspart submit - The Apply button.
 * @csspart form-message - The result of adding a code, or why it was refused.
 * @csspart codes - The codes entered, with their state.
 * @csspart code - A code.
 * @csspart code-state - What a code saves, or why it does not apply.
 * @csspart remove-code - A code's Remove button.
 * @csspart blocked - "Remove sold-out items to check out."
 * @csspart checkout - The checkout button (a link; not a link while a line is sold out).
 * @csspart empty - The empty view.
 * @csspart continue - The "Continue shopping" link.
 * @csspart status - The loading or error message.
 *
 * @cssproperty --vt-cart-min-height - Space reserved in page mode, so nothing shifts when the cart loads (18rem).
 * @cssproperty --vt-cart-gap - Space between the blocks. Defaults to `--vt-space-4`.
 * @cssproperty --vt-cart-accent - The checkout button, and the borders of Apply, Undo and the price-change note. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-cart-on-accent - Text on the accent colour. Defaults to `--vt-color-on-accent`.
 * @cssproperty --vt-cart-image-size - Size of the line pictures (4.5rem).
 * @cssproperty --vt-cart-border - Separator between lines (1px solid `--vt-color-border`).
 * @cssproperty --vt-cart-save-color - Savings and discounts. Defaults to `--vt-color-sale`.
 * @cssproperty --vt-cart-drawer-width - Width of the drawer (`min(28rem, 100vw)`).
 * @cssproperty --vt-cart-surface - Background of the drawer. Defaults to `--vt-color-surface`.
 * @cssproperty --vt-cart-backdrop - What covers the page behind the drawer (`rgb(0 0 0 / 0.45)`).
 */
export class VtCart extends CheckoutElement {
  static override styles = [...CheckoutElement.styles, codeFieldStyles, cartStyles];

  static override properties = {
    mode: { type: String, reflect: true },
    open: { type: Boolean, reflect: true },
    country: { type: String },
    checkoutUrl: { type: String, attribute: 'checkout-url' },
    continueUrl: { type: String, attribute: 'continue-url' },
    validateSrc: { type: String, attribute: 'validate-src' },
    store: { attribute: false },
    _cart: { state: true },
    _config: { state: true },
    _announce: { state: true },
    _form: { state: true },
    _removed: { state: true },
    _soldOut: { state: true },
    _changed: { state: true },
    _pending: { state: true },
  };

  /** `page` (default): a section of the cart page. `drawer`: a modal panel from the inline end. */
  declare mode: 'page' | 'drawer';
  /** Drawer mode: the drawer is open. Set it, or call `show()` / `hide()`. */
  declare open: boolean;
  /** Shipping country (ISO 3166-1 alpha-2) of the estimate; the config's first country by default. */
  declare country: string | undefined;
  /** Where the checkout button leads. Default `/checkout`. */
  declare checkoutUrl: string;
  /** Where "Continue shopping" leads from an empty cart. Default `/`. */
  declare continueUrl: string;
  /** URL that checks stock and prices (POST, JSON); see above. */
  declare validateSrc: string | undefined;
  /** The cart to show and change. Defaults to the page's shared cart (`getCartStore()`). */
  declare store: CartStore | undefined;
  declare _cart: Cart | null;
  declare _config: CheckoutConfig | null;
  declare _announce: string;
  declare _form: FormMessage | null;
  declare _removed: CartLine | null;
  declare _soldOut: ReadonlySet<string>;
  declare _changed: ReadonlyMap<string, { from: Money; to: Money }>;
  declare _pending: ReadonlyMap<string, number>;

  private _store: CartStore | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _cartFailed = false;
  private _fresh = false;
  private _synced = false;
  private _order: OrderPrice | null = null;
  private _pricedFor: unknown[] = [];
  private _announcedReady = false;
  private _viewed = false;
  private _viewDue = false;
  private _opener: HTMLElement | null = null;
  private _undoTimer: ReturnType<typeof setTimeout> | undefined;
  private _checkTimer: ReturnType<typeof setTimeout> | undefined;
  private _checkAbort: AbortController | null = null;
  private _checked = '';
  private _checkWarned = false;

  constructor() {
    super();
    this.mode = 'page';
    this.open = false;
    this.checkoutUrl = '/checkout';
    this.continueUrl = '/';
    this._cart = null;
    this._config = null;
    this._announce = '';
    this._form = null;
    this._removed = null;
    this._soldOut = new Set();
    this._changed = new Map();
    this._pending = new Map();
    this.status = STATUS.loading;
  }

  /** Opens the drawer (drawer mode). */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer; focus returns to where it was when the drawer opened. */
  hide(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._connectStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unsubscribe?.();
    this._unsubscribe = null;
    clearTimeout(this._undoTimer);
    this._removed = null;
    clearTimeout(this._checkTimer);
    this._checkAbort?.abort();
    this._checked = '';
  }

  private get _drawer(): boolean {
    return this.mode === 'drawer';
  }

  private _m(key: CartMessageKey, values?: Record<string, string | number>): string {
    return cartMsg(this.locale, key, values);
  }

  private _money(m: Money): string {
    return formatMoney(m, this.locale);
  }

  private _total(): string {
    return this._order ? this._money(this._order.price.total) : '';
  }

  protected override errorMessage(): string {
    return this._m('cartView.error');
  }

  protected override configChanged(config: CheckoutConfig): void {
    this._config = config;
    this._fresh = true;
  }

  /** Subscribes to the cart store (again after a reconnect, or to the new one when `store` changes). */
  private _connectStore(): void {
    let store: CartStore;
    try {
      store = this.store ?? getCartStore();
      if (store === this._store && this._unsubscribe) return;
      this._unsubscribe?.();
      this._unsubscribe = null;
      if (store !== this._store) {
        this._cart = null;
        this._pricedFor = [];
        if (this._cartFailed) {
          this._cartFailed = false;
          this._fresh = true;
        }
      }
      this._store = store;
      this._unsubscribe = store.subscribe((cart, reason) => {
        if (this._store !== store) return;
        this._cart = cart;
        if (reason === 'sync') this._synced = true;
      });
    } catch (error) {
      this._failCart(error);
      return;
    }
    store.ready.then(
      () => {
        if (this._store === store && this._unsubscribe) this._cart = store.get();
      },
      (error: unknown) => {
        if (this._store === store) this._failCart(error);
      },
    );
  }

  private _failCart(error: unknown): void {
    this._cartFailed = true;
    this.fail('cart', `could not be read: ${errorText(error)}`);
  }

  /** Prices `cart` the one way `<vt-checkout>` and the shop's server do. */
  private _priceFor(cart: Cart): OrderPrice {
    return priceOrder({
      lines: pricingLines(cart),
      codes: cart.codes,
      config: this._config!,
      now: this.clock.now(),
      ...(this.country && { country: this.country }),
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('store') && this.isConnected) this._connectStore();
    if (changed.has('validateSrc')) this._checked = '';
    if (this._fresh && !this._cartFailed) {
      this._fresh = false;
      this.succeed(STATUS.loading);
    }
    if (this._cartFailed) this.status = STATUS.error;
    if (this.status === STATUS.error) return;
    const cart = this._cart;
    const config = this._config;
    if (!cart || !config) {
      this.status = STATUS.loading;
      return;
    }
    const inputs = [cart, config, this.country];
    if (!inputs.every((v, i) => v === this._pricedFor[i])) {
      this._pricedFor = inputs;
      this._order = this._priceFor(cart);
      if (this._synced && this.hasUpdated)
        this._announce = this._m('cartView.synced', { total: this._total() });
      this._synced = false;
      this._forget(cart);
    }
    this._queueCheck(cart);
    this.status = cart.lines.length ? STATUS.ready : STATUS.empty;
  }

  /** Drops the notes and pending quantities of lines that left the cart. */
  private _forget(cart: Cart): void {
    const ids = new Set(cart.lines.map((l) => l.variantId));
    const keep = <V>(map: ReadonlyMap<string, V>) => new Map([...map].filter(([id]) => ids.has(id)));
    if ([...this._changed.keys()].some((id) => !ids.has(id))) this._changed = keep(this._changed);
    if ([...this._soldOut].some((id) => !ids.has(id)))
      this._soldOut = new Set([...this._soldOut].filter((id) => ids.has(id)));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this._drawer) this._syncDialog();
    const loaded = this.status === STATUS.ready || this.status === STATUS.empty;
    if (!loaded) return;
    if (!this._announcedReady) {
      this._announcedReady = true;
      this.dispatchEvent(vtEvent('vt-ready', { tag: this.localName }));
    }
    if (this._drawer ? this._viewDue : !this._viewed && this.status === STATUS.ready) {
      this._viewDue = false;
      this._viewed = true;
      this._viewCart();
    }
  }

  /** Opens or closes the `<dialog>` to match `open`. */
  private _syncDialog(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      const active = deepActiveElement();
      try {
        dialog.showModal();
      } catch (error) {
        // E.g. inside a popover or a closed <details>: stay closed and say why.
        console.warn(`<${this.localName}>: could not open: ${errorText(error)}`);
        this.open = false;
        return;
      }
      this._opener = active instanceof HTMLElement && active !== document.body ? active : null;
      this._viewDue = true;
    } else if (!this.open && dialog.open) {
      dialog.close();
      const opener = this._opener;
      this._opener = null;
      if (opener?.isConnected) opener.focus();
    }
  }

  /** GA4 `view_cart` with every line (at most 200, GA4's limit). */
  private _viewCart(): void {
    const cart = this._cart;
    if (!cart?.lines.length) return;
    const order = this._order ?? this._priceFor(cart);
    this.dispatchEvent(vtEvent('vt-funnel', checkoutFunnel('view_cart', cart, order.price)));
  }

  /** Runs a cart change; a failure is reported and announced, and the cart stays usable. */
  private async _change(run: (store: CartStore) => Promise<unknown>): Promise<boolean> {
    const store = this._store;
    if (!store) return false;
    try {
      await run(store);
      return true;
    } catch (error) {
      reportError(this, { attribute: 'cart', message: `could not be changed: ${errorText(error)}` });
      this._announce = this._m('cartView.failed');
      return false;
    }
  }

  private async _setQuantity(line: CartLine, wanted: number, input?: HTMLInputElement): Promise<void> {
    const id = line.variantId;
    const current = this._pending.get(id) ?? line.quantity;
    const quantity = Number.isFinite(wanted)
      ? Math.min(MAX_QUANTITY, Math.max(1, Math.round(wanted)))
      : current;
    if (input) input.value = String(quantity);
    if (quantity === current) return;
    // Shown at once, so quick clicks add up before the store has saved the first one.
    this._pending = new Map(this._pending).set(id, quantity);
    const ok = await this._change((s) => s.setQuantity(id, quantity));
    if (this._pending.get(id) === quantity) {
      const pending = new Map(this._pending);
      pending.delete(id);
      this._pending = pending;
    }
    if (!ok || this._pending.has(id)) return;
    await this.updateComplete;
    this._announce = this._m('cartView.updated', { total: this._total() });
  }

  /** − and +: from the quantity shown, which quick clicks may have moved before the store saved it. */
  private _step(line: CartLine, by: 1 | -1): void {
    const next = (this._pending.get(line.variantId) ?? line.quantity) + by;
    if (next >= 1 && next <= MAX_QUANTITY) void this._setQuantity(line, next);
  }

  private _onQuantityKey(event: KeyboardEvent, line: CartLine): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const input = event.currentTarget as HTMLInputElement;
    void this._setQuantity(line, input.valueAsNumber, input);
  }

  private async _remove(line: CartLine): Promise<void> {
    if (!(await this._change((s) => s.remove(line.variantId)))) return;
    clearTimeout(this._undoTimer);
    this._removed = line;
    this._undoTimer = setTimeout(() => this._expireUndo(), UNDO_MS);
    await this.updateComplete;
    // The line and its button are gone: keep focus nearby, on the way back.
    this.renderRoot.querySelector<HTMLElement>('[part="undo"]')?.focus();
  }

  private _expireUndo(): void {
    // Never pull the button from under the keyboard: wait until focus leaves it.
    if (this.shadowRoot?.activeElement?.getAttribute('part') === 'undo') {
      this._undoTimer = setTimeout(() => this._expireUndo(), UNDO_MS);
      return;
    }
    this._removed = null;
  }

  private async _undo(): Promise<void> {
    const line = this._removed;
    if (!line) return;
    clearTimeout(this._undoTimer);
    this._removed = null;
    if (!(await this._change((s) => s.add({ ...line })))) return;
    await this.updateComplete;
    this._announce = this._m('cartView.restored', { title: line.title, total: this._total() });
    const i = this._cart?.lines.findIndex((l) => l.variantId === line.variantId) ?? -1;
    this.renderRoot.querySelectorAll<HTMLElement>('[part="remove"]')[i]?.focus();
  }

  private async _submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    const cart = this._cart;
    if (!cart || !this._config) return;
    const fail = (text: string) => (this._form = { text, error: true });
    if (!code) return void fail(this._m('cartView.codeEmpty'));
    if (cart.codes.some((c) => same(c, code))) {
      this._form = { text: this._m('cartView.codeHave', { code }), error: false };
      return;
    }
    // Priced with the code before it is saved, so a code that cannot apply never reaches the cart
    // (nor the other tabs).
    const trial = this._priceFor({ ...cart, codes: [...cart.codes, code] }).price;
    const verdict = codeVerdict(code, this._config.promotions, trial);
    // The engine's own words; the typed text stays for correction.
    if (verdict.kind === 'refused') return void fail(verdict.message[this.locale]);
    if (!(await this._change((s) => s.addCode(code)))) return void fail(this._m('cartView.failed'));
    input.value = '';
    this._form = {
      text:
        verdict.kind === 'applied'
          ? this._m('cartView.codeApplied', { code, amount: this._money(verdict.amount) })
          : this._m('cartView.codeAdded', { code, reason: verdict.message[this.locale] }),
      error: false,
    };
  }

  private async _removeCode(code: string): Promise<void> {
    if (!(await this._change((s) => s.removeCode(code)))) return;
    this._form = null;
    await this.updateComplete;
    this._announce = this._m('cartView.codeRemoved', { code, total: this._total() });
    this.renderRoot.querySelector<HTMLElement>('[part="input"]')?.focus();
  }

  /** Asks `validate-src` about the cart once it has been quiet for a moment (not twice for one cart). */
  private _queueCheck(cart: Cart): void {
    if (!this.validateSrc || !cart.lines.length) return;
    const body = this._checkBody(cart);
    if (body === this._checked) return;
    this._checked = body;
    clearTimeout(this._checkTimer);
    this._checkTimer = setTimeout(() => void this._check(body), VALIDATE_MS);
  }

  private _checkBody(cart: Cart): string {
    const lines = cart.lines.map(({ variantId, productId, quantity, price }) => ({
      variantId,
      productId,
      quantity,
      price,
    }));
    return JSON.stringify({ locale: this.locale, lines });
  }

  /** POSTs the cart to `validate-src` (one retry on a network error or 5xx) and applies the answer. */
  private async _check(body: string): Promise<void> {
    this._checkAbort?.abort();
    const abort = (this._checkAbort = new AbortController());
    const src = this.validateSrc;
    if (!src) return;
    let answer: unknown;
    let problem = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt) await new Promise((ok) => setTimeout(ok, 400));
      if (abort.signal.aborted) return;
      try {
        const res = await fetch(src, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          signal: abort.signal,
        });
        if (res.ok) {
          answer = await res.json();
          problem = '';
          break;
        }
        problem = `answered HTTP ${res.status}`;
        if (res.status < 500) break;
      } catch (error) {
        if (abort.signal.aborted) return;
        problem = `could not be read: ${errorText(error)}`;
      }
    }
    const list = (answer as { lines?: unknown } | null)?.lines;
    if (!problem && !Array.isArray(list)) problem = 'did not answer {lines: [...]}';
    if (problem) {
      // The shop's server checks the order anyway; the cart keeps working without this.
      this._checked = '';
      if (!this._checkWarned) {
        this._checkWarned = true;
        console.warn(
          `<${this.localName}>: attribute "validate-src" (${src}) ${problem}; stock and prices are not checked`,
        );
      }
      return;
    }
    await this._apply(list as CheckedLine[], body);
  }

  /** Applies the answer about the cart posted as `body`. */
  private async _apply(list: CheckedLine[], body: string): Promise<void> {
    const cart = this._store?.get();
    if (!cart) return;
    const unchanged = this._checkBody(cart) === body;
    const soldOut = new Set<string>();
    const notes: string[] = [];
    const changes = new Map(this._changed);
    for (const x of list) {
      const line = cart.lines.find((l) => l.variantId === x?.variantId);
      if (!line) continue;
      if (x.available === false) {
        soldOut.add(line.variantId);
        if (!this._soldOut.has(line.variantId)) notes.push(`${line.title}: ${this._m('cartView.soldOut')}`);
      }
      const price = x.price;
      if (!isMoney(price) || price.currency !== line.price.currency || price.amount === line.price.amount)
        continue;
      const to = { amount: price.amount, currency: price.currency };
      if (!(await this._change((s) => s.setPrice(line.variantId, to)))) continue;
      changes.set(line.variantId, { from: line.price, to });
      notes.push(
        `${line.title}: ${this._m('cartView.priceChanged', { from: this._money(line.price), to: this._money(to) })}`,
      );
    }
    this._soldOut = soldOut;
    this._changed = changes;
    // The cart now differs from the one checked only by the server's own prices: no need to ask
    // again (a change the shopper made meanwhile is still checked).
    const now = this._store?.get();
    if (now && unchanged) {
      clearTimeout(this._checkTimer);
      this._checked = this._checkBody(now);
    }
    if (notes.length) this._announce = notes.join('. ');
  }

  /** Tab and Shift+Tab wrap inside the open drawer (WAI-ARIA APG dialog pattern). */
  private _onDialogKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      // Close now rather than through the dialog's own cancel, whose close event comes later.
      event.preventDefault();
      this.hide();
      return;
    }
    if (event.key !== 'Tab') return;
    const all = [
      ...this.renderRoot.querySelectorAll<HTMLElement>('dialog a[href], dialog button, dialog input'),
    ];
    const first = all[0];
    const last = all[all.length - 1];
    const active = this.shadowRoot?.activeElement;
    const to = event.shiftKey ? (active === first ? last : null) : active === last ? first : null;
    if (!to) return;
    event.preventDefault();
    to.focus();
  }

  // Closed natively (a back gesture, the close watcher): finish the job.
  private _onDialogClose(): void {
    if (this.open) this.hide();
  }

  private _onDialogCancel(event: Event): void {
    event.preventDefault();
    this.hide();
  }

  /** A click on the backdrop (the dialog itself, outside its panel) closes the drawer. */
  private _onDialogClick(event: MouseEvent): void {
    if (event.target === event.currentTarget) this.hide();
  }

  protected override render(): unknown {
    const view = html`${this._renderNotice()}${super.render()}
      <p class="sr" role="status">${this._announce}</p>`;
    if (!this._drawer) return html`<div part="base">${view}</div>`;
    const count = this._cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
    return html`<dialog
      part="dialog"
      aria-modal="true"
      aria-labelledby="heading"
      @keydown=${this._onDialogKey}
      @close=${this._onDialogClose}
      @cancel=${this._onDialogCancel}
      @click=${this._onDialogClick}
    >
      <div part="panel">
        <div part="header">
          <h2 part="heading" id="heading">
            ${this._m('cartView.title')}
            ${count ? html`<span part="count">${this._m('cartView.count', { count })}</span>` : nothing}
          </h2>
          <button part="close" type="button" aria-label=${this._m('cartView.close')} @click=${this.hide}>
            <svg viewBox="0 0 24 24" aria-hidden="true">${CROSS}</svg>
          </button>
        </div>
        <div part="body">${view}</div>
      </div>
    </dialog>`;
  }

  private _renderNotice() {
    const line = this._removed;
    return html`<div part="notice" role="status">
      ${
        line
          ? html`<p class="toast">
              <span>${this._m('cartView.removed', { title: line.title })}</span>
              <button part="undo" type="button" @click=${this._undo}>${this._m('cartView.undo')}</button>
            </p>`
          : nothing
      }
    </div>`;
  }

  protected override renderEmpty() {
    return html`<div part="empty">
      <p>${this._m('cartView.empty')}</p>
      <a part="continue" href=${this.continueUrl}>${this._m('cartView.continue')}</a>
    </div>`;
  }

  protected override renderReady() {
    const cart = this._cart!;
    const order = this._order!;
    const blocked = cart.lines.some((l) => this._soldOut.has(l.variantId));
    return html`<ul part="lines" aria-label=${this._m('cartView.lines')}>
        ${repeat(
          cart.lines,
          (l) => l.variantId,
          (l, i) =>
            this._renderLine(
              l,
              i,
              order.price.lines.find((x) => x.variantId === l.variantId),
            ),
        )}
      </ul>
      ${this._renderSummary(order)} ${this._renderForm(cart, order)}
      ${
        blocked
          ? html`<p part="blocked" id="blocked">${this._m('cartView.blocked')}</p>
              <a part="checkout" role="link" aria-disabled="true" aria-describedby="blocked"
                >${this._m('cartView.checkout')}</a
              >`
          : html`<a part="checkout" href=${this.checkoutUrl}>${this._m('cartView.checkout')}</a>`
      }`;
  }

  private _renderLine(line: CartLine, i: number, priced: LineResult | undefined) {
    const title = line.title;
    const soldOut = this._soldOut.has(line.variantId);
    const change = this._changed.get(line.variantId);
    const quantity = this._pending.get(line.variantId) ?? line.quantity;
    const href = safeUrl(line.url);
    const image = safeUrl(line.image, true);
    const options = Object.entries(line.options ?? {})
      .map(([name, value]) => this._m('cartView.option', { name, value }))
      .join(' · ');
    const was = line.compareAt && line.compareAt.amount > line.price.amount ? line.compareAt : null;
    const discount = priced?.discount.amount ?? 0;
    return html`<li part=${soldOut ? 'line line-unavailable' : 'line'}>
      ${
        image
          ? html`<img
              part="image"
              src=${image}
              alt=${title}
              width="80"
              height="80"
              loading="lazy"
              decoding="async"
            />`
          : html`<span part="image"></span>`
      }
      <div class="info">
        ${href ? html`<a part="title" href=${href}>${title}</a>` : html`<span part="title">${title}</span>`}
        ${options ? html`<p part="options">${options}</p>` : nothing}
        <p part="unit-price">
          ${was ? html`<span class="sr">${this.t('price.now')} </span>` : nothing}${this._m('cartView.each', {
            price: this._money(line.price),
          })}
          ${
            was
              ? html`<s part="compare-at"
                  ><span class="sr">${this.t('price.was')} </span>${this._money(was)}</s
                >`
              : nothing
          }
        </p>
        ${soldOut ? html`<p part="sold-out">${this._m('cartView.soldOut')}</p>` : nothing}
        ${
          change
            ? html`<p part="price-changed">
                ${this._m('cartView.priceChanged', { from: this._money(change.from), to: this._money(change.to) })}
              </p>`
            : nothing
        }
      </div>
      ${
        soldOut
          ? nothing
          : html`<div part="stepper">
              <button
                part="decrease"
                type="button"
                aria-label=${this._m('cartView.decrease', { title })}
                aria-disabled=${quantity <= 1 ? 'true' : 'false'}
                @click=${() => this._step(line, -1)}
              >
                −
              </button>
              <label class="sr" for="q${i}">${this._m('cartView.quantity', { title })}</label>
              <input
                part="quantity"
                id="q${i}"
                type="number"
                min="1"
                max=${MAX_QUANTITY}
                inputmode="numeric"
                .value=${String(quantity)}
                @change=${(e: Event) => {
                  const input = e.currentTarget as HTMLInputElement;
                  void this._setQuantity(line, input.valueAsNumber, input);
                }}
                @keydown=${(e: KeyboardEvent) => this._onQuantityKey(e, line)}
              />
              <button
                part="increase"
                type="button"
                aria-label=${this._m('cartView.increase', { title })}
                aria-disabled=${quantity >= MAX_QUANTITY ? 'true' : 'false'}
                @click=${() => this._step(line, 1)}
              >
                +
              </button>
            </div>`
      }
      <div class="amounts">
        <p part="line-total">
          <span class="sr">${this._m('cartView.lineTotal', { title })}: </span>${this._money(
            priced?.subtotal ?? { amount: line.price.amount * quantity, currency: line.price.currency },
          )}
        </p>
        ${
          discount > 0
            ? html`<p part="line-saving">
                ${this._m('cartView.lineSave', { amount: this._money(priced!.discount) })}
              </p>`
            : nothing
        }
      </div>
      <button
        part="remove"
        type="button"
        aria-label=${this._m('cartView.removeLabel', { title })}
        @click=${() => this._remove(line)}
      >
        ${this._m('cartView.remove')}
      </button>
    </li>`;
  }

  private _renderSummary(order: OrderPrice) {
    const { price, delivery } = order;
    const promotions = new Map(this._config!.promotions.map((p) => [p.id, p]));
    let shipping = this._m('cartView.shippingLater');
    let hint = '';
    if (delivery) {
      shipping = price.shipping.amount ? this._money(price.shipping) : this._m('cartView.free');
      const over = delivery.option.freeOver;
      const spent = price.subtotal.amount - price.discounts.amount;
      if (price.shipping.amount && over && over.currency === price.subtotal.currency && spent < over.amount)
        hint = this._m('cartView.freeOver', {
          threshold: this._money(over),
          more: this._money({ amount: over.amount - spent, currency: over.currency }),
        });
    }
    const title = this._m('cartView.summary');
    return html`<div part="summary">
      ${
        this._drawer
          ? html`<h3 part="summary-heading">${title}</h3>`
          : html`<h2 part="summary-heading">${title}</h2>`
      }
      <dl>
        <div part="row">
          <dt>${this._m('cartView.subtotal')}</dt>
          <dd>${this._money(price.subtotal)}</dd>
        </div>
        ${price.applied.map(
          (a) =>
            html`<div part="row row-discount">
              <dt>${localized(promotions.get(a.id)?.title, this.locale, a.id)}</dt>
              <dd>${this._m('cartView.off', { amount: this._money(a.amount) })}</dd>
              <dd part="reason">${a.reason[this.locale]}</dd>
            </div>`,
        )}
        <div part="row row-shipping">
          <dt>${this._m('cartView.shipping')}</dt>
          <dd>${shipping}</dd>
        </div>
        <div part="row row-total">
          <dt>${this._m('cartView.total')}</dt>
          <dd>${this._money(price.total)}</dd>
        </div>
      </dl>
      ${hint ? html`<p part="free-over">${hint}</p>` : nothing}
      <p part="note">${this._m('cartView.note')}</p>
    </div>`;
  }

  private _renderForm(cart: Cart, order: OrderPrice) {
    const f = this._form;
    const { applied, rejected } = order.price;
    const promotions = this._config!.promotions;
    return html`${codeField({
      label: this._m('cartView.codeLabel'),
      apply: this._m('cartView.apply'),
      message: f,
      onSubmit: (e) => void this._submit(e),
      onInput: () => {
        if (this._form?.error) this._form = null;
      },
    })}
    ${
      cart.codes.length
        ? html`<ul part="codes" aria-label=${this._m('cartView.codes')}>
            ${cart.codes.map((code) => {
              const p = promotions.find((x) => typeof x.code === 'string' && same(x.code.trim(), code));
              const a = p && applied.find((x) => x.id === p.id);
              const why = rejected.find((r) => (p ? r.id === p.id : same(r.id, code)));
              return html`<li>
                <code part="code">${code}</code>
                <span part="code-state" class=${a ? 'ok' : ''}
                  >${
                    a
                      ? this._m('cartView.off', { amount: this._money(a.amount) })
                      : (why?.message[this.locale] ?? '')
                  }</span
                >
                <button
                  part="remove-code"
                  type="button"
                  aria-label=${this._m('cartView.removeCode', { code })}
                  @click=${() => this._removeCode(code)}
                >
                  ${this._m('cartView.remove')}
                </button>
              </li>`;
            })}
          </ul>`
        : nothing
    }`;
  }
}
