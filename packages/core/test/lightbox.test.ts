import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, fixture, nextEvent, until } from '@vitrine/testing';
import '@vitrine/core/lightbox';
import type { MediaItem } from '@vitrine/core';
import type { VtLightbox } from '@vitrine/core/lightbox';
import type { MediaOpenDetail } from '@vitrine/schema';

const svg = (fill: string, w = 400, h = 300) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${fill}"/></svg>`,
  )}`;

const photos: MediaItem[] = [
  { type: 'image', url: svg('tomato'), alt: 'Red mug on a desk', width: 400, height: 300 },
  {
    type: 'image',
    url: svg('teal'),
    alt: 'Teal mug, side view',
    srcset: [
      { url: svg('teal', 800, 600), width: 800 },
      { url: svg('teal', 1600, 1200), width: 1600 },
    ],
  },
  {
    type: 'video',
    url: '/does-not-exist/unboxing.mp4',
    alt: 'Unboxing video',
    poster: svg('navy'),
    captions: [
      { src: '/does-not-exist/unboxing.en.vtt', lang: 'en', label: 'English' },
      { src: '/does-not-exist/unboxing.zh.vtt', lang: 'zh-CN', label: '中文' },
    ],
  },
  { type: 'model', url: '/does-not-exist/mug.glb', alt: 'Mug in 3D', poster: svg('gold') },
  { type: 'image', url: svg('purple'), alt: 'Mug with coffee' },
];

const shadow = (el: VtLightbox) => el.shadowRoot!;
const dialog = (el: VtLightbox) => shadow(el).querySelector('dialog')!;
const part = (el: VtLightbox, name: string) => shadow(el).querySelector<HTMLElement>(`[part="${name}"]`);
const counter = (el: VtLightbox) => part(el, 'counter')?.textContent?.trim() ?? '';
const media = (el: VtLightbox) => part(el, 'media');

/** A page with an opener button and a lightbox; returns both. */
async function mount(lang = 'en'): Promise<{ el: VtLightbox; button: HTMLButtonElement }> {
  const wrap = await fixture<HTMLDivElement>(
    '<div><button type="button">Open photos</button><vt-lightbox></vt-lightbox></div>',
    { lang },
  );
  return { el: wrap.querySelector('vt-lightbox')!, button: wrap.querySelector('button')! };
}

/** Opens the lightbox from the button (focused first, as a click would) and waits for it to show. */
async function openFrom(
  el: VtLightbox,
  button: HTMLButtonElement,
  items: MediaItem[] = photos,
  index = 0,
): Promise<void> {
  button.focus();
  el.open(items, index);
  await el.updateComplete;
  await until(() => dialog(el).open, 2000, 'dialog open');
  // The dialog fades in; contrast is checked on the settled view. finish(), not awaiting
  // `finished`: a page in a background tab runs no animation frames.
  for (const a of shadow(el).getAnimations()) a.finish();
}

/** Records every `vt-media-open` detail seen on document. */
function recordOpens(): { details: MediaOpenDetail[]; stop: () => void } {
  const details: MediaOpenDetail[] = [];
  const listener = (e: Event) => details.push((e as CustomEvent<MediaOpenDetail>).detail);
  document.addEventListener('vt-media-open', listener);
  return { details, stop: () => document.removeEventListener('vt-media-open', listener) };
}

function swipe(target: Element, dx: number, dy = 0): void {
  const init = { bubbles: true, composed: true, pointerId: 7, pointerType: 'touch', isPrimary: true };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: 300, clientY: 200 }));
  target.dispatchEvent(
    new PointerEvent('pointermove', { ...init, clientX: 300 + dx / 2, clientY: 200 + dy / 2 }),
  );
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: 300 + dx, clientY: 200 + dy }));
}

describe('<vt-lightbox>', () => {
  afterEach(() => {
    document.querySelectorAll('vt-lightbox').forEach((el) => el.close());
  });

  it('is accessible while open, in English and Chinese', async () => {
    const en = await mount();
    await openFrom(en.el, en.button, photos, 1);
    expect(dialog(en.el).getAttribute('aria-modal')).to.equal('true');
    expect(dialog(en.el).getAttribute('aria-label')).to.equal('Photo 2 of 5');
    await expectAccessible(en.el);
    en.el.close();

    const zh = await mount('zh-CN');
    await openFrom(zh.el, zh.button, photos, 1);
    expect(dialog(zh.el).getAttribute('aria-label')).to.equal('第 2 张，共 5 张');
    expect(counter(zh.el)).to.equal('第 2 项，共 5 项');
    expect(part(zh.el, 'close')!.getAttribute('aria-label')).to.equal('关闭');
    await expectAccessible(zh.el);
  });

  it('is labelled by the alt text when it shows one item', async () => {
    const { el, button } = await mount();
    await openFrom(el, button, [photos[0]!]);
    expect(dialog(el).getAttribute('aria-label')).to.equal('Red mug on a desk');
    expect(part(el, 'previous')).to.equal(null);
    expect(part(el, 'next')).to.equal(null);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement, 'Tab keeps focus on Close').to.equal(part(el, 'close'));
    await expectAccessible(el);
  });

  it('moves focus inside, closes on Escape and gives focus back to the opener', async () => {
    const { el, button } = await mount();
    await openFrom(el, button);
    expect(el.opened).to.equal(true);
    expect(shadow(el).activeElement).to.equal(part(el, 'close'));
    await sendKeys({ press: 'Escape' });
    await until(() => !el.opened, 2000, 'closed');
    expect(dialog(el).open).to.equal(false);
    expect(document.activeElement).to.equal(button);
  });

  it('closes from the Close button and focuses the opener passed in', async () => {
    const { el, button } = await mount();
    const other = document.createElement('button');
    other.textContent = 'Other';
    button.after(other);
    el.open(photos, 0, other);
    await until(() => dialog(el).open, 2000, 'dialog open');
    part(el, 'close')!.click();
    expect(el.opened).to.equal(false);
    expect(dialog(el).open).to.equal(false);
    expect(document.activeElement).to.equal(other);

    // Reopened at once: the first close's late `close` event must not close it again.
    el.open(photos, 0, other);
    el.close();
    el.open(photos, 1, other);
    await until(() => dialog(el).open, 2000, 'dialog open again');
    await new Promise((r) => setTimeout(r, 100));
    expect(el.opened).to.equal(true);
    expect(dialog(el).open).to.equal(true);
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const { el, button } = await mount();
    await openFrom(el, button);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(shadow(el).activeElement?.getAttribute('part') ?? String(document.activeElement?.localName));
    }
    expect(seen).to.deep.equal(['previous', 'next', 'close', 'previous', 'next']);
    await sendKeys({ down: 'Shift' });
    try {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(part(el, 'close'));
      await sendKeys({ press: 'Tab' });
    } finally {
      await sendKeys({ up: 'Shift' });
    }
    expect(shadow(el).activeElement).to.equal(part(el, 'next'));
  });

  it('moves with arrows, Home, End and the buttons, wraps at the ends and updates the counter', async () => {
    const { el, button } = await mount();
    await openFrom(el, button);
    expect(counter(el)).to.equal('1 of 5');
    expect(part(el, 'counter')!.getAttribute('aria-live')).to.equal('polite');

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.index).to.equal(1);
    expect(counter(el)).to.equal('2 of 5');
    expect(media(el)!.getAttribute('alt')).to.equal('Teal mug, side view');

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.index).to.equal(4);
    expect(counter(el)).to.equal('5 of 5');

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.index, 'wraps to the first').to.equal(0);

    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.index, 'wraps to the last').to.equal(4);

    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.index).to.equal(0);

    part(el, 'next')!.click();
    await el.updateComplete;
    expect(counter(el)).to.equal('2 of 5');
    part(el, 'previous')!.click();
    part(el, 'previous')!.click();
    await el.updateComplete;
    expect(counter(el)).to.equal('5 of 5');
    expect(dialog(el).getAttribute('aria-label')).to.equal('Photo 5 of 5');

    el.index = 2;
    await el.updateComplete;
    expect(counter(el)).to.equal('3 of 5');
    expect(dialog(el).getAttribute('aria-label')).to.equal('Video 3 of 5');
  });

  it('dispatches vt-media-open with the exact detail on open and on every move', async () => {
    const { el, button } = await mount();
    const { details, stop } = recordOpens();
    try {
      button.focus();
      el.open(photos, 1, button, { tag: 'vt-reviews', productId: 'mug', reviewId: 'r-42' });
      await until(() => details.length === 1, 2000, 'first vt-media-open');
      expect(details[0]).to.deep.equal({
        tag: 'vt-reviews',
        productId: 'mug',
        reviewId: 'r-42',
        index: 1,
        type: 'image',
        url: photos[1]!.url,
      });
      await sendKeys({ press: 'ArrowRight' });
      await until(() => details.length === 2, 2000, 'second vt-media-open');
      part(el, 'next')!.click();
      await until(() => details.length === 3, 2000, 'third vt-media-open');
      await sendKeys({ press: 'Home' });
      await until(() => details.length === 4, 2000, 'fourth vt-media-open');
      await sendKeys({ press: 'Home' }); // already there: nothing new is shown
      await el.updateComplete;
      expect(details.slice(1)).to.deep.equal([
        {
          tag: 'vt-reviews',
          productId: 'mug',
          reviewId: 'r-42',
          index: 2,
          type: 'video',
          url: photos[2]!.url,
        },
        {
          tag: 'vt-reviews',
          productId: 'mug',
          reviewId: 'r-42',
          index: 3,
          type: 'model',
          url: photos[3]!.url,
        },
        {
          tag: 'vt-reviews',
          productId: 'mug',
          reviewId: 'r-42',
          index: 0,
          type: 'image',
          url: photos[0]!.url,
        },
      ]);
      el.close();
      await el.updateComplete;
      expect(details).to.have.length(4);

      // Without a context the tag is the lightbox's own and no ids are made up.
      const event = nextEvent<CustomEvent<MediaOpenDetail>>(el, 'vt-media-open');
      el.open(photos, 4);
      const { detail, bubbles, composed } = await event;
      expect(detail).to.deep.equal({ tag: 'vt-lightbox', index: 4, type: 'image', url: photos[4]!.url });
      expect(bubbles && composed).to.equal(true);
    } finally {
      stop();
    }
  });

  it('uses srcset and alt for images', async () => {
    const { el, button } = await mount();
    await openFrom(el, button, photos, 1);
    const img = media(el) as HTMLImageElement;
    expect(img.localName).to.equal('img');
    expect(img.getAttribute('srcset')).to.equal(
      `${photos[1]!.srcset![0]!.url} 800w, ${photos[1]!.srcset![1]!.url} 1600w`,
    );
    expect(img.getAttribute('alt')).to.equal('Teal mug, side view');
    expect(part(el, 'caption')!.textContent).to.equal('Teal mug, side view');
  });

  it('plays videos natively with poster and captions, never autoplays, pauses when left', async () => {
    const { el, button } = await mount('zh-CN');
    await openFrom(el, button, photos, 2);
    const video = media(el) as HTMLVideoElement;
    expect(video.localName).to.equal('video');
    expect(video.controls).to.equal(true);
    expect(video.autoplay).to.equal(false);
    expect(video.getAttribute('poster')).to.equal(photos[2]!.poster);
    expect(video.getAttribute('aria-label')).to.equal('Unboxing video');
    const tracks = [...video.querySelectorAll('track')];
    expect(tracks.map((t) => [t.kind, t.getAttribute('src'), t.srclang, t.label, t.default])).to.deep.equal([
      ['captions', '/does-not-exist/unboxing.en.vtt', 'en', 'English', false],
      ['captions', '/does-not-exist/unboxing.zh.vtt', 'zh-CN', '中文', true],
    ]);
    expect(video.paused).to.equal(true);

    // Make it really play (a canvas stream stands in for the file), then move on.
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d')!;
    const draw = setInterval(() => context.fillRect(0, 0, Math.random() * 10, 10), 20);
    const play = async (v: HTMLVideoElement) => {
      v.muted = true;
      v.srcObject = canvas.captureStream();
      await v.play();
      expect(v.paused).to.equal(false);
    };
    try {
      await play(video);
      part(el, 'next')!.click();
      await el.updateComplete;
      expect(video.paused).to.equal(true);
      expect(media(el)!.localName).to.equal('img');

      // Closing pauses too.
      el.index = 2;
      await el.updateComplete;
      const again = media(el) as HTMLVideoElement;
      await play(again);
      el.close();
      expect(again.paused).to.equal(true);
    } finally {
      clearInterval(draw);
    }
  });

  it('shows a 3D model as its poster with a note, loading nothing heavy', async () => {
    const { el, button } = await mount();
    await openFrom(el, button, photos, 3);
    const img = media(el) as HTMLImageElement;
    expect(img.localName).to.equal('img');
    expect(img.getAttribute('src')).to.equal(photos[3]!.poster);
    expect(shadow(el).innerHTML).to.not.include('mug.glb');
    expect(shadow(el).querySelector('.note')!.textContent).to.equal('Preview image of a 3D model');
    await expectAccessible(el);
  });

  it('skips an item with a javascript: URL with exactly one warning', async () => {
    const { el, button } = await mount();
    const bad = [
      photos[0]!,
      { type: 'image', url: 'javascript:alert(1)', alt: 'Evil' } as MediaItem,
      { type: 'video', url: 'JavaScript:alert(2)', alt: 'Evil video' } as MediaItem,
      photos[4]!,
    ];
    const warn = captureConsole('warn');
    const { details, stop } = recordOpens();
    try {
      await openFrom(el, button, bad, 1);
      expect(warn.calls).to.have.length(1);
      expect(warn.calls[0]).to.include('<vt-lightbox>').and.include('items[1]').and.include('items[2]');
      expect(shadow(el).innerHTML.toLowerCase()).to.not.include('javascript:');
      expect(counter(el)).to.equal('2 of 2');
      await until(() => details.length === 1, 2000, 'vt-media-open');
      expect(details[0]).to.include({ index: 3, url: photos[4]!.url });
      part(el, 'next')!.click();
      await el.updateComplete;
      expect(el.index).to.equal(0);
      el.index = 1; // skipped: ignored
      await el.updateComplete;
      expect(el.index).to.equal(0);
      expect(warn.calls).to.have.length(1);
    } finally {
      warn.restore();
      stop();
    }
  });

  it('changes item on horizontal swipes only', async () => {
    const { el, button } = await mount();
    await openFrom(el, button);
    swipe(media(el)!, -120);
    await el.updateComplete;
    expect(el.index).to.equal(1);
    swipe(media(el)!, 120);
    await el.updateComplete;
    expect(el.index).to.equal(0);
    swipe(media(el)!, 120);
    await el.updateComplete;
    expect(el.index, 'wraps').to.equal(4);
    swipe(media(el)!, 20); // too short
    swipe(media(el)!, -60, 150); // mostly vertical
    await el.updateComplete;
    expect(el.index).to.equal(4);
  });

  it('does nothing and warns once when opened with an empty list, and never throws', async () => {
    const { el } = await mount();
    const warn = captureConsole('warn');
    const { details, stop } = recordOpens();
    try {
      el.open([]);
      await el.updateComplete;
      expect(el.opened).to.equal(false);
      expect(dialog(el).open).to.equal(false);
      expect(warn.calls).to.have.length(1);
      expect(warn.calls[0]).to.include('nothing to show');

      // Garbage in: still no throw.
      warn.calls.length = 0;
      expect(() => el.open(null as unknown as MediaItem[])).to.not.throw();
      expect(() =>
        el.open([null, 42, { type: 'audio', url: '/a.mp3' }] as unknown as MediaItem[]),
      ).to.not.throw();
      expect(warn.calls).to.have.length(2);
      expect(() => el.close()).to.not.throw();
      expect(() => (el.index = 99)).to.not.throw();
      await el.updateComplete;
      expect(el.opened).to.equal(false);
      expect(details).to.have.length(0);

      // An index out of range is clamped; odd optional fields are ignored.
      el.open([{ ...photos[0]!, srcset: 'nope', captions: 7 } as unknown as MediaItem, photos[1]!], 9);
      await until(() => dialog(el).open, 2000, 'dialog open');
      expect(el.index).to.equal(1);
      expect(() => el.open(photos, Number.NaN)).to.not.throw();
      await el.updateComplete;
      expect(el.index).to.equal(0);
      expect(media(el)!.hasAttribute('srcset')).to.equal(false);
    } finally {
      warn.restore();
      stop();
    }
  });
});
