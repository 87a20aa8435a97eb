import { html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CaptionTrack, MediaItem } from '@vitrine/core';
import { vtEvent } from '@vitrine/schema';
import { MediaItemElement } from '../../media-item-element.js';
import { galleryVideoMsg } from './gallery-video.messages.js';
import { galleryVideoStyles } from './gallery-video.styles.js';

/** Names of `MediaError.code` values, for the console message. */
const MEDIA_ERRORS: Readonly<Record<number, string>> = {
  1: 'MEDIA_ERR_ABORTED',
  2: 'MEDIA_ERR_NETWORK',
  3: 'MEDIA_ERR_DECODE',
  4: 'MEDIA_ERR_SRC_NOT_SUPPORTED',
};

/**
 * Index of the caption track to show by default in `locale`: the exact language (`zh-CN`), else
 * the same base language (`zh-TW` for `zh-CN`), else the first track.
 */
function preferredTrack(tracks: readonly CaptionTrack[], locale: string): number {
  const langs = tracks.map((t) => t.lang.toLowerCase());
  const exact = langs.indexOf(locale.toLowerCase());
  if (exact !== -1) return exact;
  const base = locale.slice(0, 2).toLowerCase();
  return Math.max(
    0,
    langs.findIndex((l) => l === base || l.startsWith(`${base}-`)),
  );
}

/**
 * One video of the product gallery: the shopper sees the video's poster with the browser's own
 * controls and plays it when they choose, with captions in their language.
 *
 * Videos never autoplay. Only the gallery's current slide (`active`) fetches the video's metadata
 * (`preload="metadata"`); the others fetch nothing until played, so shoppers do not download
 * videos they never reach. Sliding away (`active` turning false) or removing the element pauses
 * playback. Caption tracks come from the item's `captions`; the one in the page's language is on
 * by default, else the first.
 *
 * A video that cannot be loaded (404, unsupported or broken file) is replaced by a translated
 * message and the item's description, with one console error naming `media[index].url` and a
 * `vt-error` event; the rest of the gallery keeps working. For an inactive item this happens
 * only once it is played, since nothing is fetched before.
 *
 * @tag vt-gallery-video
 *
 * @event vt-video-play - Playback started: the first play, and each replay after the end (resuming after a pause does not count); detail `{tag, productId?, index, type, url}`.
 * @event vt-video-complete - The video played to its end; detail `{tag, productId?, index, type, url}`.
 * @event vt-error - The video could not be loaded; detail `{tag, attribute: 'media[index].url', message}`.
 *
 * @csspart video - The `<video>`, filling the element (`object-fit: contain`).
 * @csspart error - The message shown instead of a video that could not be loaded.
 *
 * @cssproperty --vt-gallery-video-background - Background around the video (letterboxing). Defaults to `#111`.
 */
export class VtGalleryVideo extends MediaItemElement {
  static override styles = [...MediaItemElement.styles, galleryVideoStyles];

  /** A `vt-video-play` was sent for the current play-through. */
  private _started = false;

  private _video(): HTMLVideoElement | null {
    return this.renderRoot?.querySelector('video') ?? null;
  }

  /** Pauses playback, e.g. when the gallery moves to another slide. */
  private _pause(): void {
    const video = this._video();
    if (video && !video.paused) video.pause();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._pause();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('item')) this._started = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // "Pauses when slid away": the gallery turns `active` off on the slide it leaves.
    if (changed.has('active') && !this.active) this._pause();
  }

  private _onPlay(event: Event): void {
    if (event.target !== this._video() || this._started) return;
    this._started = true;
    this.dispatchEvent(vtEvent('vt-video-play', this.ref()));
  }

  private _onEnded(event: Event): void {
    if (event.target !== this._video()) return;
    this._started = false;
    this.dispatchEvent(vtEvent('vt-video-complete', this.ref()));
  }

  private _onError(event: Event): void {
    const video = event.target as HTMLVideoElement;
    // A video replaced by a newer item's reports nothing about the current one.
    if (video !== this._video()) return;
    const error = video.error;
    // Aborted by the browser (e.g. the element is going away): not a broken video.
    if (error?.code === MediaError.MEDIA_ERR_ABORTED) return;
    const code = error ? (MEDIA_ERRORS[error.code] ?? `code ${error.code}`) : 'unknown error';
    const reason = error?.message ? `${code}: ${error.message}` : code;
    this.failItem(`could not be loaded (${reason}): ${this.item?.url ?? ''}`);
  }

  private _renderVideo(item: MediaItem) {
    const tracks = Array.isArray(item.captions)
      ? item.captions.filter((c) => typeof c?.src === 'string' && typeof c.lang === 'string')
      : [];
    const preferred = preferredTrack(tracks, this.locale);
    return html`<video
      part="video"
      controls
      playsinline
      preload=${this.active ? 'metadata' : 'none'}
      src=${item.url}
      poster=${item.poster ?? nothing}
      width=${item.width ?? nothing}
      height=${item.height ?? nothing}
      aria-label=${item.alt || galleryVideoMsg(this.locale, 'galleryVideo.label')}
      @play=${this._onPlay}
      @ended=${this._onEnded}
      @error=${this._onError}
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

  protected override renderReady() {
    const item = this.item;
    if (!item) return nothing;
    if (this._failed)
      return html`<p part="error">
        <span>${galleryVideoMsg(this.locale, 'galleryVideo.error')}</span>
        ${item.alt ? html`<span class="alt">${item.alt}</span>` : nothing}
      </p>`;
    // A new item gets a new <video>: no playback state, tracks or late events carry over.
    return keyed(item, this._renderVideo(item));
  }
}
