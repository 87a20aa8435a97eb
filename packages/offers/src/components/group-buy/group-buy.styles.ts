import { css } from 'lit';

export const groupBuyStyles = css`
  :host {
    display: block;
    /* Reserve the card before the promotions arrive, so the page does not shift. */
    min-block-size: var(--vt-group-buy-min-height, 11rem);
    font-variant-numeric: tabular-nums;
  }
  [part='base'] {
    display: grid;
    gap: var(--_vt-space-2);
    padding: var(--_vt-space-3);
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface);
  }
  p {
    margin: 0;
  }
  [part='title'] {
    font-weight: 600;
  }
  [part='price'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_vt-space-2);
  }
  [part='group-price'] {
    color: var(--vt-group-buy-price-color, var(--_vt-color-sale));
    font-size: 1.5em;
  }
  [part='regular-price'],
  [part='size'],
  [part='reason'] {
    color: var(--_vt-color-text-muted);
  }
  [part='savings'] {
    color: var(--_vt-color-sale);
    font-weight: 600;
  }
  .ended [part='group-price'],
  .upcoming [part='group-price'] {
    color: var(--_vt-color-text-muted);
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_vt-space-2);
  }
  button {
    flex: 1 1 10rem;
    min-block-size: 2.75rem;
    padding: var(--_vt-space-2) var(--_vt-space-4);
    border: 1px solid var(--vt-group-buy-button-background, var(--_vt-color-accent));
    border-radius: var(--_vt-radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    transition: filter var(--_vt-duration);
  }
  .primary {
    background: var(--vt-group-buy-button-background, var(--_vt-color-accent));
    color: var(--vt-group-buy-button-color, var(--_vt-color-on-accent));
  }
  .secondary {
    background: transparent;
    color: var(--_vt-color-text);
  }
  button:hover:not([aria-disabled='true']) {
    filter: brightness(1.08);
  }
  button[aria-disabled='true'] {
    background: var(--_vt-color-surface-raised);
    color: var(--_vt-color-text-muted);
    border-color: var(--_vt-color-border);
    cursor: not-allowed;
  }
  /* The reason line is reserved even when empty: it appears at a boundary without a shift. */
  [part='reason'] {
    min-block-size: 1.5em;
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
