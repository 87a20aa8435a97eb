import { expect } from '@esm-bundle/chai';
import { captureConsole, expectAccessible, fixture, nextEvent, recordEvents, until } from '@vitrine/testing';
import type { MediaRef, MediaViewDetail, MediaZoomDetail, VtErrorDetail } from '@vitrine/schema';
import type { VtGallery } from '@vitrine/gallery';
import '@vitrine/gallery/gallery';
import { galleryCatalogs } from '../src/components/gallery/gallery.messages.js';

const FIX = '/packages/gallery/test/fixtures';
const MEDIA = '/examples/shop/public/media';
const usd = (amount: number) => ({ amount, currency: 'USD' });

const photo = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'image',
  url: `${FIX}/photo-${n}-800.svg`,
  alt: `Tote bag, view ${n}`,
  width: 800,
  height: 800,
  srcset: [
    { url: `${FIX}/photo-${n}-400.svg`, width: 400 },
    { url: `${FIX}/photo-${n}-800.svg`, width: 800 },
  ],
  ...extra,
});
const video = {
  type: 'video',
  url: `${MEDIA}/clip.webm`,
  alt: 'The tote bag turning',
  poster: `${MEDIA}/clip-poster.svg`,
  width: 640,
  height: 360,
  captions: [
    { src: `${MEDIA}/clip.en.vtt`, lang: 'en', label: 'English' },
    { src: `${MEDIA}/clip.zh-CN.vtt`, lang: 'zh-CN', label: '中文' },
  ],
};
const model = {
  type: 'model',
  url: `${MEDIA}/bag.glb`,
  alt: '3D model of the tote bag',
  poster: `${MEDIA}/bag-poster.svg`,
};

/** A product with three photos (blue variant starts at photo 3) plus any extra media. */
function bag(media: unknown[] = [photo(1), photo(2), photo(3)], extra: Record<string, unknown> = {}) {
  return {
    id: 'tote',
    title: 'Canvas tote',
    category: ['Bags'],
    price: usd(3900),
    availability: 'in_stock',
    options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
    variants: [
      { id: 'tote-red', options: { Colour: 'Red' }, price: usd(3900), availability: 'in_stock', media: [0] },
      {
        id: 'tote-blue',
        options: { Colour: 'Blue' },
        price: usd(3900),
        availability: 'in_stock',
        ...(media.length > 2 ? { media: [2] } : {}),
      },
    ],
    media,
    ...extra,
  };
}

async function gallery(product: unknown = bag(), attrs = '', lang?: string): Promise<VtGallery> {
  const json = JSON.stringify(product).replace(/</g, '\\u003c');
  const el = await fixture<VtGallery>(
    `<vt-gallery ${attrs}><script type="application/json">${json}</script></vt-gallery>`,
    lang ? { lang } : {},
  );
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector)!;
const viewport = (el: Element) => $(el, '[part~="viewport"]');
const visibleSlide = (el: Element) => $(el, '[part~="slide"]:not([hidden])');
const zoomLayer = (el: VtGallery) => $(el, `#slide-${el.index} .zoom`);

async function key(target: HTMLElement, k: string, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, ...init }));
  await ((target.getRootNode() as ShadowRoot).host as VtGallery).updateComplete;
}

/** A touch pointer event at client (x, y) on the view. */
function touch(el: VtGallery, type: string, id: number, x: number, y: number, timeStamp?: number) {
  const event = new PointerEvent(type, {
    pointerId: id,
    pointerType: 'touch',
    isPrimary: id === 1,
    clientX: x,
    clientY: y,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  if (timeStamp !== undefined) Object.defineProperty(event, 'timeStamp', { value: timeStamp });
  viewport(el).dispatchEvent(event);
}

function centre(el: VtGallery) {
  const box = viewport(el).getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, box };
}

describe('<vt-gallery>', () => {
  // First: the 3D viewer module must not have been requested by anything before.
  it('fetches model-viewer only once a 3D item is shown (network log)', async function () {
    this.timeout(30_000);
    const requested = () =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /model-viewer/.test(name));
    const el = await gallery(bag([photo(1), model]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requested(), 'before the 3D item is shown').to.deep.equal([]);
    expect(customElements.get('model-viewer')).to.equal(undefined);
    // The 3D item's thumbnail shows its poster meanwhile.
    expect($(el, '#thumb-1 img').getAttribute('src')).to.equal(model.poster);

    $(el, '#thumb-1').click();
    await el.updateComplete;
    await until(() => requested().length > 0, 20_000, 'model-viewer requested');
    const item = visibleSlide(el).querySelector('vt-gallery-model')!;
    await until(() => !!item.shadowRoot?.querySelector('model-viewer'), 20_000, '<model-viewer> rendered');
    expect(customElements.get('model-viewer')).to.not.equal(undefined);
  });

  it('is an accessible carousel (axe), with photos, a video and a 3D item', async () => {
    const el = await gallery(bag([photo(1), photo(2), video, model]));
    await expectAccessible(el);
    const base = $(el, '[part~="base"]');
    expect(base.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(base.getAttribute('aria-label')).to.equal('Photos and videos of Canvas tote');
    const slides = root(el).querySelectorAll('[part~="slide"]');
    expect(slides).to.have.length(4);
    expect(slides[0]!.getAttribute('aria-roledescription')).to.equal('slide');
    expect(slides[0]!.getAttribute('aria-label')).to.equal('1 of 4');
    const tabs = root(el).querySelectorAll('[role="tab"]');
    expect([...tabs].map((t) => t.getAttribute('aria-label'))).to.deep.equal([
      'Photo 1: Tote bag, view 1',
      'Photo 2: Tote bag, view 2',
      'Video 3: The tote bag turning',
      '3D model 4: 3D model of the tote bag',
    ]);
  });

  it('makes the first photo the LCP candidate and lazy-loads the rest, with srcset and sizes', async () => {
    const el = await gallery(bag(), 'sizes="(min-width: 60rem) 600px, 100vw"');
    const images = [...root(el).querySelectorAll<HTMLImageElement>('[part~="image"]')];
    expect(images.map((img) => img.loading)).to.deep.equal(['eager', 'lazy', 'lazy']);
    expect(images[0]!.getAttribute('fetchpriority')).to.equal('high');
    expect(images[1]!.hasAttribute('fetchpriority')).to.equal(false);
    expect(images[0]!.getAttribute('srcset')).to.equal(
      `${FIX}/photo-1-400.svg 400w, ${FIX}/photo-1-800.svg 800w`,
    );
    expect(images[0]!.sizes).to.equal('(min-width: 60rem) 600px, 100vw');
    expect(images[0]!.alt).to.equal('Tote bag, view 1');
    expect(images[0]!.getAttribute('width')).to.equal('800');
    await until(() => images[0]!.complete && images[0]!.naturalWidth > 0, 5000, 'first photo loaded');
    // Photos not reached are not downloaded at full size.
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    // (Its thumbnail, the 400 px source, is on screen and loads.)
    expect(names.some((n) => n.includes('photo-3-800'))).to.equal(false);
  });

  it('keeps its box from loading to ready, so the page does not shift', async () => {
    const el = await fixture<VtGallery>(
      `<div style="inline-size: 400px"><vt-gallery src="/__test__/flaky/gallery-box?body=${encodeURIComponent(
        JSON.stringify(bag()),
      )}"></vt-gallery></div>`,
    );
    const g = el.querySelector('vt-gallery')!;
    await g.updateComplete;
    expect(g.status).to.equal('loading');
    const before = viewport(g).getBoundingClientRect().height;
    expect(before).to.be.closeTo(400, 1);
    const whole = g.getBoundingClientRect().height;
    // The box the README's pre-upgrade rule reserves: the view plus 0.5rem and the 4rem + 1rem strip.
    expect(whole).to.be.closeTo(400 + 5.5 * 16, 1);
    await until(() => g.status === 'ready', 8000, 'ready after the retried fetch');
    await g.updateComplete;
    expect(viewport(g).getBoundingClientRect().height).to.be.closeTo(before, 0.5);
    expect(g.getBoundingClientRect().height).to.be.closeTo(whole, 0.5);
  });

  it('moves with the arrow keys, Home and End, announcing each move', async () => {
    const el = await gallery();
    const view = viewport(el);
    view.focus();
    await key(view, 'ArrowRight');
    expect(el.index).to.equal(1);
    expect(visibleSlide(el).id).to.equal('slide-1');
    expect($(el, '#announce').textContent).to.equal('Photo 2 of 3: Tote bag, view 2');
    await key(view, 'End');
    expect(el.index).to.equal(2);
    await key(view, 'ArrowRight');
    expect(el.index, 'wraps to the first').to.equal(0);
    await key(view, 'ArrowLeft');
    expect(el.index, 'wraps to the last').to.equal(2);
    await key(view, 'Home');
    expect(el.index).to.equal(0);
    expect(root(el).activeElement).to.equal(view);
  });

  it('works its thumbnails as tabs: one tab stop, arrows move focus and selection', async () => {
    const el = await gallery();
    const tabs = () => [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
    tabs()[0]!.focus();
    await key(tabs()[0]!, 'ArrowRight');
    await el.updateComplete;
    expect(el.index).to.equal(1);
    expect(root(el).activeElement).to.equal(tabs()[1]);
    expect(tabs()[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1]);
    await key(tabs()[1]!, 'End');
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(tabs()[2]);
    tabs()[0]!.click();
    await el.updateComplete;
    expect(el.index).to.equal(0);
    expect(visibleSlide(el).getAttribute('aria-labelledby')).to.equal('thumb-0');
  });

  it('moves with Previous and Next buttons and with horizontal swipes; vertical drags do nothing', async () => {
    const el = await gallery();
    $(el, '[part~="next"]').click();
    await el.updateComplete;
    expect(el.index).to.equal(1);
    $(el, '[part~="previous"]').click();
    await el.updateComplete;
    expect(el.index).to.equal(0);

    const { x, y } = centre(el);
    touch(el, 'pointerdown', 1, x + 60, y);
    touch(el, 'pointermove', 1, x, y + 5);
    touch(el, 'pointerup', 1, x - 60, y + 5);
    await el.updateComplete;
    expect(el.index, 'swipe left → next').to.equal(1);
    touch(el, 'pointerdown', 1, x - 60, y);
    touch(el, 'pointerup', 1, x + 60, y);
    await el.updateComplete;
    expect(el.index, 'swipe right → previous').to.equal(0);
    touch(el, 'pointerdown', 1, x, y - 80);
    touch(el, 'pointerup', 1, x + 20, y + 80);
    await el.updateComplete;
    expect(el.index, 'a vertical drag scrolls the page, not the gallery').to.equal(0);
  });

  it('zooms in and out with the buttons and keys, pans with the arrows when zoomed, and reports it', async () => {
    const el = await gallery();
    const events = recordEvents<MediaZoomDetail>('vt-media-zoom');
    try {
      $(el, '[part~="zoom-in"]').click();
      await el.updateComplete;
      expect(el.scale).to.equal(2);
      expect(zoomLayer(el).style.transform).to.equal('translate(0px, 0px) scale(2)');
      expect($(el, '#announce').textContent).to.contain('Zoomed to 2×');
      // The zoomed photo asks for a source twice as wide as its box.
      const box = viewport(el).getBoundingClientRect();
      expect($<HTMLImageElement>(el, '#slide-0 img').sizes).to.equal(`${Math.ceil(box.width * 2)}px`);
      expect($<HTMLButtonElement>(el, '[part~="zoom-out"]').disabled).to.equal(false);

      const view = viewport(el);
      view.focus();
      await key(view, 'ArrowRight');
      expect(el.index, 'zoomed: arrows pan instead of moving').to.equal(0);
      expect(zoomLayer(el).style.transform).to.match(/^translate\(-\d+(\.\d+)?px, 0px\) scale\(2\)$/);
      await key(view, '+');
      expect(el.scale).to.equal(3);
      await key(view, '0');
      expect(el.scale).to.equal(1);
      expect(zoomLayer(el).style.transform).to.equal('');
      await key(view, '+');
      await key(view, '-');
      expect(el.scale).to.equal(1);
      $(el, '[part~="zoom-in"]').click();
      await el.updateComplete;
      $(el, '[part~="zoom-out"]').click();
      await el.updateComplete;
      expect(events.list.map((e) => [e.method, e.scale])).to.deep.equal([
        ['button', 2],
        ['keyboard', 3],
        ['keyboard', 2],
        ['keyboard', 1],
        ['button', 2],
        ['button', 1],
      ]);
      expect(events.list[0]).to.include({ tag: 'vt-gallery', productId: 'tote', index: 0, type: 'image' });
    } finally {
      events.stop();
    }
  });

  it('zooms under the mouse while it hovers a photo, once reported, and resets on leave', async () => {
    const el = await gallery();
    const events = recordEvents<MediaZoomDetail>('vt-media-zoom');
    try {
      const { x, y, box } = centre(el);
      const mouse = (type: string, cx: number, cy: number) =>
        viewport(el).dispatchEvent(
          new PointerEvent(type, {
            pointerType: 'mouse',
            clientX: cx,
            clientY: cy,
            bubbles: true,
            composed: true,
          }),
        );
      mouse('pointermove', x + box.width / 4, y);
      expect(el.scale).to.equal(2);
      // The right quarter of the photo shows under the pointer: the image moved left.
      expect(zoomLayer(el).style.transform).to.equal(`translate(${-box.width / 4}px, 0px) scale(2)`);
      mouse('pointermove', x - box.width / 4, y);
      expect(zoomLayer(el).style.transform).to.equal(`translate(${box.width / 4}px, 0px) scale(2)`);
      mouse('pointerleave', x, y);
      expect(el.scale).to.equal(1);
      expect(events.list.map((e) => e.method)).to.deep.equal(['hover']);
    } finally {
      events.stop();
    }
  });

  it('pinch-zooms and pans with fingers, double-tap toggles zoom, and a swipe while zoomed pans', async () => {
    const el = await gallery();
    const events = recordEvents<MediaZoomDetail>('vt-media-zoom');
    try {
      const { x, y } = centre(el);
      touch(el, 'pointerdown', 1, x - 20, y);
      touch(el, 'pointerdown', 2, x + 20, y);
      touch(el, 'pointermove', 2, x + 60, y);
      touch(el, 'pointermove', 1, x - 60, y);
      expect(el.scale).to.be.closeTo(3, 0.01);
      touch(el, 'pointerup', 2, x + 60, y);
      touch(el, 'pointerup', 1, x - 60, y);
      expect(events.list.map((e) => e.method)).to.deep.equal(['pinch']);
      expect(events.list[0]!.scale).to.equal(3);
      expect($(el, '[part~="viewport"]').classList.contains('zoomed') || el.scale > 1).to.equal(true);

      // One finger now pans (the photo follows it) and does not change the slide.
      touch(el, 'pointerdown', 1, x, y);
      touch(el, 'pointermove', 1, x - 50, y - 30);
      touch(el, 'pointerup', 1, x - 50, y - 30);
      await el.updateComplete;
      expect(el.index).to.equal(0);
      expect(zoomLayer(el).style.transform).to.equal('translate(-50px, -30px) scale(3)');

      // Double tap: zoomed → reset; again → zoom at the tapped point.
      touch(el, 'pointerdown', 1, x, y, 1000);
      touch(el, 'pointerup', 1, x, y, 1050);
      touch(el, 'pointerdown', 1, x, y, 1200);
      touch(el, 'pointerup', 1, x, y, 1250);
      expect(el.scale).to.equal(1);
      touch(el, 'pointerdown', 1, x + 40, y, 3000);
      touch(el, 'pointerup', 1, x + 40, y, 3050);
      touch(el, 'pointerdown', 1, x + 40, y, 3200);
      touch(el, 'pointerup', 1, x + 40, y, 3250);
      expect(el.scale).to.equal(2.5);
      // The tapped point stays under the finger: 40 px right of centre → pan of -40 × 1.5.
      expect(zoomLayer(el).style.transform).to.equal('translate(-60px, 0px) scale(2.5)');
      expect(events.list.map((e) => e.method)).to.deep.equal(['pinch', 'double-tap', 'double-tap']);
    } finally {
      events.stop();
    }
  });

  it('zooms with Ctrl+wheel (and trackpad pinch) but leaves a plain wheel to the page', async () => {
    const el = await gallery();
    const { x, y } = centre(el);
    const wheel = (deltaY: number, ctrlKey: boolean) => {
      const event = new WheelEvent('wheel', {
        deltaY,
        ctrlKey,
        clientX: x,
        clientY: y,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      viewport(el).dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(wheel(-100, false), 'plain wheel scrolls the page').to.equal(false);
    expect(el.scale).to.equal(1);
    const event = nextEvent<CustomEvent<MediaZoomDetail>>(el, 'vt-media-zoom');
    expect(wheel(-300, true)).to.equal(true);
    expect(el.scale).to.be.closeTo(Math.E, 0.01);
    const detail = (await event).detail;
    expect(detail.method).to.equal('wheel');
    expect(detail.scale).to.equal(2.72);
  });

  it('opens a full-screen viewer with focus inside, follows it, and gives focus back on Escape', async () => {
    const el = await gallery();
    const button = $<HTMLButtonElement>(el, '[part~="fullscreen"]');
    button.focus();
    button.click();
    const lightbox = await until(
      () => !!root(el).querySelector('vt-lightbox')?.opened,
      5000,
      'viewer open',
    ).then(() => root(el).querySelector('vt-lightbox')!);
    await lightbox.updateComplete;
    const dialog = lightbox.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.contains(lightbox.shadowRoot!.activeElement)).to.equal(true);
    // Next in the viewer: the gallery behind follows.
    lightbox.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await lightbox.updateComplete;
    await el.updateComplete;
    expect(el.index).to.equal(1);
    dialog.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }),
    );
    await lightbox.updateComplete;
    expect(lightbox.opened).to.equal(false);
    await el.updateComplete;
    // Focus returns to the control that opened it (still on the page: the slide changed, the button stays).
    expect(root(el).activeElement?.getAttribute('part')).to.equal('fullscreen');
  });

  it('pauses a playing video when the shopper moves to another item', async function () {
    this.timeout(15_000);
    const el = await gallery(bag([photo(1), video, photo(2)]));
    const plays = recordEvents<MediaRef>('vt-video-play');
    try {
      $(el, '[part~="next"]').click();
      await el.updateComplete;
      const item = visibleSlide(el).querySelector('vt-gallery-video')!;
      await item.updateComplete;
      const player = item.shadowRoot!.querySelector('video')!;
      expect(player.autoplay).to.equal(false);
      expect(player.paused).to.equal(true);
      player.muted = true;
      await player.play();
      await until(() => plays.list.length === 1, 5000, 'vt-video-play');
      expect(plays.list[0]).to.deep.equal({
        tag: 'vt-gallery',
        productId: 'tote',
        index: 1,
        type: 'video',
        url: video.url,
      });
      $(el, '[part~="next"]').click();
      await el.updateComplete;
      await until(() => player.paused, 3000, 'video paused');
    } finally {
      plays.stop();
    }
  });

  it('jumps to a variant’s media from the variant attribute and from vt-variant-change of its product', async () => {
    const el = await gallery(bag(), 'variant="tote-blue"');
    expect(el.index).to.equal(2);
    el.variant = 'tote-red';
    await el.updateComplete;
    expect(el.index).to.equal(0);
    const pick = (productId: string, variantId: string) =>
      document.body.dispatchEvent(
        new CustomEvent('vt-variant-change', {
          detail: { productId, variantId, options: {} },
          bubbles: true,
          composed: true,
        }),
      );
    pick('another-product', 'tote-blue');
    await el.updateComplete;
    expect(el.index, 'another product’s pick is ignored').to.equal(0);
    pick('tote', 'tote-blue');
    await el.updateComplete;
    expect(el.index).to.equal(2);
    expect($(el, '#announce').textContent).to.equal('Photo 3 of 3: Tote bag, view 3');
  });

  it('shows a clear per-item error for a broken photo and a bad model, and the rest keeps working', async function () {
    this.timeout(30_000);
    const errors = captureConsole('error');
    const events = recordEvents<VtErrorDetail>('vt-error');
    try {
      const broken = photo(2, { url: '/__test__/status/gallery-photo?code=404', srcset: undefined });
      const badModel = { ...model, url: '/__test__/status/gallery-model?code=404' };
      const el = await gallery(bag([photo(1), broken, badModel, photo(3)]));
      expect(root(el).querySelector('[part~="error"]'), 'a photo not reached is not requested').to.equal(
        null,
      );
      el.index = 1;
      await until(() => root(el).querySelector('[part~="error"]') !== null, 5000, 'photo error shown');
      const error = $(el, '#slide-1 [part~="error"]');
      expect(error.textContent).to.contain('This photo could not be loaded.');
      expect(error.textContent).to.contain('Tote bag, view 2');
      expect(errors.calls.filter((c) => c.includes('media[1].url'))).to.have.length(1);

      // The model fails when shown; its slide says so.
      el.index = 2;
      await el.updateComplete;
      const modelItem = visibleSlide(el).querySelector('vt-gallery-model')!;
      await until(
        () => !!modelItem.shadowRoot?.querySelector('[part~="error"]'),
        20_000,
        'model error shown',
      );
      expect(errors.calls.filter((c) => c.includes('media[2].url'))).to.have.length(1);

      // Photo 4 still shows.
      el.index = 3;
      await el.updateComplete;
      const img = visibleSlide(el).querySelector<HTMLImageElement>('img')!;
      await until(() => img.complete && img.naturalWidth > 0, 5000, 'photo 4 loads');
      expect(el.status).to.equal('ready');
      expect(events.list.map((e) => e.attribute)).to.deep.equal(['media[1].url', 'media[2].url']);
    } finally {
      errors.restore();
      events.stop();
    }
  });

  it('reports a photo without alt as an error (once) instead of rendering it silently', async () => {
    const errors = captureConsole('error');
    const warnings = captureConsole('warn');
    const events = recordEvents<VtErrorDetail>('vt-error');
    try {
      const el = await gallery(bag([photo(1), photo(2, { alt: '' })]));
      expect(events.list).to.have.length(1);
      expect(events.list[0]).to.include({ tag: 'vt-gallery', attribute: 'media[1].alt' });
      expect(errors.calls).to.have.length(1);
      expect(errors.calls[0]).to.contain('media[1].alt');
      expect(
        warnings.calls.filter((c) => c.includes('alt')),
        'not logged twice',
      ).to.deep.equal([]);
      // The photo still shows, described by the stand-in text meanwhile.
      expect($<HTMLImageElement>(el, '#slide-1 img').alt).to.equal('Canvas tote image 2');
    } finally {
      errors.restore();
      warnings.restore();
      events.stop();
    }
  });

  it('tells how long each item was on screen when it leaves and when the gallery goes away', async () => {
    const el = await gallery();
    const views = recordEvents<MediaViewDetail>('vt-media-view');
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      $(el, '[part~="next"]').click();
      await el.updateComplete;
      expect(views.list).to.have.length(1);
      expect(views.list[0]).to.include({ tag: 'vt-gallery', productId: 'tote', index: 0, type: 'image' });
      expect(views.list[0]!.ms).to.be.within(100, 5000);
      el.remove();
      expect(views.list).to.have.length(2);
      expect(views.list[1]!.index).to.equal(1);
    } finally {
      views.stop();
    }
  });

  it('speaks Chinese inside a zh-CN page', async () => {
    const el = await gallery(bag(), '', 'zh-CN');
    expect($(el, '[part~="base"]').getAttribute('aria-label')).to.equal('Canvas tote的图片和视频');
    expect($(el, '[part~="next"]').getAttribute('aria-label')).to.equal('下一项');
    expect($(el, '[part~="slide"]').getAttribute('aria-label')).to.equal('第 1 项，共 3 项');
    $(el, '[part~="next"]').click();
    await el.updateComplete;
    expect($(el, '#announce').textContent).to.equal('图片 2/3：Tote bag, view 2');
    await expectAccessible(el);
  });

  it('keeps its box and shows a translated error for malformed product JSON, without throwing', async () => {
    const errors = captureConsole('error');
    try {
      const el = await fixture<VtGallery>(
        '<div lang="zh-CN" style="inline-size: 300px"><vt-gallery><script type="application/json">{"id": </script></vt-gallery></div>',
      );
      const g = el.querySelector('vt-gallery')!;
      await g.updateComplete;
      expect(g.status).to.equal('error');
      expect($(g, '[part~="status"]').textContent).to.equal('商品图片无法加载。');
      expect(viewport(g).getBoundingClientRect().height).to.be.closeTo(300, 1);
      expect(errors.calls).to.have.length(1);
      expect(errors.calls[0]).to.contain('script[type="application/json"]');
    } finally {
      errors.restore();
    }
  });

  it('reads its media from the page’s schema.org JSON-LD Product', async () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'Product',
      '@id': 'ld-tote',
      sku: 'ld-tote',
      name: 'Linen tote',
      image: [`${FIX}/photo-1-800.svg`, `${FIX}/photo-2-800.svg`],
      offers: {
        '@type': 'Offer',
        price: '39.00',
        priceCurrency: 'USD',
        availability: 'https://schema.org/InStock',
      },
    };
    const container = await fixture<HTMLDivElement>(
      `<div><script type="application/ld+json">${JSON.stringify(ld)}</script><vt-gallery source="jsonld"></vt-gallery></div>`,
    );
    const el = container.querySelector('vt-gallery')!;
    await until(() => el.status === 'ready', 5000, 'JSON-LD read');
    await el.updateComplete;
    const images = [...root(el).querySelectorAll<HTMLImageElement>('[part~="image"]')];
    expect(images.map((img) => img.getAttribute('src'))).to.deep.equal(ld.image);
    expect(root(el).querySelectorAll('[role="tab"]')).to.have.length(2);
  });

  it('shows one item without carousel controls or thumbnails, in a box as tall as with several', async () => {
    const several = await gallery();
    const el = await gallery(bag([photo(1)]));
    expect(el.getBoundingClientRect().height).to.be.closeTo(several.getBoundingClientRect().height, 0.5);
    expect(root(el).querySelector('[part~="next"]')).to.equal(null);
    expect(root(el).querySelector('[role="tablist"]')).to.equal(null);
    expect($(el, '[part~="slide"]').getAttribute('role')).to.equal('group');
    await expectAccessible(el);
  });

  it('ships every gallery string in English and Chinese, with the same placeholders', () => {
    const keys = Object.keys(galleryCatalogs.en).sort();
    expect(Object.keys(galleryCatalogs['zh-CN']).sort()).to.deep.equal(keys);
    const placeholders = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort().join();
    for (const key of keys as (keyof typeof galleryCatalogs.en)[])
      expect(placeholders(galleryCatalogs['zh-CN'][key]), key).to.equal(
        placeholders(galleryCatalogs.en[key]),
      );
  });
});
