import { css, type PropertyDeclarations } from 'lit';
import { VitrineElement, reportError, type MediaItem } from '@vitrine/core';
import type { MediaRef } from '@vitrine/schema';

/**
 * Base of the elements that show one non-image gallery item (`<vt-gallery-video>`,
 * `<vt-gallery-model>`). The gallery sets `item`, `index`, `productId`, `tag` and `active`; the
 * element fills its box (the gallery reserves the box's aspect ratio) and reports a media failure
 * (404, undecodable file) as a per-item error: a translated message in place of the media, one
 * console error naming `media[index].url`, and a `vt-error` event, while the rest of the gallery
 * keeps working.
 */
export class MediaItemElement extends VitrineElement {
  static override styles = [
    ...VitrineElement.styles,
    css`
      :host {
        position: relative;
        inline-size: 100%;
        block-size: 100%;
      }
      [part='error'] {
        display: grid;
        place-items: center;
        box-sizing: border-box;
        inline-size: 100%;
        block-size: 100%;
        margin: 0;
        padding: 1rem;
        text-align: center;
        color: var(--_vt-color-danger);
        background: var(--_vt-color-surface-raised);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    item: { attribute: false },
    index: { type: Number },
    productId: { attribute: 'product-id' },
    tag: { attribute: false },
    active: { type: Boolean, reflect: true },
    _failed: { state: true },
  };

  /** The media item shown. */
  declare item: MediaItem | undefined;
  /** Position of the item in the product's media list, repeated in events. */
  declare index: number;
  declare productId: string | undefined;
  /** Tag named in events (`vt-gallery` inside a gallery); defaults to this element's tag. */
  declare tag: string | undefined;
  /** True while the item is the gallery's current slide. */
  declare active: boolean;
  /** The media failed to load. */
  declare _failed: boolean;

  constructor() {
    super();
    this.index = 0;
    this.active = false;
    this._failed = false;
  }

  /** True when the media could not be loaded (the per-item error is shown). */
  get failed(): boolean {
    return this._failed;
  }

  /** The `MediaRef` every event of this item carries. */
  protected ref(): MediaRef {
    const item = this.item!;
    return {
      tag: this.tag || this.localName,
      ...(this.productId ? { productId: this.productId } : {}),
      index: this.index,
      type: item.type,
      url: item.url,
    };
  }

  /** Shows the per-item error and reports it once. */
  protected failItem(message: string): void {
    if (this._failed) return;
    this._failed = true;
    reportError(this, { attribute: `media[${this.index}].url`, message });
  }

  /** A new item gets a fresh start. */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('item') && changed.get('item') !== undefined) this._failed = false;
  }
}
