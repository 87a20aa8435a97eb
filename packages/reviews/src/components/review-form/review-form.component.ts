import { html, nothing } from 'lit';
import { VitrineElement, reportError } from '@vitrine/core';
import { vtEvent } from '@vitrine/schema';
import { t } from './review-form.messages.js';
import { reviewFormStyles } from './review-form.styles.js';

/** Image types a photo may have. */
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MIN_BODY = 10;

type Errors = Partial<Record<'rating' | 'body' | 'author' | 'photos', string>>;
type Outcome = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed' };

/**
 * A form for shoppers to write a review: stars (a radio group), optional title, text, the name to
 * show and optional photos checked in the browser (type JPEG/PNG/WebP, count, size) before
 * anything is sent. It posts `multipart/form-data` (`rating`, `title`, `body`, `author`,
 * `productId`, `photos`) to `endpoint`. Errors are shown next to their fields (linked with
 * `aria-describedby`, focus moves to the first); a failed post keeps everything typed and says so.
 * Closed by default behind a "Write a review" button, unless `open` is set. `<vt-reviews
 * write-endpoint="…">` shows it under the list.
 *
 * @tag vt-review-form
 *
 * @event vt-review-submit - The endpoint accepted the review (2xx); detail `{productId?, rating, photos, reviewId?}`.
 * @event vt-error - `endpoint` is missing, or the post failed; detail `{tag, attribute, message}`.
 *
 * @csspart open - The "Write a review" button.
 * @csspart form - The form.
 * @csspart message - The result line (sent, or failed).
 */
export class VtReviewForm extends VitrineElement {
  static override styles = [...VitrineElement.styles, reviewFormStyles];

  static override properties = {
    endpoint: { type: String },
    productId: { attribute: 'product-id' },
    open: { type: Boolean, reflect: true },
    maxPhotos: { type: Number, attribute: 'max-photos' },
    maxPhotoMb: { type: Number, attribute: 'max-photo-mb' },
    _errors: { state: true },
    _outcome: { state: true },
  };

  /** URL the review is posted to. */
  declare endpoint: string | undefined;
  /** Product reviewed, sent as `productId` and carried in the event. */
  declare productId: string | undefined;
  /** Show the form (else a "Write a review" button that opens it). */
  declare open: boolean;
  /** Most photos allowed (default 5). */
  declare maxPhotos: number;
  /** Largest photo in MB (default 5). */
  declare maxPhotoMb: number;
  declare _errors: Errors;
  declare _outcome: Outcome;

  constructor() {
    super();
    this.open = false;
    this.maxPhotos = 5;
    this.maxPhotoMb = 5;
    this._errors = {};
    this._outcome = { kind: 'idle' };
  }

  private get _form(): HTMLFormElement | null {
    return this.renderRoot.querySelector('form');
  }

  /** Checks everything in the browser; returns the errors by field. */
  private _check(data: FormData): Errors {
    const loc = this.locale;
    const errors: Errors = {};
    const rating = Number(data.get('rating'));
    if (!(rating >= 1 && rating <= 5)) errors.rating = t(loc, 'reviewForm.needRating');
    if (String(data.get('body') ?? '').trim().length < MIN_BODY)
      errors.body = t(loc, 'reviewForm.needBody', { count: MIN_BODY });
    if (!String(data.get('author') ?? '').trim()) errors.author = t(loc, 'reviewForm.needAuthor');
    const photos = data.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
    const size = this.maxPhotoMb;
    if (photos.length > this.maxPhotos) errors.photos = t(loc, 'reviewForm.tooMany', { max: this.maxPhotos });
    else {
      const badType = photos.find((f) => !TYPES.includes(f.type));
      const big = photos.find((f) => f.size > size * 1024 * 1024);
      if (badType) errors.photos = t(loc, 'reviewForm.badType', { name: badType.name });
      else if (big) errors.photos = t(loc, 'reviewForm.tooBig', { name: big.name, size });
    }
    return errors;
  }

  private async _submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this._form;
    if (!form || this._outcome.kind === 'sending') return;
    const data = new FormData(form);
    const errors = this._check(data);
    this._errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (!this.endpoint) {
      this.fail('endpoint', 'is missing: set endpoint="URL" to post reviews to');
      return;
    }
    // Empty file inputs send one empty part; the endpoint gets only real photos.
    const photos = data.getAll('photos').filter((f) => f instanceof File && f.size > 0);
    data.delete('photos');
    for (const p of photos) data.append('photos', p);
    if (this.productId) data.set('productId', this.productId);
    this._outcome = { kind: 'sending' };
    try {
      const res = await fetch(this.endpoint, {
        method: 'POST',
        body: data,
        headers: { accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`${this.endpoint} answered HTTP ${res.status}`);
      const answer: unknown = await res.json().catch(() => null);
      const id = (answer as { id?: unknown } | null)?.id;
      this._outcome = { kind: 'sent' };
      form.reset();
      this.dispatchEvent(
        vtEvent('vt-review-submit', {
          ...(this.productId && { productId: this.productId }),
          rating: Number(data.get('rating')),
          photos: photos.length,
          ...(typeof id === 'string' && { reviewId: id }),
        }),
      );
    } catch (error) {
      this._outcome = { kind: 'failed' };
      reportError(this, {
        attribute: 'endpoint',
        message: `the review could not be posted: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  private _field(name: keyof Errors) {
    const error = this._errors[name];
    return {
      invalid: error ? 'true' : 'false',
      describedby: error ? `${name}-error` : nothing,
      message: error ? html`<p class="error" id=${`${name}-error`}>${error}</p>` : nothing,
    };
  }

  protected override renderReady() {
    const loc = this.locale;
    if (!this.open)
      return html`<button part="open" type="button" @click=${() => (this.open = true)}>
        ${t(loc, 'reviewForm.open')}
      </button>`;
    const o = this._outcome;
    const rating = this._field('rating');
    const body = this._field('body');
    const author = this._field('author');
    const photos = this._field('photos');
    return html`<form part="form" novalidate @submit=${(e: SubmitEvent) => void this._submit(e)}>
      <h3>${t(loc, 'reviewForm.heading')}</h3>
      <fieldset aria-describedby=${rating.describedby}>
        <legend>${t(loc, 'reviewForm.rating')}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (n) =>
              html`<label
                ><input type="radio" name="rating" value=${n} aria-invalid=${rating.invalid} required />${t(
                  loc,
                  'reviewForm.star',
                  { count: n },
                )}</label
              >`,
          )}
        </div>
        ${rating.message}
      </fieldset>
      <div class="field">
        <label for="title">${t(loc, 'reviewForm.title')}</label>
        <input id="title" name="title" type="text" maxlength="150" autocomplete="off" />
      </div>
      <div class="field">
        <label for="body">${t(loc, 'reviewForm.body')}</label>
        <textarea
          id="body"
          name="body"
          required
          maxlength="5000"
          aria-invalid=${body.invalid}
          aria-describedby=${body.describedby}
        ></textarea>
        ${body.message}
      </div>
      <div class="field">
        <label for="author">${t(loc, 'reviewForm.author')}</label>
        <input
          id="author"
          name="author"
          type="text"
          required
          maxlength="60"
          autocomplete="nickname"
          aria-invalid=${author.invalid}
          aria-describedby=${author.describedby}
        />
        ${author.message}
      </div>
      <div class="field">
        <label for="photos"
          >${t(loc, 'reviewForm.photos', { max: this.maxPhotos, size: this.maxPhotoMb })}</label
        >
        <input
          id="photos"
          name="photos"
          type="file"
          accept=${TYPES.join(',')}
          multiple
          aria-invalid=${photos.invalid}
          aria-describedby=${photos.describedby}
        />
        ${photos.message}
      </div>
      <div class="actions">
        <button type="submit" aria-disabled=${o.kind === 'sending' ? 'true' : 'false'}>
          ${o.kind === 'sending' ? t(loc, 'reviewForm.sending') : t(loc, 'reviewForm.submit')}
        </button>
        <button type="button" @click=${() => (this.open = false)}>${t(loc, 'reviewForm.cancel')}</button>
      </div>
      <p
        part="message"
        role=${o.kind === 'failed' ? 'alert' : 'status'}
        class=${o.kind === 'failed' ? 'error' : ''}
      >
        ${o.kind === 'sent' ? t(loc, 'reviewForm.thanks') : o.kind === 'failed' ? t(loc, 'reviewForm.failed') : ''}
      </p>
    </form>`;
  }
}
