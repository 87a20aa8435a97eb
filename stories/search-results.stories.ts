import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@vitrine/search/search-results';
import type { Product } from '@vitrine/core';
import type { VtSearchResults } from '../packages/search/src/components/search-results/search-results.component.js';
import { getSource } from '../packages/search/src/source/get-source.js';
import type { SearchResponse, SearchSource } from '../packages/search/src/types.js';
import { catalog } from '../packages/search/test/fixtures/catalog.js';

/** The shared search test catalog: 20 English and 10 Chinese products with local pictures. */
const products = catalog();

/** Products with long Chinese titles (no spaces to wrap at), to check wrapping and clamping. */
const longChinese: Product[] = [
  '华为无线降噪蓝牙耳机主动降噪超长续航三十小时快充高清通话入耳式运动耳机黑色',
  '小米运动蓝牙耳机挂耳式跑步健身防水防汗超长待机重低音无线耳机蓝色',
  '索尼头戴式无线降噪耳机高解析度音质智能降噪长续航折叠便携银色限量版',
  '漫步者真无线蓝牙耳机半入耳式游戏低延迟音乐耳机适用苹果华为小米手机',
].map((title, i) => ({ ...products[20 + (i % 2)]!, id: `long-${i}`, title }));
const withLongChinese = [...longChinese, ...products];

/** A source over the catalog whose answers after the first fail, as a search server answering 500 would. */
function failingAfterFirst(): SearchSource {
  const real = getSource({ products });
  let calls = 0;
  const fail = () => Promise.reject(new Error('the search server answered HTTP 500: internal error'));
  return {
    search: (query, options) => (calls++ === 0 ? real.search(query, options) : fail()),
    suggest: () => fail(),
  };
}

/** A source that never answers: the loading state (skeleton grid, reserved space). */
const pending: SearchSource = {
  search: () => new Promise<SearchResponse>(() => {}),
  suggest: () => new Promise(() => {}),
};

interface Args {
  query: string;
  mode: string;
  pageSize: number;
}

const results = (
  args: Args,
  extra: { products?: readonly Product[]; source?: SearchSource } = {},
): TemplateResult =>
  extra.source
    ? html`<vt-search-results
        no-url
        .source=${extra.source}
        query=${args.query}
        mode=${args.mode}
        page-size=${args.pageSize}
      ></vt-search-results>`
    : html`<vt-search-results
        no-url
        .products=${extra.products ?? products}
        query=${args.query}
        mode=${args.mode}
        page-size=${args.pageSize}
      ></vt-search-results>`;

/** Waits until the element has its answer. */
async function answered(canvas: HTMLElement, index = 0): Promise<VtSearchResults> {
  const el = canvas.querySelectorAll<VtSearchResults>('vt-search-results')[index]!;
  for (let i = 0; i < 200 && (el.status === 'loading' || el.hasAttribute('busy')); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  await el.updateComplete;
  return el;
}

/**
 * `<vt-search-results>`: the results page. Facets (category tree, brand, price, availability and
 * options) with counts that follow the query and filters, removable chips, sort, cards with
 * highlighted titles, pagination or infinite scroll. Zero results show the corrected query,
 * relaxed matches or popular products. The stories keep the state out of Storybook's URL
 * (`no-url`); on a shop page it lives in the address bar. Language and theme follow the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Search/Search results',
  component: 'vt-search-results',
  args: { query: 'wireless', mode: 'pages', pageSize: 8 },
  argTypes: { mode: { control: 'inline-radio', options: ['pages', 'infinite'] } },
  render: (args) => results(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Results for "wireless": counts, facets, chips appear when you tick a filter. */
export const Results: Story = {};

/** Every product (no query), eight per page, with pagination. */
export const Browse: Story = { args: { query: '' } };

/** A filter chosen: the chip, and counts of the other facets narrowed. */
export const Filtered: Story = {
  args: { query: '' },
  play: async ({ canvasElement }) => {
    const el = await answered(canvasElement);
    const label = [...el.shadowRoot!.querySelectorAll('[data-facet="brand"] label')].find((l) =>
      l.textContent?.includes('Apple'),
    );
    label?.querySelector('input')?.click();
  },
};

/** A typo: "Showing results for “headphones”", with a link to search the words as typed. */
export const Corrected: Story = { args: { query: 'headphnes' } };

/** No results: tips and popular products instead of a dead end. */
export const NoResults: Story = { args: { query: 'xqzvw' } };

/** The source fails: a translated notice with Retry. */
export const ErrorState: Story = {
  render: (args) =>
    results(args, {
      source: {
        search: () => Promise.reject(new Error('the search server answered HTTP 500: internal error')),
        suggest: () => Promise.reject(new Error('down')),
      },
    }),
};

/** The source fails after a first answer (a sort change here): the last results stay under the notice. */
export const ErrorKeepsResults: Story = {
  render: (args) => results(args, { source: failingAfterFirst() }),
  play: async ({ canvasElement }) => {
    const el = await answered(canvasElement);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="sort"]')!;
    select.value = 'price-asc';
    select.dispatchEvent(new Event('change'));
  },
};

/** Waiting for the first answer: a skeleton grid holds the space. */
export const Loading: Story = { render: (args) => results(args, { source: pending }) };

/** Infinite scroll: more results load near the end, and with the "Load more" button. */
export const Infinite: Story = { args: { query: '', mode: 'infinite' } };

/** Long Chinese titles without spaces: wrapped and clamped to three lines. */
export const LongChineseTitles: Story = {
  args: { query: '耳机' },
  render: (args) => html`<div lang="zh-CN">${results(args, { products: withLongChinese })}</div>`,
};

/** The dark colour scheme, whatever the toolbar says. */
export const DarkTheme: Story = {
  render: (args) =>
    html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem;">
      ${results(args)}
    </div>`,
};

/** English and Chinese side by side. */
export const BothLanguages: Story = {
  args: { pageSize: 4 },
  render: (args) =>
    html`<div lang="en">${results(args)}</div>
      <hr />
      <div lang="zh-CN">${results({ ...args, query: '耳机' })}</div>`,
};

/** A narrow screen: the facets hide behind the "Filters" button. */
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 360px">${results(args)}</div>`,
};
