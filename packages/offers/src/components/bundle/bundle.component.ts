import { html, nothing, type PropertyValues } from 'lit';
import {
  STATUS,
  fetchJson,
  formatMoney,
  formatProblem,
  getCartStore,
  reportError,
  toFunnelItem,
  validateProduct,
  type CartLine as StoreLine,
  type CartLineInput,
  type Money,
  type Product,
} from '@vitrine/core';
import { priceCart, type CartLine, type Promotion } from '@vitrine/pricing';
import { vtEvent } from '@vitrine/schema';
import { OffersElement } from '../../shared/offers-element.js';
import { promotionFunnel } from '../../shared/promotion-funnel.js';
import { bundleStyles } from './bundle.styles.js';
import { t } from './bundle.messages.js';

type Feedback = { kind: 'idle' } | { kind: 'adding' } | { kind: 'added'; count: number } | { kind: 'failed' };

/** One product of the bundle, as offered: the variant to add and how many units a set needs. */
interface Item {
  product: Product;
  line: CartLineInput & { quantity: number };
  available: boolean;
}

const ADDED_MS = 4000;

/**
 * "Frequently bought together" / set menu (套餐): the products side by side, each with a
 * checkbox, the price of what is ticked and what the set saves (priced by `@vitrine/pricing`
 * with the shop's `bundle` promotion), and one button that adds every ticked item to the cart
 * in one change. When the ticked items miss part of the set, it says what ticking them all would
 * save. Sold-out items are shown unticked and cannot be ticked.
 *
 * Products (our model; the first is the product of the page) come from the `products` property,
 * an inline `<script type="application/json" data-products>` or `products-src`. Promotions come
 * like every offers element's (`promotions`, an inline `<script type="application/json">`
 * without `data-products`, or `src`); they are optional: without a `bundle` promotion the
 * element is a plain "bought together" picker. `promotion-id` picks one bundle promotion;
 * otherwise the first `bundle` whose products are all in the list is used.
 *
 * @tag vt-bundle
 *
 * @event vt-cart-change - Dispatched by the cart store once the ticked items are saved; detail `{reason, cart}`.
 * @event vt-funnel - GA4 `add_to_cart` (by the cart store, every item in one event), `view_promotion` once when a bundle promotion is shown and `select_promotion` when the set is added.
 * @event vt-error - Products or promotions could not be read, or adding failed; detail `{tag, attribute, message}`.
 *
 * @csspart heading - The heading.
 * @csspart items - The list of products.
 * @csspart item - One product (a `label` around its checkbox, image, title and price); also `item off` when unticked.
 * @csspart toggle - The checkbox of one product.
 * @csspart image - A product image.
 * @csspart summary - The total, saving and button.
 * @csspart total - The price of what is ticked.
 * @csspart save - What the set saves, or what ticking all items would save.
 * @csspart add - The add-to-cart button.
 * @csspart message - The live region under the button (added, failed, or why the button is disabled).
 * @csspart status - The loading or error message shown instead of the bundle.
 *
 * @cssproperty --vt-bundle-min-height - Reserved height while loading (16rem).
 * @cssproperty --vt-bundle-item-width - Width of one product card (10rem).
 * @cssproperty --vt-bundle-accent - Checkbox colour. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-bundle-save-color - Colour of the saving. Defaults to `--vt-color-success`.
 * @cssproperty --vt-bundle-button-background - Button background. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-bundle-button-color - Button text colour. Defaults to `--vt-color-on-accent`.
 */
export class VtBundle extends OffersElement {
  static override styles = [...OffersElement.styles, bundleStyles];

  static override properties = {
    products: { attribute: false },
    productsSrc: { attribute: 'products-src' },
    promotionId: { attribute: 'promotion-id' },
    heading: { type: String },
    _items: { state: true },
    _off: { state: true },
    _feedback: { state: true },
  };

  /** The products, our model; the first is the page's product. */
  declare products: unknown;
  /** URL of a JSON array of products. */
  declare productsSrc: string | undefined;
  /** Id of the `bundle` promotion to price the set with. */
  declare promotionId: string | undefined;
  /** Heading text; default "Frequently bought together" / "经常一起购买". */
  declare heading: string | undefined;
  declare _items: Item[] | null;
  /** Product ids the shopper unticked. */
  declare _off: ReadonlySet<string>;
  declare _feedback: Feedback;

  private _abortProducts: AbortController | null = null;
  private _viewed = '';
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.needsPromotions = false;
    this.inlineSelector = 'script[type="application/json"]:not([data-products])';
    this._items = null;
    this._off = new Set();
    this._feedback = { kind: 'idle' };
    this.status = STATUS.loading;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abortProducts?.abort();
    clearTimeout(this._timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('products') || changed.has('productsSrc')) this._loadProducts();
  }

  protected override errorMessage(): string {
    return t(this.locale, 'bundle.error');
  }

  private _loadProducts(): void {
    this._abortProducts?.abort();
    if (this.products !== undefined && this.products !== null)
      return this._acceptProducts(this.products, 'products');
    const inline = this.querySelector(':scope > script[type="application/json"][data-products]');
    if (inline) {
      try {
        this._acceptProducts(JSON.parse(inline.textContent ?? ''), 'script[data-products]');
      } catch (error) {
        this.fail('script[data-products]', `is not valid JSON: ${(error as Error).message}`);
      }
      return;
    }
    if (this.productsSrc) {
      const abort = (this._abortProducts = new AbortController());
      this.status = STATUS.loading;
      void fetchJson(this.productsSrc, { signal: abort.signal }).then((r) => {
        if (abort.signal.aborted) return;
        if (r.ok) this._acceptProducts(r.body, 'products-src');
        else this.fail('products-src', r.message);
      });
      return;
    }
    this.fail(
      'products',
      'is missing: set the products property, add a <script type="application/json" data-products> child or products-src="URL"',
    );
  }

  private _acceptProducts(input: unknown, attribute: string): void {
    if (!Array.isArray(input) || input.length === 0) {
      this.fail(attribute, 'must be a non-empty JSON array of products');
      return;
    }
    const items: Item[] = [];
    const problems: string[] = [];
    input.forEach((raw, i) => {
      const r = validateProduct(raw);
      problems.push(...r.problems.map((p) => `[${i}].${formatProblem(p)}`));
      if (r.value) items.push(toItem(r.value));
    });
    if (items.length === 0) {
      this.fail(attribute, problems.join('; ') || 'holds no usable product');
      return;
    }
    if (problems.length)
      console.warn(
        `<${this.localName}>: attribute "${attribute}" had problems that were skipped: ${problems.join('; ')}`,
      );
    this._items = items;
    this._off = new Set(items.filter((i) => !i.available).map((i) => i.product.id));
    this.succeed();
  }

  /** The bundle promotion in use, if any. */
  private _promotion(): Promotion | undefined {
    const ids = new Set(this._items?.map((i) => i.product.id));
    return this.promos?.find((p) =>
      this.promotionId
        ? p.id === this.promotionId
        : p.kind === 'bundle' && Array.isArray(p.items) && p.items.every((it) => ids.has(it.productId)),
    );
  }

  /** Units per set of a product (the promotion's quantity, else 1). */
  private _units(promotion: Promotion | undefined, productId: string): number {
    const q =
      promotion?.kind === 'bundle' ? promotion.items.find((i) => i.productId === productId)?.quantity : 1;
    return q ?? 1;
  }

  private _lines(items: Item[], promotion: Promotion | undefined): (CartLineInput & { quantity: number })[] {
    return items.map((i) => ({ ...i.line, quantity: this._units(promotion, i.product.id) }));
  }

  /** Subtotal and saving of `items` with the bundle promotion (and only it). */
  private _price(items: Item[], promotion: Promotion | undefined): { subtotal: Money; saving: Money } {
    const lines: CartLine[] = this._lines(items, promotion).map((l) => ({
      variantId: l.variantId,
      productId: l.productId,
      quantity: l.quantity,
      price: l.price,
    }));
    const r = priceCart({
      lines,
      promotions: promotion ? [promotion] : [],
      context: { now: this.clock.now(), currency: lines[0]?.price.currency },
    });
    return { subtotal: r.subtotal, saving: r.discounts };
  }

  private _toggle(id: string, on: boolean): void {
    const off = new Set(this._off);
    if (on) off.delete(id);
    else off.add(id);
    this._off = off;
    if (this._feedback.kind !== 'adding') this._feedback = { kind: 'idle' };
  }

  private async _add(chosen: Item[], promotion: Promotion | undefined): Promise<void> {
    if (chosen.length === 0 || this._feedback.kind === 'adding') return;
    this._feedback = { kind: 'adding' };
    clearTimeout(this._timer);
    const lines = this._lines(chosen, promotion);
    try {
      const store = getCartStore();
      await store.ready;
      await store.addAll(lines);
    } catch (error) {
      this._feedback = { kind: 'failed' };
      reportError(this, {
        attribute: 'cart',
        message: `could not add the bundle: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    if (promotion && this._price(chosen, promotion).saving.amount > 0)
      this.dispatchEvent(
        vtEvent(
          'vt-funnel',
          promotionFunnel(
            'select_promotion',
            promotion,
            this._ga4(lines),
            lines[0]?.price.currency,
            'bundle',
          ),
        ),
      );
    const count = lines.reduce((a, l) => a + l.quantity, 0);
    this._feedback = { kind: 'added', count };
    this._timer = setTimeout(() => (this._feedback = { kind: 'idle' }), ADDED_MS);
  }

  private _ga4(lines: (CartLineInput & { quantity: number })[]) {
    return lines.map((l) => toFunnelItem(l as StoreLine, l.quantity));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const promotion = this.status === STATUS.ready && this._items ? this._promotion() : undefined;
    if (promotion && this._viewed !== promotion.id) {
      this._viewed = promotion.id;
      const lines = this._lines(this._items!, promotion);
      this.dispatchEvent(
        vtEvent(
          'vt-funnel',
          promotionFunnel('view_promotion', promotion, this._ga4(lines), lines[0]?.price.currency, 'bundle'),
        ),
      );
    }
  }

  protected override renderReady() {
    const items = this._items;
    if (!items) return this.renderLoading();
    const loc = this.locale;
    const promotion = this._promotion();
    const chosen = items.filter((i) => !this._off.has(i.product.id));
    const { subtotal, saving } = this._price(chosen, promotion);
    const available = items.filter((i) => i.available);
    const full = chosen.length < available.length ? this._price(available, promotion).saving : null;
    const count = this._lines(chosen, promotion).reduce((a, l) => a + l.quantity, 0);
    const f = this._feedback;
    const money = (m: Money) => formatMoney(m, loc);
    const total: Money = { amount: subtotal.amount - saving.amount, currency: subtotal.currency };
    const message =
      f.kind === 'added'
        ? t(loc, 'bundle.added', { count: f.count })
        : f.kind === 'failed'
          ? t(loc, 'bundle.failed')
          : chosen.length === 0
            ? t(loc, 'bundle.none')
            : '';
    return html`<h2 part="heading" id="heading">${this.heading || t(loc, 'bundle.heading')}</h2>
      <ul part="items" aria-labelledby="heading">
        ${items.map((item, i) => {
          const on = !this._off.has(item.product.id);
          const image = item.product.media.find((m) => m.type === 'image');
          const units = this._units(promotion, item.product.id);
          return html`<li>
            <label part=${on ? 'item' : 'item off'} ?data-off=${!on}>
              <input
                part="toggle"
                type="checkbox"
                .checked=${on}
                ?disabled=${!item.available}
                @change=${(e: Event) => this._toggle(item.product.id, (e.target as HTMLInputElement).checked)}
              />
              <span>
                ${i === 0 ? html`<span class="note">${t(loc, 'bundle.thisItem')}</span>` : nothing}
                ${units > 1 ? `${units} × ` : ''}${item.product.title}
                <span class="note"
                  >${item.available ? money(item.line.price) : t(loc, 'bundle.soldOut')}</span
                >
              </span>
              ${
                image
                  ? html`<img part="image" src=${image.url} alt="" width="160" height="160" loading="lazy" />`
                  : nothing
              }
            </label>
          </li>`;
        })}
      </ul>
      <div part="summary">
        <p part="total">
          ${t(loc, 'bundle.total', { count })}:
          <strong>${money(total)}</strong>
          ${
            saving.amount > 0
              ? html`<s><span class="sr">${t(loc, 'bundle.was')} </span>${money(subtotal)}</s>`
              : nothing
          }
        </p>
        ${
          saving.amount > 0
            ? html`<p part="save">${t(loc, 'bundle.save', { amount: money(saving) })}</p>`
            : full && full.amount > 0
              ? html`<p part="save">
                  ${t(loc, 'bundle.hint', { count: available.length, amount: money(full) })}
                </p>`
              : nothing
        }
        <button
          part="add"
          type="button"
          aria-disabled=${chosen.length === 0 || f.kind === 'adding' ? 'true' : 'false'}
          @click=${() => void this._add(chosen, promotion)}
        >
          ${f.kind === 'adding' ? t(loc, 'bundle.adding') : t(loc, 'bundle.add', { count })}
        </button>
        <p part="message" class=${f.kind} role="status">${message}</p>
      </div>`;
  }
}

/** The variant a bundle adds: the first available one (or the product itself). */
function toItem(product: Product): Item {
  const variant = product.variants.find((v) => v.availability !== 'out_of_stock') ?? product.variants[0];
  const availability = variant?.availability ?? product.availability;
  const image = product.media.find((m) => m.type === 'image')?.url;
  const line: CartLineInput & { quantity: number } = {
    variantId: variant?.id ?? product.id,
    productId: product.id,
    title: product.title,
    price: variant?.price ?? product.price,
    quantity: 1,
    ...((variant?.compareAt ?? product.compareAt) && { compareAt: variant?.compareAt ?? product.compareAt }),
    ...((variant?.sku ?? product.sku) && { sku: variant?.sku ?? product.sku }),
    ...(variant && Object.keys(variant.options).length && { options: variant.options }),
    ...(product.url && { url: product.url }),
    ...(image && { image }),
    ...(product.brand && { brand: product.brand }),
    ...(product.category.length && { category: product.category }),
  };
  return { product, line, available: availability !== 'out_of_stock' && availability !== 'discontinued' };
}
