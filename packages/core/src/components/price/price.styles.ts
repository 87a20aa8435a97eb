import { css } from 'lit';

export const priceStyles = css`
  :host {
    display: inline-block;
    color: var(--vt-price-color, var(--_vt-color-text));
    font-variant-numeric: tabular-nums;
  }
  [part='base'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_vt-space-1);
  }
  .sale [part='amount'] {
    color: var(--vt-price-sale-color, var(--_vt-color-sale));
    font-weight: 600;
  }
  [part='compare-at'] {
    color: var(--_vt-color-text-muted);
    font-size: 0.875em;
  }
  [part='error'] {
    color: var(--_vt-color-text-muted);
    font-style: italic;
  }
`;
