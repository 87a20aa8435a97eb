import { tokens } from '@vitrine/core';

/**
 * The checkout renders in the light DOM so browsers and password managers can autofill its
 * inputs (they do not reach into shadow roots: WICG webcomponents #572, #649). Its styles are
 * therefore one `<style>` inside the element, limited to it with `@scope (vt-checkout)`: nothing
 * leaks to the page, and the shop's own CSS can restyle any `.vt-checkout__*` class. The core
 * tokens are reused with `:host` read as the scope root.
 */
export const checkoutCss = `@scope (vt-checkout) {
${tokens.cssText.replaceAll(':host(', ':scope:is(').replaceAll(':host', ':scope')}
:scope {
  display: block;
  min-block-size: var(--vt-checkout-min-height, 28rem);
  font-size: var(--_vt-font-size);
  line-height: 1.45;
  --_gap: var(--vt-checkout-gap, var(--_vt-space-4));
  --_accent: var(--vt-checkout-accent, var(--_vt-color-accent));
  --_on-accent: var(--vt-checkout-on-accent, var(--_vt-color-on-accent));
}
.vt-checkout__layout {
  display: grid;
  gap: calc(var(--_gap) * 2);
  grid-template-columns: minmax(0, 1fr);
}
@media (min-width: 56rem) {
  .vt-checkout__layout { grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); }
  .vt-checkout__aside { position: sticky; inset-block-start: var(--_gap); align-self: start; }
}
.vt-checkout__form { display: grid; gap: var(--_gap); }
.vt-checkout__guest, .vt-checkout__note, .vt-checkout__hint, .vt-checkout__muted {
  color: var(--_vt-color-text-muted);
  font-size: 0.875em;
  margin: 0;
}
.vt-checkout__section {
  border: 1px solid var(--_vt-color-border);
  border-radius: var(--_vt-radius);
  padding: var(--_gap);
  background: var(--vt-checkout-section-background, var(--_vt-color-surface));
  display: grid;
  gap: var(--_vt-space-3);
}
.vt-checkout__section[data-state='later'] { opacity: 0.7; }
.vt-checkout__heading {
  display: flex;
  gap: var(--_vt-space-2);
  align-items: baseline;
  font-size: 1.1em;
  margin: 0;
}
.vt-checkout__num {
  display: inline-grid;
  place-items: center;
  inline-size: 1.6em;
  block-size: 1.6em;
  border-radius: 50%;
  background: var(--_vt-color-surface-raised);
  font-size: 0.85em;
}
.vt-checkout__section[data-state='done'] .vt-checkout__num { background: var(--_accent); color: var(--_on-accent); }
.vt-checkout__recap { display: flex; gap: var(--_vt-space-3); align-items: baseline; justify-content: space-between; }
.vt-checkout__recap p { margin: 0; overflow-wrap: anywhere; }
.vt-checkout__fields { display: grid; gap: var(--_vt-space-3); grid-template-columns: repeat(6, minmax(0, 1fr)); }
.vt-checkout__field { display: grid; gap: var(--_vt-space-1); grid-column: span 6; align-content: start; }
@media (min-width: 36rem) {
  .vt-checkout__field[data-width='half'] { grid-column: span 3; }
  .vt-checkout__field[data-width='third'] { grid-column: span 2; }
}
.vt-checkout__field label, .vt-checkout__legend { font-weight: 600; font-size: 0.9em; }
.vt-checkout__optional { font-weight: 400; color: var(--_vt-color-text-muted); }
.vt-checkout__field input, .vt-checkout__field select, .vt-checkout__country select {
  font: inherit;
  color: inherit;
  background: var(--vt-checkout-input-background, var(--_vt-color-surface));
  border: 1px solid var(--vt-checkout-input-border, var(--_vt-color-border));
  border-radius: calc(var(--_vt-radius) * 0.75);
  padding: var(--_vt-space-2) var(--_vt-space-3);
  min-block-size: 2.75rem;
  box-sizing: border-box;
  inline-size: 100%;
}
.vt-checkout__field input[aria-invalid='true'], .vt-checkout__field select[aria-invalid='true'] {
  border-color: var(--_vt-color-danger);
  box-shadow: inset 0 0 0 1px var(--_vt-color-danger);
}
.vt-checkout__error { color: var(--_vt-color-danger); font-size: 0.875em; margin: 0; }
.vt-checkout__error:empty { display: none; }
.vt-checkout__check { display: flex; gap: var(--_vt-space-2); align-items: flex-start; grid-column: span 6; }
.vt-checkout__check input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0.1rem 0 0; accent-color: var(--_accent); }
.vt-checkout__options { border: 0; padding: 0; margin: 0; display: grid; gap: var(--_vt-space-2); }
.vt-checkout__option {
  display: grid;
  grid-template-columns: auto 1fr auto;
  gap: var(--_vt-space-3);
  align-items: center;
  border: 1px solid var(--_vt-color-border);
  border-radius: calc(var(--_vt-radius) * 0.75);
  padding: var(--_vt-space-3);
  cursor: pointer;
}
.vt-checkout__option:has(input:checked) { border-color: var(--_accent); box-shadow: inset 0 0 0 1px var(--_accent); }
.vt-checkout__option input { accent-color: var(--_accent); inline-size: 1.1rem; block-size: 1.1rem; margin: 0; }
.vt-checkout__option small { display: block; color: var(--_vt-color-text-muted); }
.vt-checkout__button, .vt-checkout__link {
  font: inherit;
  cursor: pointer;
  border-radius: calc(var(--_vt-radius) * 0.75);
}
.vt-checkout__button {
  justify-self: start;
  border: 0;
  background: var(--_accent);
  color: var(--_on-accent);
  padding: var(--_vt-space-2) var(--_vt-space-4);
  min-block-size: 2.75rem;
  font-weight: 600;
}
.vt-checkout__button[data-size='wide'] { justify-self: stretch; font-size: 1.05em; }
.vt-checkout__button[aria-disabled='true'] { opacity: 0.6; cursor: progress; }
.vt-checkout__link {
  border: 0;
  background: none;
  color: var(--_accent);
  text-decoration: underline;
  padding: var(--_vt-space-1);
  justify-self: start;
}
.vt-checkout :focus-visible, :scope :focus-visible { outline: var(--_vt-focus-ring); outline-offset: var(--_vt-focus-offset); }
.vt-checkout__express { display: grid; gap: var(--_vt-space-2); }
.vt-checkout__banner {
  border-radius: var(--_vt-radius);
  padding: var(--_vt-space-3);
  background: var(--_vt-color-surface-raised);
  border-inline-start: 4px solid var(--_accent);
  margin: 0;
  display: flex;
  gap: var(--_vt-space-3);
  align-items: center;
  flex-wrap: wrap;
}
.vt-checkout__banner[data-kind='error'] { border-color: var(--_vt-color-danger); }
.vt-checkout__aside {
  border: 1px solid var(--_vt-color-border);
  border-radius: var(--_vt-radius);
  padding: var(--_gap);
  background: var(--vt-checkout-summary-background, var(--_vt-color-surface-raised));
  display: grid;
  gap: var(--_vt-space-3);
}
.vt-checkout__aside h2 { font-size: 1.1em; margin: 0; }
.vt-checkout__lines { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_vt-space-3); }
.vt-checkout__line { display: grid; grid-template-columns: 3.5rem 1fr auto; gap: var(--_vt-space-3); align-items: center; }
.vt-checkout__line img { inline-size: 3.5rem; block-size: 3.5rem; object-fit: cover; border-radius: calc(var(--_vt-radius) * 0.5); background: var(--_vt-color-surface); }
.vt-checkout__line p { margin: 0; }
.vt-checkout__totals { display: grid; grid-template-columns: 1fr auto; gap: var(--_vt-space-1) var(--_vt-space-3); margin: 0; }
.vt-checkout__totals dt, .vt-checkout__totals dd { margin: 0; }
.vt-checkout__totals dd { text-align: end; font-variant-numeric: tabular-nums; }
.vt-checkout__saving small { display: block; }
.vt-checkout__saving { color: var(--vt-checkout-save-color, var(--_vt-color-sale)); }
.vt-checkout__grand { font-weight: 700; font-size: 1.15em; border-block-start: 1px solid var(--_vt-color-border); padding-block-start: var(--_vt-space-2); }
.vt-checkout__done { display: grid; gap: var(--_vt-space-3); }
.vt-checkout__done h2 { margin: 0; }
.vt-checkout__sr { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
}`;
