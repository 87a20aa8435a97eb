import { css } from 'lit';

export const searchStyles = css`
  :host {
    position: relative;
    /* The input's height is reserved before the element upgrades or loads anything: no layout shift. */
    min-block-size: var(--vt-search-height, 2.75rem);
    max-inline-size: var(--vt-search-max-width, none);
    font-size: var(--_vt-font-size);
  }
  [part='input'] {
    box-sizing: border-box;
    inline-size: 100%;
    block-size: var(--vt-search-height, 2.75rem);
    padding: 0 var(--_vt-space-3);
    border: 1px solid var(--vt-search-border-color, var(--_vt-color-border));
    border-radius: var(--vt-search-radius, var(--_vt-radius));
    background: var(--vt-search-background, var(--_vt-color-surface));
    color: inherit;
    font: inherit;
  }
  [part='input']::placeholder {
    color: var(--_vt-color-text-muted);
    opacity: 1;
  }
  [part='input']:focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  [part='popup'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(100% + var(--_vt-space-1));
    z-index: var(--vt-search-z-index, 10);
    box-sizing: border-box;
    padding: var(--_vt-space-1) 0;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--vt-search-radius, var(--_vt-radius));
    background: var(--vt-search-popup-background, var(--_vt-color-surface));
    box-shadow: var(--vt-search-popup-shadow, 0 8px 24px rgb(0 0 0 / 0.18));
    /* What changes inside the popup at each keystroke is laid out and painted within it, never
       the shop's page around it. */
    contain: content;
  }
  /* The listbox scrolls, not the popup: it is the combobox's popup, operated from the input by
     the arrow keys (and so not a scroll region that needs its own keyboard access). */
  [part='listbox'] {
    max-block-size: var(--vt-search-popup-max-height, min(70vh, 34rem));
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  [part='popup'][hidden],
  [part='listbox'][hidden] {
    display: none;
  }
  [part~='message'] {
    margin: 0;
    padding: var(--_vt-space-2) var(--_vt-space-3);
    color: var(--_vt-color-text-muted);
    font-size: 0.9em;
  }
  [part~='message'].error {
    color: var(--_vt-color-danger);
  }
  [part='section'] + [part='section'] {
    border-block-start: 1px solid var(--_vt-color-border);
    margin-block-start: var(--_vt-space-1);
    padding-block-start: var(--_vt-space-1);
  }
  [part='section-label'] {
    padding: var(--_vt-space-1) var(--_vt-space-3);
    color: var(--_vt-color-text-muted);
    font-size: 0.8em;
    font-weight: 600;
  }
  [part~='option'] {
    display: flex;
    align-items: center;
    gap: var(--_vt-space-2);
    min-block-size: 2.25rem;
    padding: var(--_vt-space-1) var(--_vt-space-3);
    cursor: pointer;
    /* Long Chinese titles have no spaces to break at. */
    overflow-wrap: anywhere;
  }
  [part~='option']:hover {
    background: var(--_vt-color-surface-raised);
  }
  /* The active option: visible without colour alone (an inset bar), also in forced colours. */
  [part~='option'][aria-selected='true'] {
    background: var(--vt-search-active-background, var(--_vt-color-surface-raised));
    box-shadow: inset 3px 0 0 var(--vt-search-active-color, var(--_vt-color-accent));
    outline: 2px solid transparent;
    /* Inside the option: the popup clips what overflows it (contain: content). */
    outline-offset: -2px;
  }
  [part~='option'].clear,
  [part~='option'].all {
    color: var(--vt-search-link-color, var(--_vt-color-accent));
  }
  .count {
    margin-inline-start: auto;
    color: var(--_vt-color-text-muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  [part='image'] {
    flex: none;
    inline-size: var(--vt-search-image-size, 2.5rem);
    block-size: var(--vt-search-image-size, 2.5rem);
    object-fit: contain;
    border-radius: calc(var(--_vt-radius) / 2);
    background: var(--_vt-color-surface-raised);
  }
  /* Sized from the option's width (basis 0), not from the title's one-line width, which would
     lay the title out once more per option per keystroke. */
  .text {
    flex: 1 1 0;
    min-inline-size: 0;
  }
  [part='price'] {
    display: block;
  }
  [part='title'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  [part='price'] {
    color: var(--_vt-color-text-muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  [part='mark'] {
    background: var(--vt-search-mark-background, transparent);
    color: inherit;
    font-weight: var(--vt-search-mark-weight, 700);
  }
`;
