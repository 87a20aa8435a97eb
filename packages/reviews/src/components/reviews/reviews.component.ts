import { html, nothing, type PropertyValues } from 'lit';
import {
  STATUS,
  VitrineElement,
  fetchJson,
  formatDate,
  formatNumber,
  formatProblem,
  formatRelativeTime,
  readJsonSource,
  readReviews,
  type JsonSourceResult,
  type MediaItem,
  type Result,
  type Review,
} from '@vitrine/core';
import { vtEvent, type ReviewQuery } from '@vitrine/schema';
import { DEFAULT_QUERY, applyQuery, facets, starOf, variantKey } from './review-query.js';
import { readVotes, saveVote } from './review-votes.js';
import { t } from './reviews.messages.js';
import { reviewsStyles } from './reviews.styles.js';

/** Reviews shown at first and added by each "show more". */
const PAGE = 10;
/** Bodies longer than this collapse behind "Read more". */
const LONG = 480;
/** Tags offered as filter chips. */
const MAX_TAGS = 10;
/** Reviews validated per task when a long list arrives. */
const CHUNK = 200;

const PERCENT = { style: 'percent' } as const;
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** `[3].rating` in a chunk starting at `offset` is `[offset + 3].rating` in the whole list. */
const shiftPath = (path: string, offset: number): string =>
  path.replace(/^\[(\d+)\]/, (_, n: string) => `[${Number(n) + offset}]`);

/** What a paged `src` answers: a page of reviews, the totals when the server knows them, and where the next page is. */
interface ReviewPage {
  reviews: unknown;
  total?: number;
  average?: number;
  histogram?: number[];
  next?: string | null;
}

const isPage = (v: unknown): v is ReviewPage =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'reviews' in v;

const STARS = '★★★★★';

/**
 * Product reviews: the average and a star histogram whose bars filter the list, the tags reviewers
 * mention most as filter chips, sort and filters (stars, tag, with photos or videos, verified
 * buyers, variant), then the reviews ten at a time with title, body (plain text; long ones
 * collapse), author, localized relative date, variant bought, verified badge, photo and video
 * thumbnails that open the lightbox, the shop's reply, and helpful / not helpful votes (one per
 * review and shopper, kept across reloads). Every review text is rendered as text, never HTML, in
 * its own direction (`dir="auto"`), and wraps however long its words.
 *
 * Reviews come from the `reviews` property (our model or schema.org JSON-LD), an inline
 * `<script type="application/json">`, `src`, or `source="jsonld"` (the page's JSON-LD Product
 * reviews). `src` may answer the whole list as an array, or a page `{ reviews, total?, average?,
 * histogram?, next? }`: "show more" fetches `next` when the loaded reviews run out, and the
 * summary uses the server's totals when given. With `jsonld`, the element also writes schema.org
 * `Product` + `AggregateRating` + `Review` JSON-LD for `product-name` into the page.
 *
 * @tag vt-reviews
 *
 * @event vt-review-filter - The shopper changed a filter or the sort; detail `{productId?, query, count}`.
 * @event vt-review-helpful - The shopper voted a review helpful or not; detail `{productId?, reviewId, helpful}`.
 * @event vt-media-open - A review photo or video opened in the lightbox; detail `{tag, productId?, reviewId, index, type, url}`.
 * @event vt-review-submit - From the write-a-review form: the endpoint accepted a review; detail `{productId?, rating, photos, reviewId?}`.
 * @event vt-ready - The reviews are loaded and rendered; detail `{tag}`.
 * @event vt-error - The reviews could not be read; detail `{tag, attribute, message}`.
 *
 * @csspart summary - The average, count and histogram.
 * @csspart average - The average rating number.
 * @csspart histogram - The list of star bars.
 * @csspart bar - One star bar (a toggle button); `bar active` when filtering.
 * @csspart tags - The tag chips.
 * @csspart tag - One tag chip (a toggle button); `tag active` when filtering.
 * @csspart controls - Sort and filters.
 * @csspart count - "Showing 10 of 230 reviews".
 * @csspart list - The list of reviews.
 * @csspart review - One review.
 * @csspart stars - The stars of a review.
 * @csspart title - A review's title.
 * @csspart body - A review's text.
 * @csspart meta - Author, date, variant and verified badge.
 * @csspart media - A review's thumbnails.
 * @csspart reply - The shop's reply.
 * @csspart votes - The helpful / not helpful buttons.
 * @csspart more - The "show more" button.
 * @csspart status - The loading, empty or error message.
 *
 * @cssproperty --vt-reviews-star-color - Filled stars and bars. Defaults to `#b7791f` / `#f6c453` (light/dark).
 * @cssproperty --vt-reviews-min-height - Reserved height while loading (20rem).
 * @cssproperty --vt-reviews-thumb-size - Thumbnail size (4.5rem).
 */
export class VtReviews extends VitrineElement {
  static override styles = [...VitrineElement.styles, reviewsStyles];

  static override properties = {
    reviews: { attribute: false },
    src: { type: String },
    source: { type: String },
    productId: { attribute: 'product-id' },
    productName: { attribute: 'product-name' },
    jsonld: { type: Boolean },
    writeEndpoint: { attribute: 'write-endpoint' },
    mediaHosts: { attribute: 'media-hosts' },
    _all: { state: true },
    _query: { state: true },
    _shown: { state: true },
    _open: { state: true },
    _votes: { state: true },
    _loadingMore: { state: true },
    _moreFailed: { state: true },
  };

  /** Reviews: our model or schema.org JSON-LD. */
  declare reviews: unknown;
  /** URL of the reviews (an array, or pages; see above). */
  declare src: string | undefined;
  /** `jsonld` to read the reviews of the page's schema.org Product. */
  declare source: 'jsonld' | undefined;
  /** Product the reviews are for, carried in events. */
  declare productId: string | undefined;
  /** Product name for the JSON-LD output. */
  declare productName: string | undefined;
  /** Write schema.org Product/AggregateRating/Review JSON-LD into the page (opt-in). */
  declare jsonld: boolean;
  /** URL to post new reviews to: shows "Write a review" (`<vt-review-form>`, loaded on demand). Off by default. */
  declare writeEndpoint: string | undefined;
  /**
   * Other origins review photos and videos may come from, space-separated
   * (`https://img.example.com https://cdn.example.net`). Media from any other origin is not shown;
   * the page's own origin and inline `data:image/…` pictures always are.
   */
  declare mediaHosts: string | undefined;
  declare _all: Review[];
  declare _query: ReviewQuery;
  declare _shown: number;
  /** Ids of long reviews the shopper expanded. */
  declare _open: ReadonlySet<string>;
  declare _votes: Record<string, 'up' | 'down'>;
  declare _loadingMore: boolean;
  declare _moreFailed: boolean;

  private _abort: AbortController | null = null;
  private _next: string | null = null;
  private _server: { total?: number; average?: number; histogram?: number[] } = {};
  private _warned = '';
  private _announce = '';
  private _script: HTMLScriptElement | null = null;
  /** Facets of `_all` and the matching list of `_query`, recomputed only when those change. */
  private _facets: { of: Review[]; value: ReturnType<typeof facets> } | null = null;
  private _matching: { of: Review[]; query: ReviewQuery; value: Review[] } | null = null;
  /** Incremented on every load, so a slow chunked read that a newer one replaced is dropped. */
  private _token = 0;
  /** The parsed `media-hosts`, re-read only when the attribute changes. */
  private _hosts: { of: string | undefined; value: Set<string> } | null = null;
  /** Media URLs refused by `media-hosts`, each warned about once. */
  private readonly _blocked = new Set<string>();

  constructor() {
    super();
    this.jsonld = false;
    this._all = [];
    this._query = DEFAULT_QUERY;
    this._shown = PAGE;
    this._open = new Set();
    this._votes = {};
    this._loadingMore = false;
    this._moreFailed = false;
    this.status = STATUS.loading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._votes = { ...readVotes() };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._script?.remove();
    this._script = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('reviews') || changed.has('src') || changed.has('source'))
      this._load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('_all') || changed.has('jsonld') || changed.has('productName')) void this._writeJsonLd();
    if (this.writeEndpoint) void import('../review-form/review-form.js');
  }

  protected override errorMessage(): string {
    return t(this.locale, 'reviews.error');
  }

  protected override renderEmpty() {
    return html`<p part="status" class="empty">${t(this.locale, 'reviews.empty')}</p>
      ${
        this.writeEndpoint
          ? html`<vt-review-form
              endpoint=${this.writeEndpoint}
              product-id=${this.productId ?? nothing}
            ></vt-review-form>`
          : nothing
      }`;
  }

  private _load(): void {
    this._abort?.abort();
    this._abort = null;
    this._next = null;
    this._server = {};
    const abort = (this._abort = new AbortController());
    const found = readJsonSource(this, {
      value: this.reviews,
      property: 'reviews',
      src: this.src,
      signal: abort.signal,
      accept: 'application/json, application/ld+json',
    });
    // A `src` answer may be one page of many; the other sources are whole lists.
    const take = (r: JsonSourceResult) =>
      !r.ok
        ? this.fail(r.attribute, r.message)
        : r.attribute === 'src'
          ? this._acceptPage(r.value, 'src', false)
          : this._accept(r.value, r.attribute);
    if (found instanceof Promise) {
      this.status = STATUS.loading;
      void found.then((r) => {
        if (!abort.signal.aborted) take(r);
      });
      return;
    }
    if (found) return take(found);
    if (this.source === 'jsonld') {
      void import('@vitrine/core').then(({ readPageJsonLd }) => {
        const page = readPageJsonLd(document);
        this._accept(page.documents, 'source');
      });
      return;
    }
    this.fail(
      'reviews',
      'is missing: set the reviews property, add a <script type="application/json"> child, src="URL" or source="jsonld"',
    );
  }

  /** A `src` answer: a whole list, or a page with totals and a `next` URL. */
  private _acceptPage(body: unknown, attribute: string, append: boolean): void {
    if (!isPage(body)) return this._accept(body, attribute);
    const { reviews, total, average, histogram, next } = body;
    this._next =
      typeof next === 'string' && next ? new URL(next, new URL(this.src!, location.href)).href : null;
    if (!append)
      this._server = {
        ...(Number.isSafeInteger(total) && { total }),
        ...(typeof average === 'number' && average >= 1 && average <= 5 && { average }),
        ...(Array.isArray(histogram) &&
          histogram.length === 5 &&
          histogram.every((n) => Number.isSafeInteger(n) && n >= 0) && { histogram }),
      };
    this._accept(reviews, attribute, append);
  }

  private _accept(input: unknown, attribute: string, append = false): void {
    const token = ++this._token;
    if (Array.isArray(input) && input.length > CHUNK) {
      void this._acceptChunks(input, attribute, append, token);
      return;
    }
    this._acceptResult(readReviews(input), attribute, append);
  }

  /**
   * Validates a long list a chunk at a time, yielding to the main thread between chunks, so
   * 5,000 reviews never block input for more than a few milliseconds (no task over 50 ms).
   */
  private async _acceptChunks(
    input: unknown[],
    attribute: string,
    append: boolean,
    token: number,
  ): Promise<void> {
    const value: Review[] = [];
    const problems: Result<Review[]>['problems'] = [];
    const seen = new Set<string>();
    if (!append) this.status = STATUS.loading;
    for (let i = 0; i < input.length; i += CHUNK) {
      const r = readReviews(input.slice(i, i + CHUNK));
      for (const p of r.problems) problems.push({ ...p, path: shiftPath(p.path, i) });
      for (const review of r.value ?? [])
        if (seen.has(review.id))
          problems.push({ path: '', message: `repeats review id "${review.id}"; it was ignored` });
        else {
          seen.add(review.id);
          value.push(review);
        }
      await new Promise((ok) => setTimeout(ok, 0));
      if (token !== this._token) return;
    }
    if (!append) {
      // Facets and the first sort in their own tasks too; the render then finds them ready.
      this._facets = { of: value, value: facets(value) };
      await new Promise((ok) => setTimeout(ok, 0));
      if (token !== this._token) return;
      this._matching = { of: value, query: this._query, value: applyQuery(value, this._query) };
      await new Promise((ok) => setTimeout(ok, 0));
      if (token !== this._token) return;
      // Intl loads locale data on first use: do it here, not in the render's task.
      const loc = this.locale;
      formatNumber(0.5, loc, PERCENT);
      formatNumber(4.5, loc, ONE_DECIMAL);
      formatNumber(1, loc);
      formatRelativeTime(Date.now() - 86_400_000, loc);
      formatDate(Date.now(), loc);
      t(loc, 'reviews.count', { count: 2 });
      await new Promise((ok) => setTimeout(ok, 0));
      if (token !== this._token) return;
    }
    this._acceptResult({ value, problems }, attribute, append);
  }

  private _acceptResult(result: Result<Review[]>, attribute: string, append: boolean): void {
    if (!result.value) {
      this.fail(attribute, result.problems.map(formatProblem).join('; ') || 'holds no reviews');
      return;
    }
    const text = result.problems.map(formatProblem).join('; ');
    if (text && text !== this._warned) {
      this._warned = text;
      console.warn(`<${this.localName}>: attribute "${attribute}" had reviews that were skipped: ${text}`);
    }
    if (append) {
      const known = new Set(this._all.map((r) => r.id));
      this._all = [...this._all, ...result.value.filter((r) => !known.has(r.id))];
      return;
    }
    this._all = result.value;
    this._shown = PAGE;
    this.succeed(result.value.length || this._server.total ? STATUS.ready : STATUS.empty);
    void this.updateComplete.then(() => this.dispatchEvent(vtEvent('vt-ready', { tag: this.localName })));
  }

  /** Changes the query from a shopper's action and reports it. */
  private _set(change: Partial<ReviewQuery>): void {
    const query: ReviewQuery = { ...this._query, ...change };
    if (change.variant === undefined && 'variant' in change) delete query.variant;
    if (change.tag === undefined && 'tag' in change) delete query.tag;
    this._query = query;
    this._shown = PAGE;
    const count = this._match().length;
    this._announce = t(this.locale, 'reviews.showing', { shown: Math.min(PAGE, count), count });
    this.dispatchEvent(
      vtEvent('vt-review-filter', {
        ...(this.productId && { productId: this.productId }),
        query,
        count,
      }),
    );
  }

  private _match(): Review[] {
    const m = this._matching;
    if (m?.of === this._all && m.query === this._query) return m.value;
    const value = applyQuery(this._all, this._query);
    this._matching = { of: this._all, query: this._query, value };
    return value;
  }

  private _toggleStar(star: number): void {
    const on = this._query.stars.includes(star);
    this._set({
      stars: on ? this._query.stars.filter((s) => s !== star) : [...this._query.stars, star].sort(),
    });
  }

  private async _more(matching: number): Promise<void> {
    if (this._shown < matching) {
      this._shown += PAGE;
      return;
    }
    if (!this._next || this._loadingMore) return;
    this._loadingMore = true;
    this._moreFailed = false;
    const r = await fetchJson(this._next);
    this._loadingMore = false;
    if (!r.ok) {
      this._moreFailed = true;
      console.error(`<${this.localName}>: more reviews could not be loaded: ${r.message}`);
      return;
    }
    this._acceptPage(r.body, 'src', true);
    this._shown += PAGE;
  }

  private _vote(review: Review, helpful: boolean): void {
    if (this._votes[review.id] || !saveVote(review.id, helpful)) {
      this._votes = { ...readVotes() };
      return;
    }
    this._votes = { ...readVotes() };
    this.dispatchEvent(
      vtEvent('vt-review-helpful', {
        ...(this.productId && { productId: this.productId }),
        reviewId: review.id,
        helpful,
      }),
    );
  }

  private async _openMedia(review: Review, index: number, opener: HTMLElement): Promise<void> {
    await import('@vitrine/core/lightbox');
    let box = document.querySelector<HTMLElement & LightboxApi>('vt-lightbox[data-vt-reviews]');
    if (!box) {
      box = document.createElement('vt-lightbox') as HTMLElement & LightboxApi;
      box.dataset['vtReviews'] = '';
      document.body.append(box);
    }
    box.lang = this.locale;
    await (box as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    box.open(review.media ?? [], index, opener, {
      tag: this.localName,
      reviewId: review.id,
      ...(this.productId && { productId: this.productId }),
    });
  }

  private async _writeJsonLd(): Promise<void> {
    if (!this.jsonld || !this.productName || this.status !== STATUS.ready) {
      this._script?.remove();
      this._script = null;
      return;
    }
    const { productReviewsJsonLd, jsonLdScript } = await import('../../jsonld/reviews-jsonld.js');
    const script = (this._script ??= document.createElement('script'));
    script.type = 'application/ld+json';
    script.textContent = jsonLdScript(
      productReviewsJsonLd(
        { id: this.productId ?? this.productName, title: this.productName },
        this._all,
        this._server.total && this._server.average
          ? { aggregate: { average: this._server.average, count: this._server.total } }
          : undefined,
      ),
    );
    // In the light DOM, where search engines read it.
    if (!script.isConnected) this.append(script);
  }

  private _parseHosts(): Set<string> {
    return new Set(
      (this.mediaHosts ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((h) => h.replace(/\/+$/, '')),
    );
  }

  /** Media URLs (and posters) must be same-origin, on `media-hosts`, or inline images. */
  private _allowed(m: MediaItem): boolean {
    if (!this._hosts || this._hosts.of !== this.mediaHosts)
      this._hosts = { of: this.mediaHosts, value: this._parseHosts() };
    const hosts = this._hosts.value;
    const ok = (url: string | undefined) => {
      if (url === undefined) return true;
      if (/^data:image\//i.test(url)) return true;
      try {
        const u = new URL(url, location.href);
        return (
          (u.protocol === 'https:' || u.protocol === 'http:') &&
          (u.origin === location.origin || hosts.has(u.origin))
        );
      } catch {
        return false;
      }
    };
    const allowed = ok(m.url) && ok(m.poster);
    if (!allowed && !this._blocked.has(m.url)) {
      this._blocked.add(m.url);
      console.warn(
        `<${this.localName}>: review media ${m.url} is not shown: its origin is not this page's or in media-hosts`,
      );
    }
    return allowed;
  }

  private _stars(rating: number) {
    const pct = Math.round((Math.max(0, Math.min(5, rating)) / 5) * 100);
    return html`<span
      part="stars"
      role="img"
      aria-label=${t(this.locale, 'reviews.rated', {
        rating: formatNumber(rating, this.locale),
      })}
      ><span class="stars" style="--fill:${pct}%"
        ><span class="row">${STARS}</span><span class="row on">${STARS}</span></span
      ></span
    >`;
  }

  protected override renderReady() {
    const loc = this.locale;
    const all = this._all;
    if (this._facets?.of !== all) this._facets = { of: all, value: facets(all) };
    const { histogram: local, tags, variants } = this._facets.value;
    const histogram = this._server.histogram ?? local;
    const total = this._server.total ?? all.length;
    const average =
      this._server.average ?? (all.length ? all.reduce((a, r) => a + r.rating, 0) / all.length : 0);
    const q = this._query;
    const matching = this._match();
    const shown = matching.slice(0, this._shown);
    const filtered = q.stars.length > 0 || !!q.tag || q.withMedia || q.verified || !!q.variant;
    const left = matching.length - shown.length;
    const max = Math.max(1, ...histogram);
    const sum = histogram.reduce((a, b) => a + b, 0) || 1;
    return html`<section aria-labelledby="h">
      <h2 id="h">${t(loc, 'reviews.heading')}</h2>
      <div part="summary">
        <p class="overall">
          <span part="average">${formatNumber(average, loc, ONE_DECIMAL)}</span>
          ${this._stars(average)}
          <span class="muted">${t(loc, 'reviews.count', { count: total })}</span>
        </p>
        <ul part="histogram">
          ${[5, 4, 3, 2, 1].map((star) => {
            const n = histogram[star - 1] ?? 0;
            const on = q.stars.includes(star);
            const share = formatNumber(n / sum, loc, PERCENT);
            return html`<li>
              <button
                part=${on ? 'bar active' : 'bar'}
                type="button"
                aria-pressed=${on ? 'true' : 'false'}
                @click=${() => this._toggleStar(star)}
              >
                <span>${t(loc, 'reviews.stars', { count: star })}</span>
                <span class="track" aria-hidden="true"
                  ><span style="inline-size:${(n / max) * 100}%"></span
                ></span>
                <span class="n">${formatNumber(n, loc)}</span>
                <span class="sr">(${share})</span>
              </button>
            </li>`;
          })}
        </ul>
      </div>
      ${
        tags.length
          ? html`<div part="tags" role="group" aria-label=${t(loc, 'reviews.tags')}>
              ${tags.slice(0, MAX_TAGS).map(({ tag, count }) => {
                const on = q.tag === tag;
                return html`<button
                  part=${on ? 'tag active' : 'tag'}
                  type="button"
                  aria-pressed=${on ? 'true' : 'false'}
                  dir="auto"
                  @click=${() => this._set({ tag: on ? undefined : tag })}
                >
                  ${tag} <span class="n">${formatNumber(count, loc)}</span>
                </button>`;
              })}
            </div>`
          : nothing
      }
      <div part="controls">
        <label
          >${t(loc, 'reviews.sort')}
          <select
            @change=${(e: Event) =>
              this._set({ sort: (e.target as HTMLSelectElement).value as ReviewQuery['sort'] })}
          >
            ${(['helpful', 'newest', 'highest', 'lowest', 'media'] as const).map(
              (s) =>
                html`<option value=${s} ?selected=${q.sort === s}>${t(loc, `reviews.sort.${s}`)}</option>`,
            )}
          </select></label
        >
        <label
          ><input
            type="checkbox"
            .checked=${q.withMedia}
            @change=${(e: Event) => this._set({ withMedia: (e.target as HTMLInputElement).checked })}
          />${t(loc, 'reviews.withMedia')}</label
        >
        <label
          ><input
            type="checkbox"
            .checked=${q.verified}
            @change=${(e: Event) => this._set({ verified: (e.target as HTMLInputElement).checked })}
          />${t(loc, 'reviews.verifiedOnly')}</label
        >
        ${
          variants.length > 1
            ? html`<label
                >${t(loc, 'reviews.variant')}
                <select
                  @change=${(e: Event) => {
                    const key = (e.target as HTMLSelectElement).value;
                    const found = all.find((r) => r.variant && variantKey(r.variant) === key)?.variant;
                    this._set({ variant: found });
                  }}
                >
                  <option value="" ?selected=${!q.variant}>${t(loc, 'reviews.allVariants')}</option>
                  ${variants.map(
                    (v) =>
                      html`<option value=${v} ?selected=${!!q.variant && variantKey(q.variant) === v}>
                        ${v}
                      </option>`,
                  )}
                </select></label
              >`
            : nothing
        }
        ${
          filtered
            ? html`<button
                type="button"
                class="link"
                @click=${() => this._set({ ...DEFAULT_QUERY, sort: q.sort, tag: undefined, variant: undefined })}
              >
                ${t(loc, 'reviews.clear')}
              </button>`
            : nothing
        }
      </div>
      <p part="count">${t(loc, 'reviews.showing', { shown: shown.length, count: matching.length })}</p>
      <p class="sr" role="status">${this._announce}</p>
      <ul part="list">
        ${shown.map((r) => this._review(r))}
      </ul>
      ${
        left > 0 || (this._next && !filtered)
          ? html`<button
              part="more"
              type="button"
              ?disabled=${this._loadingMore}
              @click=${() => void this._more(matching.length)}
            >
              ${
                this._loadingMore
                  ? t(loc, 'reviews.loadingMore')
                  : t(loc, 'reviews.more', { count: left > 0 ? Math.min(PAGE, left) : PAGE })
              }
            </button>`
          : nothing
      }
      ${
        this.writeEndpoint
          ? html`<vt-review-form
              endpoint=${this.writeEndpoint}
              product-id=${this.productId ?? nothing}
            ></vt-review-form>`
          : nothing
      }
      ${this._moreFailed ? html`<p part="status" class="error" role="alert">${t(loc, 'reviews.loadFailed')}</p>` : nothing}
    </section>`;
  }

  private _review(r: Review) {
    const loc = this.locale;
    const long = r.body.length > LONG;
    const open = this._open.has(r.id);
    const vote = this._votes[r.id];
    const media = (r.media ?? []).filter(
      (m): m is MediaItem => (m.type === 'image' || m.type === 'video') && this._allowed(m),
    );
    const date = formatRelativeTime(r.date, loc);
    return html`<li part="review" lang=${r.lang ?? nothing}>
      <article aria-labelledby=${`r-${r.id}`}>
        <header>
          ${this._stars(r.rating)}
          <h3 part="title" id=${`r-${r.id}`} dir="auto">
            ${r.title || t(loc, 'reviews.stars', { count: starOf(r.rating) })}
          </h3>
        </header>
        <p part="meta">
          <span class="author" dir="auto">${r.author}</span>
          <time datetime=${r.date} title=${formatDate(r.date, loc)}>${date}</time>
          ${r.verified ? html`<span class="badge">${t(loc, 'reviews.verified')}</span>` : nothing}
          ${
            r.variant && Object.keys(r.variant).length
              ? html`<span dir="auto">${t(loc, 'reviews.bought', { variant: variantKey(r.variant) })}</span>`
              : nothing
          }
        </p>
        <p part="body" dir="auto" class=${long && !open ? 'clamped' : ''} id=${`b-${r.id}`}>${r.body}</p>
        ${
          long
            ? html`<button
                type="button"
                class="link"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${`b-${r.id}`}
                @click=${() => {
                  const next = new Set(this._open);
                  if (open) next.delete(r.id);
                  else next.add(r.id);
                  this._open = next;
                }}
              >
                ${open ? t(loc, 'reviews.readLess') : t(loc, 'reviews.readMore')}
              </button>`
            : nothing
        }
        ${
          media.length
            ? html`<ul part="media">
                ${media.map(
                  (m, i) =>
                    html`<li>
                      <button
                        type="button"
                        aria-label=${
                          m.type === 'video'
                            ? t(loc, 'reviews.video', { index: i + 1, count: media.length })
                            : t(loc, 'reviews.photo', { index: i + 1, count: media.length })
                        }
                        @click=${(e: Event) => void this._openMedia({ ...r, media }, i, e.currentTarget as HTMLElement)}
                      >
                        ${
                          m.type === 'image' || m.poster
                            ? html`<img
                                src=${m.type === 'video' ? m.poster! : m.url}
                                alt=${m.alt}
                                loading="lazy"
                                width="72"
                                height="72"
                              />`
                            : nothing
                        }
                        ${m.type === 'video' ? html`<span class="play" aria-hidden="true">▶</span>` : nothing}
                      </button>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        ${
          r.reply
            ? html`<div part="reply">
                <p class="reply-label">${t(loc, 'reviews.reply')}</p>
                <p dir="auto">${r.reply.body}</p>
              </div>`
            : nothing
        }
        <p part="votes">
          ${([true, false] as const).map((up) => {
            const mine = vote === (up ? 'up' : 'down');
            const count = (up ? r.helpful : r.notHelpful) ?? 0;
            return html`<button
              type="button"
              aria-pressed=${mine ? 'true' : 'false'}
              aria-disabled=${vote ? 'true' : 'false'}
              @click=${() => this._vote(r, up)}
            >
              ${t(loc, up ? 'reviews.helpful' : 'reviews.notHelpful', { count: count + (mine ? 1 : 0) })}
            </button>`;
          })}
          ${vote ? html`<span class="muted">${t(loc, 'reviews.voted')}</span>` : nothing}
        </p>
      </article>
    </li>`;
  }
}

/** The part of `<vt-lightbox>` this element uses (the lightbox is loaded on first open). */
interface LightboxApi {
  open(
    items: MediaItem[],
    index: number,
    opener?: HTMLElement,
    context?: { tag: string; productId?: string; reviewId?: string },
  ): void;
}
