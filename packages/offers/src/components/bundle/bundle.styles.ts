import { css } from 'lit';

export const bundleStyles = css`
  :host {
    min-block-size: var(--vt-bundle-min-height, 16rem);
    font-family: var(--_vt-font-family);
    color: var(--_vt-color-text);
  }
  [part='heading'] {
    font-size: 1.1em;
    margin: 0 0 0.75rem;
  }
  [part='items'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='item'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.5rem;
    align-items: start;
    inline-size: var(--vt-bundle-item-width, 10rem);
    padding: 0.5rem;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
  }
  /* Unticked: a dashed outline, not fading, so the text keeps its contrast. */
  [part~='item'][data-off] {
    border-style: dashed;
    background: transparent;
  }
  [part~='image'] {
    grid-column: 1 / -1;
    inline-size: 100%;
    aspect-ratio: 1;
    object-fit: contain;
    background: var(--_vt-color-surface-raised);
  }
  input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.1rem 0 0;
    accent-color: var(--vt-bundle-accent, var(--_vt-color-accent));
  }
  input:focus-visible,
  button:focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  label {
    cursor: pointer;
  }
  .note {
    display: block;
    color: var(--_vt-color-text-muted);
    font-size: 0.85em;
  }
  [part='summary'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.75rem;
  }
  [part='total'] strong {
    font-variant-numeric: tabular-nums;
  }
  s {
    color: var(--_vt-color-text-muted);
  }
  [part='save'] {
    color: var(--vt-bundle-save-color, var(--_vt-color-success));
    font-weight: 600;
  }
  [part='add'] {
    min-block-size: 2.75rem;
    padding: 0 1.25rem;
    border: 0;
    border-radius: var(--_vt-radius);
    background: var(--vt-bundle-button-background, var(--_vt-color-accent));
    color: var(--vt-bundle-button-color, var(--_vt-color-on-accent));
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part='add'][aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [part='message'] {
    flex-basis: 100%;
    min-block-size: 1.4em;
    margin: 0;
    font-size: 0.9em;
  }
  [part='message'].failed {
    color: var(--_vt-color-danger);
  }
`;
