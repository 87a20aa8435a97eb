import type { PropertyDeclarations, PropertyValues } from 'lit';
import {
  STATUS,
  VitrineElement,
  getServerClock,
  parseInstant,
  readJsonSource,
  type JsonSourceResult,
} from '@vitrine/core';
import type { CheckoutConfig } from '../order/order-types.js';
import { readCheckoutConfig } from '../order/read-checkout-config.js';

/**
 * Base of `<vt-cart>` and `<vt-checkout>`: the shop's {@link CheckoutConfig} (promotions, delivery
 * options, shipping countries) from the `config` property, an inline
 * `<script type="application/json">` child or `src` (a URL, retried once on a network error or
 * 5xx). Both elements price with the same config and the page's server clock (`server-time`), so
 * the total in the cart is the total at checkout.
 */
export class CheckoutElement extends VitrineElement {
  static override properties: PropertyDeclarations = {
    config: { attribute: false },
    src: { type: String },
    serverTime: { attribute: 'server-time' },
  };

  /** The shop's checkout configuration. */
  declare config: unknown;
  /** URL of the checkout configuration JSON. */
  declare src: string | undefined;
  /** The server's time when it rendered the page: ISO 8601 or epoch milliseconds. */
  declare serverTime: string | undefined;

  /** The page's server clock: promotions are priced on the server's time. */
  protected readonly clock = getServerClock();
  /** The accepted configuration, once loaded. */
  protected settings: CheckoutConfig | null = null;

  private _abort: AbortController | null = null;
  private _warned = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('serverTime') && this.serverTime != null) {
      const t = parseInstant(this.serverTime);
      if (Number.isNaN(t))
        this.fail('server-time', `"${this.serverTime}" is not an ISO 8601 date-time or epoch milliseconds`);
      else this.clock.set(t);
    }
    if (!this.hasUpdated || changed.has('config') || changed.has('src')) this._load();
  }

  /** Loads the configuration again (after the server said prices or offers changed). */
  protected reloadConfig(): void {
    this._load();
  }

  /** Called when a configuration was accepted (also when it changes). */
  protected configChanged(_config: CheckoutConfig): void {}

  private _load(): void {
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    const found = readJsonSource(this, {
      value: this.config,
      property: 'config',
      src: this.src,
      signal: abort.signal,
    });
    if (!found) {
      this.fail(
        'config',
        'is missing: set the config property, add a <script type="application/json"> child or src="URL"',
      );
      return;
    }
    if (!(found instanceof Promise)) {
      this._accept(found);
      return;
    }
    this.status = STATUS.loading;
    void found.then((result) => {
      if (!abort.signal.aborted) this._accept(result);
    });
  }

  private _accept(found: JsonSourceResult): void {
    if (!found.ok) {
      this.fail(found.attribute, found.message);
      return;
    }
    const { value, problems } = readCheckoutConfig(found.value);
    if (!value) {
      this.settings = null;
      this.fail(found.attribute, problems.join('; '));
      return;
    }
    const text = problems.join('; ');
    if (text && text !== this._warned) {
      this._warned = text;
      console.warn(
        `<${this.localName}>: attribute "${found.attribute}" had entries that were skipped: ${text}`,
      );
    }
    this.settings = value;
    this.configChanged(value);
  }
}
