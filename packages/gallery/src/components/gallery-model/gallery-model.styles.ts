import { css } from 'lit';

export const galleryModelStyles = css`
  :host {
    display: block;
    overflow: hidden;
    background: var(--vt-gallery-model-background, var(--_vt-color-surface-raised));
  }
  [part='poster'],
  [part='viewer'] {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100%;
  }
  img[part='poster'] {
    object-fit: contain;
  }
  .placeholder {
    display: grid;
    place-items: center;
    color: var(--_vt-color-text-muted);
    font-size: 1.25em;
    font-weight: 600;
  }
  [part='viewer'] {
    background-color: var(--vt-gallery-model-background, var(--_vt-color-surface-raised));
    /* model-viewer's own variables: no grey flash behind a transparent poster, and no progress bar
       (the loading text says it, in the shop's language). */
    --poster-color: transparent;
    --progress-bar-height: 0;
  }
  .overlay {
    position: absolute;
    inset-block-end: var(--_vt-space-3);
    inset-inline-start: var(--_vt-space-3);
    max-inline-size: calc(100% - 2 * var(--_vt-space-3));
    box-sizing: border-box;
    margin: 0;
    padding: var(--_vt-space-1) var(--_vt-space-2);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface);
    color: var(--_vt-color-text);
    font-size: 0.8125em;
    line-height: 1.4;
    pointer-events: none;
  }
  [part='hint'] {
    /* Leaves room for the AR button at the end of the same edge. */
    max-inline-size: calc(55% - var(--_vt-space-3));
    color: var(--_vt-color-text-muted);
  }
  [part='ar-button'] {
    position: absolute;
    inset-block-end: var(--_vt-space-3);
    inset-inline-end: var(--_vt-space-3);
    min-block-size: 2.75rem;
    padding: var(--_vt-space-2) var(--_vt-space-3);
    border: 1px solid var(--_vt-color-border);
    border-radius: 999px;
    background: var(--_vt-color-surface);
    color: var(--_vt-color-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part='ar-button']:focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  [part='error'] .alt {
    color: var(--_vt-color-text-muted);
    font-size: 0.875em;
  }
`;
