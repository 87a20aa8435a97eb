import type { PropertyDeclarations, PropertyValues } from 'lit';
import { STATUS, VitrineElement, readJsonSource, type JsonSourceResult } from '@vitrine/core';
import type { Promotion } from '@vitrine/pricing';
import { readPromotions } from '@vitrine/pricing';
import { getServerClock, parseInstant, type ServerClock } from '@vitrine/core';

/**
 * Base of the offers elements. The shop's promotions (the `@vitrine/pricing` format) come from,
 * in this order: the `promotions` property; an inline `<script type="application/json">` child;
 * `src`, a URL returning the JSON array (retried once on a network error or 5xx). A list that is
 * not an array gives the error state with one console error and `vt-error`; entries without an
 * `id` or a known `kind` are dropped with one warning.
 *
 * `server-time` (ISO 8601 or epoch ms: the server's time when it rendered the page) sets the
 * page's server clock, which every offers element reads instead of the shopper's clock.
 */
export class OffersElement extends VitrineElement {
  static override properties: PropertyDeclarations = {
    promotions: { attribute: false },
    src: { type: String },
    serverTime: { attribute: 'server-time' },
  };

  /** The shop's promotions, in the `@vitrine/pricing` format. */
  declare promotions: unknown;
  /** URL of the promotions JSON array. */
  declare src: string | undefined;
  /** The server's time when it rendered the page: ISO 8601 or epoch milliseconds. */
  declare serverTime: string | undefined;

  /** The page's server clock. */
  protected readonly clock: ServerClock = getServerClock();
  /** The accepted promotions, once loaded. */
  protected promos: Promotion[] | null = null;

  private _abort: AbortController | null = null;
  private _warned = '';
  /** True while `server-time` is unreadable: loading promotions must not hide that error. */
  private _badTime = false;

  /** False for elements that can work without a promotions list (they stay ready). */
  protected needsPromotions = true;
  /** Which inline child holds the promotions (elements with more inline data narrow it). */
  protected inlineSelector = 'script[type="application/json"]';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('serverTime') && this.serverTime !== undefined && this.serverTime !== null) {
      const t = parseInstant(this.serverTime);
      if (Number.isNaN(t)) {
        this._badTime = true;
        this.fail('server-time', `"${this.serverTime}" is not an ISO 8601 date-time or epoch milliseconds`);
      } else {
        this.clock.set(t);
        if (this._badTime && (this.promos || !this.needsPromotions)) this.succeed();
        this._badTime = false;
      }
    }
    if (!this.hasUpdated || changed.has('promotions') || changed.has('src')) this._loadPromotions();
  }

  /** Called when a promotions list was accepted (also when it changes). */
  protected promotionsChanged(_promotions: Promotion[]): void {}

  private _loadPromotions(): void {
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    const found = readJsonSource(this, {
      value: this.promotions,
      property: 'promotions',
      src: this.src,
      inline: this.inlineSelector,
      signal: abort.signal,
    });
    const take = (r: JsonSourceResult) =>
      r.ok ? this._accept(r.value, r.attribute) : this.fail(r.attribute, r.message);
    if (found instanceof Promise) {
      this.status = STATUS.loading;
      void found.then((r) => {
        if (!abort.signal.aborted) take(r);
      });
    } else if (found) take(found);
    else if (this.needsPromotions)
      this.fail(
        'promotions',
        'is missing: set the promotions property, add a <script type="application/json"> child or src="URL"',
      );
  }

  private _accept(input: unknown, attribute: string): void {
    const { value, problems } = readPromotions(input);
    if (!value) {
      this.promos = null;
      this.fail(attribute, problems.join('; '));
      return;
    }
    const text = problems.join('; ');
    if (text && text !== this._warned) {
      this._warned = text;
      console.warn(`<${this.localName}>: attribute "${attribute}" had promotions that were skipped: ${text}`);
    }
    this.promos = value;
    if (!this._badTime) this.succeed();
    this.promotionsChanged(value);
  }
}
