import { css } from 'lit';

export const addToCartStyles = css`
  :host {
    display: inline-block;
    /* Reserve the button and its message line before the product arrives so nothing shifts. */
    --_message-line: 1.25rem;
    min-block-size: calc(
      var(--vt-add-to-cart-min-height, 2.75rem) + var(--_vt-space-1) + var(--_message-line)
    );
    min-inline-size: var(--vt-add-to-cart-min-width, 10rem);
  }
  [part='button'] {
    inline-size: 100%;
    min-block-size: var(--vt-add-to-cart-min-height, 2.75rem);
    padding: var(--_vt-space-2) var(--_vt-space-4);
    border: 1px solid transparent;
    border-radius: var(--_vt-radius);
    background: var(--vt-add-to-cart-background, var(--_vt-color-accent));
    color: var(--vt-add-to-cart-color, var(--_vt-color-on-accent));
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    transition: filter var(--_vt-duration);
  }
  [part='button']:hover:not([aria-disabled='true']) {
    filter: brightness(1.08);
  }
  [part='button'][aria-disabled='true'] {
    background: var(--_vt-color-surface-raised);
    color: var(--_vt-color-text-muted);
    border-color: var(--_vt-color-border);
    cursor: not-allowed;
  }
  [part='message'] {
    display: block;
    min-block-size: var(--_message-line);
    line-height: var(--_message-line);
    margin-block-start: var(--_vt-space-1);
    font-size: 0.875em;
    color: var(--_vt-color-text-muted);
  }
  [part='message'].failed {
    color: var(--_vt-color-danger);
  }
  [part='message'].added {
    color: var(--_vt-color-success);
  }
  [part='status'] {
    min-block-size: var(--vt-add-to-cart-min-height, 2.75rem);
    display: flex;
    align-items: center;
  }
  @media (forced-colors: active) {
    [part='button'] {
      border-color: ButtonText;
    }
  }
`;
