import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, recordEvents, until } from '@vitrine/testing';
import type { Product, VtErrorDetail } from '@vitrine/core';
import type { FunnelDetail, SearchChangeDetail } from '@vitrine/schema';
import '@vitrine/search/search-results';
import type { VtSearchResults } from '../src/components/search-results/search-results.component.js';
import { createSearchIndex } from '../src/engine/index.js';
import { getSource } from '../src/source/get-source.js';
import { createLocalSource } from '../src/source/local-source.js';
import { createRemoteSource } from '../src/source/remote-source.js';
import type { WorkerSearchSource } from '../src/source/worker-source.js';
import type { SearchSource } from '../src/types.js';
import { catalog, syntheticCatalog } from './fixtures/catalog.js';

const START = location.href;
const PRODUCTS = catalog();
const byId = new Map(PRODUCTS.map((p) => [p.id, p]));

const localSource = (products: Product[] = PRODUCTS): SearchSource =>
  createLocalSource(createSearchIndex(products));

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: Element) => text($(el, '[part="heading"]'));
const cardIds = (el: Element) => $$(el, '[part="grid"] [part="card"]').map((c) => c.getAttribute('data-id')!);
const shown = (el: Element) => cardIds(el).map((id) => byId.get(id)!);

/** Waits until the element has its answer (no request pending) and has rendered it. */
async function idle(el: VtSearchResults): Promise<void> {
  await el.updateComplete;
  await until(() => el.status !== 'loading' && !el.hasAttribute('busy'), 5000, 'search results');
  await el.updateComplete;
}

interface MountOptions {
  attrs?: Record<string, string>;
  source?: SearchSource;
  products?: Product[];
  lang?: string;
}

async function mount({
  attrs = {},
  source,
  products,
  lang = 'en',
}: MountOptions = {}): Promise<VtSearchResults> {
  const container = document.createElement('div');
  container.lang = lang;
  container.dataset['test'] = 'search-results';
  const el = document.createElement('vt-search-results');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (products) el.products = products;
  else if (source || !attrs['endpoint']) el.source = source ?? localSource();
  container.append(el);
  document.body.append(container);
  await idle(el);
  return el;
}

/** A facet's checkbox by its visible value. */
function box(el: Element, facet: string, value: string): HTMLInputElement {
  const label = $$(el, `[data-facet="${facet}"] label`).find(
    (l) => text(l.querySelector('.value')) === value,
  );
  const input = label?.querySelector('input');
  if (!input) throw new Error(`no ${facet} checkbox "${value}"`);
  return input;
}
/** The count shown next to a facet value. */
function shownCount(el: Element, facet: string, value: string): number {
  const label = box(el, facet, value).closest('label')!;
  return Number(text(label.querySelector('.count')).replace(/[^\d]/g, ''));
}
async function click(el: VtSearchResults, target: HTMLElement): Promise<void> {
  target.click();
  await el.updateComplete;
  await idle(el);
}

/** Counts computed from the catalog alone: products of `ids` passing every filter but the facet's own. */
function expectedCounts(
  ids: readonly string[],
  facet: (p: Product) => string[],
  others: (p: Product) => boolean = () => true,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const p = byId.get(id)!;
    if (!others(p)) continue;
    for (const value of new Set(facet(p))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
const paths = (p: Product) => p.category.map((_, i) => p.category.slice(0, i + 1).join(' > '));
const colours = (p: Product) => p.variants.map((v) => v.options['Color']).filter((c): c is string => !!c);

describe('<vt-search-results>', () => {
  afterEach(() => {
    for (const c of document.querySelectorAll('[data-test="search-results"]')) c.remove();
    history.replaceState(null, '', START);
  });

  describe('accessibility', () => {
    it('is accessible with results', async () => {
      const el = await mount({ attrs: { query: 'wireless', 'no-url': '' } });
      expect(cardIds(el).length).to.be.greaterThan(0);
      await expectAccessible(el);
    });

    it('is accessible with zero results', async () => {
      const el = await mount({ attrs: { query: 'zzqxj', 'no-url': '' } });
      expect(heading(el)).to.equal('No results for “zzqxj”');
      await expectAccessible(el);
    });

    it('is accessible with the error', async () => {
      const { restore } = captureConsole('error');
      try {
        const el = await mount({
          attrs: { query: 'wireless', 'no-url': '' },
          source: createRemoteSource('/__test__/status/sr-a11y?code=500'),
        });
        expect(el.status).to.equal('error');
        await expectAccessible(el);
      } finally {
        restore();
      }
    });
  });

  it('announces the count in a polite live region', async () => {
    const el = await mount({ attrs: { query: 'headphones', 'no-url': '' } });
    const region = $(el, '[role="status"]')!;
    expect(region.contains($(el, '[part="heading"]'))).to.equal(true);
    expect(heading(el)).to.match(/^\d+ results? for “headphones”$/);
    expect(heading(el)).to.equal(`${cardIds(el).length} results for “headphones”`);
  });

  describe('facets', () => {
    it('shows the counts computed from the catalog for the query', async () => {
      const el = await mount({ attrs: { query: 'wireless', 'no-url': '', 'page-size': '100' } });
      const ids = cardIds(el);
      expect(ids.length).to.be.greaterThan(2);
      for (const [brand, n] of expectedCounts(ids, (p) => [p.brand ?? '']))
        expect(shownCount(el, 'brand', brand), brand).to.equal(n);
      for (const [path, n] of expectedCounts(ids, paths)) {
        const label = path.split(' > ').pop()!;
        expect(shownCount(el, 'category', label), path).to.equal(n);
      }
      for (const [colour, n] of expectedCounts(ids, colours))
        expect(shownCount(el, 'option:Color', colour), colour).to.equal(n);
      const inStock = ids.filter((id) => byId.get(id)!.availability === 'in_stock').length;
      expect(shownCount(el, 'availability', 'In stock only')).to.equal(inStock);
    });

    it('narrows by brand and updates the other facets (each facet ignores its own filter)', async () => {
      const el = await mount({ attrs: { query: 'wireless', 'no-url': '', 'page-size': '100' } });
      const all = cardIds(el);
      await click(el, box(el, 'brand', 'Logitech'));
      expect(shown(el).every((p) => p.brand === 'Logitech')).to.equal(true);
      expect(cardIds(el)).to.deep.equal(all.filter((id) => byId.get(id)!.brand === 'Logitech'));
      // Brand counts still count the other brands; colour counts now count Logitech's products only.
      for (const [brand, n] of expectedCounts(all, (p) => [p.brand ?? '']))
        expect(shownCount(el, 'brand', brand)).to.equal(n);
      const logitech = (p: Product) => p.brand === 'Logitech';
      for (const [colour, n] of expectedCounts(all, colours, logitech))
        expect(shownCount(el, 'option:Color', colour)).to.equal(n);
      // A colour no Logitech product has shows 0 and stays where it was.
      expect(expectedCounts(all, colours, logitech).has('Silver')).to.equal(false);
      expect(shownCount(el, 'option:Color', 'Silver')).to.equal(0);
    });

    it('narrows by an option value', async () => {
      const el = await mount({ attrs: { query: 'wireless', 'no-url': '', 'page-size': '100' } });
      await click(el, box(el, 'option:Color', 'White'));
      expect(shown(el).length).to.be.greaterThan(0);
      expect(shown(el).every((p) => colours(p).includes('White'))).to.equal(true);
    });

    it('includes the children of a chosen parent category and disables them', async () => {
      const el = await mount({ attrs: { 'no-url': '', 'page-size': '100' } });
      await click(el, box(el, 'category', 'Audio'));
      const got = shown(el);
      expect(got.length).to.equal(PRODUCTS.filter((p) => p.category[0] === 'Audio').length);
      expect(new Set(got.map((p) => p.category[1]))).to.deep.equal(
        new Set(['Headphones', 'Earbuds', 'Speakers']),
      );
      const child = box(el, 'category', 'Headphones');
      expect(child.checked && child.disabled).to.equal(true);
      await click(el, box(el, 'category', 'Audio'));
      await click(el, box(el, 'category', 'Headphones'));
      expect(shown(el).every((p) => p.category.join(' > ') === 'Audio > Headphones')).to.equal(true);
    });

    it('filters by a price range typed in major units, applied with Enter', async () => {
      const el = await mount({ attrs: { 'no-url': '', 'page-size': '100', query: 'shoes' } });
      const [min, max] = $$<HTMLInputElement>(el, '[part="price-input"]');
      expect(min!.placeholder).to.equal('110');
      expect(max!.placeholder).to.equal('135');
      max!.focus();
      await sendKeys({ type: '120' });
      await sendKeys({ press: 'Enter' });
      await idle(el);
      expect(shown(el).map((p) => p.id)).to.deep.equal(['p15']);
      expect(text($(el, '[part="chip"]'))).to.contain('$120.00');
    });

    it('collapses long facet lists behind "show more"', async () => {
      const el = await mount({ attrs: { 'no-url': '', 'page-size': '100' } });
      const brands = () => $$(el, '[data-facet="brand"] input').length;
      expect(brands()).to.equal(8);
      const more = $(el, '[data-facet="brand"] [part="show-more"]')!;
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      more.click();
      await el.updateComplete;
      expect(brands()).to.equal(new Set(PRODUCTS.map((p) => p.brand)).size);
      expect($(el, '[data-facet="brand"] [part="show-more"]')!.getAttribute('aria-expanded')).to.equal(
        'true',
      );
    });
  });

  it('shows active filters as chips that remove them, and clears all', async () => {
    const el = await mount({ attrs: { query: 'wireless', 'no-url': '' } });
    const all = cardIds(el);
    await click(el, box(el, 'brand', 'Sony'));
    await click(el, box(el, 'option:Color', 'Black'));
    const chips = $$(el, '[part="chip"]');
    expect(chips.map((c) => c.getAttribute('aria-label'))).to.deep.equal([
      'Remove filter Brand: Sony',
      'Remove filter Color: Black',
    ]);
    await click(el, chips[0]!);
    expect(box(el, 'brand', 'Sony').checked).to.equal(false);
    expect(shown(el).every((p) => colours(p).includes('Black'))).to.equal(true);
    // Focus stays on the chips, not lost with the removed button.
    expect(root(el).activeElement?.getAttribute('part')).to.equal('chip');
    await click(el, $(el, '[part="clear-all"]')!);
    expect(cardIds(el)).to.deep.equal(all);
    expect($(el, '[part="chips"]')).to.equal(null);
  });

  it('sorts by price, newest and rating', async () => {
    const el = await mount({ attrs: { 'no-url': '', 'page-size': '100', query: 'phone' } });
    const select = $<HTMLSelectElement>(el, '[part="sort"]')!;
    const sortBy = async (value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await idle(el);
    };
    await sortBy('price-asc');
    const up = shown(el).map((p) => p.price.amount);
    expect(up.length).to.be.greaterThan(2);
    expect(up).to.deep.equal([...up].sort((a, b) => a - b));
    await sortBy('price-desc');
    const down = shown(el).map((p) => p.price.amount);
    expect(down).to.deep.equal([...down].sort((a, b) => b - a));
    await sortBy('newest');
    const dates = shown(el).map((p) => p.releaseDate ?? '');
    expect(dates).to.deep.equal([...dates].sort().reverse());
    await sortBy('rating');
    const ratings = shown(el).map((p) => p.rating?.average ?? 0);
    expect(ratings).to.deep.equal([...ratings].sort((a, b) => b - a));
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Relevance',
      'Price: low to high',
      'Price: high to low',
      'Newest',
      'Top rated',
    ]);
  });

  describe('paging', () => {
    it('pages with a nav, aria-current, and GA4 positions that continue', async () => {
      const funnel = recordEvents<FunnelDetail>('vt-funnel');
      try {
        const el = await mount({ attrs: { 'no-url': '', 'page-size': '8' } });
        const nav = $(el, 'nav[part="pagination"]')!;
        expect(nav.getAttribute('aria-label')).to.equal('Pages');
        expect($(el, '[aria-current="page"]')!.textContent!.trim()).to.equal('1');
        const first = cardIds(el);
        await click(el, $(el, '[part="next"]')!);
        expect($(el, '[aria-current="page"]')!.textContent!.trim()).to.equal('2');
        const second = cardIds(el);
        expect(second).to.have.length(8);
        expect(second.some((id) => first.includes(id))).to.equal(false);
        // Focus moves to the heading so keyboard users start at the top of the new page.
        expect(root(el).activeElement?.getAttribute('part')).to.equal('heading');
        const views = funnel.list.filter((f) => f.name === 'view_item_list');
        expect(views).to.have.length(2);
        const items = (f: FunnelDetail) =>
          (f.params as { items: { index: number; item_list_id: string }[] }).items;
        expect(items(views[0]!).map((i) => i.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
        expect(items(views[1]!).map((i) => i.index)).to.deep.equal([8, 9, 10, 11, 12, 13, 14, 15]);
        expect(items(views[1]!)[0]!.item_list_id).to.equal('search-results');
      } finally {
        funnel.stop();
      }
    });

    it('loads more in infinite mode with the button and on scroll', async () => {
      const el = await mount({ attrs: { 'no-url': '', 'page-size': '12', mode: 'infinite' } });
      expect($(el, 'nav[part="pagination"]')).to.equal(null);
      expect(cardIds(el)).to.have.length(12);
      const button = $(el, '[part="load-more"]')!;
      expect(button.tagName).to.equal('BUTTON');
      await click(el, button);
      expect(cardIds(el)).to.have.length(24);
      expect(new Set(cardIds(el)).size).to.equal(24);
      $(el, '.sentinel')!.scrollIntoView();
      await until(() => cardIds(el).length === 30, 5000, 'the last page on scroll');
      await idle(el);
      expect($(el, '[part="load-more"]')).to.equal(null);
    });
  });

  describe('URL state', () => {
    it('puts each change in the URL with a history entry and a vt-search-change event', async () => {
      const changes = recordEvents<SearchChangeDetail>('vt-search-change');
      try {
        const el = await mount({ attrs: { query: 'wireless' } });
        const length = history.length;
        await click(el, box(el, 'brand', 'Sony'));
        const select = $<HTMLSelectElement>(el, '[part="sort"]')!;
        select.value = 'price-desc';
        select.dispatchEvent(new Event('change'));
        await idle(el);
        const params = new URL(location.href).searchParams;
        expect(params.get('q')).to.equal('wireless');
        expect(params.getAll('brand')).to.deep.equal(['Sony']);
        expect(params.get('sort')).to.equal('price-desc');
        expect(history.length).to.equal(length + 2);
        expect(changes.list).to.deep.equal([
          { query: 'wireless', filters: { brand: ['Sony'] }, sort: 'relevance', page: 1 },
          { query: 'wireless', filters: { brand: ['Sony'] }, sort: 'price-desc', page: 1 },
        ]);
        const sonyDesc = cardIds(el);

        history.back();
        await until(() => $<HTMLSelectElement>(el, '[part="sort"]')!.value === 'relevance', 5000, 'back');
        await idle(el);
        expect(box(el, 'brand', 'Sony').checked).to.equal(true);
        history.back();
        await until(() => !box(el, 'brand', 'Sony').checked, 5000, 'back again');
        await idle(el);
        history.forward();
        history.forward();
        await until(() => new URL(location.href).searchParams.get('sort') === 'price-desc', 5000, 'forward');
        await idle(el);
        expect(cardIds(el)).to.deep.equal(sonyDesc);
        // Back and forward restore without announcing a shopper change.
        expect(changes.list).to.have.length(2);
      } finally {
        changes.stop();
      }
    });

    it('opens the state of a shared link', async () => {
      history.replaceState(null, '', '?q=wireless&brand=Logitech&sort=price-asc&x=1');
      const el = await mount({ attrs: { query: 'ignored' } });
      expect(heading(el)).to.contain('“wireless”');
      expect(box(el, 'brand', 'Logitech').checked).to.equal(true);
      expect($<HTMLSelectElement>(el, '[part="sort"]')!.value).to.equal('price-asc');
      expect(shown(el).every((p) => p.brand === 'Logitech')).to.equal(true);
    });

    it('survives garbage in the URL', async () => {
      const { calls, restore } = captureConsole('error');
      try {
        history.replaceState(
          null,
          '',
          `?q=phone&sort=%00&page=banana&price=lots&availability=<script>&brand=${'b'.repeat(999)}&page=999`,
        );
        const el = await mount();
        expect(el.status).to.equal('ready');
        expect(cardIds(el).length).to.be.greaterThan(0);
        expect($<HTMLSelectElement>(el, '[part="sort"]')!.value).to.equal('relevance');
        expect(calls).to.deep.equal([]);
      } finally {
        restore();
      }
    });

    it('takes the query of a <vt-search> without action', async () => {
      const el = await mount({ attrs: { query: 'wireless' } });
      document.dispatchEvent(
        new CustomEvent('vt-search-submit', { detail: { query: 'shoes' }, bubbles: true, composed: true }),
      );
      await el.updateComplete;
      await idle(el);
      expect(heading(el)).to.contain('“shoes”');
      expect(new URL(location.href).searchParams.get('q')).to.equal('shoes');
      // One that navigates elsewhere is left alone.
      document.dispatchEvent(
        new CustomEvent('vt-search-submit', { detail: { query: 'mug', url: '/s?q=mug' } }),
      );
      await el.updateComplete;
      expect(heading(el)).to.contain('“shoes”');
    });

    it('applies a brand picked among a <vt-search> without action’s suggestions', async () => {
      const el = await mount({ attrs: { query: 'wireless' } });
      document.dispatchEvent(
        new CustomEvent('vt-search-submit', {
          detail: { query: '', filters: { brand: ['Sony'] } },
          bubbles: true,
          composed: true,
        }),
      );
      await el.updateComplete;
      await idle(el);
      const sony = catalog()
        .filter((p) => p.brand === 'Sony')
        .map((p) => p.id);
      expect(cardIds(el).sort()).to.deep.equal(sony.sort());
      expect(new URL(location.href).searchParams.getAll('brand')).to.deep.equal(['Sony']);
    });
  });

  describe('zero results', () => {
    it('shows the corrected query and searches the typed words on request', async () => {
      const el = await mount({ attrs: { query: 'headphnes', 'no-url': '' } });
      const notice = $(el, '[part="notice"].corrected')!;
      expect(text(notice)).to.match(/^Showing results for “headphones”\. Search instead for “headphnes”$/);
      expect(cardIds(el).length).to.be.greaterThan(0);
      await click(el, notice.querySelector('button')!);
      expect(heading(el)).to.equal('No results for “headphnes”');
      expect($(el, '[part="notice"].corrected')).to.equal(null);
    });

    it('shows popular products and tips for nonsense', async () => {
      const el = await mount({ attrs: { query: 'xqzvw', 'no-url': '' } });
      expect(heading(el)).to.equal('No results for “xqzvw”');
      const help = text($(el, '[part="no-results"]'));
      expect(help).to.contain('Check the spelling.');
      expect(help).to.contain('Try fewer or more general words.');
      expect(help).to.contain('Popular products:');
      expect(cardIds(el).length).to.be.greaterThan(0);
      expect($(el, '[part="clear-filters"]')).to.equal(null);
    });

    it('offers to clear the filters when they leave nothing', async () => {
      history.replaceState(null, '', '?q=headphones&brand=Nike');
      const el = await mount();
      expect(heading(el)).to.equal('No results for “headphones”');
      await click(el, $(el, '[part="clear-filters"]')!);
      expect(new URL(location.href).searchParams.has('brand')).to.equal(false);
      expect(heading(el)).to.match(/^\d+ results? for “headphones”$/);
      expect(root(el).activeElement?.getAttribute('part')).to.equal('heading');
    });
  });

  describe('failures', () => {
    it('keeps the last results on a server error, logs once, and retries', async () => {
      const { calls, restore } = captureConsole('error');
      const errors = recordEvents<VtErrorDetail>('vt-error');
      try {
        const el = await mount({ attrs: { query: 'wireless', 'no-url': '' } });
        const good = cardIds(el);
        const answer = await localSource().search('wireless', {
          limit: 24,
          offset: 0,
          sort: 'relevance',
          filters: {},
        });
        const body = encodeURIComponent(JSON.stringify({ v: 1, ...answer }));
        el.source = createRemoteSource(`/__test__/flaky/sr-retry-${Date.now()}?body=${body}`);
        await idle(el);
        expect(el.status).to.equal('error');
        expect(text($(el, '[part~="notice"].error'))).to.contain('Could not update the results');
        expect($(el, '[part~="notice"].error')!.getAttribute('role')).to.equal('alert');
        expect(cardIds(el)).to.deep.equal(good);
        expect(calls).to.have.length(1);
        expect(calls[0]).to.match(/^<vt-search-results>: attribute "source" search failed: .*503/);
        expect(errors.list).to.have.length(1);
        await click(el, $(el, '[part="retry"]')!);
        expect(el.status).to.equal('ready');
        expect($(el, '[part~="notice"].error')).to.equal(null);
        expect(cardIds(el)).to.deep.equal(answer.hits.map((h) => h.id));
      } finally {
        restore();
        errors.stop();
      }
    });

    it('shows a translated error without results when the first answer fails, and never throws', async () => {
      const { calls, restore } = captureConsole('error');
      try {
        const el = await mount({
          attrs: { query: 'x', 'no-url': '' },
          source: createRemoteSource('/__test__/status/sr-down?code=500'),
          lang: 'zh-CN',
        });
        expect(text($(el, '[part~="notice"].error'))).to.contain('搜索暂时不可用');
        expect(text($(el, '[part="retry"]'))).to.equal('重试');
        expect(calls).to.have.length(1);
      } finally {
        restore();
      }
    });

    it('says so when no source is configured', async () => {
      const { calls, restore } = captureConsole('error');
      try {
        const container = document.createElement('div');
        container.dataset['test'] = 'search-results';
        container.innerHTML = '<vt-search-results no-url></vt-search-results>';
        document.body.append(container);
        const el = container.firstElementChild as VtSearchResults;
        await el.updateComplete;
        expect(el.status).to.equal('error');
        expect(text($(el, '[part="status"]'))).to.equal('Search results cannot be shown here.');
        expect(calls[0]).to.contain('attribute "source" is missing');
      } finally {
        restore();
      }
    });

    it('never lets a stale answer overwrite a newer one', async () => {
      const el = await mount({ attrs: { query: 'wireless', 'no-url': '' } });
      el.query = 'shoes';
      await el.updateComplete;
      el.query = 'mouse';
      await el.updateComplete;
      await idle(el);
      // Give a superseded answer every chance to arrive.
      await new Promise((r) => setTimeout(r, 50));
      expect(heading(el)).to.contain('“mouse”');
      expect(shown(el).every((p) => /mouse/i.test(p.title))).to.equal(true);
    });
  });

  describe('remote mode', () => {
    it('answers from a real search server through endpoint, filters included', async () => {
      const el = await mount({
        attrs: { 'no-url': '', query: 'wireless', endpoint: '/__search__/sr-remote/search' },
      });
      expect(heading(el)).to.match(/^\d+ results? for “wireless”$/);
      const all = cardIds(el);
      await click(el, box(el, 'brand', 'Logitech'));
      expect(cardIds(el)).to.deep.equal(all.filter((id) => byId.get(id)!.brand === 'Logitech'));
    });

    it('shows the translated error when the server answers 500', async () => {
      const { calls, restore } = captureConsole('error');
      try {
        const el = await mount({
          attrs: { 'no-url': '', query: 'wireless', endpoint: '/__search__/fail-sr/search' },
        });
        expect(el.status).to.equal('error');
        expect(text($(el, '[part~="notice"].error'))).to.contain('Search is not available right now.');
        expect(calls).to.have.length(1);
        expect(calls[0]).to.contain('500');
      } finally {
        restore();
      }
    });

    it('aborts a superseded request and shows only the newest answer', async () => {
      const key = `held-sr-${Date.now()}`;
      const container = document.createElement('div');
      container.dataset['test'] = 'search-results';
      const el = document.createElement('vt-search-results');
      el.noUrl = true;
      el.query = 'wireless';
      el.endpoint = `/__search__/${key}/search`;
      container.append(el);
      document.body.append(container);
      const count = async () =>
        (await (await fetch(`/__search__/${key}/count`)).json()) as { requests: number; aborted: number };
      await until(() => el.hasAttribute('busy'));
      let stats = await count();
      for (let i = 0; i < 100 && stats.requests < 1; i++) stats = await count();
      el.query = 'shoes';
      await el.updateComplete;
      for (let i = 0; i < 100 && (stats.requests < 2 || stats.aborted < 1); i++) stats = await count();
      expect(stats.aborted).to.equal(1);
      await fetch(`/__search__/${key}/release`);
      await idle(el);
      expect(heading(el)).to.contain('“shoes”');
    });
  });

  it('reports select_item with the position and the query', async () => {
    const funnel = recordEvents<FunnelDetail>('vt-funnel');
    try {
      const el = await mount({ attrs: { query: 'wireless', 'no-url': '' } });
      const links = $$<HTMLAnchorElement>(el, '[part="link"]');
      links[1]!.addEventListener('click', (e) => e.preventDefault());
      links[1]!.click();
      const select = funnel.list.find((f) => f.name === 'select_item')!;
      const params = select.params as unknown as {
        search_term: string;
        items: { index: number; item_id: string }[];
      };
      expect(params.search_term).to.equal('wireless');
      expect(params.items).to.have.length(1);
      expect(params.items[0]!.index).to.equal(1);
      expect(params.items[0]!.item_id).to.equal(cardIds(el)[1]);
      const view = funnel.list.find((f) => f.name === 'view_item_list')!;
      expect((view.params as unknown as { search_term: string }).search_term).to.equal('wireless');
    } finally {
      funnel.stop();
    }
  });

  it('renders cards: link, image with reserved size, highlighted title, price, compare-at, rating, stock', async () => {
    const sale: Product = { ...PRODUCTS[0]!, compareAt: { amount: 34900, currency: 'USD' } };
    const el = await mount({
      attrs: { query: 'noise', 'no-url': '' },
      source: localSource([sale, ...PRODUCTS.slice(1)]),
    });
    const card = $(el, '[part="card"][data-id="p01"]')!;
    expect(card.querySelector('a')!.getAttribute('href')).to.equal('/product.html?id=p01');
    const img = card.querySelector('img')!;
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['160', '160']);
    expect(text(card.querySelector('mark'))).to.equal('Noise');
    expect(text(card.querySelector('.now'))).to.equal('$299.00');
    expect(text(card.querySelector('[part="compare-at"]'))).to.equal('Was $349.00');
    expect(text(card.querySelector('[part="rating"] .sr'))).to.equal('Rated 4.7 out of 5, 812 reviews');
    expect(text(card.querySelector('[part="stock"]'))).to.equal('In stock');
  });

  it('renders hostile titles as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>Bold</b> headphones';
    const products = [
      { ...PRODUCTS[0]!, id: 'evil', title: evil, brand: '<script>alert(1)</script>' },
      ...PRODUCTS.slice(1),
    ];
    const el = await mount({ attrs: { query: 'headphones', 'no-url': '' }, source: localSource(products) });
    const card = $(el, '[part="card"][data-id="evil"]')!;
    expect(text(card.querySelector('[part="title"]'))).to.equal(evil);
    expect(card.querySelector('[part="title"] img, [part="title"] b, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('speaks Chinese under lang="zh-CN"', async () => {
    const el = await mount({ attrs: { query: '耳机', 'no-url': '' }, lang: 'zh-CN' });
    expect(heading(el)).to.match(/^“耳机”共 \d+ 个结果$/);
    expect(text($(el, '[data-facet="brand"] legend'))).to.equal('品牌');
    expect(text($(el, 'label.sort'))).to.contain('排序');
    expect(text($(el, '[part="card"] [part="price"]'))).to.match(/¥/);
    await expectAccessible(el);
  });

  it('shows long Chinese titles without overflowing the card', async () => {
    const long = '超长标题'.repeat(30);
    const products = [{ ...PRODUCTS[20]!, id: 'long', title: `${long}耳机` }, ...PRODUCTS];
    const el = await mount({
      attrs: { query: '耳机', 'no-url': '' },
      source: localSource(products),
      lang: 'zh-CN',
    });
    const card = $(el, '[part="card"][data-id="long"]')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
  });

  it('is operable from the keyboard: filters, chips, sort and pages', async () => {
    const el = await mount({ attrs: { 'no-url': '', 'page-size': '8' } });
    const sony = box(el, 'brand', 'Sony');
    sony.focus();
    await sendKeys({ press: 'Space' });
    await idle(el);
    expect(shown(el).every((p) => p.brand === 'Sony')).to.equal(true);
    expect(root(el).activeElement).to.equal(box(el, 'brand', 'Sony'));
    $(el, '[part="chip"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await idle(el);
    expect($(el, '[part="chips"]')).to.equal(null);
    const next = $(el, '[part="next"]')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await idle(el);
    expect($(el, '[aria-current="page"]')!.textContent!.trim()).to.equal('2');
    // Every control can take focus with Tab.
    const controls = $$(el, 'a[href], button, input, select');
    expect(controls.every((c) => c.tabIndex >= 0)).to.equal(true);
  });

  it('hides the facets behind a Filters disclosure on narrow screens', async () => {
    const el = await mount({ attrs: { 'no-url': '' } });
    el.style.width = '360px';
    await el.updateComplete;
    const toggle = $(el, '[part="filters-toggle"]')!;
    const panel = $(el, '[part="facets"]')!;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(getComputedStyle(panel).display).to.equal('none');
    expect(toggle.getAttribute('aria-controls')).to.equal(panel.id);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(panel).display).to.not.equal('none');
    el.style.width = '1000px';
    await el.updateComplete;
    expect(getComputedStyle($(el, '[part="filters-toggle"]')!).display).to.equal('none');
  });

  it('searches products given as a property', async () => {
    const products = syntheticCatalog(300, 7);
    const el = await mount({ attrs: { 'no-url': '', 'page-size': '10' }, products });
    expect(cardIds(el)).to.have.length(10);
    expect(heading(el)).to.equal('300 products');
  });

  it('works the same with the engine in a worker', async () => {
    const products = syntheticCatalog(400, 3);
    const source = getSource({ products, workerThreshold: 50 });
    const el = await mount({ attrs: { 'no-url': '', 'page-size': '10', query: 'wireless' }, source });
    const total = Number(/^(\d+)/.exec(heading(el))?.[1]);
    expect(total).to.be.greaterThan(10);
    const titles = () => $$(el, '[part="title"]').map((t) => text(t));
    expect(titles().every((t) => /wireless|无线/i.test(t))).to.equal(true);
    const brand = $$(el, '[data-facet="brand"] .value').map((v) => text(v))[0]!;
    await click(el, box(el, 'brand', brand));
    expect(Number(/^(\d+)/.exec(heading(el))?.[1])).to.be.lessThan(total);
    // The answers really came from the worker.
    expect((source as WorkerSearchSource).mode).to.equal('worker');
  });
});
