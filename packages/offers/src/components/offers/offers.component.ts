import { html, nothing, type PropertyValues } from 'lit';
import {
  STATUS,
  codeField,
  codeFieldStyles,
  formatMoney,
  getCartStore,
  pricingLines,
  reportError,
  toFunnelItem,
  type Cart,
  type CartStore,
  type Money,
} from '@vitrine/core';
import {
  REASON,
  codeVerdict,
  priceCart,
  type PriceResult,
  type Promotion,
  type RejectedPromotion,
} from '@vitrine/pricing';
import { vtEvent, type Ga4Item } from '@vitrine/schema';
import { OffersElement } from '../../shared/offers-element.js';
import { promotionFunnel, promotionTitle as titleOf } from '../../shared/promotion-funnel.js';
import { offersMsg, type OffersMessageKey } from './offers.messages.js';
import { offersStyles } from './offers.styles.js';

/** How long "Copied" stays next to a coupon. */
const FEEDBACK_MS = 4000;

/** A promotion's coupon code, or '' for an automatic offer (bad shop data included). */
const codeOf = (p: Promotion): string => (typeof p.code === 'string' ? p.code.trim() : '');

/** The first currency named in the promotions (the cart's currency is unknown while it is empty). */
function currencyOf(promotions: Promotion[]): string | undefined {
  for (const p of promotions) {
    const q = p as Partial<Record<'minSpend' | 'amount' | 'price', Money>> & { tiers?: { spend?: Money }[] };
    const m = q.minSpend ?? q.amount ?? q.price ?? (Array.isArray(q.tiers) ? q.tiers[0]?.spend : undefined);
    if (typeof m?.currency === 'string' && /^[A-Z]{3}$/.test(m.currency)) return m.currency;
  }
  return undefined;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A message under the code field: an error (unknown code…) or the result of adding one. */
type FormMessage = { text: string; error: boolean };

/**
 * The coupon and spend-tier panel of product and cart pages (优惠券, 满减). It shows what the cart
 * saves now and which offers give it, a progress bar toward the next spend tier ("Add ¥45.00 to
 * save ¥30.00"), every offer with its state (applied and how much, or why not, translated) with
 * Apply/Remove and Copy code buttons for coupons, and a field to type a code. Everything follows
 * the shared cart live, across tabs; a change of the saving is announced politely.
 *
 * Prices are worked out in the page by `@vitrine/pricing` on the server's clock (`server-time`);
 * the shop's checkout must verify them (`verifyOrder`). Promotions come from the `promotions`
 * property, an inline `<script type="application/json">` or `src` (see `OffersElement`). With
 * `product-id`, the list keeps the offers that can apply to that product; the savings stay the
 * cart's.
 *
 * A typed code the shop does not have is refused inline with the engine's message, the text kept
 * for correction; a coupon that has ended cannot be applied. When the clipboard is unavailable or
 * refused, Copy code selects the code and says how to copy it. A promotion the engine cannot use
 * is shown as misconfigured; the rest keep working.
 *
 * @tag vt-offers
 *
 * @event vt-funnel - GA4 `view_promotion` once per offer when first shown, and `select_promotion`
 * when the shopper applies or copies a code; `promotion_id`, `promotion_name` (the English title) and
 * `items` (the cart lines, or the `product-id` item), money in minor units.
 * @event vt-ready - The promotions and the cart are loaded and shown; detail `{tag}`.
 * @event vt-error - The promotions are unusable, or the cart could not be read or changed; detail
 * `{tag, attribute, message}`.
 *
 * @csspart base - The wrapper of the ready view.
 * @csspart savings - What the cart saves now, with the applied offers.
 * @csspart total - The "You save ¥30.00" line.
 * @csspart applied - The list of applied offers.
 * @csspart amount - An amount saved, in the applied list and in a coupon.
 * @csspart tier - The spend-tier block: bar and text.
 * @csspart progress - The progress bar (`role="progressbar"`).
 * @csspart progress-fill - The filled part of the bar.
 * @csspart tier-text - "Add ¥45.00 to save ¥30.00", or that the top tier is reached.
 * @csspart heading - The count above the offers.
 * @csspart coupons - The list of offers.
 * @csspart coupon - One offer; it also has `coupon-applied` or `coupon-unavailable`.
 * @csspart coupon-applied - An offer that applies to the cart now.
 * @csspart coupon-unavailable - An offer that does not apply (yet).
 * @csspart title - An offer's title.
 * @csspart code - A coupon code (select it with one click).
 * @csspart auto - The "No code needed" label of an offer without a code.
 * @csspart state - Why an offer applies or not.
 * @csspart apply - The Apply / Remove button of a coupon.
 * @csspart copy - The Copy code button.
 * @csspart feedback - "Copied", or how to copy by hand when the clipboard is unavailable.
 * @csspart form - The code entry form (absent with `no-code-entry`).
 * @csspart label - The field label.
 * @csspart input - The code field.
 * @csspart submit - The button that adds the typed code.
 * @csspart form-message - The result of adding a code, or why it failed.
 * @csspart status - The loading, empty or error message.
 *
 * @cssproperty --vt-offers-min-height - Space reserved before the cart loads, so nothing shifts (10rem).
 * @cssproperty --vt-offers-gap - Space between the blocks. Defaults to `--vt-space-4`.
 * @cssproperty --vt-offers-accent - Progress fill, applied marks and buttons. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-offers-on-accent - Text on the accent colour. Defaults to `--vt-color-on-accent`.
 * @cssproperty --vt-offers-track - Progress bar track. Defaults to `--vt-color-surface-raised`.
 * @cssproperty --vt-offers-bar-height - Height of the progress bar (0.5rem).
 * @cssproperty --vt-offers-coupon-background - Background of an offer. Defaults to `--vt-color-surface`.
 * @cssproperty --vt-offers-coupon-border - Border of an offer (1px dashed `--vt-color-border`).
 * @cssproperty --vt-offers-save-color - Colour of the savings line. Defaults to `--vt-color-sale`.
 */
export class VtOffers extends OffersElement {
  static override styles = [...OffersElement.styles, codeFieldStyles, offersStyles];

  static override properties = {
    productId: { type: String, attribute: 'product-id' },
    newCustomer: { type: Boolean, attribute: 'new-customer' },
    noCodeEntry: { type: Boolean, attribute: 'no-code-entry' },
    store: { attribute: false },
    _cart: { state: true },
    _announce: { state: true },
    _form: { state: true },
    _feedback: { state: true },
  };

  /** Product page mode: list only the offers that can apply to this product id. */
  declare productId: string | undefined;
  /** The shopper is a new customer (offers with `eligibility.newCustomersOnly` can apply). */
  declare newCustomer: boolean;
  /** Hides the field for typing a coupon code. */
  declare noCodeEntry: boolean;
  /** The cart to show and change. Defaults to the page's shared cart (`getCartStore()`). */
  declare store: CartStore | undefined;
  declare _cart: Cart | null;
  declare _announce: string;
  declare _form: FormMessage | null;
  declare _feedback: { id: string; ok: boolean } | null;

  private _store: CartStore | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _cartFailed = false;
  private _result: PriceResult | null = null;
  private _pricedFor: unknown[] = [];
  /** Promotions the engine rejected as misconfigured (bad shop data), each warned about once. */
  private _broken = new Set<string>();
  private _alone = new Map<string, RejectedPromotion>();
  private _saved: number | null = null;
  private _viewed = new Set<string>();
  private _announcedReady = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.newCustomer = false;
    this.noCodeEntry = false;
    this._cart = null;
    this._announce = '';
    this._form = null;
    this._feedback = null;
    this.status = STATUS.loading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._connectStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unsubscribe?.();
    this._unsubscribe = null;
    clearTimeout(this._timer);
  }

  private _m(key: OffersMessageKey, values?: Record<string, string | number>): string {
    return offersMsg(this.locale, key, values);
  }

  private _money(m: Money): string {
    return formatMoney(m, this.locale);
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
        this._saved = null;
        this._pricedFor = [];
        if (this._cartFailed) {
          this._cartFailed = false;
          this.succeed(STATUS.loading);
        }
      }
      this._store = store;
      this._unsubscribe = store.subscribe((cart) => {
        if (this._store === store) this._cart = cart;
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

  protected override errorMessage(): string {
    return this._m('offers.error');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('store') && this.isConnected) this._connectStore();
    if (this._cartFailed) this.status = STATUS.error;
    if (this.status === STATUS.error || !this.promos) return;
    const cart = this._cart;
    if (!cart) {
      this.status = STATUS.loading;
      return;
    }
    const inputs = [cart, this.promos, this.newCustomer, this.productId];
    // Only when something priced or listed changed: the status is left alone otherwise.
    if (inputs.every((v, i) => v === this._pricedFor[i])) return;
    if (this.promos !== this._pricedFor[1]) this._broken = new Set();
    this._pricedFor = inputs;
    const result = this._price(cart, cart.codes);
    this._result = result;
    this._alone = this._whatIf(cart);
    const saved = result.discounts.amount + result.shippingDiscount.amount;
    // Announce changes the shopper caused (or another tab did), not the first view.
    if (this._saved !== null && saved !== this._saved) this._announce = this._savingText(result);
    this._saved = saved;
    const something = this._shown().length || result.applied.length || result.nextTier;
    this.status = something ? STATUS.ready : STATUS.empty;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.status !== STATUS.ready && this.status !== STATUS.empty) return;
    if (!this._announcedReady) {
      this._announcedReady = true;
      this.dispatchEvent(vtEvent('vt-ready', { tag: this.localName }));
    }
    for (const p of this._shown())
      if (!this._viewed.has(p.id)) {
        this._viewed.add(p.id);
        this._funnel('view_promotion', p);
      }
  }

  private _run(cart: Cart, codes: readonly string[], promotions: Promotion[]): PriceResult {
    return priceCart({
      lines: pricingLines(cart),
      promotions,
      context: {
        now: this.clock.now(),
        codes: [...codes],
        newCustomer: this.newCustomer,
        // An empty cart has no currency of its own yet: price in the shop's.
        currency: cart.lines.length ? cart.currency : (currencyOf(this.promos ?? []) ?? cart.currency),
      },
    });
  }

  /**
   * Prices the cart with `codes`. The engine never throws; a promotion it finds misconfigured is
   * shown as such and named once in a console warning, and the rest keep working.
   */
  private _price(cart: Cart, codes: readonly string[]): PriceResult {
    const r = this._run(cart, codes, this.promos ?? []);
    for (const x of r.rejected) if (x.reason === 'invalid') this._markBroken(x.id);
    return r;
  }

  /**
   * Why each coupon not entered yet would not apply if entered (the engine checks the code
   * first, so an ended coupon would otherwise only say "Enter the code").
   */
  private _whatIf(cart: Cart): Map<string, RejectedPromotion> {
    const found = new Map<string, RejectedPromotion>();
    for (const p of this.promos ?? []) {
      const code = codeOf(p);
      if (!code || this._broken.has(p.id) || cart.codes.some((c) => same(c, code))) continue;
      const why = this._run(cart, [code], [p]).rejected.find((x) => x.id === p.id);
      if (why) found.set(p.id, why);
    }
    return found;
  }

  private _markBroken(id: string): void {
    if (this._broken.has(id)) return;
    this._broken.add(id);
    console.warn(
      `<${this.localName}>: promotion "${id}" is misconfigured (a field is missing or has the wrong type; see the @vitrine/pricing README) and is not applied`,
    );
  }

  /** The promotions listed: all, or with `product-id` those that can apply to that product. */
  private _shown(): Promotion[] {
    const id = this.productId;
    return (this.promos ?? []).filter((p) => {
      if (!id) return true;
      // A set is about its own products, whatever its eligibility says.
      if (p.kind === 'bundle' && Array.isArray(p.items)) return p.items.some((i) => i?.productId === id);
      const e = p.eligibility;
      if (!e || typeof e !== 'object') return true;
      if (Array.isArray(e.products)) return e.products.includes(id);
      return !e.skus && !e.categories && !e.brands;
    });
  }

  private _savingText(r: PriceResult): string {
    const saved = r.discounts.amount + r.shippingDiscount.amount;
    return saved
      ? this._m('offers.save', { amount: this._money({ amount: saved, currency: r.discounts.currency }) })
      : this._m('offers.noSave');
  }

  /** GA4 items: the `product-id` item on a product page, else the cart lines. */
  private _items(): { items: Ga4Item[]; currency?: string } {
    const cart = this._cart;
    const lines = (cart?.lines ?? []).filter((l) => !this.productId || l.productId === this.productId);
    const items: Ga4Item[] = lines.slice(0, 200).map((l) => toFunnelItem(l, l.quantity));
    if (this.productId && !items.length) items.push({ item_id: this.productId, item_name: this.productId });
    return lines.length && cart ? { items, currency: cart.currency } : { items };
  }

  private _funnel(name: 'view_promotion' | 'select_promotion', p: Promotion): void {
    const { items, currency } = this._items();
    this.dispatchEvent(vtEvent('vt-funnel', promotionFunnel(name, p, items, currency)));
  }

  /** Runs a cart change; a failure is reported and announced, and the panel stays usable. */
  private async _change(run: (store: CartStore) => Promise<unknown>): Promise<boolean> {
    const store = this._store;
    if (!store) return false;
    try {
      await run(store);
      return true;
    } catch (error) {
      reportError(this, { attribute: 'cart', message: `could not be changed: ${errorText(error)}` });
      this._announce = this._m('offers.failed');
      return false;
    }
  }

  private _toggle(p: Promotion, inCart: string | undefined): void {
    const code = codeOf(p);
    if (inCart) {
      void this._change((s) => s.removeCode(inCart));
      return;
    }
    this._funnel('select_promotion', p);
    void this._change((s) => s.addCode(code));
  }

  private async _copy(p: Promotion, index: number): Promise<void> {
    this._funnel('select_promotion', p);
    let ok = false;
    try {
      await navigator.clipboard.writeText(codeOf(p));
      ok = true;
    } catch {
      // No clipboard (plain http, old browser) or permission refused: the shopper copies by hand.
    }
    this._feedback = { id: p.id, ok };
    clearTimeout(this._timer);
    if (ok) this._timer = setTimeout(() => (this._feedback = null), FEEDBACK_MS);
    else {
      await this.updateComplete;
      const code = this.renderRoot.querySelector(`#c${index}`);
      if (code) getSelection()?.selectAllChildren(code);
    }
  }

  private async _submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    const cart = this._cart;
    if (!cart) return;
    if (!code) {
      this._form = { text: this._m('offers.codeEmpty'), error: true };
      return;
    }
    if (cart.codes.some((c) => same(c, code))) {
      this._form = { text: this._m('offers.codeHave', { code }), error: false };
      return;
    }
    const verdict = codeVerdict(code, this.promos ?? [], this._price(cart, [...cart.codes, code]));
    if (verdict.kind === 'refused') {
      // The engine's own words; the typed text stays for correction.
      this._form = { text: verdict.message[this.locale], error: true };
      return;
    }
    const p = (this.promos ?? []).find((x) => x.id === verdict.promotionId);
    if (p) this._funnel('select_promotion', p);
    if (!(await this._change((s) => s.addCode(code)))) {
      this._form = { text: this._m('offers.failed'), error: true };
      return;
    }
    input.value = '';
    this._form = {
      text:
        verdict.kind === 'later'
          ? this._m('offers.codeAdded', { code, reason: verdict.message[this.locale] })
          : this._m('offers.codeApplied', { code }),
      error: false,
    };
  }

  protected override renderEmpty() {
    return html`<p part="status" class="empty">${this._m('offers.none')}</p>`;
  }

  protected override renderReady() {
    const r = this._result!;
    const cart = this._cart!;
    const shown = this._shown();
    return html`<div part="base">
      ${this._renderSavings(r)} ${this._renderTier(r)}
      ${
        shown.length
          ? html`<p part="heading" id="heading">${this._m('offers.count', { count: shown.length })}</p>
              <ul part="coupons" aria-labelledby="heading">
                ${shown.map((p, i) => this._renderCoupon(p, i, r, cart))}
              </ul>`
          : nothing
      }
      ${this.noCodeEntry ? nothing : this._renderForm()}
      <p class="sr" role="status">${this._announce}</p>
    </div>`;
  }

  private _renderSavings(r: PriceResult) {
    const byId = new Map((this.promos ?? []).map((p) => [p.id, p]));
    return html`<div part="savings">
      <p part="total" class=${r.applied.length ? 'saving' : 'none'}>${this._savingText(r)}</p>
      ${
        r.applied.length
          ? html`<ul part="applied">
              ${r.applied.map((a) => {
                const p = byId.get(a.id);
                return html`<li>
                  <span>${p ? titleOf(p, this.locale) : a.id}</span>
                  <span part="amount">${this._m('offers.off', { amount: this._money(a.amount) })}</span>
                </li>`;
              })}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private _renderTier(r: PriceResult) {
    const next = r.nextTier;
    let percent = 100;
    let text: string;
    if (next) {
      const p = this.promos?.find((x) => x.id === next.promotionId);
      // The tier aimed at: the lowest one with that saving still above the cart's base.
      const spends = (p?.kind === 'tiered' && Array.isArray(p.tiers) ? p.tiers : [])
        .filter((t) => t.save.amount === next.save.amount && t.spend.amount >= next.spendMore.amount)
        .map((t) => t.spend.amount);
      const spend = spends.length ? Math.min(...spends) : 0;
      percent = spend ? Math.floor(((spend - next.spendMore.amount) / spend) * 100) : 0;
      text = this._m('offers.tierNext', {
        more: this._money(next.spendMore),
        save: this._money(next.save),
      });
    } else {
      const top = r.applied.find((a) => a.kind === 'tiered');
      if (!top) return nothing;
      text = this._m('offers.tierTop', { save: this._money(top.amount) });
    }
    return html`<div part="tier">
      <div
        part="progress"
        role="progressbar"
        aria-label=${this._m('offers.progress')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${text}
      >
        <div part="progress-fill" style="inline-size: ${percent}%"></div>
      </div>
      <p part="tier-text">${text}</p>
    </div>`;
  }

  private _renderCoupon(p: Promotion, i: number, r: PriceResult, cart: Cart) {
    const code = codeOf(p);
    const applied = r.applied.find((a) => a.id === p.id);
    let rejected = r.rejected.find((x) => x.id === p.id);
    if (rejected?.reason === 'code_missing') rejected = this._alone.get(p.id) ?? rejected;
    const reason = this._broken.has(p.id) ? 'invalid' : (rejected?.reason ?? '');
    const inCart = code ? cart.codes.find((c) => same(c, code)) : undefined;
    let state: string;
    if (applied) state = this._m('offers.applied', { amount: this._money(applied.amount) });
    else if (reason === 'invalid') state = REASON.invalid[this.locale === 'en' ? 0 : 1];
    else if (!cart.lines.length && reason !== 'expired' && reason !== 'not_started')
      state = this._m('offers.emptyCart');
    else if ((p.kind === 'free_shipping' || p.class === 'shipping') && reason === 'no_matching_items')
      state = this._m('offers.atCheckout');
    else state = rejected?.message[this.locale] ?? '';
    const feedback = this._feedback?.id === p.id ? this._feedback : null;
    const usable = reason !== 'expired' && reason !== 'invalid';
    return html`<li part="coupon ${applied ? 'coupon-applied' : 'coupon-unavailable'}">
      <span part="title" id="t${i}">${titleOf(p, this.locale)}</span>
      ${
        code
          ? html`<code part="code" id="c${i}">${code}</code>`
          : html`<span part="auto">${this._m('offers.automatic')}</span>`
      }
      <span part="state" class=${applied ? 'ok' : reason}
        >${applied ? html`<span aria-hidden="true">✓ </span>` : nothing}${state}</span
      >
      ${
        code && (inCart || usable)
          ? html`<span class="actions">
              <button
                part="apply"
                type="button"
                aria-describedby="t${i}"
                @click=${() => this._toggle(p, inCart)}
              >
                ${this._m(inCart ? 'offers.remove' : 'offers.apply')}
              </button>
              ${
                usable
                  ? html`<button
                      part="copy"
                      type="button"
                      aria-describedby="t${i}"
                      @click=${() => this._copy(p, i)}
                    >
                      ${this._m('offers.copy')}
                    </button>`
                  : nothing
              }
              <span part="feedback" class=${feedback?.ok === false ? 'failed' : ''} role="status"
                >${feedback ? this._m(feedback.ok ? 'offers.copied' : 'offers.copyFailed') : ''}</span
              >
            </span>`
          : nothing
      }
    </li>`;
  }

  private _renderForm() {
    return codeField({
      label: this._m('offers.codeLabel'),
      apply: this._m('offers.apply'),
      message: this._form,
      onSubmit: (e) => void this._submit(e),
      onInput: () => {
        if (this._form?.error) this._form = null;
      },
    });
  }
}
