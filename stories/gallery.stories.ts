import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/gallery/gallery';

/** A local placeholder photo at `size` px (no network): a product shape on a tinted ground. */
const photo = (hue: number, size: number, label: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 200 200"><rect width="200" height="200" fill="hsl(${hue} 35% 88%)"/><path d="M60 70h80l10 100H50z" fill="hsl(${hue} 45% 45%)"/><path d="M80 70a20 20 0 0 1 40 0" fill="none" stroke="hsl(${hue} 45% 30%)" stroke-width="6"/><text x="100" y="192" font-size="12" text-anchor="middle" font-family="sans-serif">${label}</text></svg>`,
  )}`;

const picture = (n: number, zh = false) => ({
  type: 'image',
  url: photo(n * 47, 1200, `${n + 1}`),
  srcset: [
    { url: photo(n * 47, 400, `${n + 1}`), width: 400 },
    { url: photo(n * 47, 1200, `${n + 1}`), width: 1200 },
  ],
  width: 1200,
  height: 1200,
  alt: zh ? `帆布托特包，第 ${n + 1} 个角度` : `Canvas tote, view ${n + 1}`,
});

const video = (zh = false) => ({
  type: 'video',
  url: '/media/clip.webm',
  poster: '/media/clip-poster.svg',
  width: 640,
  height: 360,
  alt: zh ? '托特包旋转展示' : 'The tote turning on a stand',
  captions: [
    { src: '/media/clip.en.vtt', lang: 'en', label: 'English' },
    { src: '/media/clip.zh-CN.vtt', lang: 'zh-CN', label: '中文' },
  ],
});

const model = (zh = false) => ({
  type: 'model',
  url: '/media/bag.glb',
  poster: '/media/bag-poster.svg',
  alt: zh ? '托特包的 3D 模型' : '3D model of the tote',
});

const product = (media: unknown[], zh = false) => ({
  id: 'sb-tote',
  title: zh ? '帆布托特包' : 'Canvas tote',
  category: ['Bags'],
  price: { amount: 3900, currency: 'USD' },
  availability: 'in_stock',
  options: [],
  variants: [
    { id: 'sb-tote-1', options: {}, price: { amount: 3900, currency: 'USD' }, availability: 'in_stock' },
  ],
  media,
});

interface Args {
  product: unknown;
  variant?: string;
}

/**
 * `<vt-gallery>`: photos, video and 3D in one carousel. Hover a photo to zoom (or use + and −,
 * Ctrl+wheel, pinch and double tap on touch); the expand button opens the full-screen viewer.
 * Language and theme follow the toolbar; "Chinese" and "Dark" set them for you.
 */
const meta: Meta<Args> = {
  title: 'Gallery/Gallery',
  component: 'vt-gallery',
  args: { product: product([picture(0), picture(1), picture(2), video(), model()]) },
  argTypes: { product: { control: false } },
  render: ({ product }) =>
    html`<div style="max-inline-size: 36rem"><vt-gallery .product=${product}></vt-gallery></div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** All media kinds: three photos, a captioned video and a 3D model (with AR on phones). */
export const Default: Story = {};

export const OneImage: Story = { args: { product: product([picture(0)]) } };

export const ManyImages: Story = {
  args: { product: product(Array.from({ length: 12 }, (_, i) => picture(i))) },
};

/** A native video: poster, captions in the page language, never autoplays. */
export const Video: Story = { args: { product: product([video(), picture(1)]) } };

/** `<model-viewer>` is fetched only now that a 3D item is shown; the poster stands in meanwhile. */
export const ThreeD: Story = { name: '3D', args: { product: product([model(), picture(1)]) } };

/** A photo that 404s shows a message in its place; the other items keep working. */
export const BrokenItem: Story = {
  args: {
    product: product([
      { type: 'image', url: '/missing/photo.jpg', alt: 'A photo that is missing', width: 800, height: 800 },
      picture(1),
      { ...model(), url: '/missing/model.glb' },
    ]),
  },
};

export const Chinese: Story = {
  args: { product: product([picture(0, true), picture(1, true), video(true), model(true)], true) },
  globals: { locale: 'zh-CN' },
};

export const Dark: Story = {
  args: { product: product([picture(3), picture(4), video(), model()]) },
  globals: { theme: 'dark' },
};

/** Unusable data: the box keeps its size, a translated message, one console error, a `vt-error`. */
export const ErrorState: Story = { args: { product: 'not a product' } };
