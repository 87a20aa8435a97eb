import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, recordEvents, until } from '@vitrine/testing';
import type { Product, VtErrorDetail } from '@vitrine/core';
import type { FunnelDetail } from '@vitrine/schema';
import '@vitrine/search/search';
import type { VtSearch } from '../src/components/search/search.component.js';
import type { SearchSubmitEventDetail } from '../src/components/search/search.component.js';
import { recentSearches } from '../src/recent-searches.js';
import { createSearchIndex } from '../src/engine/index.js';
import { createLocalSource } from '../src/source/local-source.js';
import { createRemoteSource } from '../src/source/remote-source.js';
import type { SearchSource } from '../src/types.js';
import { catalog } from './fixtures/catalog.js';

// Its own recent-search database: test files run in parallel pages of one origin.
const recent = recentSearches('vt-search-test');

/** The real engine through the real local source, over the shared test catalog. */
const real: SearchSource = createLocalSource(createSearchIndex(catalog()));

/** `source` with every suggestion query recorded (a window on the real source, not a mock). */
function recording(source: SearchSource): { source: SearchSource; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    source: {
      search: (q, o) => source.search(q, o),
      suggest: (q, o) => {
        calls.push(q);
        return source.suggest(q, o);
      },
    },
  };
}

async function mount(setup: (el: VtSearch) => void = () => {}, lang = 'en'): Promise<VtSearch> {
  const container = document.createElement('div');
  container.lang = lang;
  const el = document.createElement('vt-search');
  el.recentStore = recent;
  el.source = real;
  setup(el);
  const next = document.createElement('button');
  next.textContent = 'Next';
  container.append(el, next);
  document.body.append(container);
  await el.updateComplete;
  return el;
}

const root = (el: VtSearch) => el.shadowRoot!;
const input = (el: VtSearch) => root(el).querySelector('input')!;
const options = (el: VtSearch) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const section = (el: VtSearch, id: string) =>
  root(el).querySelector(`[role="group"][aria-labelledby="section-${id}"]`);
const sectionTexts = (el: VtSearch, id: string) =>
  [...(section(el, id)?.querySelectorAll('[role="option"]') ?? [])].map(text);
const titles = (el: VtSearch) => [...root(el).querySelectorAll('[part="title"]')].map(text);
const expanded = (el: VtSearch) => input(el).getAttribute('aria-expanded') === 'true';
const live = (el: VtSearch) => text(root(el).querySelector('[aria-live="polite"]'));
const message = (el: VtSearch) => [...root(el).querySelectorAll('[part~="message"]')].map(text).join(' | ');

/** Types `query` with real key presses and waits until products for it are shown. */
async function type(el: VtSearch, query: string): Promise<void> {
  el.focus();
  await sendKeys({ type: query });
  await until(() => titles(el).length > 0, 3000, `products for "${query}"`);
}

/** Resolves once the async `check` holds (storage reads), polling like `until`. */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Presses a key and waits for the element to render. */
async function press(el: VtSearch, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Sets the input's text as an input method or paste would, with a real `input` event. */
function setText(el: VtSearch, value: string, isComposing = false): void {
  const i = input(el);
  i.value = value;
  i.dispatchEvent(
    new InputEvent('input', {
      bubbles: true,
      composed: true,
      isComposing,
      inputType: isComposing ? 'insertCompositionText' : 'insertText',
      data: value,
    }),
  );
}

/** Cancels every `type` event reaching the document (the shop handles it), until `stop()`. */
function cancel(type: string, when: (e: CustomEvent) => boolean = () => true): () => void {
  const on = (e: Event) => {
    if (when(e as CustomEvent)) e.preventDefault();
  };
  document.addEventListener(type, on);
  return () => document.removeEventListener(type, on);
}

describe('<vt-search>', () => {
  beforeEach(async () => {
    await recent.clear();
  });
  afterEach(() => {
    for (const c of document.body.querySelectorAll(':scope > div')) c.remove();
  });

  it('is accessible closed and open, in English and Chinese', async () => {
    const el = await mount((e) => (e.popular = 'headphones, 耳机'));
    await expectAccessible(el);
    await type(el, 'head');
    expect(expanded(el)).to.equal(true);
    await expectAccessible(el);
    const zh = await mount((e) => (e.popular = 'headphones, 耳机'), 'zh-CN');
    await expectAccessible(zh);
    await type(zh, '耳机');
    await expectAccessible(zh);
  });

  it('is a WAI-ARIA combobox: role, expanded state, controlled listbox and list autocomplete', async () => {
    const el = await mount();
    const i = input(el);
    expect(i.getAttribute('role')).to.equal('combobox');
    expect(i.getAttribute('aria-autocomplete')).to.equal('list');
    expect(i.getAttribute('aria-label')).to.equal('Search');
    expect(i.placeholder).to.equal('Search products');
    expect(expanded(el)).to.equal(false);
    const listbox = root(el).getElementById(i.getAttribute('aria-controls')!);
    expect(listbox?.getAttribute('role')).to.equal('listbox');
    await type(el, 'head');
    expect(expanded(el)).to.equal(true);
    for (const group of root(el).querySelectorAll('[role="group"]')) {
      const heading = root(el).getElementById(group.getAttribute('aria-labelledby')!);
      expect(text(heading)).to.not.equal('');
    }
  });

  it('shows query suggestions, categories, brands and products while typing', async () => {
    const el = await mount();
    await type(el, 'headphones');
    expect(titles(el)).to.include('Wireless Noise Cancelling Headphones');
    expect(titles(el)).to.include('Studio Monitor Headphones');
    expect(sectionTexts(el, 'categories').join(' ')).to.contain('Audio > Headphones');
    const product = section(el, 'products')!.querySelector('[part~="option"]')!;
    expect(product.querySelector('img[part="image"]')).to.not.equal(null);
    expect(text(product.querySelector('[part="price"]'))).to.match(/^\$\d+\.\d\d$/);
  });

  it('limits the products shown to `limit` and offers the rest as "see all"', async () => {
    const el = await mount((e) => (e.limit = 2));
    await type(el, 'wireless');
    expect(titles(el)).to.have.length(2);
    const all = root(el).querySelector('[part~="all"]');
    expect(text(all)).to.match(/^See all \d+ results for “wireless”$/);
  });

  it('moves through the options with Down and Up, wrapping, and aria-activedescendant follows', async () => {
    const el = await mount();
    await type(el, 'head');
    const i = input(el);
    const n = options(el).length;
    expect(i.hasAttribute('aria-activedescendant')).to.equal(false);
    await press(el, 'ArrowDown');
    expect(i.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    await press(el, 'ArrowDown');
    expect(i.getAttribute('aria-activedescendant')).to.equal(options(el)[1]!.id);
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('false');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(i.getAttribute('aria-activedescendant')).to.equal(options(el)[n - 1]!.id);
    await press(el, 'ArrowDown');
    expect(i.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
    // Focus never leaves the input: the option is only the active descendant.
    expect(el.shadowRoot!.activeElement).to.equal(i);
  });

  it('Home and End move the caret and leave the options', async () => {
    const el = await mount();
    await type(el, 'head');
    const i = input(el);
    await press(el, 'ArrowDown');
    await press(el, 'Home');
    expect(i.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(i.selectionStart).to.equal(0);
    await press(el, 'End');
    expect(i.selectionStart).to.equal(4);
    expect(expanded(el)).to.equal(true);
  });

  it('Escape closes, a second Escape clears; Alt+Down opens again', async () => {
    const el = await mount();
    await type(el, 'head');
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(expanded(el)).to.equal(false);
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input(el).value).to.equal('head');
    await sendKeys({ down: 'Alt' });
    await press(el, 'ArrowDown');
    await sendKeys({ up: 'Alt' });
    expect(expanded(el)).to.equal(true);
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    await press(el, 'Escape');
    await press(el, 'Escape');
    expect(input(el).value).to.equal('');
    expect(el.value).to.equal('');
  });

  it('Tab closes the popup and moves focus on', async () => {
    const el = await mount();
    await type(el, 'head');
    await press(el, 'Tab');
    expect(expanded(el)).to.equal(false);
    expect(document.activeElement?.textContent).to.equal('Next');
  });

  it('highlights matched ranges with <mark> and renders hostile titles as text', async () => {
    const hostile: Product = {
      ...catalog()[0]!,
      id: 'evil',
      title: '<img src=x onerror="window.__vtPwned=1">Evil gadget',
      url: '/evil',
    };
    const el = await mount((e) => (e.source = createLocalSource(createSearchIndex([...catalog(), hostile]))));
    await type(el, 'gadget');
    const title = root(el).querySelector('[part="title"]')!;
    expect(text(title)).to.equal('<img src=x onerror="window.__vtPwned=1">Evil gadget');
    expect(title.querySelector('img')).to.equal(null);
    expect((window as { __vtPwned?: number }).__vtPwned).to.equal(undefined);
    const marks = [...title.querySelectorAll('mark[part="mark"]')].map((m) => m.textContent!.toLowerCase());
    expect(marks).to.include('gadget');

    input(el).select();
    await sendKeys({ type: 'headphones' });
    await until(() => titles(el).includes('Studio Monitor Headphones'));
    const studio = [...root(el).querySelectorAll('[part="title"]')].find(
      (t) => text(t) === 'Studio Monitor Headphones',
    )!;
    expect([...studio.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['Headphones']);
  });

  it('runs no search while an input method composes, and searches the committed text', async () => {
    const rec = recording(real);
    const el = await mount((e) => (e.source = rec.source));
    const submits = recordEvents<SearchSubmitEventDetail>('vt-search-submit');
    try {
      const i = input(el);
      i.focus();
      i.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      // Pinyin letters as the IME shows them mid-composition ("erji" would match 耳机 by pinyin).
      for (const step of ['e', 'er', 'er j', 'er ji']) {
        i.dispatchEvent(new CompositionEvent('compositionupdate', { data: step }));
        setText(el, step, true);
      }
      // Enter commits the candidate inside the IME; it must not submit the search.
      i.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true }),
      );
      await el.updateComplete;
      await new Promise((r) => setTimeout(r));
      expect(rec.calls).to.deep.equal([]);
      expect(titles(el)).to.deep.equal([]);
      expect(submits.list).to.deep.equal([]);

      setText(el, '耳机', true);
      i.dispatchEvent(new CompositionEvent('compositionend', { data: '耳机' }));
      // Safari sends one more input event after compositionend: it must not search twice.
      setText(el, '耳机');
      await until(() => titles(el).length > 0);
      expect(rec.calls).to.deep.equal(['耳机']);
      expect(titles(el).join(' ')).to.contain('耳机');
    } finally {
      submits.stop();
    }
  });

  it('submits the query: vt-search-submit, GA4 search, then the results page', async () => {
    const submits = recordEvents<SearchSubmitEventDetail>('vt-search-submit');
    const funnel = recordEvents<FunnelDetail>('vt-funnel');
    const stop = cancel('vt-search-submit');
    try {
      const el = await mount((e) => (e.action = '/search.html?q={query}'));
      await type(el, 'run shoes');
      await press(el, 'Enter');
      await until(() => submits.list.length === 1);
      expect(submits.list[0]).to.deep.equal({ query: 'run shoes', url: '/search.html?q=run%20shoes' });
      expect(funnel.list).to.deep.equal([{ name: 'search', params: { search_term: 'run shoes' } }]);
      expect(expanded(el)).to.equal(false);
    } finally {
      submits.stop();
      funnel.stop();
      stop();
    }
  });

  it('goes to the results page when the shop does not cancel, and only emits without `action`', async () => {
    const start = location.href;
    try {
      const el = await mount((e) => (e.action = '#results?q={query}'));
      await type(el, 'mouse');
      await press(el, 'Enter');
      await until(() => location.hash === '#results?q=mouse');
    } finally {
      history.replaceState(null, '', start);
    }
    const submits = recordEvents<SearchSubmitEventDetail>('vt-search-submit');
    try {
      const el = await mount();
      await type(el, 'mouse');
      await press(el, 'Enter');
      await until(() => submits.list.length === 1);
      expect(submits.list[0]).to.deep.equal({ query: 'mouse' });
      expect(location.href).to.equal(start);
    } finally {
      submits.stop();
    }
  });

  it('choosing a product sends GA4 select_item with the query and position, and follows its URL unless cancelled', async () => {
    const funnel = recordEvents<FunnelDetail>('vt-funnel');
    const stop = cancel('vt-funnel', (e) => (e.detail as FunnelDetail).name === 'select_item');
    try {
      const el = await mount();
      await type(el, 'headphones');
      // Keyboard: Down to the first product, Enter.
      const first = options(el).findIndex((o) => o.part.contains('product'));
      for (let k = 0; k <= first; k++) await press(el, 'ArrowDown');
      expect(input(el).getAttribute('aria-activedescendant')).to.equal(options(el)[first]!.id);
      const firstTitle = titles(el)[0];
      await press(el, 'Enter');
      // Mouse: click the second product.
      el.focus();
      await press(el, 'ArrowDown');
      await until(() => titles(el).length > 1);
      const secondTitle = titles(el)[1];
      root(el).querySelectorAll<HTMLElement>('[part~="product"]')[1]!.click();
      await until(() => funnel.list.filter((f) => f.name === 'select_item').length === 2);
      const selects = funnel.list.filter((f) => f.name === 'select_item');
      const items = selects.map(
        (s) =>
          (s.params as { items: { item_name: string; index: number; item_list_id: string }[] }).items[0]!,
      );
      expect(items.map((i) => [i.item_name, i.index, i.item_list_id])).to.deep.equal([
        [firstTitle, 0, 'search-suggestions'],
        [secondTitle, 1, 'search-suggestions'],
      ]);
      expect(selects.map((s) => (s.params as { search_term?: string }).search_term)).to.deep.equal([
        'headphones',
        'headphones',
      ]);
      // The query that led to the product is kept as a recent search.
      expect(await recent.list()).to.deep.equal(['headphones']);
    } finally {
      funnel.stop();
      stop();
    }
  });

  it('choosing a category goes to the results page with that filter', async () => {
    const submits = recordEvents<SearchSubmitEventDetail>('vt-search-submit');
    const stop = cancel('vt-search-submit');
    try {
      const el = await mount((e) => (e.action = '/search.html?q={query}'));
      await type(el, 'headphones');
      const option = [
        ...(section(el, 'categories')?.querySelectorAll<HTMLElement>('[role="option"]') ?? []),
      ].find((o) => text(o).startsWith('Audio > Headphones'))!;
      option.click();
      await until(() => submits.list.length === 1);
      const detail = submits.list[0]!;
      expect(detail.query).to.equal('');
      expect(detail.filters).to.deep.equal({ category: ['Audio > Headphones'] });
      const url = new URL(detail.url!);
      expect(url.pathname).to.equal('/search.html');
      expect(url.searchParams.getAll('category')).to.deep.equal(['Audio > Headphones']);
    } finally {
      submits.stop();
      stop();
    }
  });

  it('keeps recent searches across elements and clears them', async () => {
    const stop = cancel('vt-search-submit');
    try {
      const el = await mount();
      await type(el, 'shoes');
      await press(el, 'Enter');
      await until(() => el.shadowRoot!.activeElement !== null && !expanded(el));
      input(el).select();
      await sendKeys({ type: 'mouse' });
      await until(() => titles(el).length > 0);
      await press(el, 'Enter');
      await eventually(async () => (await recent.list()).length === 2);
      // A new element (a new page) reads them back, newest first, when focused empty.
      for (const c of document.body.querySelectorAll(':scope > div')) c.remove();
      const again = await mount();
      again.focus();
      await until(() => sectionTexts(again, 'recent').length > 0);
      expect(sectionTexts(again, 'recent')).to.deep.equal(['mouse', 'shoes', 'Clear recent searches']);
      // Clearing: the option says so, the list empties here and in storage.
      const clear = root(again).querySelector<HTMLElement>('[part~="clear"]')!;
      clear.click();
      await until(() => section(again, 'recent') === null);
      expect(await recent.list()).to.deep.equal([]);
      await until(() => live(again) === 'Recent searches cleared');
    } finally {
      stop();
    }
  });

  it('keeps searching and remembering for the page when IndexedDB refuses to open (private mode)', async () => {
    // Chromium has no private mode to switch on from a test: make opening fail as it does there.
    const open = Object.getOwnPropertyDescriptor(indexedDB, 'open');
    Object.defineProperty(indexedDB, 'open', {
      configurable: true,
      value: () => {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
      },
    });
    const stop = cancel('vt-search-submit');
    try {
      const el = await mount((e) => (e.recentStore = recentSearches('vt-search-private')));
      await type(el, 'mouse');
      await press(el, 'Enter');
      await eventually(async () => (await el.recentStore.list()).length === 1);
      setText(el, '');
      await until(() => sectionTexts(el, 'recent').length > 0);
      expect(sectionTexts(el, 'recent')).to.deep.equal(['mouse', 'Clear recent searches']);
    } finally {
      stop();
      if (open) Object.defineProperty(indexedDB, 'open', open);
      else delete (indexedDB as { open?: unknown }).open;
    }
  });

  it('offers popular searches when empty, and a chosen one is submitted', async () => {
    const submits = recordEvents<SearchSubmitEventDetail>('vt-search-submit');
    const stop = cancel('vt-search-submit');
    try {
      const el = await mount((e) => (e.popular = 'headphones, 耳机，coffee'));
      el.focus();
      await el.updateComplete;
      expect(expanded(el)).to.equal(true);
      expect(sectionTexts(el, 'popular')).to.deep.equal(['headphones', '耳机', 'coffee']);
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      await until(() => submits.list.length === 1);
      expect(submits.list[0]!.query).to.equal('耳机');
      expect(input(el).value).to.equal('耳机');
    } finally {
      submits.stop();
      stop();
    }
  });

  it('announces result counts politely once typing pauses', async () => {
    const el = await mount();
    const region = root(el).querySelector('[aria-live="polite"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    await type(el, 'headphones');
    await until(() => live(el) !== '');
    expect(live(el)).to.match(/^\d+ products?(, \d+ categor(y|ies))?(, \d+ brands?)?$/);
  });

  it('never lets an older, slower answer overwrite newer suggestions', async () => {
    const release: (() => void)[] = [];
    // Ignores the abort signal on purpose: the element itself must drop the stale answer.
    const slow: SearchSource = {
      search: (q, o) => real.search(q, o),
      async suggest(q, o) {
        const answer = await real.suggest(q, o?.limit === undefined ? {} : { limit: o.limit });
        if (q === 'mouse') await new Promise<void>((r) => release.push(r));
        return answer;
      },
    };
    const el = await mount((e) => (e.source = slow));
    el.focus();
    setText(el, 'mouse');
    await until(() => release.length === 1);
    setText(el, 'shoes');
    await until(() => titles(el).length > 0);
    const shoes = titles(el);
    expect(shoes.join(' ')).to.contain('Shoes');
    release[0]!();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(shoes);
    expect(titles(el).join(' ')).to.not.contain('Mouse');
  });

  it('keeps the query and the last good suggestions when the source fails, and recovers', async () => {
    let down = false;
    // The failure is a real HTTP error from the test server through the real remote client.
    const broken = createRemoteSource('/__search__/fail-vt-search/search', { debounce: 0, cacheSize: 0 });
    const source: SearchSource = {
      search: (q, o) => (down ? broken : real).search(q, o),
      suggest: (q, o) => (down ? broken : real).suggest(q, o),
    };
    const errors = recordEvents<VtErrorDetail>('vt-error');
    const consoleErrors = captureConsole('error');
    try {
      const el = await mount((e) => (e.source = source));
      await type(el, 'shoes');
      const good = titles(el);
      down = true;
      await sendKeys({ type: ' r' });
      await until(() => message(el) !== '');
      expect(message(el)).to.equal('Search is not available right now. Please try again.');
      expect(input(el).value).to.equal('shoes r');
      expect(titles(el)).to.deep.equal(good);
      expect(el.status).to.equal('error');
      await sendKeys({ type: 'u' });
      await until(() => live(el) === 'Search is not available right now. Please try again.');
      expect(consoleErrors.calls).to.have.length(1);
      expect(consoleErrors.calls[0]).to.equal(
        '<vt-search>: attribute "source" failed: the search server answered HTTP 500: the index is being rebuilt',
      );
      expect(errors.list).to.have.length(1);
      down = false;
      await sendKeys({ press: 'Backspace' });
      await until(() => message(el) === '');
      expect(el.status).to.equal('ready');
    } finally {
      consoleErrors.restore();
      errors.stop();
    }
  });

  it('asks the remote search server given by `endpoint`', async () => {
    const el = await mount((e) => {
      e.source = undefined;
      e.endpoint = '/__search__/vt-search-remote/search';
    });
    await type(el, 'headphones');
    expect(titles(el)).to.include('Studio Monitor Headphones');
    expect(sectionTexts(el, 'categories').join(' ')).to.contain('Audio > Headphones');
    const stats = (await (await fetch('/__search__/vt-search-remote/count')).json()) as { queries: string[] };
    expect(stats.queries.length).to.be.greaterThan(0);
    expect(stats.queries.every((q) => q.startsWith('/search/suggest?q='))).to.equal(true);
  });

  it('shows a clear error when the remote server fails, keeping the query', async () => {
    const consoleErrors = captureConsole('error');
    try {
      const el = await mount((e) => {
        e.source = undefined;
        e.endpoint = '/__search__/fail-vt-search-element/search';
      });
      el.focus();
      await sendKeys({ type: 'shoes' });
      await until(() => message(el) !== '');
      expect(message(el)).to.equal('Search is not available right now. Please try again.');
      expect(input(el).value).to.equal('shoes');
      expect(el.status).to.equal('error');
      expect(consoleErrors.calls).to.deep.equal([
        '<vt-search>: attribute "endpoint" failed: the search server answered HTTP 500: the index is being rebuilt',
      ]);
    } finally {
      consoleErrors.restore();
    }
  });

  it('says so when nothing matches', async () => {
    const el = await mount();
    el.focus();
    await sendKeys({ type: 'zzqqxx' });
    await until(() => message(el) !== '');
    expect(message(el)).to.equal('No results for “zzqqxx”');
    // Not a dead end: popular products, under a heading that says so; no made-up categories.
    expect(text(root(el).querySelector('#section-products'))).to.equal('Popular products');
    expect(section(el, 'categories')).to.equal(null);
    await until(() => live(el) !== '');
    expect(live(el)).to.equal('No results');
  });

  it('speaks Chinese under lang="zh-CN"', async () => {
    const el = await mount((e) => (e.popular = '耳机'), 'zh-CN');
    expect(input(el).getAttribute('aria-label')).to.equal('搜索');
    expect(input(el).placeholder).to.equal('搜索商品');
    el.focus();
    await el.updateComplete;
    expect(text(root(el).querySelector('#section-popular'))).to.equal('热门搜索');
    await sendKeys({ type: '耳机' });
    await until(() => titles(el).length > 0);
    expect(text(root(el).querySelector('#section-products'))).to.equal('商品');
    await until(() => live(el) !== '');
    expect(live(el)).to.match(/^\d+ 件商品/);
    expect(text(root(el).querySelector('[part="price"]'))).to.match(/¥/);
  });

  it('reports a missing source once and stays usable', async () => {
    const errors = captureConsole('error');
    try {
      const el = await mount((e) => (e.source = undefined));
      el.focus();
      await sendKeys({ type: 'a' });
      await until(() => message(el) !== '');
      await sendKeys({ type: 'b' });
      await until(() => live(el) !== '');
      expect(input(el).value).to.equal('ab');
      expect(errors.calls).to.deep.equal([
        '<vt-search>: attribute "source" is missing: set the source or products property, or the src or endpoint attribute',
      ]);
    } finally {
      errors.restore();
    }
  });

  it('builds a local source from the `products` property', async () => {
    const el = await mount((e) => {
      e.source = undefined;
      e.products = catalog().slice(20);
    });
    await type(el, '保温杯');
    expect(titles(el)).to.include('不锈钢保温杯');
  });
});
