import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// Types only (erased from the build): the one runtime reference to model-viewer is the import() below.
import type { ModelViewerElement } from '@google/model-viewer';
import type { MediaItem } from '@vitrine/core';
import { vtEvent } from '@vitrine/schema';
import { MediaItemElement } from '../../media-item-element.js';
import { AR_MODES, detectArMode, type ArMode } from './gallery-model.ar.js';
import { galleryModelMsg, type GalleryModelMessageKey } from './gallery-model.messages.js';
import { galleryModelStyles } from './gallery-model.styles.js';

/** Detail of model-viewer's `error` event. */
interface ViewerErrorDetail {
  type?: string;
}

let viewerModule: Promise<unknown> | undefined;

/**
 * Loads `<model-viewer>` (with three.js, close to 300 KB gzipped) once per page, the first time a 3D
 * item is shown: a dynamic import, so bundlers put it in its own chunk, out of the initial bundle.
 */
function loadModelViewer(): Promise<unknown> {
  // A shop that already uses <model-viewer> keeps its copy: defining the tag twice would throw,
  // and a second three.js would double the download.
  if (customElements.get('model-viewer')) return Promise.resolve();
  viewerModule ??= import('@google/model-viewer').catch((error: unknown) => {
    // The shop's own copy was defined while ours loaded (ours then fails to define the tag): use it.
    if (customElements.get('model-viewer')) return undefined;
    // Forget the failure so the next 3D item tries again (the network may be back).
    viewerModule = undefined;
    throw error;
  });
  return viewerModule;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The first bytes of a binary glTF file: "glTF". */
const GLB_MAGIC = [0x67, 0x6c, 0x54, 0x46];

/**
 * Why `url` is no model: model-viewer's `error` event carries only a generic TypeError (it logs
 * the loader's own error to the console first), so a failed item asks once more and says what
 * came back. Runs only after a failure, usually from the HTTP cache.
 */
async function diagnose(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    if (!response.ok) return `answered HTTP ${response.status}`;
    const reader = response.body?.getReader();
    const first = (await reader?.read())?.value ?? new Uint8Array();
    void reader?.cancel().catch(() => undefined);
    const glb = GLB_MAGIC.every((byte, i) => first[i] === byte);
    const json = new TextDecoder().decode(first.subarray(0, 64)).trimStart().startsWith('{');
    if (glb || json) return 'is not a valid glTF 2.0 model';
    return `is not a glTF model (.glb or .gltf), it is ${response.headers.get('content-type') || 'another type of file'}`;
  } catch (error) {
    return `could not be fetched (${reason(error)})`;
  }
}

/**
 * One 3D item of the product gallery: the shopper sees the product's poster, then, once the item
 * is shown, a model they can turn and zoom, with a "View in your space" button on phones and
 * headsets that can place it in their room (AR).
 *
 * The 3D viewer (Google's `<model-viewer>`) is imported the first time `active` becomes true,
 * never before. AR is offered only where the device supports it: WebXR, Android's Scene Viewer,
 * or iOS Quick Look when the item has a USDZ file (`iosUrl`). A model that cannot be loaded (404,
 * not a glTF file) shows a translated error in its place, with one console error and `vt-error`.
 *
 * @tag vt-gallery-model
 *
 * @event vt-ar-launch - The shopper pressed the AR button; detail `{tag, productId?, index, type, url, mode}` (`mode`: `webxr`, `scene-viewer` or `quick-look`).
 * @event vt-error - The model (or the 3D viewer's script) could not be loaded; detail `{tag, attribute: 'media[<index>].url', message}`.
 *
 * @csspart poster - The still image (or, with no `poster`, a "3D model" placeholder) shown until the model appears.
 * @csspart viewer - The `<model-viewer>` element.
 * @csspart ar-button - The "View in your space" button, present only where AR is available.
 * @csspart hint - The short "drag to rotate" help shown over the loaded model.
 * @csspart error - The message shown instead of a model that could not be loaded.
 *
 * @cssproperty --vt-gallery-model-background - Background behind the model and its poster. Defaults to `--vt-color-surface-raised`.
 */
export class VtGalleryModel extends MediaItemElement {
  static override styles = [...MediaItemElement.styles, galleryModelStyles];

  static override properties: PropertyDeclarations = {
    _viewerReady: { state: true },
    _loaded: { state: true },
    _arMode: { state: true },
  };

  /** `<model-viewer>` is defined: render it. */
  declare _viewerReady: boolean;
  /** The current item's model has loaded. */
  declare _loaded: boolean;
  /** How AR opens on this device; `undefined` while unknown or when AR is not available. */
  declare _arMode: ArMode | undefined;

  /** The viewer's import has started (it is never undone: the viewer stays once shown). */
  private _requested = false;

  constructor() {
    super();
    this._viewerReady = false;
    this._loaded = false;
    this._arMode = undefined;
  }

  private _t(key: GalleryModelMessageKey): string {
    return galleryModelMsg(this.locale, key);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('item') && changed.get('item') !== undefined) {
      this._loaded = false;
      this._arMode = undefined;
    }
    // After a failed import the error stays until a new item comes (no retry loop).
    if (this.active && this.item && !this._failed && !this._requested) this._requestViewer();
  }

  private _requestViewer(): void {
    this._requested = true;
    loadModelViewer().then(
      () => {
        this._viewerReady = true;
      },
      (error: unknown) => {
        this._requested = false;
        this.failItem(
          `could not be shown: the 3D viewer (@google/model-viewer) failed to load: ${reason(error)}`,
        );
      },
    );
  }

  protected override renderReady(): unknown {
    const item = this.item;
    if (!item) return nothing;
    if (this._failed) {
      return html`<p part="error">
        <span>${this._t('galleryModel.error')}</span>
        <span class="alt">${item.alt}</span>
      </p>`;
    }
    if (!this._viewerReady) {
      return html`${this._renderPoster(item)}${this.active ? this._renderLoading() : nothing}`;
    }
    // Quick Look only with the shop's USDZ file: without one, model-viewer would convert the
    // model in the browser, which is slow and loses detail.
    const modes = item.iosUrl ? AR_MODES : AR_MODES.filter((mode) => mode !== 'quick-look');
    return html`<model-viewer
        part="viewer"
        src=${item.url}
        ios-src=${ifDefined(item.iosUrl)}
        alt=${item.alt}
        camera-controls
        touch-action="pan-y"
        ar
        ar-modes=${modes.join(' ')}
        loading="eager"
        reveal="auto"
        @load=${this._onLoad}
        @error=${this._onError}
        @ar-status=${this._onArStatus}
      >
        ${this._renderPoster(item, 'poster')}
        ${
          this._loaded && this._arMode
            ? html`<button slot="ar-button" part="ar-button" type="button" @click=${this._onArClick}>
                ${this._t('galleryModel.ar')}
              </button>`
            : nothing
        }
      </model-viewer>
      ${
        this._loaded
          ? html`<p part="hint" class="overlay">${this._t('galleryModel.hint')}</p>`
          : this._renderLoading()
      }`;
  }

  /**
   * The still image until the model shows. Inside `<model-viewer>` (slot `poster`) it is
   * decorative, since the viewer itself carries the item's `alt`.
   */
  private _renderPoster(item: MediaItem, slot?: string): TemplateResult {
    if (item.poster) {
      return html`<img
        part="poster"
        slot=${ifDefined(slot)}
        src=${item.poster}
        alt=${slot ? '' : item.alt}
        width=${ifDefined(item.width)}
        height=${ifDefined(item.height)}
        decoding="async"
      />`;
    }
    return slot
      ? html`<div part="poster" slot=${slot} class="placeholder" aria-hidden="true">
          ${this._t('galleryModel.label')}
        </div>`
      : html`<div part="poster" class="placeholder" role="img" aria-label=${item.alt}>
          ${this._t('galleryModel.label')}
        </div>`;
  }

  private _renderLoading(): TemplateResult {
    return html`<p class="overlay loading" role="status">${this._t('galleryModel.loading')}</p>`;
  }

  private async _onLoad(event: Event): Promise<void> {
    const viewer = event.currentTarget as ModelViewerElement;
    const item = this.item;
    this._loaded = true;
    const mode = await detectArMode({ iosUrl: item?.iosUrl });
    if (item !== this.item) return;
    // model-viewer chose its own mode when `src` was set, with the same checks started earlier, so
    // `canActivateAR` is settled by now. It is the judge; `mode` only names the way for the event.
    this._arMode = viewer.canActivateAR ? mode : undefined;
  }

  private async _onError(event: Event): Promise<void> {
    const { type } = (event as CustomEvent<ViewerErrorDetail | null>).detail ?? {};
    const item = this.item;
    // A lost WebGL context is not the model's fault, and model-viewer restores it.
    if (type !== 'loadfailure' || !item) return;
    const problem = await diagnose(item.url);
    if (item === this.item) this.failItem(`could not be loaded: "${item.url}" ${problem}`);
  }

  /** AR failed to start (e.g. no Scene Viewer app): model-viewer falls back or gives up. */
  private _onArStatus(event: Event): void {
    if ((event as CustomEvent<{ status?: string }>).detail?.status !== 'failed') return;
    const viewer = event.currentTarget as ModelViewerElement;
    // model-viewer announces the failure before it settles on its next mode.
    setTimeout(() => {
      if (!viewer.canActivateAR) this._arMode = undefined;
    });
  }

  /**
   * model-viewer opens AR itself on a click in its `ar-button` slot (during the click, as Scene
   * Viewer and Quick Look require); this only reports it.
   */
  private _onArClick(): void {
    if (!this.item || !this._arMode) return;
    this.dispatchEvent(vtEvent('vt-ar-launch', { ...this.ref(), mode: this._arMode }));
  }
}
