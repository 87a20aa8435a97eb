import type { Promotion } from '@vitrine/pricing';
import type { Catalog, Product, Review, ShopLocale } from '../catalog-types.js';
// The tracker's own bundle, served at /vitrine/tracker/ (external to this bundle, like /vitrine/*);
// TypeScript cannot resolve a URL, so its types come from the package.
// @ts-expect-error -- resolved by the browser, not by TypeScript
import * as trackerBundle from '/vitrine/tracker/index.js';
import type { createTracker as CreateTracker } from '@vitrine/tracker';
import { h } from './dom.js';
import { t, type StringKey } from './strings.js';

type CatalogSummary = Omit<Catalog, 'reviews'>;

const LANG_KEY = 'vt-demo-lang';

/** `?lang=` wins and is remembered; then the remembered choice; then English. */
function pickLocale(): ShopLocale {
  const param = new URLSearchParams(location.search).get('lang');
  const stored = (() => {
    try {
      return localStorage.getItem(LANG_KEY);
    } catch {
      return null;
    }
  })();
  const chosen = param ?? stored ?? 'en';
  const locale: ShopLocale = chosen.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  try {
    if (param) localStorage.setItem(LANG_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  return locale;
}

const locale = pickLocale();
const tr = (key: StringKey, values?: Record<string, string | number>) => t(locale, key, values);

function header(): HTMLElement {
  const here = location.pathname;
  const link = (href: string, key: StringKey) =>
    h('a', { href, 'aria-current': here === href ? 'page' : undefined }, tr(key));
  const other: ShopLocale = locale === 'en' ? 'zh-CN' : 'en';
  const switchUrl = new URL(location.href);
  switchUrl.searchParams.set('lang', other);
  return h(
    'header',
    { class: 'site-header' },
    h('a', { class: 'skip', href: '#main' }, tr('skip')),
    h('a', { class: 'brand', href: '/' }, tr('shopName')),
    h(
      'nav',
      { 'aria-label': tr('navHome') },
      link('/', 'navHome'),
      link('/search.html', 'navSearch'),
      link('/cart.html', 'navCart'),
      link('/checkout.html', 'navCheckout'),
      h('a', { href: `/insights?lang=${locale}` }, tr('navInsights')),
    ),
    h(
      'a',
      { class: 'lang', href: switchUrl.pathname + switchUrl.search, lang: other, hreflang: other },
      other === 'zh-CN' ? '中文' : 'English',
    ),
    h('vt-cart-count', { href: '/cart.html' }),
  );
}

/** The catalog's variants point at one picture (`mediaIndex`); Vitrine's model lists them. */
function toModel(p: Product): Record<string, unknown> {
  return { ...p, variants: p.variants.map(({ mediaIndex, ...v }) => ({ ...v, media: [mediaIndex] })) };
}

/** Option pickers that tell the page's Vitrine elements which variant is chosen. */
function variantPicker(p: Product): HTMLElement | null {
  if (p.options.length === 0) return null;
  const chosen: Record<string, string> = {};
  const form = h('div', { class: 'options' });
  for (const option of p.options) {
    const id = `opt-${option.name}`;
    const select = h(
      'select',
      { id, name: option.name },
      h('option', { value: '' }, '—'),
      ...option.values.map((v) => h('option', { value: v }, v)),
    );
    select.addEventListener('change', () => {
      chosen[option.name] = select.value;
      const variant = p.variants.find((v) => p.options.every((o) => v.options[o.name] === chosen[o.name]));
      if (!variant) return;
      document.dispatchEvent(
        new CustomEvent('vt-variant-change', {
          detail: { productId: p.id, variantId: variant.id, options: variant.options },
          bubbles: true,
          composed: true,
        }),
      );
    });
    form.append(h('label', { for: id }, option.name), select);
  }
  return form;
}

/** The prebuilt search index of the shop's catalog in this language (pinyin included). */
const searchIndexUrl = () => `/api/search-index?lang=${locale}`;

/**
 * The search box: `<vt-search>` over the prebuilt index (loaded on first focus). With `results`
 * false it goes to the results page on Enter; on the results page it hands the query to
 * `<vt-search-results>` instead.
 */
function searchBox(popular: readonly string[], onResultsPage = false): HTMLElement {
  const lang = locale === 'en' ? '' : `&lang=${locale}`;
  return h('vt-search', {
    class: 'search',
    src: searchIndexUrl(),
    action: onResultsPage ? undefined : `/search.html?q={query}${lang}`,
    value: onResultsPage ? (new URLSearchParams(location.search).get('q') ?? undefined) : undefined,
    popular: popular.join(','),
    label: tr('searchLabel'),
    placeholder: tr('searchLabel'),
  });
}

function card(product: Product, eager: boolean): HTMLElement {
  const image = product.media[0];
  return h(
    'li',
    // `data-product-id` lets the tracker key clicks on the card by product (heatmaps add them up).
    { class: 'card', 'data-product-id': product.id },
    h(
      'a',
      { href: product.url },
      image
        ? h('img', {
            src: image.url,
            alt: image.alt,
            width: image.width,
            height: image.height,
            loading: eager ? 'eager' : 'lazy',
          })
        : null,
      h('span', { class: 'title' }, product.title),
    ),
    h('span', { class: 'brand-name' }, product.brand),
    price(product),
  );
}

function price(product: Product): HTMLElement {
  return h('vt-price', {
    amount: product.price.amount,
    currency: product.price.currency,
    'compare-at': product.compareAt?.amount,
  });
}

function grid(products: Product[]): HTMLElement {
  return h('ul', { class: 'grid' }, ...products.map((p, i) => card(p, i < 4)));
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

function loadCatalog(): Promise<CatalogSummary> {
  return getJson<CatalogSummary>(`/api/catalog?lang=${locale}`);
}

/**
 * The demo's one experiment, so the experiments report has data: half the consenting shoppers
 * see 16 featured products on the home page instead of 12 (assigned by visitor id, exposure
 * sent once per session). Shoppers who have not allowed analytics all see the control.
 */
async function featuredCount(): Promise<number> {
  if (!tracker || consentChoice() !== 'granted') return 12;
  // The page never waits long for the tracker: if its consent is not applied within 300 ms, this
  // visit shows the control and is not exposed (so it does not count in the experiment).
  const applied = await Promise.race([
    consentApplied.then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 300)),
  ]);
  if (!applied) return 12;
  return tracker.experiment('featured_grid', ['control', 'more']) === 'more' ? 16 : 12;
}

async function home(main: HTMLElement): Promise<void> {
  const [catalog, featured] = await Promise.all([loadCatalog(), featuredCount()]);
  main.append(
    h('h1', {}, tr('shopName')),
    searchBox(catalog.popularSearches),
    h(
      'section',
      { 'aria-labelledby': 'popular' },
      h('h2', { id: 'popular' }, tr('popular')),
      h(
        'ul',
        { class: 'chips' },
        ...catalog.popularSearches.map((q) =>
          h('li', {}, h('a', { href: `/search.html?q=${encodeURIComponent(q)}` }, q)),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'featured' },
      h('h2', { id: 'featured' }, tr('featured')),
      grid(catalog.products.slice(0, featured)),
    ),
    h(
      'section',
      { 'aria-labelledby': 'cats' },
      h('h2', { id: 'cats' }, tr('categories')),
      h(
        'ul',
        { class: 'chips' },
        ...catalog.categories.map((c) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `/search.html?category=${encodeURIComponent(c.path.join(' > '))}` },
              `${c.path.join(' › ')} (${c.productCount})`,
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The results page: `<vt-search>` and `<vt-search-results>` over the same prebuilt index (one
 * engine for both), facets, sort and paging kept in the URL (`?q=`, `?category=`…).
 */
async function search(main: HTMLElement): Promise<void> {
  const catalog = await loadCatalog();
  main.append(
    h('h1', {}, tr('navSearch')),
    searchBox(catalog.popularSearches, true),
    h('vt-search-results', { src: searchIndexUrl(), 'page-size': 24 }),
  );
}

async function product(main: HTMLElement): Promise<void> {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  let data: { product: Product; reviews: Review[] };
  try {
    data = await getJson(`/api/products/${encodeURIComponent(id)}?lang=${locale}`);
  } catch (error) {
    console.error('shop:', error);
    main.append(
      h('h1', {}, tr('productMissing')),
      h('p', {}, h('a', { href: '/search.html' }, tr('navSearch'))),
    );
    return;
  }
  const { product: p, reviews } = data;
  document.title = `${p.title} · ${tr('shopName')}`;
  // Offers are extras: the page works without them if the promotions cannot be loaded.
  const promotions = await getJson<Promotion[]>(`/api/promotions?lang=${locale}`).catch((error: unknown) => {
    console.error('shop:', error);
    return [] as Promotion[];
  });
  const together = await bundle(p, promotions);
  // GA4's view_item: the page knows it shows a product (no component does); the tracker reads it.
  main.dispatchEvent(
    new CustomEvent('vt-funnel', {
      bubbles: true,
      composed: true,
      detail: {
        name: 'view_item',
        params: {
          currency: p.price.currency,
          value: p.price.amount,
          items: [
            {
              item_id: p.id,
              item_name: p.title,
              item_brand: p.brand,
              ...(p.category[0] ? { item_category: p.category[0] } : {}),
              price: p.price.amount,
              quantity: 1,
            },
          ],
        },
      },
    }),
  );
  main.append(
    h(
      'article',
      { class: 'product' },
      withProps(h('vt-gallery', { class: 'media', sizes: '(min-width: 48rem) 55vw, 100vw' }), {
        product: toModel(p),
      }),
      h(
        'div',
        { class: 'info' },
        h('p', { class: 'crumbs' }, p.category.join(' › ')),
        h('h1', {}, p.title),
        h('p', { class: 'brand-name' }, tr('byBrand', { brand: p.brand })),
        h(
          'p',
          { class: 'rating' },
          p.rating.count ? tr('rating', { avg: p.rating.average, n: p.rating.count }) : tr('noReviews'),
        ),
        saleAwarePrice(p, promotions),
        variantPicker(p),
        addToCart(p),
        groupBuy(p, promotions),
        withProps(h('vt-offers', { 'product-id': p.id }), { promotions }),
        h('p', {}, p.description),
      ),
    ),
    together ?? '',
    withProps(
      h('vt-reviews', {
        'product-id': p.id,
        'product-name': p.title,
        jsonld: true,
        'write-endpoint': '/api/reviews',
      }),
      { reviews },
    ),
  );
}

/** Sets properties (objects that attributes cannot carry) on an element. */
function withProps<T extends HTMLElement>(el: T, props: Record<string, unknown>): T {
  return Object.assign(el, props);
}

/**
 * The price, switched by a flash-sale countdown when the product has one: the regular price before
 * and after the sale, the sale price during it, by the server's clock.
 */
function saleAwarePrice(p: Product, promotions: Promotion[]): HTMLElement {
  const flash = promotions.find(
    (x) => x.kind === 'flash_sale' && x.eligibility?.products?.includes(p.id) && x.endsAt !== undefined,
  );
  if (!flash || flash.kind !== 'flash_sale') return price(p);
  const regular = () => withProps(price(p), { slot: 'upcoming' });
  return h(
    'vt-countdown',
    {
      'promotion-id': flash.id,
      'starts-at': flash.startsAt !== undefined ? String(flash.startsAt) : undefined,
      'ends-at': String(flash.endsAt),
      'time-src': '/api/promotions',
    },
    regular(),
    h('vt-price', {
      slot: 'live',
      amount: flash.price.amount,
      currency: flash.price.currency,
      'compare-at': p.price.amount,
    }),
    withProps(price(p), { slot: 'ended' }),
  );
}

function groupBuy(p: Product, promotions: Promotion[]): HTMLElement | null {
  const group = promotions.find((x) => x.kind === 'group_buy' && x.eligibility?.products?.includes(p.id));
  if (!group || group.kind !== 'group_buy') return null;
  // The shop's backend would create the group; the demo says so and shows one member.
  const note = h('p', { class: 'note', role: 'status' });
  const el = withProps(
    h('vt-group-buy', {
      'promotion-id': group.id,
      'product-id': p.id,
      'product-name': p.title,
      'regular-price': p.price.amount,
      currency: p.price.currency,
    }),
    { promotions },
  );
  el.addEventListener('vt-group-buy', () => {
    el.setAttribute('group-size', '1');
    note.textContent = tr('groupStarted', { n: group.minGroupSize - 1 });
  });
  return h('div', {}, el, note);
}

/** "Bought together" with the products of the bundle promotion this product anchors. */
async function bundle(p: Product, promotions: Promotion[]): Promise<HTMLElement | null> {
  const set = promotions.find((x) => x.kind === 'bundle' && x.items[0]?.productId === p.id);
  if (!set || set.kind !== 'bundle') return null;
  const others = await Promise.all(
    set.items.slice(1).map((i) =>
      getJson<{ product: Product }>(`/api/products/${encodeURIComponent(i.productId)}?lang=${locale}`).then(
        (r) => toModel(r.product),
        () => null,
      ),
    ),
  );
  if (others.includes(null)) return null;
  return h(
    'section',
    { class: 'bundle' },
    withProps(h('vt-bundle', { 'promotion-id': set.id }), { products: [toModel(p), ...others], promotions }),
  );
}

function addToCart(p: Product): HTMLElement {
  const el = h('vt-add-to-cart', {});
  (el as HTMLElement & { product: unknown }).product = toModel(p);
  return el;
}

/** What the checkout page uses from the two bundles (loaded by the page's own <script> tags). */
interface CoreApi {
  getCartStore(): {
    ready: Promise<void>;
    addAll(lines: unknown[]): Promise<unknown>;
    addCode(code: string): Promise<unknown>;
    clear(): Promise<unknown>;
  };
}
interface CheckoutApi {
  cardMethod(provider: unknown): unknown;
  demoCardProvider(): unknown;
  redirectMethod(options: {
    id: string;
    label: { en: string; 'zh-CN': string };
    currencies?: string[];
  }): unknown;
}

// The same module URLs as the page's <script> tags, so these are the already-loaded bundles.
const coreBundle = () => import(/* @vite-ignore */ '/vitrine/vitrine.js' as string) as Promise<CoreApi>;
const checkoutBundle = () =>
  import(/* @vite-ignore */ '/vitrine/vitrine-checkout.js' as string) as Promise<CheckoutApi>;

/** The cart page: <vt-cart> over the shared cart, and the offers that could still apply. */
async function cartPage(main: HTMLElement): Promise<void> {
  const promotions = await getJson<Promotion[]>(`/api/promotions?lang=${locale}`).catch((error: unknown) => {
    console.error('shop:', error);
    return [] as Promotion[];
  });
  main.append(
    h('h1', {}, tr('cartTitle')),
    h('vt-cart', {
      src: `/api/checkout/config?lang=${locale}`,
      'validate-src': '/api/cart/validate',
      'checkout-url': '/checkout.html',
      'continue-url': '/',
    }),
    h(
      'section',
      { 'aria-labelledby': 'offers' },
      h('h2', { id: 'offers' }, tr('coupons')),
      withProps(h('vt-offers', { 'no-code-entry': true }), { promotions }),
    ),
  );
}

/**
 * The checkout page. `?order=<id>` shows an order's confirmation (after the simulated payment
 * page); `?recover=<id>` puts an abandoned cart back (the link of a reminder). Payment: the demo's
 * simulated card provider (it says so on screen) and redirect methods to the simulated pay page.
 */
async function checkoutPage(main: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const api = await checkoutBundle();
  const recover = params.get('recover');
  if (recover) {
    const store = (await coreBundle()).getCartStore();
    await store.ready;
    try {
      const { cart } = await getJson<{ cart: { lines: unknown[]; codes: string[] } }>(
        `/api/checkout/recover/${encodeURIComponent(recover)}`,
      );
      await store.clear();
      if (cart.lines.length) await store.addAll(cart.lines);
      for (const code of cart.codes) await store.addCode(code);
      main.append(h('p', { class: 'note', role: 'status' }, tr('cartRestored')));
    } catch (error) {
      console.error('shop: the saved cart could not be restored:', error);
      main.append(h('p', { role: 'alert' }, tr('cartNotRestored')));
    }
    history.replaceState(null, '', location.pathname);
  }
  const wallets =
    locale === 'zh-CN'
      ? [
          api.redirectMethod({
            id: 'alipay',
            label: { en: 'Alipay', 'zh-CN': '支付宝' },
            currencies: ['CNY'],
          }),
          api.redirectMethod({
            id: 'wechat',
            label: { en: 'WeChat Pay', 'zh-CN': '微信支付' },
            currencies: ['CNY'],
          }),
        ]
      : [
          api.redirectMethod({
            id: 'paypal',
            label: { en: 'PayPal', 'zh-CN': 'PayPal' },
            currencies: ['USD'],
          }),
        ];
  const checkout = withProps(
    h('vt-checkout', {
      src: `/api/checkout/config?lang=${locale}`,
      action: '/api/orders',
      'cart-url': '/cart.html',
      'continue-url': '/',
      'order-id': params.get('order') ?? undefined,
    }),
    { paymentMethods: [api.cardMethod(api.demoCardProvider()), ...wallets] },
  );
  // The reminder needs the shopper's contact: it goes to the shop's server only, as a beacon
  // that survives the page closing.
  checkout.addEventListener('vt-checkout-abandon', (e) => {
    const body = JSON.stringify((e as CustomEvent).detail);
    if (!navigator.sendBeacon('/api/checkout/abandon', new Blob([body], { type: 'application/json' })))
      console.error('shop: the checkout reminder could not be queued');
  });
  main.append(h('h1', {}, tr('checkoutTitle')), checkout);
}

const PAGES: Record<string, (main: HTMLElement) => Promise<void>> = {
  home,
  search,
  product,
  cart: cartPage,
  checkout: checkoutPage,
};

const { createTracker } = trackerBundle as { createTracker: typeof CreateTracker };
const CONSENT_KEY = 'vt-demo-consent';

/** The shopper's analytics choice, as the shop's own consent record keeps it (a CMP would). */
function consentChoice(): string | null {
  try {
    return localStorage.getItem(CONSENT_KEY);
  } catch {
    return null; // Storage blocked: ask again on every page.
  }
}

/**
 * The tracker, sending to the shop's embedded collector (`/collect`). It is created, and granted
 * when the shopper agreed on an earlier page, while this module is evaluated: `shop.js` comes
 * first in every page's head, so the tracker listens before any component can fire an event.
 * Nothing is stored or sent before consent. Every consenting demo session is recorded for replay,
 * so /insights has one to play.
 */
const tracker =
  consentChoice() === 'denied'
    ? null
    : createTracker({
        endpoint: '/collect',
        siteKey: 'demo-shop',
        consent: 'required',
        sample: { replay: 1 },
      });
/** Settles once an earlier page's consent is applied (ids known, tracking on). */
const consentApplied = consentChoice() === 'granted' && tracker ? tracker.grant() : Promise.resolve();

/** The consent bar, placed under the header before the page's content is drawn (no shift). */
function analytics(after: HTMLElement): void {
  if (!tracker || consentChoice() !== null) return;
  const decide = (granted: boolean) => {
    try {
      localStorage.setItem(CONSENT_KEY, granted ? 'granted' : 'denied');
    } catch {
      // Remembered for this page only.
    }
    bar.remove();
    if (granted) void tracker.grant();
  };
  const allow = h('button', { type: 'button', class: 'primary' }, tr('consentAllow'));
  const deny = h('button', { type: 'button' }, tr('consentDeny'));
  allow.addEventListener('click', () => decide(true));
  deny.addEventListener('click', () => decide(false));
  const bar = h(
    'section',
    { class: 'consent', 'aria-label': tr('consentLabel'), 'data-vt-private': '' },
    h('p', {}, tr('consentText')),
    h('div', { class: 'consent-actions' }, allow, deny),
  );
  after.after(bar);
}

async function boot(): Promise<void> {
  document.documentElement.lang = locale;
  document.title = tr('shopName');
  const top = header();
  document.body.prepend(top);
  analytics(top);
  const main = document.getElementById('main');
  if (!main) return;
  const page = PAGES[document.body.dataset['page'] ?? 'home'] ?? home;
  try {
    await page(main);
  } catch (error) {
    console.error('shop:', error);
    main.append(h('p', { role: 'alert' }, tr('loadFailed')));
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

void boot();
