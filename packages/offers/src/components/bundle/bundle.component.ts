import { LitElement, html } from 'lit';
import { langOf, msg } from '@vitrine/core';
import { bundleStyles } from './bundle.styles.js';

/**
 * TODO: one sentence on what a shopper sees.
 *
 * @tag vt-bundle
 *
 * @csspart base - The wrapper.
 */
export class VtBundle extends LitElement {
  static override styles = bundleStyles;

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
