import { html, nothing, type PropertyValues } from 'lit';
import { VitrineElement } from '../../base/vitrine-element.js';
import { DEV_MODE } from '../../dev-mode.js';
import { formatMoney, minorDigits, moneyProblem } from '../../money/format-money.js';
import { priceStyles } from './price.styles.js';

interface Problem {
  attribute: string;
  message: string;
}

/**
 * Shows a price, and the price it replaces when on sale, formatted for the page's language.
 *
 * Amounts are integer minor units (`1999` with `USD` is $19.99). The language comes from the
 * nearest `[lang]` ancestor (`en` or `zh-CN`). Put the formatted price inside the tag as
 * fallback text so nothing shifts before the script loads.
 *
 * @tag vt-price
 *
 * @event vt-error - The amount, compare-at amount or currency is unusable; detail `{tag, attribute, message}`.
 *
 * @csspart base - Wrapper of the current and compare-at price.
 * @csspart amount - The current price (a `<data>` element whose `value` is the decimal amount).
 * @csspart compare-at - The struck-through former price, shown only when it is higher.
 * @csspart error - The translated "price unavailable" text shown for unusable input.
 *
 * @cssproperty --vt-price-color - Colour of the price. Defaults to `--vt-color-text`.
 * @cssproperty --vt-price-sale-color - Colour of a sale price. Defaults to `--vt-color-sale`.
 */
export class VtPrice extends VitrineElement {
  static override styles = [...VitrineElement.styles, priceStyles];

  static override properties = {
    amount: { type: Number },
    currency: { type: String },
    compareAt: { type: Number, attribute: 'compare-at' },
  };

  /** Price in integer minor units of `currency`. */
  declare amount: number | undefined;
  /** ISO 4217 currency code, e.g. `USD`, `CNY`. */
  declare currency: string | undefined;
  /** Former price in minor units; shown struck through when higher than `amount`. */
  declare compareAt: number | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const problem = this._check();
    if (problem) this.fail(problem.attribute, problem.message);
    else this.succeed();
  }

  private _check(): Problem | null {
    if (this.amount === undefined || this.amount === null) {
      return { attribute: 'amount', message: 'is missing: give the price in minor units (1999 for 19.99)' };
    }
    const currencyProblem = moneyProblem({ amount: 0, currency: this.currency });
    if (currencyProblem) return { attribute: 'currency', message: `is invalid: ${currencyProblem}` };
    const amountProblem = moneyProblem({ amount: this.amount, currency: this.currency });
    if (amountProblem) {
      return { attribute: 'amount', message: this._withRaw('amount', amountProblem) };
    }
    if (this.compareAt != null) {
      const p = moneyProblem({ amount: this.compareAt, currency: this.currency });
      if (p) return { attribute: 'compare-at', message: this._withRaw('compare-at', p) };
    }
    return null;
  }

  /** The message, quoting the attribute text when the value came from markup. */
  private _withRaw(attribute: string, problem: string): string {
    const raw = this.getAttribute(attribute);
    let text =
      raw === null ? `is invalid: ${problem}` : `is invalid: ${problem.replace(/got .*$/, `got "${raw}"`)}`;
    if (DEV_MODE && raw !== null && /^\d+\.\d+$/.test(raw)) {
      text += `; did you mean ${raw.replace('.', '')}?`;
    }
    return text;
  }

  protected override renderError() {
    return html`<span part="error">${this.t('price.unavailable')}</span>`;
  }

  protected override renderReady() {
    const lang = this.locale;
    const currency = this.currency!;
    const amount = this.amount!;
    const now = formatMoney({ amount, currency }, lang);
    const decimal = String(amount / 10 ** minorDigits(currency));
    const onSale = this.compareAt != null && this.compareAt > amount;
    // The hidden labels carry their own spaces so assistive tech reads "Now $19.99 Was $29.99".
    const label = onSale ? html`<span class="sr">${this.t('price.now')} </span>` : nothing;
    const was = onSale
      ? html` <s part="compare-at"
          ><span class="sr">${this.t('price.was')} </span>${formatMoney(
            { amount: this.compareAt!, currency },
            lang,
          )}</s
        >`
      : nothing;
    return html`<span part="base" class=${onSale ? 'sale' : ''}
      >${label}<data part="amount" value=${decimal}>${now}</data>${was}</span
    >`;
  }
}
