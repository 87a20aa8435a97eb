import { css } from 'lit';

export const priceStyles = css`
  :host {
    display: inline-block;
    font-family: var(--vt-font-family, inherit);
    color: var(--vt-price-color, var(--vt-color-text, inherit));
    font-variant-numeric: tabular-nums;
  }
  [part='base'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--vt-space-1, 0.25em);
  }
  .sale [part='amount'] {
    color: var(--vt-price-sale-color, var(--vt-color-sale, light-dark(#b3261e, #ffb4ab)));
    font-weight: 600;
  }
  [part='compare-at'] {
    color: var(--vt-color-text-muted, light-dark(#5f6368, #bdc1c6));
    font-size: 0.875em;
  }
  [part='error'] {
    color: var(--vt-color-text-muted, light-dark(#5f6368, #bdc1c6));
    font-style: italic;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .sale [part='amount'] {
      color: CanvasText;
    }
  }
`;
