import { css } from 'lit';

export const reviewsStyles = css`
  :host {
    --_star: var(--vt-reviews-star-color, light-dark(#b7791f, #f6c453));
    min-block-size: var(--vt-reviews-min-height, 20rem);
    font-family: var(--_vt-font-family);
    color: var(--_vt-color-text);
    /* User text never widens the page: long words and URLs wrap. */
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1em;
    margin: 0;
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  button,
  select {
    font: inherit;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  .muted {
    color: var(--_vt-color-text-muted);
  }
  .stars {
    position: relative;
    display: inline-block;
    line-height: 1;
    white-space: nowrap;
    letter-spacing: 0.05em;
    font-family: system-ui, sans-serif;
  }
  .row {
    color: var(--_vt-color-border);
  }
  .row.on {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: var(--fill);
    overflow: hidden;
    color: var(--_star);
  }
  @media (forced-colors: active) {
    .row.on {
      color: CanvasText;
    }
    .row {
      color: GrayText;
    }
  }
  [part='summary'] {
    display: grid;
    grid-template-columns: minmax(10rem, auto) minmax(12rem, 24rem);
    gap: 0.5rem 2rem;
    align-items: start;
  }
  .overall {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  [part='average'] {
    font-size: 2.5em;
    font-weight: 700;
    line-height: 1;
  }
  [part~='bar'] {
    display: grid;
    grid-template-columns: 3.5rem 1fr 3rem;
    align-items: center;
    gap: 0.5rem;
    inline-size: 100%;
    min-block-size: 1.75rem;
    padding: 0.1rem 0.25rem;
    border: 1px solid transparent;
    border-radius: var(--_vt-radius);
    background: none;
    color: inherit;
    cursor: pointer;
    text-align: start;
  }
  [part~='bar'][aria-pressed='true'] {
    border-color: var(--_vt-color-accent);
  }
  .track {
    block-size: 0.6rem;
    border-radius: 1rem;
    background: var(--_vt-color-surface-raised);
    border: 1px solid var(--_vt-color-border);
    overflow: hidden;
  }
  .track > span {
    display: block;
    block-size: 100%;
    background: var(--_star);
  }
  .n {
    font-variant-numeric: tabular-nums;
    color: var(--_vt-color-text-muted);
  }
  [part='tags'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 1rem;
  }
  [part~='tag'] {
    min-block-size: 2rem;
    padding: 0 0.75rem;
    border: 1px solid var(--_vt-color-border);
    border-radius: 1rem;
    background: var(--_vt-color-surface);
    color: inherit;
    cursor: pointer;
    max-inline-size: 100%;
    unicode-bidi: isolate;
  }
  [part~='tag'][aria-pressed='true'] {
    border-color: var(--_vt-color-accent);
    background: var(--_vt-color-accent);
    color: var(--_vt-color-on-accent);
  }
  [part~='tag'][aria-pressed='true'] .n {
    color: inherit;
  }
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    margin-block: 0.75rem;
  }
  [part='controls'] label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    max-inline-size: 100%;
    min-inline-size: 0;
    white-space: nowrap;
  }
  select {
    min-block-size: 2.25rem;
    /* Option text comes from reviews (variant names): it must not widen the control. */
    inline-size: 100%;
    max-inline-size: 16rem;
    min-inline-size: 0;
  }
  input[type='checkbox'] {
    inline-size: 1.1rem;
    block-size: 1.1rem;
    margin: 0;
  }
  .link {
    border: 0;
    padding: 0.25rem 0;
    background: none;
    color: var(--_vt-color-accent);
    text-decoration: underline;
    cursor: pointer;
  }
  [part='count'] {
    color: var(--_vt-color-text-muted);
    margin: 0.5rem 0;
  }
  [part='review'] {
    border-block-start: 1px solid var(--_vt-color-border);
    padding-block: 1rem;
    /* Stacked combining marks ("zalgo") paint far outside their line: keep them in the review. */
    overflow: clip;
    contain: paint;
  }
  [part='review'] header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  [part='title'],
  [part='body'],
  .author,
  [part='reply'] p {
    unicode-bidi: isolate;
  }
  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0.25rem 0;
    color: var(--_vt-color-text-muted);
    font-size: 0.9em;
  }
  .badge {
    color: var(--_vt-color-success);
    font-weight: 600;
  }
  [part='body'] {
    white-space: pre-line;
    margin: 0.5rem 0;
  }
  [part='body'].clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 5;
    line-clamp: 5;
    overflow: hidden;
  }
  [part='media'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.5rem;
  }
  [part='media'] button {
    position: relative;
    padding: 0;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface-raised);
    cursor: zoom-in;
    inline-size: var(--vt-reviews-thumb-size, 4.5rem);
    block-size: var(--vt-reviews-thumb-size, 4.5rem);
    overflow: hidden;
  }
  [part='media'] img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    display: block;
  }
  .play {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: #fff;
    text-shadow: 0 0 4px #000;
  }
  [part='reply'] {
    margin-block: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_vt-color-accent);
    background: var(--_vt-color-surface-raised);
  }
  [part='reply'] p {
    margin: 0;
    white-space: pre-line;
  }
  .reply-label {
    font-weight: 600;
  }
  [part='votes'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
  }
  [part='votes'] button,
  [part='more'] {
    min-block-size: 2.25rem;
    padding: 0 0.75rem;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface);
    color: inherit;
    cursor: pointer;
  }
  [part='votes'] button[aria-pressed='true'] {
    border-color: var(--_vt-color-accent);
    font-weight: 600;
  }
  [part='votes'] button[aria-disabled='true'] {
    cursor: default;
  }
  [part='more'] {
    margin-block-start: 1rem;
  }
  @media (max-width: 40rem) {
    [part='summary'] {
      grid-template-columns: 1fr;
    }
  }
`;
