import { html, type PropertyValues } from 'lit';
import { ProductElement } from '../../base/product-element.js';
import type { CartStore } from '../../cart/cart-store.js';
import { vtEvent, type VariantChangeDetail } from '@vitrine/schema';
import { formatList } from '../../i18n/format.js';
import type { Product, Variant } from '../../model/types.js';
import { addToCartStyles } from './add-to-cart.styles.js';

type Feedback = { kind: 'idle' } | { kind: 'adding' } | { kind: 'added'; count: number } | { kind: 'failed' };

/**
 * The cart store (IndexedDB, cross-tab sync) is loaded once a product is shown, not with the tag:
 * defining the element stays cheap and the store is warm before the first click.
 */
let storeLoad: Promise<CartStore> | undefined;
const loadStore = (): Promise<CartStore> =>
  (storeLoad ??= import('../../cart/get-cart-store.js').then((m) => m.getCartStore()));

/** How long "Added to cart" stays before the message clears. */
const ADDED_MS = 4000;

/**
 * A button that adds the chosen variant of a product to the shared cart (IndexedDB, synced
 * across tabs). The variant comes from the `variant` attribute or from a `vt-variant-change`
 * event for the same product anywhere on the page; a product with one variant needs neither.
 * Sold-out variants and a missing choice leave the button focusable but `aria-disabled`, with the
 * reason next to it. The result is announced politely to screen readers.
 *
 * The product comes from the `product` property, an inline `<script type="application/json">`,
 * `src` or `source="jsonld"` (see `ProductElement`).
 *
 * @tag vt-add-to-cart
 *
 * @event vt-cart-change - Dispatched by the cart store after the line is saved; detail `{reason, cart}`.
 * @event vt-funnel - GA4 `add_to_cart` with the item, dispatched by the cart store.
 * @event vt-ready - The product is loaded; detail `{tag}`.
 * @event vt-error - The product could not be read, or adding failed; detail `{tag, attribute, message}`.
 *
 * @csspart button - The button.
 * @csspart message - The live region under the button ("Added to cart", the reason it is disabled, or an error).
 * @csspart status - The loading or error message shown instead of the button.
 *
 * @cssproperty --vt-add-to-cart-background - Button background. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-add-to-cart-color - Button text colour. Defaults to `--vt-color-on-accent`.
 * @cssproperty --vt-add-to-cart-min-height - Reserved and minimum height (2.75rem).
 * @cssproperty --vt-add-to-cart-min-width - Reserved minimum width (10rem).
 */
export class VtAddToCart extends ProductElement {
  static override styles = [...ProductElement.styles, addToCartStyles];

  static override properties = {
    variant: { type: String },
    quantity: { type: Number },
    _feedback: { state: true },
  };

  /** Id of the chosen variant. Also set by `vt-variant-change` events for this product. */
  declare variant: string | undefined;
  /** How many to add (whole number ≥ 1, default 1). */
  declare quantity: number;
  declare _feedback: Feedback;

  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.quantity = 1;
    this._feedback = { kind: 'idle' };
  }

  private readonly _onVariantChange = (event: Event): void => {
    const detail = (event as CustomEvent<VariantChangeDetail>).detail;
    if (detail && this.data && detail.productId === this.data.id) this.variant = detail.variantId;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('vt-variant-change', this._onVariantChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('vt-variant-change', this._onVariantChange);
    clearTimeout(this._timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('variant') && changed.get('variant') !== undefined) this._feedback = { kind: 'idle' };
  }

  protected override productChanged(): void {
    void loadStore().catch(() => {
      storeLoad = undefined; // try again on click
    });
  }

  /** The variant that a click would add, or null when the shopper must choose first. */
  private _chosen(product: Product): Variant | null {
    if (this.variant) return product.variants.find((v) => v.id === this.variant) ?? null;
    return product.variants.length === 1 ? (product.variants[0] ?? null) : null;
  }

  private async _add(): Promise<void> {
    const product = this.data;
    if (!product || this._feedback.kind === 'adding') return;
    const variant = this._chosen(product);
    if (!variant || variant.availability === 'out_of_stock' || variant.availability === 'discontinued')
      return;
    const quantity = Number.isInteger(this.quantity) && this.quantity > 0 ? this.quantity : 1;
    this._feedback = { kind: 'adding' };
    clearTimeout(this._timer);
    const image = variant.media?.[0] !== undefined ? product.media[variant.media[0]] : product.media[0];
    try {
      const store = await loadStore();
      await store.add({
        variantId: variant.id,
        productId: product.id,
        quantity,
        title: product.title,
        price: variant.price,
        ...(variant.compareAt ? { compareAt: variant.compareAt } : {}),
        ...((variant.sku ?? product.sku) ? { sku: variant.sku ?? product.sku } : {}),
        ...(product.url ? { url: product.url } : {}),
        ...(image?.type === 'image' ? { image: image.url } : {}),
        ...(Object.keys(variant.options).length ? { options: variant.options } : {}),
        ...(product.brand ? { brand: product.brand } : {}),
        ...(product.category.length ? { category: product.category } : {}),
      });
      this._feedback = { kind: 'added', count: quantity };
      this._timer = setTimeout(() => (this._feedback = { kind: 'idle' }), ADDED_MS);
    } catch (error) {
      // The product stays on screen and the button usable: only this attempt failed.
      this._feedback = { kind: 'failed' };
      const message = error instanceof Error ? error.message : String(error);
      console.error(`<${this.localName}>: adding ${variant.id} to the cart failed: ${message}`);
      this.dispatchEvent(vtEvent('vt-error', { tag: this.localName, attribute: 'cart', message }));
    }
  }

  protected override renderReady() {
    const product = this.data!;
    const variant = this._chosen(product);
    let label = this.t('cart.add');
    let reason = '';
    if (!variant) {
      const names = product.options.map((o) => o.name.toLocaleLowerCase(this.locale));
      reason = this.t('cart.chooseVariant', { options: formatList(names, this.locale) });
    } else if (variant.availability === 'out_of_stock' || variant.availability === 'discontinued') {
      label = this.t('cart.soldOut');
    } else if (variant.availability === 'preorder') {
      label = this.t('cart.preorder');
    }
    const disabled = !variant || label === this.t('cart.soldOut');
    const feedback = this._feedback;
    const message =
      feedback.kind === 'added'
        ? this.t('cart.addedCount', { count: feedback.count })
        : feedback.kind === 'failed'
          ? this.t('cart.addFailed')
          : reason;
    return html`<button
        part="button"
        type="button"
        aria-disabled=${disabled || feedback.kind === 'adding' ? 'true' : 'false'}
        aria-describedby="message"
        @click=${this._add}
      >
        ${feedback.kind === 'adding' ? this.t('cart.adding') : label}
      </button>
      <span part="message" id="message" class=${feedback.kind} role="status">${message}</span>`;
  }
}
