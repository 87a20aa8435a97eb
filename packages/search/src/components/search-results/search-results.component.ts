import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { STATUS, VitrineElement, formatMoney, reportError, type Locale, type Product } from '@vitrine/core';
import { vtEvent, type SearchSubmitDetail } from '@vitrine/schema';
import { listFunnel, type ListRef } from '../../list-funnel.js';
import { getSource } from '../../source/get-source.js';
import {
  CATEGORY_SEPARATOR,
  SORTS,
  type FacetCount,
  type SearchResponse,
  type SearchSource,
  type SortKey,
  type SourceHit,
} from '../../types.js';
import {
  OPTION_PREFIX,
  cleanFilters,
  emptyState,
  parsePrice,
  readUrlState,
  sameState,
  stateToUrl,
  toSearchFilters,
  writeUrlState,
  type SearchState,
} from '../../url-state.js';
import { facetPanel } from './facet-panel.js';
import { pagination } from './pagination.js';
import { resultCard } from './result-card.js';
import { searchResultsStyles } from './search-results.styles.js';
import { t } from './search-results.messages.js';

/** The GA4 list every result page reports. */
export const RESULTS_LIST: ListRef = { id: 'search-results', name: 'Search results' };

const DEFAULT_PAGE_SIZE = 24;
const MAX_PAGE_SIZE = 200;
/** Skeleton cards shown before the first answer. */
const SKELETONS = 8;

type Pending = 'replace' | 'more' | null;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * A search results page: heading with the count (announced politely), a facet panel (category
 * tree, brand, price range, availability and every product option, with counts that follow the
 * query and filters), removable filter chips, sort, a grid of product cards with highlighted
 * titles, and pagination or infinite scroll. Zero results never dead-end: a typo-corrected query
 * ("Showing results for …", with a link to search the words as typed), relaxed matches, then
 * popular products with tips.
 *
 * Answers come only through a {@link SearchSource}: the `source` property, or one shared per page
 * by `getSource` from the `products` property, `src` (a catalog or prebuilt index URL) or
 * `endpoint` (a remote search server).
 *
 * The query, filters, sort and page live in the page URL (`q`, `sort`, `page`, `category`,
 * `brand`, `availability`, `price`, `option:<name>`; see `url-state.ts`), so back/forward and
 * shared links work; `no-url` keeps them in the element only. Each shopper change adds a history
 * entry. A `<vt-search>` on the same page without `action` hands its query over through
 * `vt-search-submit`.
 *
 * Failures of the source (a remote server answering 500) show a translated notice with a Retry
 * button above the last good results; superseded requests are aborted and their answers ignored.
 *
 * @tag vt-search-results
 *
 * @event vt-search-change - The shopper changed the query, a filter, the sort or the page (not on back/forward or programmatic changes); detail `{query, filters, sort, page}`.
 * @event vt-funnel - GA4 `view_item_list` for each page of results shown (positions continue across pages, `search_term` = query) and `select_item` when a result is clicked; list `search-results`.
 * @event vt-error - The source failed or is missing; detail `{tag, attribute, message}`.
 *
 * @csspart heading - The result count ("24 results for “headphones”").
 * @csspart notice - A message above the results (corrected query, relaxed matches, error); also `notice error`.
 * @csspart search-instead - The "Search instead for …" button of the corrected-query notice.
 * @csspart retry - The Retry button of the error notice.
 * @csspart filters-toggle - The "Filters" button that opens the facet panel on narrow screens.
 * @csspart facets - The facet panel.
 * @csspart facet - One facet (a fieldset).
 * @csspart facet-legend - The name of a facet.
 * @csspart show-more - The button that expands a long facet list.
 * @csspart price-input - The minimum and maximum price inputs.
 * @csspart price-apply - The button applying the price range.
 * @csspart chips - The list of active filters.
 * @csspart chip - One removable active filter.
 * @csspart clear-all - The button removing every filter.
 * @csspart sort - The sort select.
 * @csspart grid - The list of result cards.
 * @csspart card - One result.
 * @csspart image - A result's image.
 * @csspart title - A result's title (a heading holding the link).
 * @csspart link - The link to the product.
 * @csspart mark - A highlighted match in a title or brand.
 * @csspart brand - A result's brand.
 * @csspart price - A result's price.
 * @csspart compare-at - The former price.
 * @csspart rating - A result's rating.
 * @csspart stock - A result's stock state.
 * @csspart no-results - The zero-result help (tips, clear filters, popular products).
 * @csspart clear-filters - The "Clear all filters" button of the zero-result help.
 * @csspart pagination - The page navigation.
 * @csspart page - A page link (`aria-current="page"` on the current one).
 * @csspart previous - The previous page link.
 * @csspart next - The next page link.
 * @csspart load-more - The "Load more" button of infinite mode.
 * @csspart status - The message shown when no source is configured.
 *
 * @attr busy - Present (set by the element) while an answer is awaited.
 *
 * @cssproperty --vt-search-results-min-height - Space reserved before the first answer (40rem).
 * @cssproperty --vt-search-results-facets-width - Width of the facet column (15rem).
 * @cssproperty --vt-search-results-card-min - Narrowest card (11rem).
 * @cssproperty --vt-search-results-mark - Background of highlighted matches.
 */
export class VtSearchResults extends VitrineElement {
  static override styles = [...VitrineElement.styles, searchResultsStyles];

  static override properties = {
    source: { attribute: false },
    products: { attribute: false },
    src: { type: String },
    endpoint: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    mode: { type: String },
    noUrl: { type: Boolean, attribute: 'no-url' },
    query: { type: String },
    _state: { state: true },
    _response: { state: true },
    _hits: { state: true },
    _pending: { state: true },
    _failed: { state: true },
    _literal: { state: true },
    _expanded: { state: true },
    _panelOpen: { state: true },
  };

  /** Where answers come from; wins over `products`, `src` and `endpoint`. */
  declare source: SearchSource | undefined;
  /** Products (core model) to search locally, in a worker when there are many. */
  declare products: Product[] | undefined;
  /** URL of a catalog (JSON array of products) or a prebuilt index to search locally. */
  declare src: string | undefined;
  /** URL of a remote search server speaking the JSON protocol. */
  declare endpoint: string | undefined;
  /** Results per page (default 24). */
  declare pageSize: number;
  /** `pages` (default): pagination; `infinite`: more results load on scroll, with a "Load more" button. */
  declare mode: 'pages' | 'infinite' | string;
  /** Keeps the state out of the page URL (several result lists on one page, embedded widgets). */
  declare noUrl: boolean;
  /** The query when the URL has none. */
  declare query: string | undefined;

  declare _state: SearchState;
  /** The last good answer. */
  declare _response: SearchResponse | null;
  /** The shown hits (several pages in infinite mode). */
  declare _hits: SourceHit[];
  declare _pending: Pending;
  /** The last request failed (the last good results stay). */
  declare _failed: boolean;
  /** The current query is searched as typed, without correction. */
  declare _literal: boolean;
  declare _expanded: ReadonlySet<string>;
  declare _panelOpen: boolean;

  private _abort: AbortController | null = null;
  private _retry: (() => void) | null = null;
  /** A page of hits to report as `view_item_list` once rendered. */
  private _toView: { products: Product[]; start: number; query: string } | null = null;
  private _focus: 'heading' | 'chips' | null = null;
  private _observer: IntersectionObserver | null = null;
  private _observed: Element | null = null;
  /** Facet value order per facet, kept while the query stays, so values do not jump under the pointer. */
  private _order = new Map<string, string[]>();
  private _orderQuery = '';

  constructor() {
    super();
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.mode = 'pages';
    this.noUrl = false;
    this._state = emptyState();
    this._response = null;
    this._hits = [];
    this._pending = null;
    this._failed = false;
    this._literal = false;
    this._expanded = new Set();
    this._panelOpen = false;
    this.status = STATUS.loading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this._onPopState);
    document.addEventListener('vt-search-submit', this._onSubmit);
    // Moved in the page: the request cut off by the disconnection is asked again.
    if (this.hasUpdated && this._pending) this._run(this._pending);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this._onPopState);
    document.removeEventListener('vt-search-submit', this._onSubmit);
    this._abort?.abort();
    this._observer?.disconnect();
    this._observer = null;
    this._observed = null;
  }

  /** The current query state (read-only copy). */
  get state(): SearchState {
    return { ...this._state, filters: { ...this._state.filters } };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this._willUpdate(changed);
    // Reflected for styling and for scripts that wait for an answer (`vt-search-results:not([busy])`).
    this.toggleAttribute('busy', this._pending !== null);
  }

  private _willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      this._state = this._initialState();
      this._run('replace');
      return;
    }
    if (changed.has('query') && this.query !== undefined && this.query.trim() !== this._state.query) {
      // A programmatic query: no event, and the current history entry is rewritten, not added.
      this._state = { ...emptyState(this.query), sort: this._state.sort };
      this._literal = false;
      if (!this.noUrl) writeUrlState(this._state, 'replace');
      this._run('replace');
    } else if (
      changed.has('source') ||
      changed.has('products') ||
      changed.has('src') ||
      changed.has('endpoint') ||
      changed.has('pageSize') ||
      changed.has('mode')
    ) {
      this._run('replace');
    }
  }

  private _initialState(): SearchState {
    if (this.noUrl) return emptyState(this.query ?? '');
    const state = readUrlState();
    if (!new URL(location.href).searchParams.has('q') && this.query) state.query = this.query.trim();
    return state;
  }

  private _size(): number {
    const n = Math.floor(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  private get _infinite(): boolean {
    return this.mode === 'infinite';
  }

  /** The source to ask, or null (and the error state) when none is configured. */
  private _source(): SearchSource | null {
    if (this.source) {
      if (typeof (this.source as Partial<SearchSource>).search === 'function') return this.source;
      this.fail('source', 'must be a SearchSource (an object with search() and suggest())');
      return null;
    }
    if (this.products || this.src || this.endpoint) {
      try {
        return getSource({
          ...(this.products && { products: this.products }),
          ...(this.src && { src: this.src }),
          ...(this.endpoint && { endpoint: this.endpoint }),
        });
      } catch (error) {
        this.fail(
          'source',
          `could not be created: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      }
    }
    this.fail(
      'source',
      'is missing: set the source or products property, src="catalog or index URL" or endpoint="search server URL"',
    );
    return null;
  }

  /**
   * Asks the source for the current state. `replace` shows a new answer (query, filters, sort or
   * page changed); `more` appends the next page (infinite mode). A newer request aborts an older one.
   */
  private _run(kind: 'replace' | 'more'): void {
    const source = this._source();
    if (!source) return;
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    const state = this._state;
    const size = this._size();
    const offset = kind === 'more' ? this._hits.length : this._infinite ? 0 : (state.page - 1) * size;
    const limit = kind === 'replace' && this._infinite ? size * state.page : size;
    this._pending = kind;
    this._retry = () => this._run(kind);
    let answer: Promise<SearchResponse>;
    try {
      answer = source.search(state.query, {
        limit,
        offset,
        filters: toSearchFilters(state.filters),
        sort: state.sort,
        signal: abort.signal,
        ...(this._literal && { correct: false }),
      });
    } catch (error) {
      answer = Promise.reject(error);
    }
    void Promise.resolve(answer).then(
      (response) => {
        if (abort !== this._abort || abort.signal.aborted) return;
        this._accept(response, kind, offset, state);
      },
      (error: unknown) => {
        if (abort !== this._abort || abort.signal.aborted || isAbort(error)) return;
        this._pending = null;
        this._failed = true;
        this.fail('source', `search failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  private _accept(
    response: SearchResponse,
    kind: 'replace' | 'more',
    offset: number,
    state: SearchState,
  ): void {
    if (!response || !Array.isArray(response.hits) || typeof response.total !== 'number') {
      this._pending = null;
      this._failed = true;
      this.fail(
        'source',
        'answered without hits and total: check the search server speaks the JSON protocol',
      );
      return;
    }
    const hits = response.hits.filter((h) => h && h.product && typeof h.product.title === 'string');
    // A page past the end (an old link, a hand-edited URL): show the last page instead.
    const size = this._size();
    const last = Math.max(1, Math.ceil(response.total / size));
    if (
      kind === 'replace' &&
      !this._infinite &&
      hits.length === 0 &&
      state.page > last &&
      response.total > 0
    ) {
      this._state = { ...state, page: last };
      if (!this.noUrl) writeUrlState(this._state, 'replace');
      this._run('replace');
      return;
    }
    this._response = response;
    this._hits = kind === 'more' ? [...this._hits, ...hits] : hits;
    this._pending = null;
    this._failed = false;
    if (hits.length)
      this._toView = { products: hits.map((h) => h.product), start: offset, query: state.query };
    this.succeed(this._hits.length === 0 ? STATUS.empty : STATUS.ready);
  }

  /** Applies a shopper's change: new history entry, `vt-search-change`, new answer. */
  private _change(next: Partial<SearchState>, focus: 'heading' | 'chips' | null = null): void {
    const state: SearchState = { ...this._state, ...next };
    if (next.page === undefined) state.page = 1;
    if (sameState(state, this._state)) return;
    if (state.query !== this._state.query) this._literal = false;
    this._state = state;
    this._focus = focus;
    if (!this.noUrl) writeUrlState(state, 'push');
    this._dispatchChange();
    this._run('replace');
  }

  private _dispatchChange(): void {
    const s = this._state;
    this.dispatchEvent(
      vtEvent('vt-search-change', {
        query: s.query,
        filters: Object.fromEntries(Object.entries(s.filters).map(([k, v]) => [k, [...v]])),
        sort: s.sort,
        page: s.page,
      }),
    );
  }

  private _setFilter = (key: string, values: string[]): void => {
    const filters = { ...this._state.filters };
    if (values.length) filters[key] = values;
    else delete filters[key];
    this._change({ filters });
  };

  private _toggleExpanded = (key: string): void => {
    const next = new Set(this._expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this._expanded = next;
  };

  private _loadMore(): void {
    if (this._pending || this._failed || !this._response || this._hits.length >= this._response.total) return;
    this._state = { ...this._state, page: Math.floor(this._hits.length / this._size()) + 1 };
    // Loading more is not a place to go back to: the entry is rewritten, so a reload restores as many pages.
    if (!this.noUrl) writeUrlState(this._state, 'replace');
    this._dispatchChange();
    this._run('more');
  }

  private _onPopState = (): void => {
    if (this.noUrl) return;
    const state = readUrlState();
    if (sameState(state, this._state)) return;
    this._state = state;
    this._literal = false;
    this._run('replace');
  };

  private _onSubmit = (e: Event): void => {
    const detail = (e as CustomEvent<SearchSubmitDetail>).detail;
    // A <vt-search> with an action navigates to its results page itself.
    if (!detail || typeof detail.query !== 'string' || detail.url) return;
    // A category or brand picked among the suggestions comes as a filter (with an empty query).
    this._change({ query: detail.query.trim(), filters: cleanFilters(detail.filters ?? {}) }, 'heading');
  };

  private _select(hit: SourceHit): void {
    const i = this._hits.indexOf(hit);
    const base = this._infinite ? 0 : (this._state.page - 1) * this._size();
    const detail = listFunnel(
      'select_item',
      [hit.product],
      base + Math.max(0, i),
      RESULTS_LIST,
      this._state.query,
    );
    if (detail) this.dispatchEvent(vtEvent('vt-funnel', detail));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this._toView;
    if (view) {
      this._toView = null;
      const detail = listFunnel('view_item_list', view.products, view.start, RESULTS_LIST, view.query);
      if (detail) this.dispatchEvent(vtEvent('vt-funnel', detail));
    }
    if (this._focus && !this._pending) {
      const target =
        this._focus === 'chips'
          ? (this.renderRoot.querySelector<HTMLElement>('[part="chip"]') ??
            this.renderRoot.querySelector<HTMLElement>('[part="heading"]'))
          : this.renderRoot.querySelector<HTMLElement>('[part="heading"]');
      this._focus = null;
      target?.focus();
    }
    this._observe();
  }

  /** Infinite mode: loads the next page when the sentinel under the grid comes into view. */
  private _observe(): void {
    const sentinel = this._infinite ? this.renderRoot.querySelector('.sentinel') : null;
    if (sentinel === this._observed) return;
    this._observer?.disconnect();
    this._observed = sentinel;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    this._observer ??= new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this._loadMore();
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    this._observer.observe(sentinel);
  }

  /** Facet values in a stable order while the query stays (new values go last). */
  private _stable(key: string, counts: readonly FacetCount[] | undefined): FacetCount[] {
    const list = Array.isArray(counts) ? counts : [];
    const previous = this._order.get(key) ?? [];
    const byValue = new Map(list.map((c) => [c.value, c]));
    const out = previous.map((value) => byValue.get(value) ?? { value, count: 0 });
    for (const c of list) if (!previous.includes(c.value)) out.push(c);
    this._order.set(
      key,
      out.map((c) => c.value),
    );
    return out;
  }

  protected override errorMessage(): string {
    return t(this.locale, 'searchResults.error');
  }

  /** The whole view is drawn here: results stay visible in the error state. */
  protected override render(): unknown {
    try {
      return this._view();
    } catch (error) {
      reportError(this, {
        attribute: 'render',
        message: error instanceof Error ? error.message : String(error),
      });
      return html`<p part="status" class="error" role="alert">${this.errorMessage()}</p>`;
    }
  }

  private _view(): TemplateResult {
    const loc = this.locale;
    if (this.status === STATUS.error && !this._response && !this._retry) {
      return html`<p part="status" class="error" role="alert">${t(loc, 'searchResults.missing')}</p>`;
    }
    const response = this._response;
    const first = !response;
    const activeCount = Object.values(this._state.filters).reduce((a, v) => a + v.length, 0);
    return html`<div class="head" role="status">
        <h2 part="heading" tabindex="-1">${this._headingText()}</h2>
      </div>
      ${this._notices()}
      <div class="body">
        <button
          type="button"
          part="filters-toggle"
          class="filters-toggle"
          aria-expanded=${this._panelOpen ? 'true' : 'false'}
          aria-controls="facets"
          @click=${() => (this._panelOpen = !this._panelOpen)}
        >
          ${activeCount ? t(loc, 'searchResults.filtersCount', { count: activeCount }) : t(loc, 'searchResults.filters')}
        </button>
        <div part="facets" id="facets" class=${this._panelOpen ? 'open' : ''}>
          ${response ? this._facets(response, loc) : nothing}
        </div>
        <div class="main">
          ${this._toolbar(loc)}
          ${first ? (this._failed ? nothing : this._skeleton()) : this._results(response, loc)}
        </div>
      </div>`;
  }

  private _headingText(): string {
    const loc = this.locale;
    const response = this._response;
    // Before any answer a failure is told by the alert below; the heading stays neutral.
    if (!response) return this._failed ? t(loc, 'searchResults.results') : t(loc, 'searchResults.loading');
    const query = response.correctedQuery || this._state.query;
    if (response.fallback === 'popular' || this._hits.length === 0) {
      if (!this._state.query) return t(loc, 'searchResults.noResultsFiltered');
      return t(loc, 'searchResults.count', { count: 0, query: this._state.query });
    }
    return query
      ? t(loc, 'searchResults.count', { count: response.total, query })
      : t(loc, 'searchResults.countAll', { count: response.total });
  }

  private _notices(): unknown {
    const loc = this.locale;
    const response = this._response;
    const out: TemplateResult[] = [];
    if (this._failed) {
      out.push(
        html`<p part="notice error" class="error" role="alert">
          ${response ? t(loc, 'searchResults.errorStale') : t(loc, 'searchResults.error')}
          <button type="button" part="retry" @click=${() => this._retry?.()}>
            ${t(loc, 'searchResults.retry')}
          </button>
        </p>`,
      );
    }
    if (response?.correctedQuery && response.correctedQuery !== this._state.query) {
      out.push(
        html`<p part="notice" class="corrected">
          ${t(loc, 'searchResults.corrected', { corrected: response.correctedQuery })}
          <button
            type="button"
            class="link"
            part="search-instead"
            @click=${() => {
              this._literal = true;
              this._focus = 'heading';
              this._run('replace');
            }}
          >
            ${t(loc, 'searchResults.searchInstead', { query: this._state.query })}
          </button>
        </p>`,
      );
    }
    if (response?.fallback === 'relaxed' && this._hits.length) {
      out.push(html`<p part="notice" class="relaxed">${t(loc, 'searchResults.relaxed')}</p>`);
    }
    return out;
  }

  private _facets(response: SearchResponse, loc: Locale): TemplateResult {
    if (this._orderQuery !== this._state.query) {
      this._order.clear();
      this._orderQuery = this._state.query;
    }
    const f = response.facets;
    const facets = {
      category: this._stable('category', f?.category),
      brand: this._stable('brand', f?.brand),
      availability: Array.isArray(f?.availability) ? f.availability : [],
      price: f?.price ?? null,
      options: Object.fromEntries(
        Object.entries(f?.options ?? {}).map(([name, counts]) => [
          name,
          this._stable(`${OPTION_PREFIX}${name}`, counts),
        ]),
      ),
    };
    return facetPanel({
      locale: loc,
      facets,
      filters: this._state.filters,
      expanded: this._expanded,
      setFilter: this._setFilter,
      toggleExpanded: this._toggleExpanded,
    });
  }

  /** A chip's label: "Brand: Sony", "Price: $10.00 – $50.00", "Audio > Headphones". */
  private _chipLabel(key: string, value: string, loc: Locale): string {
    if (key === 'category') return value.split(CATEGORY_SEPARATOR).join(' › ');
    if (key === 'brand') return `${t(loc, 'searchResults.brand')}: ${value}`;
    if (key === 'availability')
      return value === 'in_stock'
        ? t(loc, 'searchResults.inStockOnly')
        : `${t(loc, 'searchResults.availability')}: ${value}`;
    if (key === 'price') {
      const range = parsePrice(value);
      const currency =
        this._response?.facets?.price?.currency ?? this._hits[0]?.product.price.currency ?? 'USD';
      const money = (amount: number) => {
        try {
          return formatMoney({ amount, currency }, loc);
        } catch {
          return String(amount);
        }
      };
      const text =
        range?.min !== undefined && range.max !== undefined
          ? `${money(range.min)} – ${money(range.max)}`
          : range?.min !== undefined
            ? t(loc, 'searchResults.priceFrom', { min: money(range.min) })
            : t(loc, 'searchResults.priceTo', { max: money(range?.max ?? 0) });
      return `${t(loc, 'searchResults.price')}: ${text}`;
    }
    return `${key.slice(OPTION_PREFIX.length)}: ${value}`;
  }

  private _toolbar(loc: Locale): TemplateResult {
    const entries = Object.entries(this._state.filters).flatMap(([key, values]) =>
      values.map((value) => ({ key, value })),
    );
    return html`<div class="toolbar">
      ${
        entries.length
          ? html`<ul part="chips" aria-label=${t(loc, 'searchResults.activeFilters')}>
              ${entries.map(({ key, value }) => {
                const label = this._chipLabel(key, value, loc);
                return html`<li>
                  <button
                    type="button"
                    part="chip"
                    aria-label=${t(loc, 'searchResults.remove', { filter: label })}
                    @click=${() =>
                      this._setFilterFocus(
                        key,
                        (this._state.filters[key] ?? []).filter((v) => v !== value),
                      )}
                  >
                    ${label} <span aria-hidden="true">×</span>
                  </button>
                </li>`;
              })}
              <li>
                <button
                  type="button"
                  part="clear-all"
                  class="link"
                  @click=${() => this._change({ filters: {} }, 'heading')}
                >
                  ${t(loc, 'searchResults.clearAll')}
                </button>
              </li>
            </ul>`
          : nothing
      }
      <label class="sort">
        ${t(loc, 'searchResults.sort')}
        <select
          part="sort"
          .value=${live(this._state.sort)}
          @change=${(e: Event) => this._change({ sort: (e.target as HTMLSelectElement).value as SortKey })}
        >
          ${SORTS.map(
            (s) =>
              html`<option value=${s} ?selected=${s === this._state.sort}>
                ${t(loc, `searchResults.sort.${s}`)}
              </option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  private _setFilterFocus(key: string, values: string[]): void {
    const filters = { ...this._state.filters };
    if (values.length) filters[key] = values;
    else delete filters[key];
    this._change({ filters }, 'chips');
  }

  private _skeleton(): TemplateResult {
    const n = Math.min(this._size(), SKELETONS);
    return html`<ul part="grid" class="skeletons" aria-hidden="true">
      ${Array.from(
        { length: n },
        () =>
          html`<li class="card skeleton">
            <div class="media"></div>
            <div class="bar"></div>
            <div class="bar short"></div>
          </li>`,
      )}
    </ul>`;
  }

  private _grid(hits: SourceHit[], loc: Locale): TemplateResult {
    return html`<ul
      part="grid"
      aria-label=${t(loc, 'searchResults.results')}
      aria-busy=${this._pending === 'replace' ? 'true' : 'false'}
    >
      ${hits.map((hit) => resultCard(hit, loc, (h) => this._select(h)))}
    </ul>`;
  }

  private _results(response: SearchResponse, loc: Locale): TemplateResult {
    const hits = this._hits;
    const hasFilters = Object.keys(this._state.filters).length > 0;
    if (response.fallback === 'popular' || hits.length === 0) {
      return html`<div part="no-results">
          ${
            this._state.query
              ? html`<p>${t(loc, 'searchResults.tips')}</p>
                  <ul>
                    <li>${t(loc, 'searchResults.tipSpelling')}</li>
                    <li>${t(loc, 'searchResults.tipFewer')}</li>
                  </ul>`
              : nothing
          }
          ${
            hasFilters
              ? html`<p>
                  <button
                    type="button"
                    part="clear-filters"
                    @click=${() => this._change({ filters: {} }, 'heading')}
                  >
                    ${t(loc, 'searchResults.clearFilters')}
                  </button>
                </p>`
              : nothing
          }
          ${hits.length ? html`<h3>${t(loc, 'searchResults.popular')}</h3>` : nothing}
        </div>
        ${hits.length ? this._grid(hits, loc) : nothing}`;
    }
    const size = this._size();
    const pages = Math.max(1, Math.ceil(response.total / size));
    return html`${this._grid(hits, loc)}
    ${
      this._infinite
        ? html`<div class="more">
            ${
              hits.length < response.total
                ? html`<div class="sentinel"></div>
                    <p>${t(loc, 'searchResults.shown', { shown: hits.length, total: response.total })}</p>
                    <button
                      type="button"
                      part="load-more"
                      aria-disabled=${this._pending ? 'true' : 'false'}
                      @click=${() => this._loadMore()}
                    >
                      ${this._pending === 'more' ? t(loc, 'searchResults.loadingMore') : t(loc, 'searchResults.loadMore')}
                    </button>`
                : nothing
            }
          </div>`
        : pagination({
            locale: loc,
            page: this._state.page,
            pages,
            href: this.noUrl ? null : (page) => stateToUrl({ ...this._state, page }).href,
            go: (page) => this._change({ page }, 'heading'),
          })
    }`;
  }
}
