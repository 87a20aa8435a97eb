import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/core/lightbox';
import type { MediaItem } from '@vitrine/core';
import type { VtLightbox } from '@vitrine/core/lightbox';

/** A local placeholder picture (no network): a coloured card with a mug shape and a number. */
const picture = (fill: string, label: string, width = 800, height = 600): string =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 800 600">` +
      `<rect width="800" height="600" fill="${fill}"/>` +
      `<path d="M300 200h180v220a40 40 0 0 1-40 40H340a40 40 0 0 1-40-40zM480 250h40a45 45 0 0 1 0 90h-40" fill="none" stroke="#fff" stroke-width="18"/>` +
      `<text x="40" y="80" font-family="sans-serif" font-size="56" fill="#fff">${label}</text></svg>`,
  )}`;

const media: MediaItem[] = [
  {
    type: 'image',
    url: picture('#b3261e', '1'),
    alt: 'Red enamel mug on an oak desk',
    width: 800,
    height: 600,
    srcset: [
      { url: picture('#b3261e', '1', 400, 300), width: 400 },
      { url: picture('#b3261e', '1'), width: 800 },
    ],
  },
  {
    type: 'image',
    url: picture('#1f6f5c', '2'),
    alt: 'The same mug in teal, side view',
    width: 800,
    height: 600,
  },
  {
    type: 'video',
    // Storybook ships no video file: the player shows the poster and its controls.
    url: '/media/unboxing.mp4',
    alt: 'Unboxing the mug (video)',
    poster: picture('#283593', '3 ▶'),
    width: 800,
    height: 600,
    captions: [{ src: '/media/unboxing.en.vtt', lang: 'en', label: 'English' }],
  },
  {
    type: 'model',
    url: '/media/mug.glb',
    alt: 'Mug, 3D model',
    poster: picture('#6d4c00', '4 3D'),
    width: 800,
    height: 600,
  },
  { type: 'image', url: picture('#4a148c', '5'), alt: 'Mug filled with coffee', width: 800, height: 600 },
];

interface Args {
  items: MediaItem[];
}

/** Opens the lightbox from the `n`-th thumbnail, as a shopper's click would. */
const clickThumbnail =
  (n: number) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const lightbox = canvasElement.querySelector<VtLightbox>('vt-lightbox')!;
    await lightbox.updateComplete;
    canvasElement.querySelectorAll<HTMLButtonElement>('.thumbs button')[n]!.click();
  };

/**
 * `<vt-lightbox>` shows photos and videos full screen in a modal dialog. Click a thumbnail, then
 * use ← → Home End, the buttons or a swipe; Escape or Close returns focus to the thumbnail. It
 * wraps from the last item to the first. Every item shown dispatches `vt-media-open` (listen with
 * `document.addEventListener('vt-media-open', …)`). Language and theme follow the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Core/Lightbox',
  component: 'vt-lightbox',
  args: { items: media },
  argTypes: { items: { control: false } },
  render: ({ items }) => {
    const open = (event: Event, index: number) => {
      const opener = event.currentTarget as HTMLButtonElement;
      const lightbox = opener.closest('.demo')!.querySelector<VtLightbox>('vt-lightbox')!;
      lightbox.open(items, index, opener, { tag: 'storybook', productId: 'sb-mug' });
    };
    return html`<div class="demo">
      <div class="thumbs" style="display: flex; flex-wrap: wrap; gap: 0.5rem;">
        ${items.map(
          (item, i) =>
            html`<button
              type="button"
              aria-label=${`Open ${item.alt}`}
              style="padding: 0; border: 1px solid currentColor; border-radius: 0.25rem; cursor: zoom-in;"
              @click=${(e: Event) => open(e, i)}
            >
              <img src=${item.poster ?? item.url} alt="" width="96" height="72" style="display: block;" />
            </button>`,
        )}
      </div>
      <vt-lightbox></vt-lightbox>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The thumbnails a review or gallery would show; nothing is loaded until one is clicked. */
export const Closed: Story = {};

/** Open on the second photo: "Photo 2 of 5", the counter and Previous/Next. */
export const Open: Story = { play: clickThumbnail(1) };

/** A video: native controls, poster and a captions track; never autoplays, paused when left. */
export const Video: Story = { play: clickThumbnail(2) };

/** A 3D model shows its poster and a note; the model itself is never loaded here. */
export const Model: Story = { play: clickThumbnail(3) };

/** One item: no Previous/Next, the dialog is named by the item's alt text. */
export const SingleItem: Story = { args: { items: media.slice(0, 1) }, play: clickThumbnail(0) };
