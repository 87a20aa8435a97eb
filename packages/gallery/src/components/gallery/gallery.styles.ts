import { css } from 'lit';

export const galleryStyles = css`
  :host {
    display: block;
    font-family: var(--_vt-font-family);
    color: var(--_vt-color-text);
  }
  .base {
    position: relative;
    display: grid;
    gap: var(--_vt-space-2);
  }
  /* The view's box is fixed by its aspect ratio from the first render: nothing shifts. */
  .viewport {
    position: relative;
    overflow: hidden;
    aspect-ratio: var(--vt-gallery-aspect-ratio, 1 / 1);
    border-radius: var(--_vt-radius);
    background: var(--vt-gallery-background, var(--_vt-color-surface-raised));
    touch-action: pan-y;
    outline: none;
  }
  .viewport:focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  .viewport.zoomed {
    touch-action: none;
  }
  .placeholder {
    display: grid;
    place-items: center;
  }
  .slide {
    position: absolute;
    inset: 0;
    display: grid;
  }
  [hidden] {
    display: none !important;
  }
  .zoom {
    inline-size: 100%;
    block-size: 100%;
    transform-origin: center;
  }
  .zoom:not(.hovering) {
    transition: transform var(--_vt-duration) ease-out;
  }
  .zoom.zoomed {
    cursor: zoom-out;
  }
  [part='image'] {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: var(--vt-gallery-fit, contain);
    cursor: zoom-in;
    user-select: none;
    -webkit-user-drag: none;
  }
  .item-error {
    display: grid;
    place-content: center;
    gap: var(--_vt-space-1);
    margin: 0;
    padding: var(--_vt-space-3);
    text-align: center;
    color: var(--_vt-color-danger);
  }
  .item-error .alt {
    color: var(--_vt-color-text-muted);
    font-size: 0.9em;
  }
  .controls {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    aspect-ratio: var(--vt-gallery-aspect-ratio, 1 / 1);
    pointer-events: none;
  }
  .control {
    position: absolute;
    display: grid;
    place-items: center;
    inline-size: var(--vt-gallery-control-size, 2.5rem);
    block-size: var(--vt-gallery-control-size, 2.5rem);
    padding: 0;
    border: 1px solid var(--_vt-color-border);
    border-radius: 50%;
    background: var(--_vt-color-surface);
    color: var(--_vt-color-text);
    cursor: pointer;
    pointer-events: auto;
    opacity: 0.92;
  }
  .control:hover:not(:disabled) {
    opacity: 1;
    border-color: var(--_vt-color-text-muted);
  }
  .control:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .control:focus-visible,
  .thumb:focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  .control svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .previous,
  .next {
    inset-block-start: calc(50% - var(--vt-gallery-control-size, 2.5rem) / 2);
  }
  .previous {
    inset-inline-start: var(--_vt-space-2);
  }
  .next {
    inset-inline-end: var(--_vt-space-2);
  }
  .next svg,
  :host(:dir(rtl)) .previous svg {
    transform: scaleX(-1);
  }
  :host(:dir(rtl)) .next svg {
    transform: none;
  }
  .tools {
    position: absolute;
    inset-block-end: var(--_vt-space-2);
    inset-inline-end: var(--_vt-space-2);
    display: flex;
    gap: var(--_vt-space-1);
  }
  .tools .control {
    position: static;
  }
  /* A fixed height (the thumbnails, their focus ring and a thin scrollbar), kept even for a single
     item, so the gallery's height is known before it renders: see README, "No layout shift". */
  .thumbs {
    display: flex;
    align-items: start;
    box-sizing: border-box;
    block-size: calc(var(--vt-gallery-thumb-size, 4rem) + 1rem);
    gap: var(--_vt-space-1);
    overflow-x: auto;
    overflow-y: hidden;
    padding: 3px;
    scrollbar-width: thin;
  }
  .thumb {
    position: relative;
    flex: 0 0 auto;
    inline-size: var(--vt-gallery-thumb-size, 4rem);
    block-size: var(--vt-gallery-thumb-size, 4rem);
    padding: 0;
    overflow: hidden;
    border: 2px solid transparent;
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface-raised);
    cursor: pointer;
  }
  .thumb[aria-selected='true'] {
    border-color: var(--_vt-color-accent);
  }
  .thumb img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .badge {
    position: absolute;
    inset: 50% auto auto 50%;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    padding: 0.2rem;
    transform: translate(-50%, -50%);
    border-radius: 50%;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
  }
  @media (prefers-reduced-motion: reduce) {
    .zoom:not(.hovering) {
      transition: none;
    }
  }
`;
