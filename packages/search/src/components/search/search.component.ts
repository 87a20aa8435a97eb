import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { STATUS, VitrineElement, formatMoney, moneyProblem, type Product } from '@vitrine/core';
import { vtEvent, type SearchSubmitDetail } from '@vitrine/schema';
import { listFunnel, searchFunnel, type ListRef } from '../../list-funnel.js';
import { recentSearches, type RecentSearches } from '../../recent-searches.js';
import type { FacetCount, SearchSource, SourceHit, SuggestResponse } from '../../types.js';
import { highlight } from '../../highlight.js';
import { t } from './search.messages.js';
import { searchStyles } from './search.styles.js';

/** The list GA4 `select_item` names for products chosen from the suggestions. */
export const SUGGESTIONS_LIST: ListRef = { id: 'search-suggestions', name: 'Search suggestions' };

/** What `vt-search-submit` carries: the schema's detail, plus the filter when a category or brand was chosen. */
export type SearchSubmitEventDetail = SearchSubmitDetail & {
  filters?: { category?: string[]; brand?: string[] };
};

/** One choice of the popup. */
type Choice =
  | { kind: 'query'; text: string }
  | { kind: 'clear' }
  | { kind: 'category' | 'brand'; facet: FacetCount }
  | { kind: 'product'; hit: SourceHit; position: number }
  | { kind: 'all'; query: string; total: number };

interface Section {
  id: string;
  label: string;
  choices: Choice[];
}

/**
 * What identifies a choice across renders: an option whose key stays (the same product while
 * the query grows) keeps its DOM, its picture included, instead of being rewritten in place.
 */
function keyOf(choice: Choice): string {
  switch (choice.kind) {
    case 'query':
      return `q ${choice.text}`;
    case 'clear':
    case 'all':
      return choice.kind;
    case 'category':
    case 'brand':
      return `${choice.kind} ${choice.facet.value}`;
    case 'product':
      return `p ${choice.hit.id}`;
  }
}

/** {@link keyOf} for each choice, made unique (a source may repeat itself; keys must not). */
function keysOf(choices: readonly Choice[]): string[] {
  const seen = new Map<string, number>();
  return choices.map((choice) => {
    const key = keyOf(choice);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n ? `${key} #${n}` : key;
  });
}

/** How many entries each section shows at most. */
const SHOW = { recentEmpty: 5, recentTyping: 3, popular: 8, queries: 5, facets: 3 } as const;
/** Quiet time before the live region speaks, so a screen reader is not flooded while typing. */
const ANNOUNCE_MS = 500;
/** Longest wait for the recent-search write before leaving the page. */
const SAVE_WAIT_MS = 300;

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A search box with suggestions as the shopper types (联想搜索): a WAI-ARIA 1.2 combobox
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) whose popup lists, in sections, recent and
 * popular searches (when empty), completed queries, matching categories and brands, and products
 * with their image, highlighted title and price.
 *
 * Answers come from a {@link SearchSource}: the `source` property; else a local engine over the
 * `products` property; else a catalog or prebuilt index at `src`; else a remote server at
 * `endpoint` (one source is shared per page for the same `src`/`endpoint`). The engine is loaded
 * only when first needed.
 *
 * Keyboard (focus stays in the input): Down/Up move through the options and wrap (Alt+Down
 * opens without moving), Home/End move the caret, Enter chooses the active option or submits the
 * query, Escape closes and a second Escape clears, Tab closes and moves on. No search runs while
 * an input method composes (Chinese, Japanese…): the composed text is searched once committed.
 * Result counts are announced politely once typing pauses.
 *
 * Submitting dispatches `vt-search-submit`, a GA4 `search` funnel event, keeps the query in the
 * recent searches (IndexedDB, cleared from the popup) and goes to `action` with the query, unless
 * the shop cancels the submit event. Choosing a product dispatches a cancelable GA4 `select_item`
 * and follows the product's URL unless cancelled. A failing source shows a translated line in the
 * popup and keeps the typed query and the last good suggestions.
 *
 * @tag vt-search
 *
 * @event vt-search-submit - The shopper submitted a query or chose a category or brand; detail `{query, url?, filters?}`. Cancelable: `preventDefault()` keeps the page (handle the search yourself).
 * @event vt-funnel - GA4 `search` (`search_term`) on submit; GA4 `select_item` (items with `index`, `item_list_id: 'search-suggestions'`, `search_term`) when a product is chosen, cancelable to stay on the page.
 * @event vt-error - The source failed or is missing; detail `{tag, attribute, message}`.
 *
 * @csspart input - The text field (role combobox).
 * @csspart popup - The floating panel under the input.
 * @csspart listbox - The list of options.
 * @csspart section - One group of options (recent, popular, suggestions, categories, brands, products).
 * @csspart section-label - The heading of a group.
 * @csspart option - One option; also `option product`, `option query`, `option category`, `option brand`, `option clear`, `option all`.
 * @csspart image - A product's picture.
 * @csspart title - A product's title.
 * @csspart mark - The part of a title that matched the query.
 * @csspart price - A product's price.
 * @csspart message - A line above the options: error, corrected query or no results; also `message error`.
 *
 * @cssproperty --vt-search-height - Height of the input, reserved before anything loads (2.75rem).
 * @cssproperty --vt-search-max-width - Widest the element grows (none).
 * @cssproperty --vt-search-radius - Corner radius of the input and popup. Defaults to `--vt-radius`.
 * @cssproperty --vt-search-border-color - Border of the input. Defaults to `--vt-color-border`.
 * @cssproperty --vt-search-background - Background of the input. Defaults to `--vt-color-surface`.
 * @cssproperty --vt-search-popup-background - Background of the popup. Defaults to `--vt-color-surface`.
 * @cssproperty --vt-search-popup-shadow - Shadow of the popup.
 * @cssproperty --vt-search-popup-max-height - Tallest the list of options grows before it scrolls (min(70vh, 34rem)).
 * @cssproperty --vt-search-z-index - Stacking of the popup (10).
 * @cssproperty --vt-search-active-background - Background of the active option. Defaults to `--vt-color-surface-raised`.
 * @cssproperty --vt-search-active-color - Bar marking the active option. Defaults to `--vt-color-accent`.
 * @cssproperty --vt-search-link-color - Colour of "clear" and "see all". Defaults to `--vt-color-accent`.
 * @cssproperty --vt-search-image-size - Size of product pictures (2.5rem).
 * @cssproperty --vt-search-mark-background - Background of matched text (transparent).
 * @cssproperty --vt-search-mark-weight - Font weight of matched text (700).
 */
export class VtSearch extends VitrineElement {
  static override styles = [...VitrineElement.styles, searchStyles];
  // `el.focus()` from the shop focuses the input.
  static override shadowRootOptions: ShadowRootInit = {
    ...VitrineElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties = {
    source: { attribute: false },
    products: { attribute: false },
    src: { type: String },
    endpoint: { type: String },
    action: { type: String },
    placeholder: { type: String },
    label: { type: String },
    popular: { type: String },
    limit: { type: Number },
    value: { type: String },
    _open: { state: true },
    _active: { state: true },
    _answer: { state: true },
    _failed: { state: true },
    _recent: { state: true },
    _live: { state: true },
  };

  /** Where answers come from; wins over `products`, `src` and `endpoint`. */
  declare source: SearchSource | undefined;
  /** Products in the core model, searched by a local engine on this page. */
  declare products: readonly Product[] | undefined;
  /** URL of a catalog (JSON array of products) or of a prebuilt index (`vitrine-search build`). */
  declare src: string | undefined;
  /** URL of a remote search server speaking the JSON protocol (PROTOCOL.md). */
  declare endpoint: string | undefined;
  /** Results page URL with `{query}`, e.g. `/search.html?q={query}`; without it, submitting only emits. */
  declare action: string | undefined;
  /** Placeholder of the input; default "Search products" / "搜索商品". */
  declare placeholder: string | undefined;
  /** Accessible name of the input; default "Search" / "搜索". */
  declare label: string | undefined;
  /** Comma-separated popular queries, offered while the input is empty. */
  declare popular: string | undefined;
  /** Products shown in the popup (default 6). */
  declare limit: number;
  /** The query in the input. */
  declare value: string;

  declare _open: boolean;
  /** Index of the active option in {@link _choices}, or -1. */
  declare _active: number;
  /** The last good suggestions (possibly for an older query while a newer one is on its way). */
  declare _answer: SuggestResponse | null;
  /** The last call failed: the popup says so above the kept suggestions. */
  declare _failed: boolean;
  declare _recent: string[];
  /** Text of the polite live region. */
  declare _live: string;

  /** Recent-search storage; replace before first use to keep another list (tests, several shops on one origin). */
  recentStore: RecentSearches = recentSearches();

  /** The options as rendered, in order; index = position in the listbox. */
  private _choices: Choice[] = [];
  private _composing = false;
  /** The query last asked for, so an unchanged query (caret moves, IME commit) is not asked twice. */
  private _asked: string | null = null;
  /** Incremented per call: an answer whose number is not the latest is stale and dropped. */
  private _call = 0;
  private _abort: AbortController | null = null;
  private _sourceKey = '';
  private _sourcePromise: Promise<SearchSource> | null = null;
  private _announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Rendering itself failed: show the error state instead of the combobox. */
  private _broken = false;
  /** Whether the popup is on screen (as last rendered): the first Escape closes it, the next clears. */
  private _shown = false;
  /** An answer is on its way for the query last asked. */
  private _awaiting = false;
  /** A render was put off until that answer (or the next frame) by {@link shouldUpdate}. */
  private _putOff = false;

  constructor() {
    super();
    this.limit = 6;
    this.value = '';
    this._open = false;
    this._active = -1;
    this._answer = null;
    this._failed = false;
    this._recent = [];
    this._live = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._loadRecent();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._awaiting = false;
    clearTimeout(this._announceTimer);
  }

  /** Goes to `url`. Override (or cancel the events) to route inside a single-page app. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  protected override fail(attribute: string, message: string): void {
    if (attribute === 'render') this._broken = true;
    super.fail(attribute, message);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('source') || changed.has('products') || changed.has('src') || changed.has('endpoint')) {
      // New answers for the same query: ask again when the shopper next types or focuses.
      this._sourcePromise = null;
      this._asked = null;
    }
  }

  /**
   * A keystroke changes only `value`, which the input already shows. While its answer is on the
   * way, rendering now would be redone as soon as it comes (in the same task for a local engine),
   * and the browser's own layout for the typed character would lay the popup out in between. So
   * that render waits for the answer, or for the next frame at the latest, where it would have
   * been painted anyway.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this._awaiting && changed.size === 1 && changed.has('value') && this._input?.value === this.value) {
      if (!this._putOff) {
        this._putOff = true;
        requestAnimationFrame(() => {
          if (this._putOff) this.requestUpdate();
        });
      }
      return false;
    }
    this._putOff = false;
    return super.shouldUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('_active') && this._active >= 0)
      this.renderRoot.querySelector(`#opt-${this._active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  protected override render(): unknown {
    // The combobox stays usable in every state; problems with answers show inside its popup.
    return this._broken ? this.renderError() : this.renderReady();
  }

  // --- answers ---------------------------------------------------------------------------------

  /** The source for the current configuration, created (and its code loaded) on first use. */
  private _source(): Promise<SearchSource> {
    if (this.source) return Promise.resolve(this.source);
    const key = `${this.src ?? ''}\u0000${this.endpoint ?? ''}`;
    if (this._sourcePromise && key === this._sourceKey) return this._sourcePromise;
    this._sourceKey = key;
    const { products, src, endpoint } = this;
    if (!products && !src && !endpoint)
      return Promise.reject(
        new Error('is missing: set the source or products property, or the src or endpoint attribute'),
      );
    // The engine (or the remote client) is loaded only when a search is about to run, so the
    // element's own script stays small (issue #4, size target).
    this._sourcePromise = import('../../source/get-source.js').then(({ getSource }) =>
      getSource({
        ...(products && { products: products as Product[] }),
        ...(src && { src }),
        ...(endpoint && { endpoint }),
      }),
    );
    const pending = this._sourcePromise;
    // A failed load may succeed later (network back): forget it so the next keystroke retries.
    pending.catch(() => {
      if (this._sourcePromise === pending) this._sourcePromise = null;
    });
    return pending;
  }

  /** Which attribute or property a source problem is about, for the console. */
  private _sourceAttribute(): string {
    return this.source
      ? 'source'
      : this.products
        ? 'products'
        : this.src
          ? 'src'
          : this.endpoint
            ? 'endpoint'
            : 'source';
  }

  private async _ask(text: string): Promise<void> {
    const query = text.trim();
    if (query === this._asked) return;
    this._asked = query;
    this._abort?.abort();
    this._active = -1;
    const call = ++this._call;
    if (!query) {
      this._abort = null;
      this._awaiting = false;
      return;
    }
    const abort = (this._abort = new AbortController());
    this._awaiting = true;
    try {
      const source = await this._source();
      if (call !== this._call) return;
      const answer = await source.suggest(query, { limit: this._limit(), signal: abort.signal });
      // A source that ignores the signal may still answer an older query late: never let it
      // overwrite the suggestions of what the shopper typed since.
      if (call !== this._call) return;
      this._awaiting = false;
      this._answer = answer;
      this._failed = false;
      this._active = -1;
      if (this.status === STATUS.error) this.succeed();
      this._announce(this._countText(answer));
    } catch (error) {
      if (call !== this._call || isAbort(error)) return;
      this._awaiting = false;
      this._failed = true;
      // The shopper can type the same query again to retry.
      this._asked = null;
      this.fail(
        this._sourceAttribute(),
        errorText(error).startsWith('is missing') ? errorText(error) : `failed: ${errorText(error)}`,
      );
      this._announce(t(this.locale, 'search.error'));
    }
  }

  private _limit(): number {
    // 20 is the most suggestions the remote protocol serves (PROTOCOL.md).
    const n = Math.round(Number(this.limit));
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), 20) : 6;
  }

  private async _loadRecent(): Promise<void> {
    this._recent = await this.recentStore.list();
  }

  // --- announcements ---------------------------------------------------------------------------

  private _countText(answer: SuggestResponse): string {
    const loc = this.locale;
    if (answer.fallback === 'popular') return t(loc, 'search.count.none');
    const parts: string[] = [];
    if (answer.total > 0) parts.push(t(loc, 'search.count.products', { count: answer.total }));
    if (answer.categories.length)
      parts.push(t(loc, 'search.count.categories', { count: answer.categories.length }));
    if (answer.brands.length) parts.push(t(loc, 'search.count.brands', { count: answer.brands.length }));
    return parts.length ? parts.join(loc === 'zh-CN' ? '，' : ', ') : t(loc, 'search.count.none');
  }

  /** Sets the live region once typing pauses; an unchanged text is re-set so it is spoken again. */
  private _announce(text: string): void {
    clearTimeout(this._announceTimer);
    this._announceTimer = setTimeout(() => {
      this._live = '';
      void this.updateComplete.then(() => (this._live = text));
    }, ANNOUNCE_MS);
  }

  // --- what the popup shows --------------------------------------------------------------------

  private _popular(): string[] {
    return (this.popular ?? '')
      .split(/[,，]/)
      .map((q) => q.trim())
      .filter(Boolean)
      .slice(0, SHOW.popular);
  }

  private _sections(): Section[] {
    const loc = this.locale;
    const query = this.value.trim();
    const sections: Section[] = [];
    const lower = query.toLocaleLowerCase();
    if (!query) {
      const recent = this._recent.slice(0, SHOW.recentEmpty);
      if (recent.length)
        sections.push({
          id: 'recent',
          label: t(loc, 'search.recent'),
          choices: [...recent.map((text): Choice => ({ kind: 'query', text })), { kind: 'clear' }],
        });
      const popular = this._popular();
      if (popular.length)
        sections.push({
          id: 'popular',
          label: t(loc, 'search.popular'),
          choices: popular.map((text) => ({ kind: 'query', text })),
        });
      return sections;
    }
    const recent = this._recent
      .filter((q) => q.toLocaleLowerCase().startsWith(lower) && q.toLocaleLowerCase() !== lower)
      .slice(0, SHOW.recentTyping);
    if (recent.length)
      sections.push({
        id: 'recent',
        label: t(loc, 'search.recent'),
        choices: [...recent.map((text): Choice => ({ kind: 'query', text })), { kind: 'clear' }],
      });
    const answer = this._answer;
    if (!answer) return sections;
    if (answer.fallback === 'popular') {
      // Nothing matched: no dead end, but no pretending either — popular products, said to be so.
      const hits = answer.hits.slice(0, this._limit());
      if (hits.length)
        sections.push({
          id: 'products',
          label: t(loc, 'search.popularProducts'),
          choices: hits.map((hit, position) => ({ kind: 'product', hit, position })),
        });
      return sections;
    }
    const seen = new Set([lower, ...recent.map((q) => q.toLocaleLowerCase())]);
    const queries = answer.queries
      .filter((q) => typeof q === 'string' && q.trim() && !seen.has(q.toLocaleLowerCase()))
      .slice(0, SHOW.queries);
    if (queries.length)
      sections.push({
        id: 'queries',
        label: t(loc, 'search.queries'),
        choices: queries.map((text) => ({ kind: 'query', text })),
      });
    if (answer.categories.length)
      sections.push({
        id: 'categories',
        label: t(loc, 'search.categories'),
        choices: answer.categories.slice(0, SHOW.facets).map((facet) => ({ kind: 'category', facet })),
      });
    if (answer.brands.length)
      sections.push({
        id: 'brands',
        label: t(loc, 'search.brands'),
        choices: answer.brands.slice(0, SHOW.facets).map((facet) => ({ kind: 'brand', facet })),
      });
    const hits = answer.hits.slice(0, this._limit());
    if (hits.length) {
      const choices: Choice[] = hits.map((hit, position) => ({ kind: 'product', hit, position }));
      if (answer.total > hits.length)
        choices.push({ kind: 'all', query: answer.correctedQuery ?? answer.query, total: answer.total });
      sections.push({ id: 'products', label: t(loc, 'search.products'), choices });
    }
    return sections;
  }

  // --- actions ---------------------------------------------------------------------------------

  private get _input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  private _show(): void {
    this._open = true;
    void this._ask(this.value);
  }

  private _close(): void {
    this._open = false;
    this._active = -1;
  }

  private _move(to: number): void {
    const n = this._choices.length;
    if (!n) return;
    this._active = ((to % n) + n) % n;
  }

  private _choose(index: number): void {
    const choice = this._choices[index];
    if (!choice) return;
    switch (choice.kind) {
      case 'query':
        this.value = choice.text;
        void this._submit(choice.text);
        break;
      case 'all':
        void this._submit(choice.query);
        break;
      case 'clear':
        void this.recentStore.clear().then(() => {
          this._recent = [];
          this._active = -1;
          this._announce(t(this.locale, 'search.clearedRecent'));
        });
        this._recent = [];
        this._active = -1;
        break;
      case 'category':
      case 'brand':
        this._filter(choice.kind, choice.facet.value);
        break;
      case 'product':
        void this._select(choice.hit, choice.position);
        break;
    }
  }

  /** Keeps `query` as a recent search; waits briefly so a page change does not cut the write. */
  private async _remember(query: string): Promise<void> {
    const saved = this.recentStore.add(query).then((list) => {
      this._recent = list;
    });
    await Promise.race([saved, new Promise((r) => setTimeout(r, SAVE_WAIT_MS))]);
  }

  private _resultsUrl(query: string): string | undefined {
    if (!this.action) return undefined;
    return this.action.replace(/\{query\}/g, encodeURIComponent(query));
  }

  private _emitSubmit(detail: SearchSubmitEventDetail): boolean {
    return this.dispatchEvent(
      new CustomEvent('vt-search-submit', { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }

  /** Submits `text`: the event, GA4 `search`, the recent list, then the results page. */
  private async _submit(text: string): Promise<void> {
    const query = text.trim();
    if (!query) return;
    this._close();
    // The committed query is the one suggested next time the box opens.
    this._asked = null;
    const url = this._resultsUrl(query);
    const go = this._emitSubmit(url === undefined ? { query } : { query, url });
    this.dispatchEvent(vtEvent('vt-funnel', searchFunnel(query)));
    await this._remember(query);
    if (go && url !== undefined) this.navigate(url);
  }

  /** A category or brand was chosen: the results page narrowed to it (no query), or just the event. */
  private _filter(kind: 'category' | 'brand', value: string): void {
    this._close();
    let url: string | undefined;
    const base = this._resultsUrl('');
    if (base !== undefined) {
      // Same parameters as <vt-search-results> reads (url-state.ts): `category=A > B`, `brand=X`.
      const target = new URL(base, location.href);
      target.searchParams.append(kind, value);
      url = target.href;
    }
    const detail: SearchSubmitEventDetail = { query: '', filters: { [kind]: [value] } };
    if (url !== undefined) detail.url = url;
    if (this._emitSubmit(detail) && url !== undefined) this.navigate(url);
  }

  /** A product was chosen: GA4 `select_item` (cancelable), then its page. */
  private async _select(hit: SourceHit, position: number): Promise<void> {
    const query = this.value.trim();
    this._close();
    const funnel = listFunnel('select_item', [hit.product], position, SUGGESTIONS_LIST, query);
    const go = funnel
      ? this.dispatchEvent(
          new CustomEvent('vt-funnel', { detail: funnel, bubbles: true, composed: true, cancelable: true }),
        )
      : true;
    if (query) await this._remember(query);
    if (go && hit.product.url) this.navigate(hit.product.url);
  }

  // --- events ----------------------------------------------------------------------------------

  private _onFocus(): void {
    void this._loadRecent();
    // Start loading the engine now: the first keystroke then does not wait for it.
    void this._source().catch(() => undefined);
    this._show();
  }

  private _onBlur(): void {
    this._close();
  }

  private _onInput(event: InputEvent): void {
    this.value = (event.target as HTMLInputElement).value;
    this._open = true;
    this._active = -1;
    // Mid-composition the text is pinyin or half-formed kana: searching it would show the
    // shopper nonsense and waste calls. The committed text is searched on compositionend.
    if (event.isComposing || this._composing) return;
    void this._ask(this.value);
  }

  private _onCompositionStart(): void {
    this._composing = true;
  }

  private _onCompositionEnd(event: CompositionEvent): void {
    this._composing = false;
    this.value = (event.target as HTMLInputElement).value;
    void this._ask(this.value);
  }

  private _onKeyDown(event: KeyboardEvent): void {
    // Keys during composition belong to the input method (Enter commits, arrows pick a candidate).
    if (event.isComposing || this._composing) return;
    const n = this._choices.length;
    const expanded = this._open && n > 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) {
          this._show();
        } else if (!expanded) {
          this._show();
          this._active = -1;
          void this.updateComplete.then(() => this._move(0));
        } else {
          this._move(this._active + 1);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) {
          this._close();
        } else if (!expanded) {
          this._show();
          void this.updateComplete.then(() => this._move(-1));
        } else {
          this._move(this._active < 0 ? -1 : this._active - 1);
        }
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The caret moves (the browser does it); visual focus goes back to the text (APG).
        this._active = -1;
        break;
      case 'Enter':
        event.preventDefault();
        if (expanded && this._active >= 0) this._choose(this._active);
        else void this._submit(this.value);
        break;
      case 'Escape':
        if (this._shown) {
          event.preventDefault();
          this._close();
        } else if (this.value) {
          event.preventDefault();
          this.value = '';
          this._answer = null;
          this._failed = false;
          void this._ask('');
        }
        break;
      case 'Tab':
        this._close();
        break;
    }
  }

  // --- rendering -------------------------------------------------------------------------------

  private _renderChoice(choice: Choice, index: number): TemplateResult {
    const loc = this.locale;
    const active = index === this._active;
    const option = (kind: string, content: unknown, cls = '') =>
      html`<div
        role="option"
        id="opt-${index}"
        part="option ${kind}"
        class=${cls || kind}
        aria-selected=${active ? 'true' : 'false'}
        @click=${() => this._choose(index)}
      >
        ${content}
      </div>`;
    switch (choice.kind) {
      case 'query':
        return option('query', choice.text);
      case 'clear':
        return option('clear', t(loc, 'search.clearRecent'));
      case 'all':
        return option('all', t(loc, 'search.all', { count: choice.total, query: choice.query }));
      case 'category':
      case 'brand':
        return option(
          choice.kind,
          html`<span>${choice.facet.value}</span><span class="count">${choice.facet.count}</span>`,
        );
      case 'product': {
        const p = choice.hit.product;
        const image = p.media?.find((m) => m.type === 'image');
        return option(
          'product',
          html`${
              image
                ? html`<img
                    part="image"
                    src=${image.url}
                    alt=""
                    width="40"
                    height="40"
                    loading="lazy"
                    decoding="async"
                  />`
                : nothing
            }<span class="text"
              ><span part="title">${highlight(p.title, choice.hit.highlights?.title)}</span>${
                moneyProblem(p.price ?? {})
                  ? nothing
                  : html`<span part="price">${formatMoney(p.price, loc)}</span>`
              }</span
            >`,
        );
      }
    }
  }

  protected override renderReady(): TemplateResult {
    const loc = this.locale;
    const query = this.value.trim();
    const sections = this._open ? this._sections() : [];
    this._choices = sections.flatMap((s) => s.choices);
    const answer = this._answer;
    const current = answer && query && answer.query === query ? answer : null;
    const messages: TemplateResult[] = [];
    if (this._open && query && this._failed)
      messages.push(html`<p part="message error" class="error">${t(loc, 'search.error')}</p>`);
    if (this._open && current?.correctedQuery && current.hits.length)
      messages.push(
        html`<p part="message">${t(loc, 'search.corrected', { query: current.correctedQuery })}</p>`,
      );
    if (this._open && current && (current.fallback === 'popular' || !this._choices.length) && !this._failed)
      messages.push(html`<p part="message">${t(loc, 'search.none', { query })}</p>`);
    const expanded = this._choices.length > 0;
    const popupShown = expanded || messages.length > 0;
    this._shown = popupShown;
    // Each option's position in the listbox (its id and what choosing it picks).
    const starts: number[] = [];
    sections.reduce((at, s) => (starts.push(at), at + s.choices.length), 0);
    return html`<input
        part="input"
        id="input"
        type="search"
        role="combobox"
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        enterkeyhint="search"
        aria-label=${this.label || t(loc, 'search.label')}
        aria-autocomplete="list"
        aria-controls="listbox"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && this._active >= 0 ? `opt-${this._active}` : nothing}
        placeholder=${this.placeholder ?? t(loc, 'search.placeholder')}
        .value=${live(this.value)}
        @focus=${this._onFocus}
        @blur=${this._onBlur}
        @input=${this._onInput}
        @keydown=${this._onKeyDown}
        @compositionstart=${this._onCompositionStart}
        @compositionend=${this._onCompositionEnd}
      />
      <div part="popup" ?hidden=${!popupShown} @mousedown=${(e: Event) => e.preventDefault()}>
        ${messages}
        <div
          role="listbox"
          id="listbox"
          part="listbox"
          aria-label=${t(loc, 'search.suggestions')}
          ?hidden=${!expanded}
        >
          ${repeat(
            sections,
            (s) => s.id,
            (s, i) => {
              const keys = keysOf(s.choices);
              return html`<div role="group" part="section" aria-labelledby="section-${s.id}">
                <div role="presentation" part="section-label" id="section-${s.id}">${s.label}</div>
                ${repeat(
                  s.choices,
                  (_, j) => keys[j],
                  (c, j) => this._renderChoice(c, starts[i]! + j),
                )}
              </div>`;
            },
          )}
        </div>
      </div>
      <div class="sr" role="status" aria-live="polite" aria-atomic="true">${this._live}</div>`;
  }
}
