import type { PropertyDeclarations, PropertyValues } from 'lit';
import { vtEvent } from '@vitrine/schema';
import type { Problem, Product, Result } from '../model/types.js';
import { fetchJson } from '../data/fetch-json.js';
import { formatProblem } from '../model/validate-shared.js';
import { validateProduct } from '../model/validate-product.js';
import { STATUS, VitrineElement } from './vitrine-element.js';

/**
 * JSON-LD (and lists of products) go through `readProduct`, which is loaded only when such input
 * first appears: most shops hand our own model to the elements, and the schema.org mapping is
 * about half of the element's weight.
 */
function needsReader(input: unknown): boolean {
  if (Array.isArray(input)) return true;
  return (
    typeof input === 'object' &&
    input !== null &&
    ('@type' in input || '@context' in input || '@graph' in input)
  );
}

const loadReaders = () => Promise.all([import('../data/read-product.js'), import('../data/jsonld-page.js')]);

/**
 * Base of every element bound to one product. The product comes from, in this order:
 *
 * 1. the `product` property (our model or schema.org JSON-LD);
 * 2. an inline `<script type="application/json">` child;
 * 3. `src`: a URL returning JSON (our model or JSON-LD), fetched with the request aborted when
 *    `src` changes and retried once on a network error or 5xx;
 * 4. `source="jsonld"`: the page's `<script type="application/ld+json">` Product.
 *
 * Valid data renders; fixable problems are logged as one warning; unusable data gives the error
 * state, one console error naming the attribute and a `vt-error` event. Nothing throws.
 *
 * @event vt-ready - The product is loaded and rendered; detail `{tag}`.
 * @event vt-error - The product could not be read; detail `{tag, attribute, message}`.
 */
export class ProductElement extends VitrineElement {
  static override properties: PropertyDeclarations = {
    product: { attribute: false },
    src: { type: String },
    source: { type: String },
  };

  /** Product data: our model or a schema.org `Product` (JSON-LD object). */
  declare product: unknown;
  /** URL of the product JSON (our model or JSON-LD). */
  declare src: string | undefined;
  /** `jsonld` to read the product from the page's schema.org JSON-LD. */
  declare source: 'jsonld' | undefined;

  /** The validated product, once there is one. */
  protected data: Product | null = null;

  private _abort: AbortController | null = null;
  /** Incremented on every load, so a slow read that finishes after a newer one is ignored. */
  private _token = 0;
  private _warned = '';

  constructor() {
    super();
    this.status = STATUS.loading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A reconnect after a removal restarts loading that the removal aborted.
    if (this.hasUpdated && this.status === STATUS.loading) this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('product') || changed.has('src') || changed.has('source'))
      this._load();
  }

  /** Called after a product was accepted; subclasses react to new data here. */
  protected productChanged(_product: Product): void {}

  /**
   * Called with the problems of an accepted product before they are logged; returns those left
   * for the one summary warning. A subclass that reports some problems its own way (the gallery
   * reports a missing `alt` as an error) takes them out here, so each is logged once.
   */
  protected claimProblems(problems: Problem[]): Problem[] {
    return problems;
  }

  protected override errorMessage(): string {
    return this.t('product.error');
  }

  private _load(): void {
    this._abort?.abort();
    this._abort = null;
    const token = ++this._token;
    if (this.product !== undefined && this.product !== null) {
      this._read(this.product, 'product', token);
      return;
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(inline.textContent ?? '');
      } catch (error) {
        this._reject('script[type="application/json"]', `is not valid JSON: ${(error as Error).message}`);
        return;
      }
      this._read(parsed, 'script[type="application/json"]', token);
      return;
    }
    if (this.src) {
      void this._fetch(this.src, token);
      return;
    }
    if (this.source === 'jsonld') {
      this.status = STATUS.loading;
      void loadReaders().then(([{ readProduct }, { readPageJsonLd }]) => {
        if (token !== this._token) return;
        const page = readPageJsonLd(document);
        const result = readProduct(page.documents);
        this._accept({ value: result.value, problems: [...page.problems, ...result.problems] }, 'source');
      });
      return;
    }
    if (this.source !== undefined && this.source !== null) {
      this._reject('source', `must be "jsonld", got "${this.source}"`);
      return;
    }
    this._reject(
      'product',
      'is missing: set the product property, add a <script type="application/json"> child, src="URL" or source="jsonld"',
    );
  }

  /** Validates our model at once; reads JSON-LD after loading the reader. Stale reads are dropped. */
  private _read(input: unknown, attribute: string, token: number): void {
    if (!needsReader(input)) {
      this._accept(validateProduct(input), attribute);
      return;
    }
    this.status = STATUS.loading;
    void loadReaders().then(
      ([{ readProduct }]) => {
        if (token === this._token) this._accept(readProduct(input), attribute);
      },
      (error: unknown) => {
        if (token === this._token)
          this._reject(attribute, `could not be read: the JSON-LD reader failed to load (${String(error)})`);
      },
    );
  }

  private async _fetch(src: string, token: number): Promise<void> {
    const abort = new AbortController();
    this._abort = abort;
    this.status = STATUS.loading;
    const result = await fetchJson(src, {
      signal: abort.signal,
      accept: 'application/json, application/ld+json',
    });
    if (abort.signal.aborted) return;
    if (result.ok) this._read(result.body, 'src', token);
    else this._reject('src', result.message);
  }

  private _accept(result: Result<Product>, attribute: string): void {
    if (!result.value) {
      this._reject(attribute, describe(result.problems) || 'holds no usable product');
      return;
    }
    const problems = this.claimProblems(result.problems);
    if (problems.length) {
      const text = describe(problems);
      if (text !== this._warned) {
        this._warned = text;
        console.warn(`<${this.localName}>: attribute "${attribute}" had problems that were skipped: ${text}`);
      }
    }
    this.data = result.value;
    this.succeed();
    this.productChanged(result.value);
    void this.updateComplete.then(() => this.dispatchEvent(vtEvent('vt-ready', { tag: this.localName })));
  }

  private _reject(attribute: string, message: string): void {
    this.data = null;
    this.fail(attribute, message);
  }
}

function describe(problems: Problem[]): string {
  return problems.map(formatProblem).join('; ');
}
