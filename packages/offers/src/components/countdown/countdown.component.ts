import { LitElement, html } from 'lit';
import { langOf, msg } from '@vitrine/core';
import { countdownStyles } from './countdown.styles.js';

/**
 * TODO: one sentence on what a shopper sees.
 *
 * @tag vt-countdown
 *
 * @csspart base - The wrapper.
 */
export class VtCountdown extends LitElement {
  static override styles = countdownStyles;

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
