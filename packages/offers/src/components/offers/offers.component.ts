import { LitElement, html } from 'lit';
import { langOf, msg } from '@vitrine/core';
import { offersStyles } from './offers.styles.js';

/**
 * TODO: one sentence on what a shopper sees.
 *
 * @tag vt-offers
 *
 * @csspart base - The wrapper.
 */
export class VtOffers extends LitElement {
  static override styles = offersStyles;

  static override properties = {
    label: { type: String },
  };

  /** TODO: describe. */
  declare label: string;

  constructor() {
    super();
    this.label = '';
  }

  protected override render() {
    return html`<div part="base" lang=${langOf(this)}>${this.label || msg(langOf(this), 'price.label')}</div>`;
  }
}
