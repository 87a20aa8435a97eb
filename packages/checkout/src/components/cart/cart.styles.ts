import { css } from 'lit';

export const cartStyles = css`
  :host {
    --_accent: var(--vt-cart-accent, var(--_vt-color-accent));
    --_on-accent: var(--vt-cart-on-accent, var(--_vt-color-on-accent));
    --_gap: var(--vt-cart-gap, var(--_vt-space-4));
    --_img: var(--vt-cart-image-size, 4.5rem);
    --_save: var(--vt-cart-save-color, var(--_vt-color-sale));
    --_from: 100%;
    display: block;
    /* Reserved before the configuration and the cart arrive, so the page does not shift. */
    min-block-size: var(--vt-cart-min-height, 18rem);
    font-size: var(--_vt-font-size);
    line-height: 1.4;
  }
  /* The drawer takes no room in the page: it shows in the top layer. */
  :host([mode='drawer']) {
    display: contents;
  }
  :host(:dir(rtl)) {
    --_from: -100%;
  }
  p,
  ul,
  dl,
  dd,
  h2,
  h3 {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  [part='base'],
  [part='body'] {
    display: grid;
    gap: var(--_gap);
    align-content: start;
  }
  a {
    color: inherit;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: 2.25rem;
    padding: var(--_vt-space-1) var(--_vt-space-3);
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: transparent;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    cursor: default;
    color: var(--_vt-color-text-muted);
  }

  dialog {
    box-sizing: border-box;
    inline-size: var(--vt-cart-drawer-width, min(28rem, 100vw));
    max-inline-size: 100vw;
    block-size: 100dvh;
    max-block-size: 100dvh;
    margin-block: 0;
    margin-inline: auto 0;
    padding: 0;
    border: 0;
    background: var(--vt-cart-surface, var(--_vt-color-surface));
    color: inherit;
    box-shadow: 0 0 2rem rgb(0 0 0 / 0.25);
    overscroll-behavior: contain;
  }
  dialog[open] {
    animation: vt-cart-in calc(var(--_vt-duration) * 2) ease-out;
  }
  dialog::backdrop {
    background: var(--vt-cart-backdrop, rgb(0 0 0 / 0.45));
  }
  @keyframes vt-cart-in {
    from {
      transform: translateX(var(--_from));
    }
  }
  [part='panel'] {
    display: flex;
    flex-direction: column;
    block-size: 100%;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_vt-space-2);
    padding: var(--_vt-space-3) var(--_vt-space-4);
    border-block-end: 1px solid var(--_vt-color-border);
  }
  [part='heading'] {
    font-size: 1.25em;
  }
  [part='count'] {
    margin-inline-start: var(--_vt-space-2);
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_vt-color-text-muted);
  }
  [part='close'] {
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border-color: transparent;
  }
  [part='close'] svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  [part='body'] {
    flex: 1;
    overflow: auto;
    padding: var(--_vt-space-4);
  }

  .toast {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_vt-space-2);
    padding: var(--_vt-space-2) var(--_vt-space-3);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface-raised);
  }
  [part='undo'] {
    border-color: var(--_accent);
    font-weight: 600;
  }

  [part~='line'] {
    display: grid;
    grid-template-columns: var(--_img) minmax(0, 1fr) auto;
    grid-template-areas:
      'image info amounts'
      'image stepper remove';
    align-items: start;
    gap: var(--_vt-space-2) var(--_vt-space-3);
    padding-block: var(--_vt-space-3);
    border-block-end: var(--vt-cart-border, 1px solid var(--_vt-color-border));
  }
  [part='image'] {
    grid-area: image;
    display: block;
    inline-size: var(--_img);
    block-size: var(--_img);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface-raised);
    object-fit: cover;
  }
  .info {
    grid-area: info;
    display: grid;
    gap: var(--_vt-space-1);
    min-inline-size: 0;
  }
  [part='title'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='options'],
  [part='unit-price'],
  [part='reason'],
  [part='note'],
  [part='code-state'] {
    font-size: 0.875em;
    color: var(--_vt-color-text-muted);
  }
  [part='compare-at'] {
    margin-inline-start: var(--_vt-space-1);
  }
  [part='sold-out'],
  [part='blocked'] {
    font-weight: 600;
    color: var(--_vt-color-danger);
  }
  [part='price-changed'] {
    justify-self: start;
    padding: 0 var(--_vt-space-2);
    border-inline-start: 3px solid var(--_accent);
    background: var(--_vt-color-surface-raised);
    font-size: 0.875em;
  }
  [part='stepper'] {
    grid-area: stepper;
    display: inline-flex;
    align-items: stretch;
    justify-self: start;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
  }
  [part='decrease'],
  [part='increase'] {
    inline-size: 2.25rem;
    padding: 0;
    border: 0;
    font-size: 1.125em;
  }
  [part='quantity'] {
    inline-size: 3rem;
    border: 0;
    border-inline: 1px solid var(--_vt-color-border);
    background: transparent;
    text-align: center;
    font-variant-numeric: tabular-nums;
    appearance: textfield;
  }
  [part='quantity']::-webkit-inner-spin-button,
  [part='quantity']::-webkit-outer-spin-button {
    appearance: none;
    margin: 0;
  }
  .amounts {
    grid-area: amounts;
    text-align: end;
  }
  [part='line-total'] {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part='line-saving'] {
    font-size: 0.875em;
    color: var(--_save);
  }
  [part='remove'] {
    grid-area: remove;
    justify-self: end;
  }

  [part='summary'] {
    display: grid;
    gap: var(--_vt-space-2);
  }
  [part='summary-heading'] {
    font-size: 1.125em;
  }
  dl {
    display: grid;
    gap: var(--_vt-space-1);
  }
  [part~='row'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 var(--_vt-space-2);
  }
  [part~='row'] dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  [part~='row-discount'] dd {
    color: var(--_save);
  }
  [part~='row-discount'] [part='reason'] {
    grid-column: 1 / -1;
    text-align: start;
    color: var(--_vt-color-text-muted);
  }
  [part~='row-total'] {
    padding-block-start: var(--_vt-space-2);
    border-block-start: 1px solid var(--_vt-color-border);
    font-weight: 700;
    font-size: 1.125em;
  }
  [part='free-over'] {
    font-size: 0.875em;
  }

  [part='submit'] {
    border-color: var(--_accent);
    font-weight: 600;
  }
  [part='codes'] li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_vt-space-2);
  }
  [part='code'] {
    padding: 0 var(--_vt-space-1);
    border: 1px solid var(--_vt-color-border);
    border-radius: calc(var(--_vt-radius) / 2);
    font-family: ui-monospace, monospace;
  }
  [part='code-state'] {
    flex: 1;
  }
  [part='code-state'].ok {
    color: var(--_save);
  }

  [part='checkout'] {
    display: block;
    padding: var(--_vt-space-3);
    border-radius: var(--_vt-radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    text-align: center;
    text-decoration: none;
  }
  [part='checkout'][aria-disabled='true'] {
    border: 1px dashed var(--_vt-color-border);
    background: var(--_vt-color-surface-raised);
    color: var(--_vt-color-text-muted);
  }
  [part='empty'] {
    display: grid;
    gap: var(--_vt-space-2);
    justify-items: start;
  }
  @media (forced-colors: active) {
    [part='checkout'] {
      border: 1px solid LinkText;
    }
  }
`;
