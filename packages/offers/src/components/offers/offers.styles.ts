import { css } from 'lit';

export const offersStyles = css`
  :host {
    --_accent: var(--vt-offers-accent, var(--_vt-color-accent));
    --_on-accent: var(--vt-offers-on-accent, var(--_vt-color-on-accent));
    --_gap: var(--vt-offers-gap, var(--_vt-space-4));
    display: block;
    /* Reserved before the cart and the promotions arrive, so the page does not shift. */
    min-block-size: var(--vt-offers-min-height, 10rem);
    font-size: var(--_vt-font-size);
    line-height: 1.4;
  }
  p,
  ul {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
  }
  [part='total'] {
    font-weight: 700;
    font-size: 1.125em;
    color: var(--vt-offers-save-color, var(--_vt-color-sale));
  }
  [part='total'].none {
    color: var(--_vt-color-text-muted);
    font-weight: 400;
    font-size: 1em;
  }
  [part='applied'] li {
    display: flex;
    justify-content: space-between;
    gap: var(--_vt-space-2);
  }
  [part='amount'] {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part='progress'] {
    block-size: var(--vt-offers-bar-height, 0.5rem);
    border-radius: 999px;
    background: var(--vt-offers-track, var(--_vt-color-surface-raised));
    overflow: hidden;
  }
  [part='progress-fill'] {
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size var(--_vt-duration);
  }
  [part='tier-text'] {
    margin-block-start: var(--_vt-space-1);
    font-size: 0.875em;
  }
  [part='heading'] {
    font-weight: 600;
  }
  [part='coupons'] {
    display: grid;
    gap: var(--_vt-space-2);
  }
  [part~='coupon'] {
    display: grid;
    gap: var(--_vt-space-1);
    padding: var(--_vt-space-3);
    border: var(--vt-offers-coupon-border, 1px dashed var(--_vt-color-border));
    border-radius: var(--_vt-radius);
    background: var(--vt-offers-coupon-background, var(--_vt-color-surface));
  }
  [part~='coupon-applied'] {
    border-color: var(--_accent);
    border-style: solid;
  }
  [part='title'] {
    font-weight: 600;
  }
  [part='code'] {
    justify-self: start;
    padding: 0 var(--_vt-space-1);
    border: 1px solid var(--_vt-color-border);
    border-radius: calc(var(--_vt-radius) / 2);
    font-family: ui-monospace, monospace;
    letter-spacing: 0.05em;
    /* One click selects the whole code, for copying by hand. */
    user-select: all;
  }
  [part='auto'],
  [part='state'] {
    font-size: 0.875em;
    color: var(--_vt-color-text-muted);
  }
  [part='state'].ok {
    color: var(--_vt-color-success);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_vt-space-2);
  }
  button {
    min-block-size: 2.25rem;
    padding: var(--_vt-space-1) var(--_vt-space-3);
    border: 1px solid var(--_accent);
    border-radius: var(--_vt-radius);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  [part='apply'],
  [part='submit'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  [part='feedback'] {
    font-size: 0.875em;
    color: var(--_vt-color-success);
  }
  [part='feedback'].failed {
    color: var(--_vt-color-danger);
  }
  @media (forced-colors: active) {
    [part='progress'] {
      border: 1px solid CanvasText;
    }
    [part='progress-fill'] {
      background: Highlight;
    }
  }
`;
