import { expect } from '@esm-bundle/chai';
import type { MediaItem, VtErrorDetail } from '@vitrine/core';
import { captureConsole, expectAccessible, fixture, nextEvent, recordEvents, until } from '@vitrine/testing';
import '@vitrine/gallery/gallery-model';
import type { VtGalleryModel } from '../src/components/gallery-model/gallery-model.component.js';
import { detectArMode, type ArEnvironment } from '../src/components/gallery-model/gallery-model.ar.js';
import { galleryModelCatalogs } from '../src/components/gallery-model/gallery-model.messages.js';

const MEDIA = '/examples/shop/public/media';
const BAG = `${MEDIA}/bag.glb`;

const ITEM: MediaItem = {
  type: 'model',
  url: BAG,
  alt: 'The terracotta tote bag in 3D',
  width: 800,
  height: 800,
  poster: `${MEDIA}/bag-poster.svg`,
  mimeType: 'model/gltf-binary',
};

interface Options {
  item?: MediaItem;
  active?: boolean;
  lang?: string;
}

/** A `<vt-gallery-model>` set up as the gallery sets it up: item 3 of product `tote-1`, in a 400 px box. */
async function mount({ item = ITEM, active = false, lang }: Options = {}): Promise<VtGalleryModel> {
  const host = await fixture('<div style="width: 400px; height: 400px; position: relative"></div>', {
    ...(lang && { lang }),
  });
  const el = document.createElement('vt-gallery-model');
  host.append(el);
  Object.assign(el, { item, index: 3, productId: 'tote-1', tag: 'vt-gallery', active });
  await el.updateComplete;
  return el;
}

const part = (el: VtGalleryModel, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const viewerOf = (el: VtGalleryModel) => el.shadowRoot!.querySelector('model-viewer');
const modelViewerRequested = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('model-viewer'));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the model is on screen: loaded, its poster dismissed, the controls hint shown. */
async function loaded(el: VtGalleryModel, ms = 15_000): Promise<void> {
  await until(() => viewerOf(el)?.loaded === true, ms, 'the model to load');
  await until(
    () => part(el, 'hint') !== null && !viewerOf(el)!.querySelector('[slot="poster"]')!.checkVisibility(),
    2000,
    'the poster to go',
  );
}

/** Records uncaught errors and rejections (the element must never throw). */
function recordUncaught(): { list: unknown[]; stop: () => void } {
  const list: unknown[] = [];
  const onError = (e: ErrorEvent) => list.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => list.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    list,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('<vt-gallery-model>', () => {
  // First on purpose: a module is imported once per page, so only the first test sees the page
  // before <model-viewer> was ever loaded.
  it('shows the poster and loads nothing of the 3D viewer until the item is shown', async function () {
    // The page's first model takes about 9 s here, 7 s of it one main-thread task of three.js in
    // software WebGL (SwiftShader, no GPU); more when other browsers share the two cores.
    this.timeout(45_000);
    const el = await mount();
    const poster = part(el, 'poster') as HTMLImageElement;
    expect(poster.localName).to.equal('img');
    expect(poster.alt).to.equal(ITEM.alt);
    await until(() => poster.complete, 2000, 'the poster');
    await expectAccessible(el);
    await wait(100);
    expect(modelViewerRequested(), 'model-viewer requested before the item was shown').to.equal(false);
    expect(customElements.get('model-viewer')).to.equal(undefined);
    expect(viewerOf(el)).to.equal(null);

    el.active = true;
    await until(() => viewerOf(el) !== null, 10_000, '<model-viewer>');
    expect(modelViewerRequested()).to.equal(true);
    expect(customElements.get('model-viewer')).to.be.a('function');
    const viewer = viewerOf(el)!;
    const modelLoaded = nextEvent(viewer, 'load');
    expect(viewer.getAttribute('src')).to.equal(BAG);
    expect(viewer.hasAttribute('camera-controls')).to.equal(true);
    // The poster stays until the model is there (seconds here), with a loading message.
    expect(viewer.loaded).to.equal(false);
    expect(viewer.querySelector('[slot="poster"]')!.checkVisibility()).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading 3D model…');
    await modelLoaded;
    await loaded(el, 40_000);
    expect(part(el, 'hint')!.textContent).to.contain('Drag to rotate, pinch or scroll to zoom');
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.equal(null);
    await expectAccessible(el);
  });

  it('offers no AR on a desktop browser', async function () {
    this.timeout(20_000);
    const el = await mount({ active: true });
    await loaded(el);
    await wait(200);
    expect(viewerOf(el)!.canActivateAR).to.equal(false);
    expect(part(el, 'ar-button')).to.equal(null);
  });

  it('keeps the viewer when the item stops being shown and comes back', async function () {
    this.timeout(20_000);
    const el = await mount({ active: true });
    await loaded(el);
    const viewer = viewerOf(el);
    el.active = false;
    await el.updateComplete;
    el.active = true;
    await el.updateComplete;
    expect(viewerOf(el)).to.equal(viewer);
    expect(viewer!.loaded).to.equal(true);
  });

  it('shows a "3D model" placeholder when the item has no poster', async () => {
    const el = await mount({ item: { ...ITEM, poster: undefined }, lang: 'zh-CN' });
    const placeholder = part(el, 'poster')!;
    expect(placeholder.getAttribute('role')).to.equal('img');
    expect(placeholder.getAttribute('aria-label')).to.equal(ITEM.alt);
    expect(placeholder.textContent!.trim()).to.equal('3D 模型');
    await expectAccessible(el);
  });

  const broken: [string, string, string, string, string][] = [
    [
      'a missing model (404)',
      '/__test__/status/glb404?code=404',
      'answered HTTP 404',
      'en',
      'This 3D model could not be loaded.',
    ],
    [
      'a file that is not glTF',
      '/examples/shop/public/favicon.svg',
      'is not a glTF model (.glb or .gltf), it is image/svg+xml',
      'zh-CN',
      '3D 模型无法加载。',
    ],
  ];
  for (const [what, url, problem, lang, text] of broken) {
    it(`shows a translated error in place of ${what} (${lang}), reported once`, async function () {
      this.timeout(20_000);
      const errors = captureConsole('error');
      const events = recordEvents<VtErrorDetail>('vt-error');
      const uncaught = recordUncaught();
      try {
        const el = await mount({ item: { ...ITEM, url }, active: true, lang });
        await until(() => part(el, 'error') !== null, 15_000, 'the error');
        await wait(100);
        const error = part(el, 'error')!;
        expect(error.textContent).to.contain(text);
        expect(error.textContent).to.contain(ITEM.alt);
        expect(viewerOf(el)).to.equal(null);
        expect(el.failed).to.equal(true);
        // model-viewer logs its loader's error itself; ours is the one naming the item.
        const ours = errors.calls.filter((call) => call.includes('media[3].url'));
        expect(ours, errors.calls.join('\n')).to.have.length(1);
        expect(ours[0]).to.contain(
          `<vt-gallery-model>: attribute "media[3].url" could not be loaded: "${url}" ${problem}`,
        );
        expect(events.list).to.have.length(1);
        expect(events.list[0]).to.include({ tag: 'vt-gallery-model', attribute: 'media[3].url' });
        expect(uncaught.list).to.deep.equal([]);
        await expectAccessible(el);
      } finally {
        errors.restore();
        events.stop();
        uncaught.stop();
      }
    });
  }

  it('ships every gallery-model string in English and Chinese, with the same placeholders', () => {
    const keys = Object.keys(galleryModelCatalogs.en).sort();
    expect(Object.keys(galleryModelCatalogs['zh-CN']).sort()).to.deep.equal(keys);
    const placeholders = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort().join();
    for (const key of keys as (keyof typeof galleryModelCatalogs.en)[])
      expect(placeholders(galleryModelCatalogs['zh-CN'][key]), key).to.equal(
        placeholders(galleryModelCatalogs.en[key]),
      );
  });
});

describe('detectArMode (the mode named in vt-ar-launch)', () => {
  const UA = {
    desktop:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    android:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    androidFirefox: 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0',
    iphone:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  };
  /** A device: its user agent, whether it has WebXR AR and whether links can open AR (`rel="ar"`). */
  const device = (userAgent: string, { webxr = false, relAr = false } = {}): ArEnvironment => ({
    navigator: {
      userAgent,
      platform: /iPhone/.test(userAgent) ? 'iPhone' : 'Linux x86_64',
      maxTouchPoints: /Mobile/.test(userAgent) ? 5 : 0,
      ...(webxr && {
        xr: { isSessionSupported: (mode: string) => Promise.resolve(mode === 'immersive-ar') },
      }),
    },
    document: {
      createElement: (() => ({ relList: { supports: (t: string) => relAr && t === 'ar' } })) as never,
    },
    xrSession: webxr ? { requestHitTestSource() {} } : undefined,
  });
  const USDZ = { iosUrl: '/media/bag.usdz' };

  it('finds none on a desktop browser', async () => {
    expect(await detectArMode(USDZ, device(UA.desktop))).to.equal(undefined);
  });
  it('prefers WebXR where an immersive AR session is supported', async () => {
    expect(await detectArMode({}, device(UA.android, { webxr: true }))).to.equal('webxr');
  });
  it('opens Scene Viewer on Android, but not from Firefox', async () => {
    expect(await detectArMode({}, device(UA.android))).to.equal('scene-viewer');
    expect(await detectArMode({}, device(UA.androidFirefox))).to.equal(undefined);
  });
  it('opens Quick Look on iOS only with a USDZ file', async () => {
    expect(await detectArMode(USDZ, device(UA.iphone, { relAr: true }))).to.equal('quick-look');
    expect(await detectArMode({}, device(UA.iphone, { relAr: true }))).to.equal(undefined);
  });
  it('agrees with this browser', async () => {
    // Headless desktop Chromium: no AR at all.
    expect(await detectArMode(USDZ)).to.equal(undefined);
  });
});
