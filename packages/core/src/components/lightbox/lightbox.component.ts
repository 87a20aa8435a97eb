import { html, nothing, svg } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { vtEvent, type MediaOpenDetail } from '@vitrine/schema';
import { VitrineElement } from '../../base/vitrine-element.js';
import type { MediaItem } from '../../model/types.js';
import { urlProblem } from '../../model/validate-shared.js';
import { lightboxStyles } from './lightbox.styles.js';

/** Who opened the lightbox, repeated in every `vt-media-open` event. */
export interface LightboxContext {
  /** Tag of the opening element, e.g. `vt-reviews`. Defaults to `vt-lightbox`. */
  tag: string;
  productId?: string;
  reviewId?: string;
}

/** Horizontal travel (CSS px) that makes a touch or pen drag a swipe. */
const SWIPE_PX = 40;

const CHEVRON = svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M15 5l-7 7 7 7"/>`;
const CROSS = svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/>`;

/** Why `item` cannot be shown (its URL would not pass core's validators), or null. */
function skipReason(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return 'is not a media item';
  const { type, url } = item as Partial<MediaItem>;
  if (type !== 'image' && type !== 'video' && type !== 'model') return 'has no known type';
  if (typeof url !== 'string') return 'has no url';
  const problem = urlProblem(url, type === 'image');
  return problem && `url ${problem}`;
}

/** `url` when core's validators accept it for `src` (`image`: data:image/ too), else undefined. */
const safe = (url: unknown, image: boolean): string | undefined =>
  typeof url === 'string' && !urlProblem(url, image) ? url : undefined;

/** The innermost focused element, through open shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * A fullscreen viewer for photos and videos: a modal `<dialog>` (focus stays inside, the page is
 * inert) opened with `open(items, index, opener, context)`. Previous/Next buttons, ← → Home End
 * and horizontal swipes move between items; it **wraps** from the last item to the first and back.
 * The position is announced politely ("2 of 5" / "第 2 项，共 5 项"). Escape or the Close button
 * closes it and focus returns to the opener.
 *
 * Images use the item's `srcset`; videos are native `<video controls>` with poster and caption
 * tracks, never autoplayed and paused when left. 3D models show their poster image and a note
 * (interactive 3D is the gallery's job). Items whose URL core's validators would reject (a
 * `javascript:` URL…) are skipped with one console warning per `open()`.
 *
 * Load it on first use: `await import('@vitrine/core/lightbox')`.
 *
 * @tag vt-lightbox
 *
 * @event vt-media-open - An item is shown, on open and after each move; detail `{tag, productId?, reviewId?, index, type, url}` where `index` is the item's position in the list given to `open()`.
 *
 * @csspart dialog - The `<dialog>`, covering the viewport.
 * @csspart media - The `<img>` or `<video>`.
 * @csspart close - The Close button.
 * @csspart previous - The Previous button (shown for two items or more).
 * @csspart next - The Next button (shown for two items or more).
 * @csspart counter - The position ("2 of 5"), a polite live region.
 * @csspart caption - The item's description (its `alt`) under the media.
 *
 * @cssproperty --vt-lightbox-backdrop - Background behind the media. Defaults to `rgb(0 0 0 / 0.92)`.
 * @cssproperty --vt-lightbox-color - Text and icon colour. Defaults to `#fff`.
 * @cssproperty --vt-lightbox-control-background - Background of the buttons. Defaults to `rgb(255 255 255 / 0.14)`.
 * @cssproperty --vt-lightbox-control-size - Size of the square buttons (3rem).
 * @cssproperty --vt-lightbox-focus-ring - Focus outline. Defaults to `3px solid` the text colour.
 */
export class VtLightbox extends VitrineElement {
  static override styles = [...VitrineElement.styles, lightboxStyles];

  static override properties = {
    _opened: { state: true },
    _pos: { state: true },
  };

  declare _opened: boolean;
  /** Position of the shown item in `_shown`. */
  declare _pos: number;

  /** The list given to `open()`. */
  private _items: readonly MediaItem[] = [];
  /** Indexes into `_items` of the items that can be shown. */
  private _shown: number[] = [];
  private _opener: HTMLElement | undefined;
  private _context: LightboxContext = { tag: 'vt-lightbox' };
  /** A `vt-media-open` is due once the current item is on screen. */
  private _pending = false;
  private _swipe: { id: number; x: number; y: number } | undefined;

  constructor() {
    super();
    this._opened = false;
    this._pos = 0;
  }

  /** True while the dialog is open. */
  get opened(): boolean {
    return this._opened;
  }

  /**
   * Position, in the list given to `open()`, of the item shown (or last shown). Setting it shows
   * that item; indexes of skipped items and out-of-range values are ignored.
   */
  get index(): number {
    return this._shown[this._pos] ?? 0;
  }

  set index(value: number) {
    const pos = this._shown.indexOf(value);
    if (pos !== -1) this._go(pos, false);
  }

  /**
   * Opens the viewer on `items[index]`. `opener` gets focus back on close (default: the element
   * focused now). `context` names the caller in `vt-media-open` events. An empty list, or one
   * with nothing showable, opens nothing and logs a warning. Calling it while open replaces the list.
   */
  open(
    items: readonly MediaItem[],
    index = 0,
    opener?: HTMLElement,
    context: LightboxContext = { tag: this.localName },
  ): void {
    const list: readonly MediaItem[] = Array.isArray(items) ? items : [];
    const skipped: string[] = [];
    const shown: number[] = [];
    list.forEach((item, i) => {
      const reason = skipReason(item);
      if (reason) skipped.push(`items[${i}] ${reason}`);
      else shown.push(i);
    });
    if (!shown.length) skipped.push('nothing to show; not opened');
    if (skipped.length) console.warn(`<${this.localName}>: open(): ${skipped.join('; ')}`);
    if (!shown.length) return;

    const start = Number.isInteger(index) ? Math.min(Math.max(index, 0), list.length - 1) : 0;
    const pos = shown.findIndex((i) => i >= start);
    this._items = list;
    this._shown = shown;
    this._pos = pos === -1 ? shown.length - 1 : pos;
    this._context = {
      tag: typeof context?.tag === 'string' && context.tag ? context.tag : this.localName,
      ...(typeof context?.productId === 'string' ? { productId: context.productId } : {}),
      ...(typeof context?.reviewId === 'string' ? { reviewId: context.reviewId } : {}),
    };
    if (!this._opened) {
      const focused = opener ?? deepActiveElement();
      this._opener = focused instanceof HTMLElement && focused !== document.body ? focused : undefined;
    } else if (opener) {
      this._opener = opener;
    }
    this._pauseVideo();
    this._opened = true;
    this._pending = true;
  }

  /** Closes the viewer (pausing any video) and returns focus to the opener. */
  close(): void {
    if (!this._opened) return;
    this._pauseVideo();
    this._opened = false;
    this._pending = false;
    const dialog = this._dialog();
    if (dialog?.open) dialog.close();
    const opener = this._opener;
    this._opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  private _dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  private _pauseVideo(): void {
    this.renderRoot?.querySelector('video')?.pause();
  }

  /** Shows `_shown[pos]`; with `wrap`, positions past either end wrap around. */
  private _go(pos: number, wrap: boolean): void {
    const count = this._shown.length;
    const next = wrap ? ((pos % count) + count) % count : pos;
    if (next === this._pos || next < 0 || next >= count) return;
    this._pauseVideo();
    this._pos = next;
    if (this._opened) this._pending = true;
  }

  private _rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  protected override updated(): void {
    const dialog = this._dialog();
    if (!this._opened || !dialog) return;
    if (!dialog.open) {
      try {
        dialog.showModal();
      } catch (error) {
        // E.g. the element is inside a popover or a closed <details>: stay closed, say why.
        console.warn(
          `<${this.localName}>: could not open: ${error instanceof Error ? error.message : error}`,
        );
        this._opened = false;
        this._pending = false;
        return;
      }
    }
    if (this._pending) {
      this._pending = false;
      const i = this.index;
      const item = this._items[i]!;
      const detail: MediaOpenDetail = { ...this._context, index: i, type: item.type, url: item.url };
      this.dispatchEvent(vtEvent('vt-media-open', detail));
    }
  }

  // Something else closed the dialog natively (a back gesture's close watcher): finish the job.
  // A late event from an earlier close() finds the dialog open again and is ignored.
  private _onClose(): void {
    if (!this._dialog()?.open) this.close();
  }

  private _onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      // Close now rather than through the dialog's own close, whose `close` event comes later (and
      // not at all while the tab is hidden); other native closes still end in `_onClose`.
      event.preventDefault();
      this.close();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Tab') {
      this._trapTab(event);
      return;
    }
    // A focused video uses these keys to seek.
    if (event.composedPath()[0] instanceof HTMLMediaElement) return;
    const back = this._rtl() ? 1 : -1;
    const moves: Record<string, number> = {
      ArrowLeft: this._pos + back,
      ArrowRight: this._pos - back,
      Home: 0,
      End: this._shown.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined || this._shown.length < 2) return;
    event.preventDefault();
    this._go(to, event.key.startsWith('Arrow'));
  }

  /**
   * A modal dialog makes the page inert, but Tab past its last control still leaves for the
   * browser's own UI: wrap between our first and last buttons instead (WAI-ARIA APG dialog pattern).
   */
  private _trapTab(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll('button')];
    if (buttons.length < 2) {
      // Close alone stays focused; with a video, whose own controls (which we cannot see into)
      // follow Close, Tab is left to the browser rather than skip them.
      if (!this.renderRoot.querySelector('video')) event.preventDefault();
      return;
    }
    const first = buttons[0]!;
    const last = buttons[buttons.length - 1]!;
    const active = this.shadowRoot?.activeElement;
    const to = event.shiftKey ? (active === first ? last : null) : active === last ? first : null;
    if (!to) return;
    event.preventDefault();
    to.focus();
  }

  private _onPointerDown(event: PointerEvent): void {
    // Mouse drags select or drag the image; drags on a video's controls seek.
    if (!event.isPrimary || event.pointerType === 'mouse' || event.target instanceof HTMLMediaElement) {
      this._swipe = undefined;
      return;
    }
    this._swipe = { id: event.pointerId, x: event.clientX, y: event.clientY };
  }

  private _onPointerUp(event: PointerEvent): void {
    const start = this._swipe;
    this._swipe = undefined;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) <= Math.abs(dy)) return;
    // Swiping left brings the next item in from the right (mirrored in right-to-left pages).
    const forward = dx < 0 !== this._rtl();
    this._go(this._pos + (forward ? 1 : -1), true);
  }

  private _onPointerCancel(): void {
    this._swipe = undefined;
  }

  private _label(item: MediaItem): string {
    const count = this._shown.length;
    if (count === 1 && item.alt) return item.alt;
    const key =
      item.type === 'video' ? 'lightbox.video' : item.type === 'model' ? 'lightbox.model' : 'lightbox.image';
    return this.t(key, { index: this._pos + 1, count });
  }

  private _renderMedia(item: MediaItem) {
    const alt = typeof item.alt === 'string' ? item.alt : '';
    const width = item.width ?? nothing;
    const height = item.height ?? nothing;
    if (item.type === 'video') {
      const tracks = Array.isArray(item.captions) ? item.captions.filter((c) => safe(c?.src, false)) : [];
      const lang = this.locale.slice(0, 2);
      const preferred = Math.max(
        0,
        tracks.findIndex((c) => typeof c.lang === 'string' && c.lang.toLowerCase().startsWith(lang)),
      );
      return html`<video
        part="media"
        controls
        playsinline
        preload="metadata"
        src=${item.url}
        poster=${safe(item.poster, true) ?? nothing}
        width=${width}
        height=${height}
        aria-label=${alt}
      >
        ${tracks.map(
          (c, i) =>
            html`<track
              kind="captions"
              src=${c.src}
              srclang=${c.lang}
              label=${c.label}
              ?default=${i === preferred}
            />`,
        )}
      </video>`;
    }
    if (item.type === 'model') {
      // Never load the model itself here: its poster stands in, and the gallery does 3D.
      const poster = safe(item.poster, true);
      return poster
        ? html`<img part="media" src=${poster} alt=${alt} width=${width} height=${height} decoding="async" />`
        : nothing;
    }
    const srcset = Array.isArray(item.srcset)
      ? item.srcset
          .filter((s) => safe(s?.url, true) && Number.isInteger(s.width) && s.width > 0)
          .map((s) => `${s.url} ${s.width}w`)
          .join(', ')
      : '';
    return html`<img
      part="media"
      src=${item.url}
      srcset=${srcset || nothing}
      sizes=${srcset ? '100vw' : nothing}
      alt=${alt}
      width=${width}
      height=${height}
      decoding="async"
    />`;
  }

  protected override renderReady() {
    const item = this._opened ? this._items[this.index] : undefined;
    if (!item) return html`<dialog part="dialog" aria-modal="true" @close=${this._onClose}></dialog>`;
    const several = this._shown.length > 1;
    const media = this._renderMedia(item);
    const chevron = (part: 'previous' | 'next') =>
      html`<button
        part=${part}
        type="button"
        aria-label=${this.t(`lightbox.${part}`)}
        @click=${() => this._go(this._pos + (part === 'next' ? 1 : -1), true)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${CHEVRON}</svg>
      </button>`;
    return html`<dialog
      part="dialog"
      aria-modal="true"
      aria-label=${this._label(item)}
      @close=${this._onClose}
      @keydown=${this._onKeydown}
    >
      <p part="counter" aria-live="polite" aria-atomic="true">
        ${several ? this.t('lightbox.counter', { index: this._pos + 1, count: this._shown.length }) : ''}
      </p>
      <button
        part="close"
        type="button"
        autofocus
        aria-label=${this.t('lightbox.close')}
        @click=${this.close}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${CROSS}</svg>
      </button>
      ${several ? chevron('previous') : nothing}
      <div
        class="stage"
        @pointerdown=${this._onPointerDown}
        @pointerup=${this._onPointerUp}
        @pointercancel=${this._onPointerCancel}
      >
        ${keyed(item, media)}
      </div>
      ${several ? chevron('next') : nothing}
      <div class="foot">
        ${
          item.alt
            ? // The media already carries the alt text; a model without a poster has only this.
              html`<p part="caption" aria-hidden=${media === nothing ? nothing : 'true'}>${item.alt}</p>`
            : nothing
        }
        ${item.type === 'model' ? html`<p class="note">${this.t('lightbox.modelNote')}</p>` : nothing}
      </div>
    </dialog>`;
  }
}
