import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import {
  ProductElement,
  STATUS,
  reportError,
  type MediaItem,
  type Problem,
  type Product,
} from '@vitrine/core';
import type { VtLightbox } from '@vitrine/core/lightbox';
import { vtEvent, type MediaRef, type VariantChangeDetail } from '@vitrine/schema';
import '../gallery-video/gallery-video.js';
import '../gallery-model/gallery-model.js';
import { galleryMsg, type GalleryMessageKey } from './gallery.messages.js';
import { galleryStyles } from './gallery.styles.js';
import { NO_ZOOM, clampZoom, hoverZoom, zoomAt, type Zoom } from './zoom.js';

/** Horizontal travel (CSS px) that makes a touch drag a swipe. */
const SWIPE_PX = 40;
/** Two taps closer than this (ms) make a double tap. */
const DOUBLE_TAP_MS = 300;
/** Scale of hover, double-tap and the first keyboard step. */
const STEP_SCALE = 2;
/** A wheel zoom is reported once the wheel has been still this long (ms). */
const WHEEL_SETTLE_MS = 300;
const ALT_PROBLEM = /^media\[(\d+)\]\.alt$/;

const CHEVRON = svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M15 5l-7 7 7 7"/>`;
const PLUS = svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M12 6v12M6 12h12"/>`;
const MINUS = svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M6 12h12"/>`;
const EXPAND = svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`;
const PLAY = svg`<path fill="currentColor" d="M9 7v10l8-5z"/>`;
const CUBE = svg`<path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" d="M12 3l8 4.5v9L12 21l-8-4.5v-9zM12 12l8-4.5M12 12v9M12 12L4 7.5"/>`;

type ZoomMethod = 'hover' | 'pinch' | 'double-tap' | 'wheel' | 'keyboard' | 'button';

interface Touch {
  x: number;
  y: number;
}

/**
 * The product's photos, videos and 3D models in one accessible carousel: a large view with
 * Previous/Next, a strip of thumbnails, zoom (hover on desktop, pinch and double-tap on touch,
 * Ctrl+wheel, + and − keys, buttons) and a full-screen viewer. Reads its product like every
 * product element (`product` property, inline JSON, `src`, `source="jsonld"`).
 *
 * The first image is eager with `fetchpriority="high"` (the page's LCP candidate); the others load
 * when reached. The view keeps its aspect ratio (`--vt-gallery-aspect-ratio`) from the first render,
 * so the page does not shift. Videos never autoplay and pause when slid away; a 3D model loads
 * `<model-viewer>` only when it is first shown, with AR where the device has it. A variant
 * (`variant` attribute or a `vt-variant-change` event for this product) jumps to its first photo.
 * A photo that fails to load, or one without `alt`, is reported (console error and `vt-error`
 * naming `media[i].url` / `media[i].alt`); a failed photo shows a message in its place while the
 * rest keeps working.
 *
 * Keys on the view: ← → previous/next (pan when zoomed), Home/End first/last, + − zoom, 0 reset,
 * Enter full screen. On the thumbnails: ← → Home End move and show (WAI-ARIA tabs).
 *
 * @tag vt-gallery
 *
 * @event vt-media-view - An item was on screen; sent when it leaves (another item, page hidden, element removed — then dispatched on `document`), detail `{tag, productId, index, type, url, ms}`.
 * @event vt-media-zoom - The shopper zoomed a photo; detail `{…item, scale, method}` (`hover`, `pinch`, `double-tap`, `wheel`, `keyboard`, `button`).
 * @event vt-media-open - The full-screen viewer showed an item (from `<vt-lightbox>`).
 * @event vt-video-play - A video started playing; detail `{tag, productId, index, type, url}`.
 * @event vt-video-complete - A video played to the end.
 * @event vt-ar-launch - The shopper opened a 3D model in AR; detail adds `mode`.
 * @event vt-ready - The product is loaded and rendered.
 * @event vt-error - The product could not be read, or one item failed (`attribute` is `media[i].url` or `media[i].alt`).
 *
 * @csspart base - The carousel (`aria-roledescription="carousel"`).
 * @csspart viewport - The large view; keeps `--vt-gallery-aspect-ratio`.
 * @csspart slide - One item's box.
 * @csspart image - A photo.
 * @csspart error - The message in place of a photo that failed to load.
 * @csspart previous - The Previous button.
 * @csspart next - The Next button.
 * @csspart zoom-in - The Zoom in button.
 * @csspart zoom-out - The Zoom out button.
 * @csspart fullscreen - The full-screen button.
 * @csspart thumbnails - The thumbnail strip (a tab list).
 * @csspart thumbnail - One thumbnail button; the current one has `aria-selected="true"`.
 * @csspart status - The loading, empty or error message.
 *
 * @cssproperty --vt-gallery-aspect-ratio - Aspect ratio of the view. Defaults to `1 / 1`.
 * @cssproperty --vt-gallery-background - Behind photos (letterboxing). Defaults to the raised surface colour.
 * @cssproperty --vt-gallery-fit - `object-fit` of photos: `contain` (default) or `cover`.
 * @cssproperty --vt-gallery-thumb-size - Size of a thumbnail. Defaults to `4rem`.
 * @cssproperty --vt-gallery-control-size - Size of the round buttons on the view. Defaults to `2.5rem`.
 */
export class VtGallery extends ProductElement {
  static override styles = [...ProductElement.styles, galleryStyles];

  static override properties = {
    variant: { type: String },
    sizes: { type: String },
    maxZoom: { type: Number, attribute: 'max-zoom' },
    noHoverZoom: { type: Boolean, attribute: 'no-hover-zoom' },
    _index: { state: true },
    _failed: { state: true },
    _scale: { state: true },
    _announce: { state: true },
    _lightbox: { state: true },
  };

  /** Variant id whose media to show first; changing it jumps to that variant's first item. */
  declare variant: string | undefined;
  /** `sizes` of the photos' `srcset`. Defaults to `(min-width: 48rem) 50vw, 100vw`. */
  declare sizes: string;
  /** Largest zoom factor (default 4). */
  declare maxZoom: number;
  /** Turns hover zoom off (zoom stays on buttons, keys, pinch and wheel). */
  declare noHoverZoom: boolean;
  declare _index: number;
  /** Indexes of photos that failed to load. */
  declare _failed: ReadonlySet<number>;
  declare _scale: number;
  declare _announce: string;
  declare _lightbox: boolean;

  private _zoom: Zoom = NO_ZOOM;
  private _zoomBy: ZoomMethod | null = null;
  private _touches = new Map<number, Touch>();
  private _gesture: { x: number; y: number; t: number; zoom: Zoom; moved: boolean } | null = null;
  private _pinch: { distance: number; zoom: Zoom; px: number; py: number } | null = null;
  private _lastTap: { x: number; y: number; t: number } | null = null;
  private _wheelTimer: ReturnType<typeof setTimeout> | undefined;
  private _viewStart: number | null = null;
  private _viewIndex = 0;
  private _altProblems: number[] = [];

  constructor() {
    super();
    this.sizes = '(min-width: 48rem) 50vw, 100vw';
    this.maxZoom = 4;
    this.noHoverZoom = false;
    this._index = 0;
    this._failed = new Set();
    this._scale = 1;
    this._announce = '';
    this._lightbox = false;
  }

  /** Position of the shown item in the product's media list. Setting it shows that item. */
  get index(): number {
    return this._index;
  }

  set index(value: number) {
    if (Number.isInteger(value)) this._go(value, false);
  }

  /** The current zoom factor of the shown photo (1 = not zoomed). */
  get scale(): number {
    return this._zoom.scale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('vt-variant-change', this._onVariantChange);
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('vt-variant-change', this._onVariantChange);
    document.removeEventListener('visibilitychange', this._onVisibility);
    clearTimeout(this._wheelTimer);
    this._endView();
  }

  private get _media(): readonly MediaItem[] {
    return this.data?.media ?? [];
  }

  private _t(key: GalleryMessageKey, values?: Record<string, string | number>): string {
    return galleryMsg(this.locale, key, values);
  }

  protected override errorMessage(): string {
    return this._t('gallery.error');
  }

  /** A missing `alt` is this element's error to report (once, as an error), not a skipped warning. */
  protected override claimProblems(problems: Problem[]): Problem[] {
    this._altProblems = [];
    return problems.filter((problem) => {
      const match = ALT_PROBLEM.exec(problem.path);
      if (match) this._altProblems.push(Number(match[1]));
      return !match;
    });
  }

  protected override productChanged(product: Product): void {
    this._endView();
    this._failed = new Set();
    this._resetZoom();
    const start = this._variantStart(this.variant);
    this._index = start ?? 0;
    if (!product.media.length) this.succeed(STATUS.empty);
    for (const i of this._altProblems)
      reportError(this, {
        attribute: `media[${i}].alt`,
        message: `is missing: describe the ${product.media[i]?.type ?? 'image'} for screen readers (shown meanwhile as "${product.media[i]?.alt ?? ''}")`,
      });
    this._altProblems = [];
    this._startView();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('variant') && this.hasUpdated) {
      const start = this._variantStart(this.variant);
      if (start !== undefined) this._go(start, true);
    }
  }

  /** Index of the first media item of variant `id`, if it has one. */
  private _variantStart(id: string | undefined): number | undefined {
    if (!id || !this.data) return undefined;
    const variant = this.data.variants.find((v) => v.id === id);
    const first = variant?.media?.[0];
    return first !== undefined && first < this.data.media.length ? first : undefined;
  }

  private _onVariantChange = (event: Event): void => {
    const detail = (event as CustomEvent<VariantChangeDetail>).detail;
    if (!this.data || detail?.productId !== this.data.id) return;
    const start = this._variantStart(detail.variantId);
    if (start !== undefined) this._go(start, true);
  };

  // --- Media view timing ---------------------------------------------------------------------

  private _ref(index: number): MediaRef {
    const item = this._media[index]!;
    return {
      tag: this.localName,
      ...(this.data ? { productId: this.data.id } : {}),
      index,
      type: item.type,
      url: item.url,
    };
  }

  private _startView(): void {
    if (this._viewStart !== null || !this._media.length || document.visibilityState === 'hidden') return;
    this._viewStart = performance.now();
    this._viewIndex = this._index;
  }

  private _endView(): void {
    if (this._viewStart === null) return;
    const ms = Math.round(performance.now() - this._viewStart);
    this._viewStart = null;
    if (this._viewIndex >= this._media.length) return;
    // Once removed, the element is no longer on the event path to the page's listeners.
    const target: EventTarget = this.isConnected ? this : document;
    target.dispatchEvent(vtEvent('vt-media-view', { ...this._ref(this._viewIndex), ms }));
  }

  private _onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this._endView();
    else this._startView();
  };

  // --- Navigation ------------------------------------------------------------------------------

  /** Shows item `index` (wrapping past either end when `wrap`); `announce` for shopper moves. */
  private _go(index: number, announce: boolean, wrap = false): void {
    const count = this._media.length;
    if (!count) return;
    const next = wrap ? ((index % count) + count) % count : index;
    if (next < 0 || next >= count || next === this._index) return;
    this._endView();
    this._resetZoom();
    this._index = next;
    this._startView();
    if (announce) {
      const item = this._media[next]!;
      this._announce = this._t(`gallery.announce.${item.type}`, {
        index: next + 1,
        count,
        alt: item.alt,
      });
    }
  }

  private _rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  private _onViewKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys inside a video's controls or the 3D viewer belong to them.
    if (event.composedPath()[0] !== event.currentTarget) return;
    const item = this._media[this._index];
    const zoomable = item?.type === 'image' && !this._failed.has(this._index);
    const zoomed = this._zoom.scale > 1;
    const back = this._rtl() ? 1 : -1;
    const pan = 0.1;
    const box = this._box();
    let handled = true;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const forward = (event.key === 'ArrowRight') === (back === -1);
        if (zoomed && box)
          this._setZoom({
            ...this._zoom,
            x: this._zoom.x + (event.key === 'ArrowLeft' ? 1 : -1) * box.width * pan,
          });
        else this._go(this._index + (forward ? 1 : -1), true, true);
        break;
      }
      case 'ArrowUp':
      case 'ArrowDown':
        if (zoomed && box)
          this._setZoom({
            ...this._zoom,
            y: this._zoom.y + (event.key === 'ArrowUp' ? 1 : -1) * box.height * pan,
          });
        else handled = false;
        break;
      case 'Home':
        this._go(0, true);
        break;
      case 'End':
        this._go(this._media.length - 1, true);
        break;
      case '+':
      case '=':
        if (zoomable) this._step(1, 'keyboard');
        else handled = false;
        break;
      case '-':
      case '_':
        if (zoomable) this._step(-1, 'keyboard');
        else handled = false;
        break;
      case '0':
      case 'Escape':
        if (zoomed) {
          this._resetZoom();
          this._announce = this._t('gallery.unzoomed');
        } else handled = false;
        break;
      case 'Enter':
        if (zoomable) void this._openLightbox(event.currentTarget as HTMLElement);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  /** WAI-ARIA tabs with automatic activation: arrows, Home and End move focus and show. */
  private _onThumbKeydown(event: KeyboardEvent): void {
    const count = this._media.length;
    const back = this._rtl() ? 1 : -1;
    const moves: Record<string, number> = {
      ArrowLeft: (this._index + back + count) % count,
      ArrowRight: (this._index - back + count) % count,
      Home: 0,
      End: count - 1,
    };
    const to = moves[event.key];
    if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this._go(to, false);
    void this.updateComplete.then(() => this._thumb(to)?.focus());
  }

  private _thumb(index: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`#thumb-${index}`);
  }

  // --- Zoom ------------------------------------------------------------------------------------

  /** The current photo's box (the viewport), or null when the current item is not a photo. */
  private _box(): DOMRect | null {
    return this.renderRoot.querySelector('[part~="viewport"]')?.getBoundingClientRect() ?? null;
  }

  private _zoomLayer(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#slide-${this._index} .zoom`);
  }

  private _setZoom(zoom: Zoom, by: ZoomMethod | null = this._zoomBy): void {
    const box = this._box();
    if (!box) return;
    this._zoom = clampZoom(zoom, box.width, box.height, Math.max(1, this.maxZoom || 1));
    this._zoomBy = this._zoom.scale > 1 ? by : null;
    this._scale = this._zoom.scale;
    const layer = this._zoomLayer();
    if (layer) {
      const { scale, x, y } = this._zoom;
      layer.style.transform = scale === 1 ? '' : `translate(${x}px, ${y}px) scale(${scale})`;
      layer.classList.toggle('zoomed', scale > 1);
      layer.classList.toggle('hovering', by === 'hover' && scale > 1);
      // A zoomed photo asks its srcset for a source as sharp as it now shows (never a smaller one).
      const img = layer.querySelector('img');
      const wanted = Math.ceil(box.width * scale);
      if (img?.srcset && scale > 1 && wanted > (Number(img.dataset['zoomWidth']) || 0)) {
        img.dataset['zoomWidth'] = String(wanted);
        img.sizes = `${wanted}px`;
      }
    }
  }

  private _resetZoom(): void {
    const layer = this._zoomLayer();
    if (layer) {
      layer.style.transform = '';
      layer.classList.remove('zoomed', 'hovering');
    }
    this._zoom = NO_ZOOM;
    this._zoomBy = null;
    this._scale = 1;
    this._touches.clear();
    this._pinch = null;
    this._gesture = null;
  }

  private _reportZoom(method: ZoomMethod): void {
    this.dispatchEvent(
      vtEvent('vt-media-zoom', {
        ...this._ref(this._index),
        scale: Math.round(this._zoom.scale * 100) / 100,
        method,
      }),
    );
  }

  /** One zoom step in (`1`) or out (`-1`) about the centre, from keys or buttons. */
  private _step(direction: 1 | -1, method: 'keyboard' | 'button'): void {
    const before = this._zoom.scale;
    const max = Math.max(1, this.maxZoom || 1);
    const target =
      direction > 0
        ? Math.min(max, before < STEP_SCALE ? STEP_SCALE : before * 1.5)
        : before <= STEP_SCALE
          ? 1
          : Math.max(STEP_SCALE, before / 1.5);
    this._setZoom(zoomAt(this._zoom, target, 0, 0), method);
    if (this._zoom.scale === before) return;
    this._announce =
      this._zoom.scale > 1
        ? this._t('gallery.zoomed', { scale: Math.round(this._zoom.scale * 10) / 10 })
        : this._t('gallery.unzoomed');
    this._reportZoom(method);
  }

  /** Offset of a client point from the centre of the view. */
  private _offset(x: number, y: number): { px: number; py: number } | null {
    const box = this._box();
    return box ? { px: x - (box.left + box.width / 2), py: y - (box.top + box.height / 2) } : null;
  }

  private _isPhoto(): boolean {
    return this._media[this._index]?.type === 'image' && !this._failed.has(this._index);
  }

  private _onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'mouse') {
      this._hover(event);
      return;
    }
    const touch = this._touches.get(event.pointerId);
    if (!touch) return;
    touch.x = event.clientX;
    touch.y = event.clientY;
    if (this._pinch && this._touches.size >= 2) {
      const [a, b] = [...this._touches.values()];
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      const centre = this._offset((a!.x + b!.x) / 2, (a!.y + b!.y) / 2);
      if (!centre || !this._pinch.distance) return;
      // The photo point first between the fingers follows their midpoint as they spread and move.
      const { zoom, px, py } = this._pinch;
      const scale = (zoom.scale * distance) / this._pinch.distance;
      const moved = zoomAt(
        { ...zoom, x: zoom.x + centre.px - px, y: zoom.y + centre.py - py },
        scale,
        centre.px,
        centre.py,
      );
      this._setZoom(moved, 'pinch');
      return;
    }
    const gesture = this._gesture;
    if (!gesture) return;
    const dx = event.clientX - gesture.x;
    const dy = event.clientY - gesture.y;
    if (Math.hypot(dx, dy) > 10) gesture.moved = true;
    if (gesture.zoom.scale > 1) {
      // One finger on a zoomed photo pans it.
      this._setZoom({ ...gesture.zoom, x: gesture.zoom.x + dx, y: gesture.zoom.y + dy });
      event.preventDefault();
    }
  }

  private _hover(event: PointerEvent): void {
    if (this.noHoverZoom || !this._isPhoto() || (this._zoomBy && this._zoomBy !== 'hover')) return;
    const at = this._offset(event.clientX, event.clientY);
    if (!at) return;
    const first = this._zoomBy !== 'hover';
    this._setZoom(hoverZoom(Math.min(STEP_SCALE, this.maxZoom || 1), at.px, at.py), 'hover');
    if (first && this._zoom.scale > 1) this._reportZoom('hover');
  }

  private _onPointerLeave(event: PointerEvent): void {
    if (event.pointerType === 'mouse' && this._zoomBy === 'hover') this._resetZoom();
  }

  private _onPointerDown(event: PointerEvent): void {
    if (event.pointerType === 'mouse') return;
    // Drags on a video's controls or inside the 3D viewer (which rotates) are theirs.
    if (this._media[this._index]?.type !== 'image') return;
    this._touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
    try {
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // Not an active pointer (a synthetic event): the gesture still works without capture.
    }
    if (this._touches.size === 2 && this._isPhoto()) {
      const [a, b] = [...this._touches.values()];
      const centre = this._offset((a!.x + b!.x) / 2, (a!.y + b!.y) / 2) ?? { px: 0, py: 0 };
      this._pinch = { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), zoom: this._zoom, ...centre };
      this._gesture = null;
    } else if (this._touches.size === 1) {
      this._gesture = {
        x: event.clientX,
        y: event.clientY,
        t: event.timeStamp,
        zoom: this._zoom,
        moved: false,
      };
    }
  }

  private _onPointerUp(event: PointerEvent): void {
    if (!this._touches.delete(event.pointerId)) return;
    if (this._pinch) {
      if (this._touches.size < 2) {
        const before = this._pinch.zoom.scale;
        this._pinch = null;
        if (this._zoom.scale < 1.05) this._setZoom(NO_ZOOM);
        if (this._zoom.scale !== before) this._reportZoom('pinch');
        // The finger left on the glass continues as a pan, not as a swipe or a tap.
        const [rest] = [...this._touches.values()];
        this._gesture = rest
          ? { x: rest.x, y: rest.y, t: event.timeStamp, zoom: this._zoom, moved: true }
          : null;
      }
      return;
    }
    const gesture = this._gesture;
    this._gesture = null;
    if (!gesture) return;
    const dx = event.clientX - gesture.x;
    const dy = event.clientY - gesture.y;
    if (gesture.zoom.scale === 1 && Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
      // Swiping left brings the next item in from the right (mirrored right to left).
      const forward = dx < 0 !== this._rtl();
      this._go(this._index + (forward ? 1 : -1), true, true);
      return;
    }
    if (!gesture.moved && this._isPhoto()) this._tap(event);
  }

  private _tap(event: PointerEvent): void {
    const last = this._lastTap;
    this._lastTap = { x: event.clientX, y: event.clientY, t: event.timeStamp };
    if (
      !last ||
      event.timeStamp - last.t > DOUBLE_TAP_MS ||
      Math.hypot(event.clientX - last.x, event.clientY - last.y) > 30
    )
      return;
    this._lastTap = null;
    const at = this._offset(event.clientX, event.clientY);
    if (!at) return;
    if (this._zoom.scale > 1) this._setZoom(NO_ZOOM);
    else
      this._setZoom(
        zoomAt(this._zoom, Math.min(STEP_SCALE * 1.25, this.maxZoom || 1), at.px, at.py),
        'double-tap',
      );
    this._reportZoom('double-tap');
  }

  private _onPointerCancel(event: PointerEvent): void {
    this._touches.delete(event.pointerId);
    this._pinch = null;
    this._gesture = null;
  }

  private _onWheel(event: WheelEvent): void {
    // Plain wheel scrolls the page; Ctrl+wheel (and a trackpad pinch, which sends it) zooms, and
    // so does the wheel on a photo already zoomed by other means.
    const zoomedByHand = this._zoom.scale > 1 && this._zoomBy !== 'hover';
    if (!this._isPhoto() || !(event.ctrlKey || zoomedByHand)) return;
    event.preventDefault();
    const at = this._offset(event.clientX, event.clientY);
    if (!at) return;
    const base = this._zoomBy === 'hover' ? NO_ZOOM : this._zoom;
    const scale = base.scale * Math.exp(-event.deltaY / 300);
    this._setZoom(zoomAt(base, scale < 1.02 ? 1 : scale, at.px, at.py), 'wheel');
    clearTimeout(this._wheelTimer);
    this._wheelTimer = setTimeout(() => this._reportZoom('wheel'), WHEEL_SETTLE_MS);
  }

  private _onImageClick(event: MouseEvent): void {
    // Touch taps zoom (double tap); a mouse click opens the full-screen viewer.
    if ((event as PointerEvent).pointerType && (event as PointerEvent).pointerType !== 'mouse') return;
    void this._openLightbox(this.renderRoot.querySelector<HTMLElement>('[part~="viewport"]'));
  }

  // --- Lightbox --------------------------------------------------------------------------------

  private async _openLightbox(opener: HTMLElement | null): Promise<void> {
    if (!this.data) return;
    if (!this._lightbox) {
      try {
        await import('@vitrine/core/lightbox');
      } catch (error) {
        console.error(`<${this.localName}>: the full-screen viewer could not be loaded: ${String(error)}`);
        return;
      }
      this._lightbox = true;
      await this.updateComplete;
    }
    const lightbox = this.renderRoot.querySelector<VtLightbox>('vt-lightbox');
    this._resetZoom();
    lightbox?.open(this.data.media, this._index, opener ?? undefined, {
      tag: this.localName,
      productId: this.data.id,
    });
  }

  /** The full-screen viewer moved: the gallery behind follows, so closing lands on that item. */
  private _onLightboxOpen(event: CustomEvent<{ index: number }>): void {
    if (event.target !== this.renderRoot.querySelector('vt-lightbox')) return;
    this._go(event.detail.index, false);
  }

  // --- Items -----------------------------------------------------------------------------------

  private _onImageError(index: number): void {
    if (this._failed.has(index)) return;
    this._failed = new Set([...this._failed, index]);
    if (index === this._index) this._resetZoom();
    reportError(this, {
      attribute: `media[${index}].url`,
      message: `could not be loaded: ${this._media[index]?.url ?? ''}`,
    });
  }

  private _srcset(item: MediaItem): string | undefined {
    const list = item.srcset?.map((s) => `${s.url} ${s.width}w`).join(', ');
    return list || undefined;
  }

  /** The smallest source at least 160 px wide, for a thumbnail. */
  private _thumbSrc(item: MediaItem): string | undefined {
    if (item.type !== 'image') return item.poster;
    const big = [...(item.srcset ?? [])].sort((a, b) => a.width - b.width).find((s) => s.width >= 160);
    return big?.url ?? item.url;
  }

  private _renderItem(item: MediaItem, i: number): TemplateResult {
    const active = i === this._index;
    const productId = this.data?.id;
    if (item.type === 'video')
      return html`<vt-gallery-video
        .item=${item}
        .index=${i}
        .productId=${productId}
        .tag=${this.localName}
        ?active=${active}
      ></vt-gallery-video>`;
    if (item.type === 'model')
      return html`<vt-gallery-model
        .item=${item}
        .index=${i}
        .productId=${productId}
        .tag=${this.localName}
        ?active=${active}
      ></vt-gallery-model>`;
    if (this._failed.has(i))
      return html`<p part="error" class="item-error">
        <span>${this._t('gallery.itemError')}</span><span class="alt">${item.alt}</span>
      </p>`;
    const srcset = this._srcset(item);
    return html`<div class="zoom">
      <img
        part="image"
        src=${item.url}
        srcset=${srcset ?? nothing}
        sizes=${srcset ? this.sizes : nothing}
        alt=${item.alt}
        width=${item.width ?? nothing}
        height=${item.height ?? nothing}
        loading=${i === 0 ? 'eager' : 'lazy'}
        fetchpriority=${i === 0 ? 'high' : nothing}
        decoding=${i === 0 ? 'sync' : 'async'}
        draggable="false"
        @error=${() => this._onImageError(i)}
        @click=${this._onImageClick}
      />
    </div>`;
  }

  private _button(part: string, label: string, icon: TemplateResult, onClick: () => void, disabled = false) {
    return html`<button
      part=${part}
      class="control ${part}"
      type="button"
      aria-label=${label}
      ?disabled=${disabled}
      @click=${onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${icon}</svg>
    </button>`;
  }

  private _renderThumbs(media: readonly MediaItem[]): TemplateResult {
    return html`<div
      part="thumbnails"
      class="thumbs"
      role="tablist"
      aria-label=${this._t('gallery.thumbnails')}
      @keydown=${this._onThumbKeydown}
    >
      ${media.map((item, i) => {
        const selected = i === this._index;
        const src = this._thumbSrc(item);
        return html`<button
          part="thumbnail"
          class="thumb ${item.type}"
          id="thumb-${i}"
          type="button"
          role="tab"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="slide-${i}"
          aria-label=${this._t(`gallery.thumb.${item.type}`, { index: i + 1, alt: item.alt })}
          tabindex=${selected ? '0' : '-1'}
          @click=${() => this._go(i, true)}
        >
          ${
            src
              ? html`<img
                  src=${src}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  draggable="false"
                  @error=${(event: Event) => ((event.target as HTMLImageElement).hidden = true)}
                />`
              : nothing
          }
          ${
            item.type === 'image'
              ? nothing
              : html`<svg class="badge" viewBox="0 0 24 24" aria-hidden="true">
                  ${item.type === 'video' ? PLAY : CUBE}
                </svg>`
          }
        </button>`;
      })}
    </div>`;
  }

  /** Loading, empty and error views keep the gallery's box, so nothing moves when data comes. */
  private _frame(content: TemplateResult): TemplateResult {
    return html`<div part="base" class="base">
      <div part="viewport" class="viewport placeholder">${content}</div>
      <div class="thumbs" aria-hidden="true"></div>
    </div>`;
  }

  protected override renderLoading(): TemplateResult {
    return this._frame(super.renderLoading());
  }

  protected override renderEmpty(): TemplateResult {
    return this._frame(html`<p part="status" class="empty">${this._t('gallery.empty')}</p>`);
  }

  protected override renderError(): TemplateResult {
    return this._frame(super.renderError());
  }

  protected override renderReady(): TemplateResult {
    const product = this.data!;
    const media = product.media;
    const count = media.length;
    const several = count > 1;
    const photo = this._isPhoto();
    const max = Math.max(1, this.maxZoom || 1);
    return html`<section
        part="base"
        class="base"
        aria-roledescription="carousel"
        aria-label=${this._t('gallery.label', { title: product.title })}
      >
        <div
          part="viewport"
          class="viewport ${this._scale > 1 ? 'zoomed' : ''}"
          tabindex="0"
          role="group"
          aria-label=${this._t('gallery.view')}
          @keydown=${this._onViewKeydown}
          @pointerdown=${this._onPointerDown}
          @pointermove=${this._onPointerMove}
          @pointerup=${this._onPointerUp}
          @pointercancel=${this._onPointerCancel}
          @pointerleave=${this._onPointerLeave}
          @wheel=${this._onWheel}
        >
          ${media.map(
            (item, i) =>
              html`<div
                part="slide"
                class="slide ${item.type}"
                id="slide-${i}"
                role=${several ? 'tabpanel' : 'group'}
                aria-roledescription="slide"
                aria-label=${this._t('gallery.slide', { index: i + 1, count })}
                aria-labelledby=${several ? `thumb-${i}` : nothing}
                ?hidden=${i !== this._index}
              >
                ${this._renderItem(item, i)}
              </div>`,
          )}
        </div>
        <div class="controls">
          ${
            several
              ? html`${this._button('previous', this._t('gallery.previous'), CHEVRON, () =>
                  this._go(this._index - 1, true, true),
                )}${this._button('next', this._t('gallery.next'), CHEVRON, () =>
                  this._go(this._index + 1, true, true),
                )}`
              : nothing
          }
          ${
            photo
              ? html`<div class="tools">
                  ${this._button('zoom-in', this._t('gallery.zoomIn'), PLUS, () => this._step(1, 'button'), this._scale >= max)}
                  ${this._button('zoom-out', this._t('gallery.zoomOut'), MINUS, () => this._step(-1, 'button'), this._scale <= 1)}
                  ${this._button('fullscreen', this._t('gallery.fullscreen'), EXPAND, () => {
                    void this._openLightbox(
                      this.renderRoot.querySelector<HTMLElement>('[part~="fullscreen"]'),
                    );
                  })}
                </div>`
              : nothing
          }
        </div>
        ${several ? this._renderThumbs(media) : html`<div class="thumbs" aria-hidden="true"></div>`}
        <p id="announce" class="sr" aria-live="polite" aria-atomic="true">${this._announce}</p>
      </section>
      ${this._lightbox ? html`<vt-lightbox @vt-media-open=${this._onLightboxOpen}></vt-lightbox>` : nothing}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('_index')) {
      // Keep the current thumbnail in view without scrolling the page.
      const strip = this.renderRoot.querySelector<HTMLElement>('.thumbs');
      const thumb = this._thumb(this._index);
      if (strip && thumb) {
        const left = thumb.offsetLeft - strip.offsetLeft;
        if (left < strip.scrollLeft) strip.scrollLeft = left;
        else if (left + thumb.offsetWidth > strip.scrollLeft + strip.clientWidth)
          strip.scrollLeft = left + thumb.offsetWidth - strip.clientWidth;
      }
    }
  }
}
