import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatMoney, formatNumber, minorDigits, type Locale } from '@vitrine/core';
import { CATEGORY_SEPARATOR, type FacetCount, type SearchFacets } from '../../types.js';
import { OPTION_PREFIX, formatPrice, parsePrice } from '../../url-state.js';
import { t } from './search-results.messages.js';

/** Values shown per facet before "Show more". */
export const FACET_LIMIT = 8;

/** What the facet panel reads and how it reports the shopper's choices. */
export interface FacetPanelProps {
  locale: Locale;
  facets: SearchFacets;
  /** The active filters (state format). */
  filters: Record<string, string[]>;
  /** Facet keys whose long list the shopper expanded. */
  expanded: ReadonlySet<string>;
  /** Replaces the values of one filter key (empty removes it). */
  setFilter(key: string, values: string[]): void;
  /** Expands or collapses a long list. */
  toggleExpanded(key: string): void;
}

interface CategoryNode {
  path: string;
  label: string;
  count: number;
  children: CategoryNode[];
}

/** The category tree from the flat list of joined paths (every level is in the list, by count). */
export function categoryTree(counts: readonly FacetCount[], selected: readonly string[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  const ensure = (path: string, count: number): CategoryNode => {
    let node = nodes.get(path);
    if (node) {
      node.count = Math.max(node.count, count);
      return node;
    }
    const cut = path.lastIndexOf(CATEGORY_SEPARATOR);
    node = { path, label: cut < 0 ? path : path.slice(cut + CATEGORY_SEPARATOR.length), count, children: [] };
    nodes.set(path, node);
    if (cut < 0) roots.push(node);
    else ensure(path.slice(0, cut), 0).children.push(node);
    return node;
  };
  // Parents first, so a parent's count is its own even when it is listed after a child.
  const sorted = [...counts].sort((a, b) => depth(a.value) - depth(b.value));
  for (const c of sorted) ensure(c.value, c.count);
  for (const s of selected) ensure(s, 0);
  return roots;
}

const depth = (path: string) => path.split(CATEGORY_SEPARATOR).length;

/** Whether `path` is below one of `selected` (and so already included by a parent). */
const underSelected = (path: string, selected: readonly string[]) =>
  selected.some((s) => path.startsWith(s + CATEGORY_SEPARATOR));

/** Facet values with the chosen ones kept even when they no longer have matches. */
function withSelected(counts: readonly FacetCount[], selected: readonly string[]): FacetCount[] {
  const out = [...counts];
  for (const value of selected) if (!out.some((c) => c.value === value)) out.push({ value, count: 0 });
  return out;
}

function count(n: number, locale: Locale): TemplateResult {
  return html`<span class="count">(${formatNumber(n, locale)})</span>`;
}

/** A list cut to {@link FACET_LIMIT} unless expanded; the chosen values always stay visible. */
function limited<T>(
  items: readonly T[],
  key: string,
  props: FacetPanelProps,
  isSelected: (item: T) => boolean,
): { visible: T[]; more: TemplateResult | typeof nothing } {
  if (items.length <= FACET_LIMIT + 1) return { visible: [...items], more: nothing };
  const open = props.expanded.has(key);
  const visible = open ? [...items] : items.filter((item, i) => i < FACET_LIMIT || isSelected(item));
  const hidden = items.length - visible.length;
  return {
    visible,
    more: html`<button
      type="button"
      part="show-more"
      class="link"
      aria-expanded=${open ? 'true' : 'false'}
      @click=${() => props.toggleExpanded(key)}
    >
      ${open ? t(props.locale, 'searchResults.showLess') : t(props.locale, 'searchResults.showMore', { count: hidden })}
    </button>`,
  };
}

function checkboxGroup(key: string, legend: string, counts: readonly FacetCount[], props: FacetPanelProps) {
  const selected = props.filters[key] ?? [];
  if (!counts.length && !selected.length) return nothing;
  const all = withSelected(counts, selected);
  const { visible, more } = limited(all, key, props, (c) => selected.includes(c.value));
  return html`<fieldset part="facet" data-facet=${key}>
    <legend part="facet-legend">${legend}</legend>
    <ul>
      ${visible.map(
        (c) =>
          html`<li>
            <label>
              <input
                type="checkbox"
                .checked=${live(selected.includes(c.value))}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  props.setFilter(key, on ? [...selected, c.value] : selected.filter((v) => v !== c.value));
                }}
              />
              <span class="value">${c.value}</span> ${count(c.count, props.locale)}
            </label>
          </li>`,
      )}
    </ul>
    ${more}
  </fieldset>`;
}

function categoryList(nodes: CategoryNode[], selected: string[], props: FacetPanelProps): TemplateResult {
  return html`<ul>
    ${nodes.map((node) => {
      const implied = underSelected(node.path, selected);
      const on = implied || selected.includes(node.path);
      return html`<li>
        <label class=${implied ? 'implied' : ''}>
          <input
            type="checkbox"
            .checked=${live(on)}
            ?disabled=${implied}
            @change=${(e: Event) => {
              const checked = (e.target as HTMLInputElement).checked;
              // A parent includes its children: choosing it replaces any chosen child.
              const rest = selected.filter(
                (v) => v !== node.path && !v.startsWith(node.path + CATEGORY_SEPARATOR),
              );
              props.setFilter('category', checked ? [...rest, node.path] : rest);
            }}
          />
          <span class="value">${node.label}</span> ${count(node.count, props.locale)}
        </label>
        ${node.children.length ? categoryList(node.children, selected, props) : nothing}
      </li>`;
    })}
  </ul>`;
}

function categoryFacet(props: FacetPanelProps) {
  const selected = props.filters['category'] ?? [];
  const roots = categoryTree(props.facets.category ?? [], selected);
  if (!roots.length) return nothing;
  const { visible, more } = limited(roots, 'category', props, (n) =>
    selected.some((s) => s === n.path || s.startsWith(n.path + CATEGORY_SEPARATOR)),
  );
  return html`<fieldset part="facet" data-facet="category">
    <legend part="facet-legend">${t(props.locale, 'searchResults.category')}</legend>
    ${categoryList(visible, selected, props)} ${more}
  </fieldset>`;
}

/** Major units typed by the shopper → integer minor units; null when empty or not a number. */
function toMinor(value: string, digits: number): number | null {
  const text = value.trim().replace(',', '.');
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 10 ** digits) : null;
}

function priceFacet(props: FacetPanelProps) {
  const facet = props.facets.price;
  const chosen = parsePrice(props.filters['price']?.[0] ?? '');
  if (!facet && !chosen) return nothing;
  const currency = facet?.currency ?? 'USD';
  let digits = 2;
  try {
    digits = minorDigits(currency);
  } catch {
    // An unknown currency code: keep two digits, the common case.
  }
  const major = (minor: number | undefined) => (minor === undefined ? '' : String(minor / 10 ** digits));
  const apply = (form: HTMLFormElement) => {
    const min = toMinor((form.elements.namedItem('min') as HTMLInputElement).value, digits);
    const max = toMinor((form.elements.namedItem('max') as HTMLInputElement).value, digits);
    const range: { min?: number; max?: number } = {};
    if (min !== null) range.min = min;
    if (max !== null) range.max = max;
    props.setFilter('price', range.min === undefined && range.max === undefined ? [] : [formatPrice(range)]);
  };
  const symbolHint = (() => {
    try {
      return formatMoney({ amount: 0, currency }, props.locale).replace(/[\d.,\s]/g, '');
    } catch {
      return currency;
    }
  })();
  return html`<fieldset part="facet" data-facet="price">
    <legend part="facet-legend">${t(props.locale, 'searchResults.price')} (${symbolHint || currency})</legend>
    <form
      class="price"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        apply(e.currentTarget as HTMLFormElement);
      }}
      @change=${(e: Event) => apply(e.currentTarget as HTMLFormElement)}
    >
      <label>
        <span class="sr">${t(props.locale, 'searchResults.priceMin')}</span>
        <input
          part="price-input"
          name="min"
          type="number"
          inputmode="decimal"
          min="0"
          step="any"
          placeholder=${facet ? String(Math.floor(facet.min / 10 ** digits)) : ''}
          .value=${live(major(chosen?.min))}
        />
      </label>
      <span aria-hidden="true">–</span>
      <label>
        <span class="sr">${t(props.locale, 'searchResults.priceMax')}</span>
        <input
          part="price-input"
          name="max"
          type="number"
          inputmode="decimal"
          min="0"
          step="any"
          placeholder=${facet ? String(Math.ceil(facet.max / 10 ** digits)) : ''}
          .value=${live(major(chosen?.max))}
        />
      </label>
      <button type="submit" part="price-apply">${t(props.locale, 'searchResults.priceApply')}</button>
    </form>
  </fieldset>`;
}

function availabilityFacet(props: FacetPanelProps) {
  const inStock = props.facets.availability?.find((c) => c.value === 'in_stock')?.count ?? 0;
  const on = (props.filters['availability'] ?? []).includes('in_stock');
  if (!inStock && !on) return nothing;
  return html`<fieldset part="facet" data-facet="availability">
    <legend part="facet-legend">${t(props.locale, 'searchResults.availability')}</legend>
    <label>
      <input
        type="checkbox"
        .checked=${live(on)}
        @change=${(e: Event) => props.setFilter('availability', (e.target as HTMLInputElement).checked ? ['in_stock'] : [])}
      />
      <span class="value">${t(props.locale, 'searchResults.inStockOnly')}</span>
      ${count(inStock, props.locale)}
    </label>
  </fieldset>`;
}

/**
 * The facet panel: category tree, brand, price range, availability and every product option, with
 * the counts the source computed (each facet's counts apply every other filter).
 */
export function facetPanel(props: FacetPanelProps): TemplateResult {
  const options = props.facets.options ?? {};
  // Options chosen in the URL but absent from this answer still show, so they can be unticked.
  const names = [
    ...new Set([
      ...Object.keys(options),
      ...Object.keys(props.filters)
        .filter((k) => k.startsWith(OPTION_PREFIX))
        .map((k) => k.slice(OPTION_PREFIX.length)),
    ]),
  ];
  return html`${categoryFacet(props)}
  ${checkboxGroup('brand', t(props.locale, 'searchResults.brand'), props.facets.brand ?? [], props)}
  ${priceFacet(props)} ${availabilityFacet(props)}
  ${names.map((name) => checkboxGroup(`${OPTION_PREFIX}${name}`, name, options[name] ?? [], props))}`;
}
