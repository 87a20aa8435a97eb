import {
  LitElement,
  css,
  html,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { langOf, type Locale } from '../i18n/locale.js';
import { msg, type MessageKey } from '../i18n/messages.js';
import { tokens } from '../theme/tokens.js';
import { reportError } from '../vt-error.js';

/** The states every Vitrine element is in; reflected to the `status` attribute for styling. */
export const STATUS = { loading: 'loading', ready: 'ready', empty: 'empty', error: 'error' } as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

/**
 * Base of every Vitrine element: the four states (loading, ready, empty, error) with translated
 * default views, one precise console message and a `vt-error` event per distinct problem, the
 * shop's language from the nearest `[lang]`, and the theme tokens.
 *
 * Subclasses render their ready view in `renderReady()`; `render()` picks the view by status. They
 * reserve their own space (a `min-block-size` on `:host`) so the page does not shift when data
 * arrives.
 *
 * @csspart status - The loading, empty or error message.
 */
export class VitrineElement extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      [part='status'] {
        color: var(--_vt-color-text-muted);
        font-size: 0.9em;
        margin: 0;
      }
      [part='status'].error {
        color: var(--_vt-color-danger);
      }
      /* Text for assistive technology only. */
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];

  // Typed as PropertyDeclarations so subclasses declare only their own; Lit merges the chain.
  static override properties: PropertyDeclarations = {
    status: { type: String, reflect: true },
  };

  /** Current state. Set by the element; read it (or style `[status=…]`) from outside. */
  declare status: Status;

  /** The last problem message shown, so one problem is logged once, not on every render. */
  private _lastProblem = '';

  constructor() {
    super();
    this.status = STATUS.ready;
  }

  /** The element's language: `en` or `zh-CN`, from the nearest `[lang]` ancestor. */
  get locale(): Locale {
    return langOf(this);
  }

  /** A translated string in the element's language. */
  protected t(key: MessageKey, values?: Record<string, string | number>): string {
    return msg(this.locale, key, values);
  }

  /**
   * Puts the element in the error state for `attribute` and reports it (once per distinct
   * problem): one `console.error` naming the element and attribute, and a `vt-error` event.
   */
  protected fail(attribute: string, message: string): void {
    this.status = STATUS.error;
    const key = `${attribute}\u0000${message}`;
    if (key === this._lastProblem) return;
    this._lastProblem = key;
    reportError(this, { attribute, message });
  }

  /** Leaves the error state: the next problem is reported again even if it repeats an old one. */
  protected succeed(status: Status = STATUS.ready): void {
    this._lastProblem = '';
    this.status = status;
  }

  /** Message shown in the error state; subclasses name what failed. */
  protected errorMessage(): string {
    return this.t('status.error');
  }

  protected renderLoading(): TemplateResult {
    return html`<p part="status" class="loading" role="status">${this.t('status.loading')}</p>`;
  }

  protected renderEmpty(): TemplateResult {
    return html`<p part="status" class="empty">${this.t('status.empty')}</p>`;
  }

  protected renderError(): TemplateResult {
    return html`<p part="status" class="error">${this.errorMessage()}</p>`;
  }

  /** The view once data is there. */
  protected renderReady(): unknown {
    return html``;
  }

  protected override render(): unknown {
    switch (this.status) {
      case STATUS.loading:
        return this.renderLoading();
      case STATUS.empty:
        return this.renderEmpty();
      case STATUS.error:
        return this.renderError();
      default:
        return this.renderReady();
    }
  }

  /** Rendering must never throw out of the element: a bug becomes the error state. */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (error) {
      this.fail('render', error instanceof Error ? error.message : String(error));
      super.update(changed);
    }
  }
}
