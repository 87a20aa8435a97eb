import { css } from 'lit';

/** Styles of `<vt-search-results>`; every colour and space comes from the `--vt-*` tokens. */
export const searchResultsStyles = css`
  :host {
    --_facets-width: var(--vt-search-results-facets-width, 15rem);
    --_card-min: var(--vt-search-results-card-min, 11rem);
    --_mark: var(--vt-search-results-mark, light-dark(#fff1a8, #5a4a00));
    container: vt-search-results / inline-size;
    min-block-size: var(--vt-search-results-min-height, 40rem);
    font-size: var(--_vt-font-size);
    line-height: 1.4;
  }
  * {
    box-sizing: border-box;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  select {
    min-block-size: 2.75rem;
    padding: var(--_vt-space-2) var(--_vt-space-3);
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface);
    cursor: pointer;
  }
  button.link {
    min-block-size: 2rem;
    border: 0;
    padding: var(--_vt-space-1) 0;
    background: none;
    color: var(--_vt-color-accent);
    text-decoration: underline;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .head {
    margin-block-end: var(--_vt-space-3);
  }
  [part='heading'] {
    font-size: 1.25em;
    margin: 0;
  }
  [part='heading']:focus {
    outline: none;
  }
  [part='heading']:focus-visible {
    outline: var(--_vt-focus-ring);
  }
  [part~='notice'] {
    margin: 0 0 var(--_vt-space-3);
    padding: var(--_vt-space-2) var(--_vt-space-3);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface-raised);
  }
  [part~='notice'].error {
    border-inline-start: 4px solid var(--_vt-color-danger);
  }
  [part~='notice'] button {
    margin-inline-start: var(--_vt-space-2);
  }
  .body {
    display: grid;
    grid-template-columns: var(--_facets-width) minmax(0, 1fr);
    gap: var(--_vt-space-4);
    align-items: start;
  }
  .filters-toggle {
    display: none;
  }
  [part='facets'] fieldset {
    border: 0;
    border-block-end: 1px solid var(--_vt-color-border);
    margin: 0 0 var(--_vt-space-3);
    padding: 0 0 var(--_vt-space-3);
    min-inline-size: 0;
  }
  [part='facet-legend'] {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--_vt-space-2);
  }
  [part='facets'] label {
    display: flex;
    gap: var(--_vt-space-2);
    align-items: center;
    min-block-size: 2rem;
    cursor: pointer;
  }
  [part='facets'] label.implied {
    color: var(--_vt-color-text-muted);
  }
  [part='facets'] ul ul {
    padding-inline-start: var(--_vt-space-4);
  }
  [part='facets'] input[type='checkbox'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_vt-color-accent);
    flex: none;
  }
  .value {
    overflow-wrap: anywhere;
  }
  .count,
  .muted {
    color: var(--_vt-color-text-muted);
  }
  form.price {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_vt-space-2);
    align-items: center;
  }
  form.price label {
    flex: 1 1 4rem;
  }
  [part='price-input'] {
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: var(--_vt-space-2);
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_vt-space-3);
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--_vt-space-3);
  }
  [part='chips'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_vt-space-2);
    align-items: center;
  }
  [part='chip'] {
    border-radius: 999px;
    background: var(--_vt-color-surface-raised);
  }
  .sort {
    display: flex;
    gap: var(--_vt-space-2);
    align-items: center;
    margin-inline-start: auto;
  }
  [part='grid'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--_card-min), 1fr));
    gap: var(--_vt-space-4);
    transition: opacity var(--_vt-duration);
  }
  [part='grid'][aria-busy='true'] {
    opacity: 0.55;
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_vt-space-1);
    min-inline-size: 0;
  }
  .card p {
    margin: 0;
  }
  .media {
    aspect-ratio: 1;
    border-radius: var(--_vt-radius);
    overflow: hidden;
    background: var(--_vt-color-surface-raised);
  }
  [part='image'] {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .title {
    font-size: 1em;
    font-weight: 600;
    margin: var(--_vt-space-1) 0 0;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  [part='link'] {
    color: inherit;
    text-decoration: none;
  }
  [part='link']::after {
    /* The whole card is the link's hit area; only the title is its accessible name. */
    content: '';
    position: absolute;
    inset: 0;
  }
  [part='link']:hover {
    text-decoration: underline;
  }
  [part='link']:focus-visible {
    outline: none;
  }
  [part='link']:focus-visible::after {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
    border-radius: var(--_vt-radius);
  }
  [part='mark'] {
    background: var(--_mark);
    color: inherit;
    border-radius: 2px;
  }
  .brand,
  .rating {
    color: var(--_vt-color-text-muted);
    font-size: 0.9em;
  }
  .price {
    font-weight: 600;
  }
  .price .sale {
    color: var(--_vt-color-sale);
  }
  [part='compare-at'] {
    color: var(--_vt-color-text-muted);
    font-weight: 400;
    margin-inline-start: var(--_vt-space-1);
  }
  .stock {
    font-size: 0.85em;
    color: var(--_vt-color-success);
  }
  .stock.out_of_stock,
  .stock.discontinued {
    color: var(--_vt-color-danger);
  }
  .stock.preorder,
  .stock.backorder,
  .stock.limited {
    color: var(--_vt-color-text-muted);
  }
  .skeleton .media,
  .skeleton .bar {
    background: var(--_vt-color-surface-raised);
    border-radius: var(--_vt-radius);
  }
  .skeleton .bar {
    block-size: 1em;
    margin-block-start: var(--_vt-space-2);
  }
  .skeleton .bar.short {
    inline-size: 50%;
  }
  [part='no-results'] {
    margin-block-end: var(--_vt-space-4);
  }
  [part='no-results'] ul {
    list-style: disc;
    padding-inline-start: var(--_vt-space-4);
  }
  [part='no-results'] h3 {
    font-size: 1.1em;
  }
  [part='pagination'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_vt-space-1);
    justify-content: center;
    margin-block-start: var(--_vt-space-4);
  }
  [part='pagination'] a,
  [part='pagination'] button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    padding: 0 var(--_vt-space-2);
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    color: inherit;
    text-decoration: none;
  }
  [part='pagination'] [aria-current='page'] {
    background: var(--_vt-color-accent);
    border-color: var(--_vt-color-accent);
    color: var(--_vt-color-on-accent);
    font-weight: 600;
  }
  .gap {
    align-self: center;
    padding: 0 var(--_vt-space-1);
  }
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_vt-space-2);
    margin-block-start: var(--_vt-space-4);
  }
  .more p {
    margin: 0;
    color: var(--_vt-color-text-muted);
  }
  .sentinel {
    block-size: 1px;
  }
  @container vt-search-results (max-width: 44rem) {
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
    .filters-toggle {
      display: inline-flex;
      justify-self: start;
    }
    [part='facets']:not(.open) {
      display: none;
    }
  }
`;
