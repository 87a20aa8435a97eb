import { css } from 'lit';

export const lightboxStyles = css`
  /* The host takes no room in the page: everything shows in the top layer. */
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100%;
    max-inline-size: none;
    max-block-size: none;
    margin: 0;
    padding: var(--_vt-space-2);
    border: 0;
    background: var(--vt-lightbox-backdrop, rgb(0 0 0 / 0.92));
    color: var(--vt-lightbox-color, #fff);
    overscroll-behavior: contain;
  }
  dialog[open] {
    display: grid;
    grid-template:
      'counter counter close' auto
      'previous stage next' minmax(0, 1fr)
      'foot foot foot' auto
      / var(--vt-lightbox-control-size, 3rem) minmax(0, 1fr) var(--vt-lightbox-control-size, 3rem);
    gap: var(--_vt-space-2);
    align-items: center;
    animation: vt-lightbox-in var(--_vt-duration) ease-out;
  }
  dialog::backdrop {
    background: transparent;
  }
  [part='counter'] {
    grid-area: counter;
    margin: 0;
    padding-inline: var(--_vt-space-2);
    font-variant-numeric: tabular-nums;
  }
  button {
    display: grid;
    place-items: center;
    inline-size: var(--vt-lightbox-control-size, 3rem);
    block-size: var(--vt-lightbox-control-size, 3rem);
    padding: 0;
    border: 1px solid transparent;
    border-radius: 50%;
    background: var(--vt-lightbox-control-background, rgb(255 255 255 / 0.14));
    color: inherit;
    font: inherit;
    cursor: pointer;
    transition: filter var(--_vt-duration);
  }
  button:hover {
    filter: brightness(1.4);
  }
  button svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  :host(:dir(rtl)) [part='previous'] svg,
  [part='next'] svg {
    transform: scaleX(-1);
  }
  :host(:dir(rtl)) [part='next'] svg {
    transform: none;
  }
  [part='close'] {
    grid-area: close;
  }
  [part='previous'] {
    grid-area: previous;
  }
  [part='next'] {
    grid-area: next;
  }
  dialog :focus-visible {
    outline: var(--vt-lightbox-focus-ring, 3px solid currentColor);
    outline-offset: 2px;
  }
  .stage {
    grid-area: stage;
    align-self: stretch;
    position: relative;
    min-block-size: 0;
    /* Horizontal drags are ours (swipe); vertical pans and pinch-zoom stay the browser's. */
    touch-action: pan-y pinch-zoom;
    user-select: none;
  }
  [part='media'] {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
    animation: vt-lightbox-in var(--_vt-duration) ease-out;
  }
  .foot {
    grid-area: foot;
    text-align: center;
  }
  [part='caption'],
  .note {
    margin: 0 auto;
    max-inline-size: 70ch;
  }
  .note {
    font-size: 0.875em;
  }
  @keyframes vt-lightbox-in {
    from {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    dialog[open],
    [part='media'] {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    dialog {
      background: Canvas;
      color: CanvasText;
    }
    button {
      border-color: ButtonText;
      color: ButtonText;
    }
    dialog :focus-visible {
      outline-color: Highlight;
    }
  }
`;
