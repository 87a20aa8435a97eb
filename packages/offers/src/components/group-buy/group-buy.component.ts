import { html, nothing, type PropertyValues } from 'lit';
import { STATUS, formatMoney, moneyProblem } from '@vitrine/core';
import type { Promotion } from '@vitrine/pricing';
import { vtEvent, type Ga4Item, type SalePhase } from '@vitrine/schema';
import { OffersElement } from '../../shared/offers-element.js';
import { promotionFunnel, promotionTitle } from '../../shared/promotion-funnel.js';
import { parseInstant } from '@vitrine/core';
import { salePhase } from '../countdown/sale-phase.js';
import '../countdown/countdown.js';
import { groupBuyMsg, type GroupBuyMessageKey } from './group-buy.messages.js';
import { groupBuyStyles } from './group-buy.styles.js';

type GroupBuyPromotion = Extract<Promotion, { kind: 'group_buy' }>;

/** setTimeout's longest delay (about 24.8 days); a later boundary is reached in several steps. */
const MAX_DELAY = 2 ** 31 - 1;

const isSet = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/**
 * A group buy (拼团) offer for one product: the group price next to the regular price struck
 * through, the saving, the group size ("3-person group"), how many more members the group needs,
 * and the time left by the server clock. "Start a group" is always offered; "Join this group" when
 * the shop passes the shopper's invitation in `group-id`. Vitrine does not run groups: a click
 * dispatches `vt-group-buy` for the shop's backend, plus GA4 `select_promotion`.
 *
 * The promotion is the `group_buy` named by `promotion-id`, else the first `group_buy` for
 * `product-id` (or for every product) in the shop's promotions (the `promotions` property, an
 * inline `<script type="application/json">` or `src`; see `OffersElement`). None: the empty state.
 * A promotion that has not started or has ended stays visible with its buttons disabled and the
 * reason; the view switches by itself at the boundary.
 *
 * @tag vt-group-buy
 *
 * @event vt-group-buy - The shopper pressed "Start a group" or "Join this group"; detail `{action, promotionId, productId, variantId?, price, minGroupSize, groupId?}`.
 * @event vt-funnel - GA4 `view_promotion` once when a promotion that has not ended is first shown, and `select_promotion` on each button press; item prices in minor units.
 * @event vt-sale-change - From the embedded countdown: the group buy started or ended by the server clock; detail `{promotionId, phase, at}`.
 * @event vt-error - The promotions, `promotion-id`, `product-id`, `regular-price`, `currency` or `group-size` are unusable; detail `{tag, attribute, message}`.
 *
 * @csspart base - The wrapper (`role="group"`, labelled by the title).
 * @csspart title - The promotion's title.
 * @csspart price - The line of prices.
 * @csspart group-price - The group price.
 * @csspart regular-price - The regular price, struck through.
 * @csspart savings - "Save ¥100.00".
 * @csspart size - "3-person group · 1 person has joined · 2 more people needed".
 * @csspart countdown - The embedded `<vt-countdown>` (time until the group buy starts or ends).
 * @csspart actions - The wrapper of the buttons.
 * @csspart start-button - "Start a group".
 * @csspart join-button - "Join this group".
 * @csspart reason - Why the buttons are disabled (not started, ended).
 * @csspart status - The loading, empty or error message.
 *
 * @cssproperty --vt-group-buy-price-color - Colour of the group price. Defaults to `--vt-color-sale`.
 * @cssproperty --vt-group-buy-button-background - Background of the main button. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-group-buy-button-color - Text colour of the main button. Defaults to `--vt-color-on-accent`.
 * @cssproperty --vt-group-buy-min-height - Reserved block size, so nothing shifts when the promotions arrive (11rem).
 */
export class VtGroupBuy extends OffersElement {
  static override styles = [...OffersElement.styles, groupBuyStyles];

  static override properties = {
    promotionId: { attribute: 'promotion-id' },
    productId: { attribute: 'product-id' },
    productName: { attribute: 'product-name' },
    variantId: { attribute: 'variant-id' },
    regularPrice: { attribute: 'regular-price', type: Number },
    currency: {},
    groupSize: { attribute: 'group-size', type: Number },
    groupId: { attribute: 'group-id' },
    _promo: { state: true },
    _phase: { state: true },
  };

  /** Id of the `group_buy` promotion to show. Absent: the first `group_buy` for `product-id`. */
  declare promotionId: string | undefined;
  /** Id of the product the group buy is for (required). */
  declare productId: string | undefined;
  /** The product's title, for analytics (GA4 `item_name`). Defaults to `product-id`. */
  declare productName: string | undefined;
  /** Id of the chosen variant, passed on in `vt-group-buy` and GA4 items. */
  declare variantId: string | undefined;
  /** The regular (single-buyer) unit price, integer minor units of `currency`; shown struck through with the saving. */
  declare regularPrice: number | undefined;
  /** ISO 4217 code of `regular-price`; must match the group price's. Defaults to the group price's currency. */
  declare currency: string | undefined;
  /** Members already in the group the shopper would join. 0 or absent: the shopper starts a group. */
  declare groupSize: number | undefined;
  /** The group the shopper was invited to; shows "Join this group". */
  declare groupId: string | undefined;
  declare _promo: GroupBuyPromotion | null;
  declare _phase: SalePhase;

  private _start = NaN;
  private _end = NaN;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  /** Id of the promotion `view_promotion` was sent for. */
  private _viewed = '';

  constructor() {
    super();
    this._promo = null;
    this._phase = 'live';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this._refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      this.promos &&
      (['promotionId', 'productId', 'regularPrice', 'currency', 'groupSize'] as const).some((k) =>
        changed.has(k),
      )
    )
      this._select(this.promos);
    else if (changed.has('serverTime')) this._refresh();
  }

  protected override promotionsChanged(promotions: Promotion[]): void {
    this._select(promotions);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const promo = this._promo;
    if (this.status !== STATUS.ready || !promo || this._phase === 'ended' || this._viewed === promo.id)
      return;
    this._viewed = promo.id;
    this.dispatchEvent(
      vtEvent(
        'vt-funnel',
        promotionFunnel('view_promotion', promo, [this._item(promo)], promo.price.currency),
      ),
    );
  }

  private _msg(key: GroupBuyMessageKey, values?: Record<string, string | number>): string {
    return groupBuyMsg(this.locale, key, values);
  }

  protected override errorMessage(): string {
    return this._msg('groupBuy.error');
  }

  protected override renderEmpty() {
    return html`<p part="status" class="empty">${this._msg('groupBuy.empty')}</p>`;
  }

  /** Picks and checks the promotion and the attributes; a problem gives the error state. */
  private _select(promotions: Promotion[]): void {
    const problem = this._problem(promotions);
    if (problem === 'empty') {
      this._promo = null;
      this.succeed(STATUS.empty);
    } else if (problem) {
      this._promo = null;
      this.fail(...problem);
    } else {
      this.succeed();
    }
    this._refresh();
  }

  /** The first thing wrong, as `[attribute, message]`; `'empty'` when no promotion applies; else null (and `_promo` set). */
  private _problem(promotions: Promotion[]): [string, string] | 'empty' | null {
    const productId = this.productId;
    if (!productId) return ['product-id', 'is missing: set it to the id of the product the group buy is for'];
    const forProduct = (p: Promotion) =>
      !p.eligibility?.products || p.eligibility.products.includes(productId);
    let found: Promotion | undefined;
    if (this.promotionId) {
      found = promotions.find((p) => p.id === this.promotionId);
      if (!found) return ['promotion-id', `"${this.promotionId}" is not in the promotions list`];
      if (found.kind !== 'group_buy')
        return ['promotion-id', `"${this.promotionId}" is a ${found.kind} promotion, not group_buy`];
      if (!forProduct(found))
        return ['product-id', `"${productId}" is not eligible for group buy "${this.promotionId}"`];
    } else {
      found = promotions.find((p) => p.kind === 'group_buy' && forProduct(p));
      if (!found) return 'empty';
    }
    const promo = found as GroupBuyPromotion;
    const where = `group buy "${promo.id}"`;
    const priceProblem = moneyProblem(promo.price ?? {});
    if (priceProblem) return ['promotions', `${where}: price ${priceProblem}`];
    if (!Number.isInteger(promo.minGroupSize) || promo.minGroupSize < 2)
      return [
        'promotions',
        `${where}: minGroupSize must be a whole number ≥ 2, got ${JSON.stringify(promo.minGroupSize)}`,
      ];
    const start = parseInstant(promo.startsAt);
    const end = parseInstant(promo.endsAt);
    for (const [name, value, time] of [
      ['startsAt', promo.startsAt, start],
      ['endsAt', promo.endsAt, end],
    ] as const)
      if (isSet(value) && Number.isNaN(time))
        return [
          'promotions',
          `${where}: ${name} ${JSON.stringify(value)} is not an ISO 8601 date-time or epoch milliseconds`,
        ];
    if (start >= end) return ['promotions', `${where}: startsAt must be before endsAt`];
    if (isSet(this.regularPrice) && (!Number.isSafeInteger(this.regularPrice) || this.regularPrice! < 0))
      return [
        'regular-price',
        `must be a whole number of minor units (19900 for 199.00), got "${this.getAttribute('regular-price') ?? this.regularPrice}"`,
      ];
    if (this.currency && this.currency !== promo.price.currency)
      return ['currency', `"${this.currency}" is not the currency of ${where} ("${promo.price.currency}")`];
    if (isSet(this.groupSize) && (!Number.isInteger(this.groupSize) || this.groupSize! < 0))
      return [
        'group-size',
        `must be a whole number ≥ 0 (members already in the group), got "${this.getAttribute('group-size') ?? this.groupSize}"`,
      ];
    this._promo = promo;
    this._start = start;
    this._end = end;
    return null;
  }

  /** Recomputes the phase by the server clock and schedules the next look at the next boundary. */
  private readonly _refresh = (): void => {
    clearTimeout(this._timer);
    this._timer = undefined;
    if (!this._promo) return;
    const now = this.clock.now();
    this._phase = salePhase(now, this._start, this._end);
    const next = [this._start, this._end].filter((t) => t > now).sort((a, b) => a - b)[0];
    if (next !== undefined && this.isConnected)
      this._timer = setTimeout(this._refresh, Math.min(next - now, MAX_DELAY));
  };

  /** The regular price, when given and above the group price. */
  private _regular(promo: GroupBuyPromotion): number | null {
    return isSet(this.regularPrice) && this.regularPrice! > promo.price.amount ? this.regularPrice! : null;
  }

  private _title(promo: GroupBuyPromotion): string {
    return typeof promo.title === 'string' || promo.title
      ? promotionTitle(promo, this.locale)
      : this._msg('groupBuy.label');
  }

  /** The GA4 item: the variant (else the product) at the group price, one unit. */
  private _item(promo: GroupBuyPromotion): Ga4Item {
    const regular = this._regular(promo);
    return {
      item_id: this.variantId || this.productId!,
      item_name: this.productName || this.productId!,
      price: promo.price.amount,
      ...(regular !== null ? { discount: regular - promo.price.amount } : {}),
      quantity: 1,
      promotion_id: promo.id,
      promotion_name: promotionTitle(promo, 'en'),
    };
  }

  private _act(action: 'start' | 'join'): void {
    const promo = this._promo;
    if (!promo || this._phase !== 'live' || this.status !== STATUS.ready) return;
    this.dispatchEvent(
      vtEvent('vt-group-buy', {
        action,
        promotionId: promo.id,
        productId: this.productId!,
        ...(this.variantId ? { variantId: this.variantId } : {}),
        price: { amount: promo.price.amount, currency: promo.price.currency },
        minGroupSize: promo.minGroupSize,
        ...(action === 'join' && this.groupId ? { groupId: this.groupId } : {}),
      }),
    );
    this.dispatchEvent(
      vtEvent(
        'vt-funnel',
        promotionFunnel('select_promotion', promo, [this._item(promo)], promo.price.currency),
      ),
    );
  }

  private _sizeLine(promo: GroupBuyPromotion): string {
    const size = this._msg('groupBuy.size', { count: promo.minGroupSize });
    const members = this.groupSize ?? 0;
    if (!this.groupId && members === 0)
      return `${size} · ${this._msg('groupBuy.invite', { count: promo.minGroupSize - 1 })}`;
    const joined = this._msg('groupBuy.joined', { count: members });
    const needed = promo.minGroupSize - members;
    return `${size} · ${joined} · ${needed > 0 ? this._msg('groupBuy.needed', { count: needed }) : this._msg('groupBuy.complete')}`;
  }

  protected override renderReady() {
    const promo = this._promo;
    if (!promo) return this.renderEmpty();
    const locale = this.locale;
    const phase = this._phase;
    const price = promo.price;
    const regular = this._regular(promo);
    const reason =
      phase === 'upcoming'
        ? this._msg('groupBuy.notStarted')
        : phase === 'ended'
          ? this._msg('groupBuy.ended')
          : '';
    const unavailable = phase !== 'live';
    const button = (action: 'start' | 'join', primary: boolean) =>
      html`<button
        part="${action}-button"
        class=${primary ? 'primary' : 'secondary'}
        type="button"
        aria-disabled=${unavailable ? 'true' : 'false'}
        aria-describedby=${unavailable ? 'reason' : nothing}
        @click=${() => this._act(action)}
      >
        ${this._msg(action === 'start' ? 'groupBuy.start' : 'groupBuy.join')}
      </button>`;
    return html`<div part="base" class=${phase} role="group" aria-labelledby="title">
      <p part="title" id="title">${this._title(promo)}</p>
      <p part="price">
        <span class="sr">${this._msg('groupBuy.groupPrice')}</span>
        <strong part="group-price">${formatMoney(price, locale)}</strong>
        ${
          regular !== null
            ? html`<s part="regular-price"
                  ><span class="sr">${this._msg('groupBuy.regularPrice')}</span>
                  ${formatMoney({ amount: regular, currency: price.currency }, locale)}</s
                >
                <span part="savings"
                  >${this._msg('groupBuy.save', {
                    amount: formatMoney({ amount: regular - price.amount, currency: price.currency }, locale),
                  })}</span
                >`
            : nothing
        }
      </p>
      <p part="size">${this._sizeLine(promo)}</p>
      ${
        Number.isNaN(this._end) || phase === 'ended'
          ? nothing
          : html`<vt-countdown
              part="countdown"
              promotion-id=${promo.id}
              starts-at=${Number.isNaN(this._start) ? nothing : this._start}
              ends-at=${this._end}
              @vt-sale-change=${this._refresh}
            ></vt-countdown>`
      }
      <div part="actions">
        ${this.groupId ? button('join', true) : nothing} ${button('start', !this.groupId)}
      </div>
      <p part="reason" id="reason">${reason}</p>
    </div>`;
  }
}
