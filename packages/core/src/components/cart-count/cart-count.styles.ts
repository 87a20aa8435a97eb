import { css } from 'lit';

export const cartCountStyles = css`
  :host {
    display: inline-block;
    min-block-size: var(--vt-cart-count-size, 2.5rem);
    min-inline-size: var(--vt-cart-count-size, 2.5rem);
  }
  [part='base'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    block-size: var(--vt-cart-count-size, 2.5rem);
    min-inline-size: var(--vt-cart-count-size, 2.5rem);
    color: inherit;
    text-decoration: none;
    border-radius: var(--_vt-radius);
  }
  svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  [part='count'] {
    position: absolute;
    /* Sits on the bag's upper corner without hiding it. */
    inset-block-start: -0.375rem;
    inset-inline-end: -0.75rem;
    min-inline-size: 1.25rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--vt-cart-count-background, var(--_vt-color-accent));
    color: var(--vt-cart-count-color, var(--_vt-color-on-accent));
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.25rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  [part='count'][hidden] {
    display: none;
  }
  @media (forced-colors: active) {
    [part='count'] {
      border: 1px solid CanvasText;
    }
  }
`;
