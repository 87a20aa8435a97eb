import { expect } from '@esm-bundle/chai';
import type { MediaItem, VtErrorDetail } from '@vitrine/core';
import type { MediaRef } from '@vitrine/schema';
import { captureConsole, expectAccessible, fixture, recordEvents, until } from '@vitrine/testing';
import '@vitrine/gallery/gallery-video';
import type { VtGalleryVideo } from '../src/components/gallery-video/gallery-video.component.js';
import { galleryVideoCatalogs } from '../src/components/gallery-video/gallery-video.messages.js';

const MEDIA = '/examples/shop/public/media';
const CLIP = `${MEDIA}/clip.webm`;
const BROKEN = '/__test__/status/vid404?code=404';

const ITEM: MediaItem = {
  type: 'video',
  url: CLIP,
  alt: 'The terracotta tote bag turning on its stand',
  width: 640,
  height: 360,
  poster: `${MEDIA}/clip-poster.svg`,
  mimeType: 'video/webm',
  captions: [
    { src: `${MEDIA}/clip.en.vtt`, lang: 'en', label: 'English' },
    { src: `${MEDIA}/clip.zh-CN.vtt`, lang: 'zh-CN', label: '中文' },
  ],
};

interface Options {
  item?: MediaItem;
  active?: boolean;
  lang?: string;
  /** Called with the element before it gets its item, to listen from the start. */
  before?: (el: VtGalleryVideo) => void;
}

/** A `<vt-gallery-video>` set up as the gallery sets it up: item 2 of product `tote-1`. */
async function mount({ item = ITEM, active = false, lang, before }: Options = {}): Promise<VtGalleryVideo> {
  const host = await fixture('<div></div>', lang ? { lang } : {});
  const el = document.createElement('vt-gallery-video');
  before?.(el);
  host.append(el);
  Object.assign(el, { item, index: 2, productId: 'tote-1', tag: 'vt-gallery', active });
  await el.updateComplete;
  return el;
}

const videoOf = (el: VtGalleryVideo) => el.shadowRoot!.querySelector('video')!;
const errorOf = (el: VtGalleryVideo) => el.shadowRoot!.querySelector('[part="error"]');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const REF: MediaRef = { tag: 'vt-gallery', productId: 'tote-1', index: 2, type: 'video', url: CLIP };

describe('<vt-gallery-video>', () => {
  it('is accessible', async () => {
    const el = await mount({ active: true });
    await until(() => videoOf(el).readyState >= HTMLMediaElement.HAVE_METADATA, 5000, 'metadata');
    await expectAccessible(el);
  });

  it('shows the poster with native controls and never plays by itself', async () => {
    const el = await mount({ active: true });
    const video = videoOf(el);
    expect(video.getAttribute('part')).to.equal('video');
    expect(video.poster).to.match(/\/clip-poster\.svg$/);
    expect(video.controls).to.equal(true);
    expect(video.hasAttribute('autoplay')).to.equal(false);
    expect(video.getAttribute('aria-label')).to.equal(ITEM.alt);
    expect(video.getAttribute('width')).to.equal('640');
    expect(video.getAttribute('height')).to.equal('360');
    await until(() => video.readyState >= HTMLMediaElement.HAVE_METADATA, 5000, 'metadata');
    // The clip says how long it is (the demo script checks its WebM header has a duration).
    expect(video.duration).to.be.within(2.5, 3.5);
    await wait(300);
    expect(video.paused).to.equal(true);
    expect(video.currentTime).to.equal(0);
  });

  it('fetches nothing until it becomes the current slide, then only the metadata', async () => {
    const el = await mount();
    const video = videoOf(el);
    expect(video.preload).to.equal('none');
    await wait(300);
    expect(video.readyState).to.equal(HTMLMediaElement.HAVE_NOTHING);

    el.active = true;
    await el.updateComplete;
    expect(videoOf(el)).to.equal(video);
    expect(video.preload).to.equal('metadata');
    await until(() => video.readyState >= HTMLMediaElement.HAVE_METADATA, 5000, 'metadata');
    expect(video.paused).to.equal(true);
  });

  it('turns on the captions in the page language, and offers the others', async () => {
    for (const [lang, text] of [
      ['zh-CN', '托特包'],
      ['en', 'tote bag'],
    ] as const) {
      const el = await mount({ active: true, lang });
      const video = videoOf(el);
      const tracks = [...video.querySelectorAll('track')];
      expect(tracks.map((t) => [t.kind, t.srclang, t.label])).to.deep.equal([
        ['captions', 'en', 'English'],
        ['captions', 'zh-CN', '中文'],
      ]);
      expect(tracks.filter((t) => t.default).map((t) => t.srclang)).to.deep.equal([lang]);
      const showing = () => [...video.textTracks].filter((t) => t.mode === 'showing');
      await until(() => showing().length > 0, 5000, 'a showing track');
      const shown = showing();
      expect(shown.map((t) => t.language)).to.deep.equal([lang]);
      await until(() => (shown[0]!.cues?.length ?? 0) > 0, 5000, `${lang} cues`);
      expect((shown[0]!.cues![0] as VTTCue).text).to.contain(text);
    }
  });

  it('reports the start and the end of playback', async () => {
    const plays = recordEvents<MediaRef>('vt-video-play');
    const completes = recordEvents<MediaRef>('vt-video-complete');
    try {
      const el = await mount({ active: true });
      const video = videoOf(el);
      video.muted = true;
      await video.play();
      await until(() => plays.list.length > 0, 3000, 'vt-video-play');
      expect(plays.list).to.deep.equal([REF]);

      // Resuming after a pause is not a new start.
      video.pause();
      video.playbackRate = 8;
      await video.play();
      await until(() => completes.list.length > 0, 5000, 'vt-video-complete');
      expect(completes.list).to.deep.equal([REF]);
      expect(plays.list).to.have.length(1);

      // Playing it again after the end is.
      await video.play();
      await until(() => plays.list.length > 1, 3000, 'second vt-video-play');
      expect(plays.list).to.deep.equal([REF, REF]);
    } finally {
      plays.stop();
      completes.stop();
    }
  });

  it('pauses when slid away or removed', async () => {
    const el = await mount({ active: true });
    const video = videoOf(el);
    video.muted = true;
    await video.play();
    expect(video.paused).to.equal(false);
    el.active = false;
    await el.updateComplete;
    expect(video.paused).to.equal(true);
    expect(video.preload).to.equal('none');

    el.active = true;
    await el.updateComplete;
    await video.play();
    el.remove();
    expect(video.paused).to.equal(true);
  });

  for (const [lang, message] of [
    ['en', 'This video could not be loaded.'],
    ['zh-CN', '视频无法加载。'],
  ] as const) {
    it(`shows a missing current video as a translated error, reported once (${lang})`, async () => {
      const errors = captureConsole('error');
      const uncaught: unknown[] = [];
      const onError = (e: ErrorEvent) => uncaught.push(e.error);
      const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      let events: VtErrorDetail[] = [];
      try {
        const el = await mount({
          item: { ...ITEM, url: BROKEN },
          active: true,
          lang,
          before: (el) => (events = recordEvents<VtErrorDetail>('vt-error', el).list),
        });
        await until(() => el.failed, 5000, 'the error');
        await el.updateComplete;
        await wait(200);

        expect(el.shadowRoot!.querySelector('video')).to.equal(null);
        const error = errorOf(el)!;
        expect(error.textContent).to.contain(message).and.to.contain(ITEM.alt);
        await expectAccessible(el);
        expect(errors.calls).to.have.length(1);
        expect(errors.calls[0]).to.contain(
          '<vt-gallery-video>: attribute "media[2].url" could not be loaded',
        );
        expect(events).to.have.length(1);
        expect(events[0]).to.include({ tag: 'vt-gallery-video', attribute: 'media[2].url' });
        expect(uncaught).to.deep.equal([]);
      } finally {
        errors.restore();
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });
  }

  it('shows the error of a missing video that was not the current slide once it is played', async () => {
    const errors = captureConsole('error');
    try {
      const el = await mount({ item: { ...ITEM, url: BROKEN } });
      await wait(200);
      expect(el.failed).to.equal(false);
      // The shopper's click on Play; muted, as a test has no user gesture to allow sound.
      const video = videoOf(el);
      video.muted = true;
      await video.play().catch(() => undefined);
      await until(() => el.failed, 5000, 'the error');
      await el.updateComplete;
      expect(errorOf(el)!.textContent).to.contain('This video could not be loaded.');
      expect(errors.calls).to.have.length(1);

      // A new item starts afresh.
      el.item = ITEM;
      el.active = true;
      await el.updateComplete;
      expect(errorOf(el)).to.equal(null);
      await until(() => videoOf(el).readyState >= HTMLMediaElement.HAVE_METADATA, 5000, 'metadata');
      expect(errors.calls).to.have.length(1);
    } finally {
      errors.restore();
    }
  });

  it('ships every gallery-video string in English and Chinese, with the same placeholders', () => {
    const keys = Object.keys(galleryVideoCatalogs.en).sort();
    expect(Object.keys(galleryVideoCatalogs['zh-CN']).sort()).to.deep.equal(keys);
    const placeholders = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort().join();
    for (const key of keys as (keyof typeof galleryVideoCatalogs.en)[])
      expect(placeholders(galleryVideoCatalogs['zh-CN'][key]), key).to.equal(
        placeholders(galleryVideoCatalogs.en[key]),
      );
  });
});
