import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@vitrine/search/search';
import type { Product } from '@vitrine/core';
import type { VtSearch } from '../packages/search/src/components/search/search.component.js';
import { catalog } from '../packages/search/test/fixtures/catalog.js';

/** The shared search test catalog: 20 English and 10 Chinese products with local pictures. */
const products = catalog();

/** Products with long Chinese titles (no spaces to wrap at), to check wrapping and clamping. */
const longChinese: Product[] = [
  '华为无线降噪蓝牙耳机主动降噪超长续航三十小时快充高清通话入耳式运动耳机黑色',
  '小米智能空气净化器家用卧室除甲醛除雾霾除过敏原低噪音大面积适用白色',
  '优衣库男士纯棉短袖T恤圆领宽松休闲夏季新款百搭上衣多色可选',
  '德龙全自动意式咖啡机家用小型一键研磨萃取奶泡一体办公室商用',
].map((title, i) => ({
  ...products[20 + i]!,
  id: `long-${i}`,
  title,
}));

interface Args {
  products: readonly Product[];
  popular: string;
  action: string;
  endpoint: string;
}

/** Types `query` into the search box as a shopper would (focus, then an input event), and waits for the answer. */
async function typeInto(canvas: HTMLElement, query: string): Promise<void> {
  const el = canvas.querySelector<VtSearch>('vt-search')!;
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector('input')!;
  input.focus();
  input.value = query;
  input.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: query }),
  );
  // The engine loads on first use: wait until its answer (or a message) is on screen.
  for (let i = 0; i < 200; i++) {
    await el.updateComplete;
    if (el.shadowRoot!.querySelector('[role="option"], [part~="message"]')) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * `<vt-search>`: a search box with suggestions as you type (联想搜索). Focus it to see recent and
 * popular searches; type to see completions, categories, brands and products. Enter emits
 * `vt-search-submit` (cancelled here, so the story stays), arrows move, Escape closes. The catalog is searched
 * by the local engine in this page. Language and theme follow the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Search/Search box',
  component: 'vt-search',
  args: { products, popular: 'headphones, 耳机, coffee, 保温杯', action: '', endpoint: '' },
  argTypes: { products: { control: false } },
  render: ({ products, popular, action, endpoint }) =>
    html`<div style="max-inline-size: 32rem; min-block-size: 34rem;">
      <vt-search
        .products=${endpoint ? undefined : products}
        popular=${popular}
        action=${ifDefined(action || undefined)}
        endpoint=${ifDefined(endpoint || undefined)}
        @vt-search-submit=${(e: Event) => e.preventDefault()}
        @vt-funnel=${(e: Event) => e.preventDefault()}
      ></vt-search>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing typed, not focused: the box reserves its height, no popup. */
export const Empty: Story = {};

/** Focused and empty: popular searches (and recent ones once something was submitted). */
export const Popular: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtSearch>('vt-search')!;
    await el.updateComplete;
    el.focus();
  },
};

/** Typing "head": completions, categories, brands and products with highlighted titles. */
export const Typing: Story = {
  play: async ({ canvasElement }) => typeInto(canvasElement, 'head'),
};

/** A Chinese query: products found by a two-character word, prices in yuan. */
export const ChineseQuery: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => typeInto(canvasElement, '耳机'),
};

/** Pinyin initials find Chinese titles. */
export const Pinyin: Story = {
  play: async ({ canvasElement }) => typeInto(canvasElement, 'ej'),
};

/** A query that matches nothing: the popup says so (and it is announced). */
export const NoResults: Story = {
  play: async ({ canvasElement }) => typeInto(canvasElement, 'zzqqxx'),
};

/** The search server is unreachable: a translated line, the query kept, one console error. */
export const ErrorState: Story = {
  args: { endpoint: '/no-search-server-here' },
  play: async ({ canvasElement }) => typeInto(canvasElement, 'headphones'),
};

/** Long Chinese titles wrap and clamp to two lines without breaking the layout. */
export const LongChineseTitles: Story = {
  args: { products: longChinese },
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => typeInto(canvasElement, '家用'),
};

/** The dark colour scheme (tokens through `light-dark()`). */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => typeInto(canvasElement, 'shoes'),
};

/** Every string in Simplified Chinese, focused with popular searches. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtSearch>('vt-search')!;
    await el.updateComplete;
    el.focus();
  },
};
