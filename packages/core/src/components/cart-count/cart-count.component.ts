import { html, svg } from 'lit';
import { VitrineElement, STATUS } from '../../base/vitrine-element.js';
import { getCartStore } from '../../cart/get-cart-store.js';
import type { CartStore } from '../../cart/cart-store.js';
import { formatNumber } from '../../i18n/format.js';
import { cartCountStyles } from './cart-count.styles.js';

const BAG = svg`<path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" d="M5 8h14l-1.2 12H6.2zM9 8V6.5a3 3 0 0 1 6 0V8"/>`;

/**
 * A cart badge: the number of items in the shared cart, kept current across tabs. With `href`
 * it is a link to the cart page; its accessible name says "Cart, 3 items" / "购物车，3 件商品".
 * Changes after the first load are announced politely.
 *
 * @tag vt-cart-count
 *
 * @slot icon - Replaces the bag icon.
 *
 * @csspart base - The link (with `href`) or the wrapper.
 * @csspart count - The number badge; hidden when the cart is empty.
 *
 * @cssproperty --vt-cart-count-background - Badge background. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-cart-count-color - Badge text colour. Defaults to `--vt-color-on-accent`.
 * @cssproperty --vt-cart-count-size - Size of the reserved square (2.5rem).
 */
export class VtCartCount extends VitrineElement {
  static override styles = [...VitrineElement.styles, cartCountStyles];

  static override properties = {
    href: { type: String },
    _count: { state: true },
    _announce: { state: true },
  };

  /** URL of the cart page; without it the badge is not a link. */
  declare href: string | undefined;
  declare _count: number;
  declare _announce: string;

  private _store: CartStore | null = null;
  private _unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this._count = 0;
    this._announce = '';
    this.status = STATUS.loading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const store = (this._store = getCartStore());
    this._unsubscribe = store.subscribe(() => {
      const count = store.itemCount();
      if (this.status === STATUS.ready && count !== this._count) this._announce = this._label(count);
      this._count = count;
    });
    store.ready.then(
      () => {
        this._count = store.itemCount();
        this.succeed();
      },
      (error: unknown) =>
        this.fail('cart', `could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unsubscribe?.();
    this._unsubscribe = null;
  }

  private _label(count: number): string {
    return this.t('cart.count', { count });
  }

  // Loading and error keep the badge's shape (an empty bag), never a text that would shift the header.
  protected override renderLoading() {
    return this._render(null);
  }

  protected override renderError() {
    return this._render(null);
  }

  protected override renderReady() {
    return this._render(this._count);
  }

  private _render(count: number | null) {
    const label = count === null ? this.t('cart.label') : this._label(count);
    const inner = html`<slot name="icon"><svg viewBox="0 0 24 24" aria-hidden="true">${BAG}</svg></slot
      ><span part="count" aria-hidden="true" ?hidden=${!count}
        >${count ? formatNumber(count, this.locale) : ''}</span
      >`;
    return html`${
        this.href
          ? html`<a part="base" href=${this.href} aria-label=${label}>${inner}</a>`
          : html`<span part="base" role="img" aria-label=${label}>${inner}</span>`
      }<span class="sr" role="status">${this._announce}</span>`;
  }
}
