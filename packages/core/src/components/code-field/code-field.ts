import { css, html, type TemplateResult } from 'lit';

/** What {@link codeField} shows and calls. */
export interface CodeFieldOptions {
  label: string;
  apply: string;
  /** The result of the last code, or why it failed (`error`). */
  message: { text: string; error: boolean } | null;
  onSubmit: (event: SubmitEvent) => void;
  /** Called as the shopper edits the code (to clear an error). */
  onInput: () => void;
}

/**
 * The coupon code form of `<vt-offers>` and `<vt-cart>`: label, field (`name="code"`), Apply and a
 * message line reserved so showing it does not shift the page. Parts: `form`, `label`, `input`,
 * `submit`, `form-message`. Style it with {@link codeFieldStyles} in the element's styles.
 */
export function codeField({ label, apply, message, onSubmit, onInput }: CodeFieldOptions): TemplateResult {
  const error = Boolean(message?.error);
  return html`<form part="form" novalidate @submit=${onSubmit}>
    <label part="label" for="code">${label}</label>
    <span class="row">
      <input
        part="input"
        id="code"
        name="code"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        enterkeyhint="go"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="code-message"
        @input=${onInput}
      />
      <button part="submit" type="submit">${apply}</button>
    </span>
    <p part="form-message" id="code-message" class=${error ? 'error' : ''} role=${error ? 'alert' : 'status'}>
      ${message?.text ?? ''}
    </p>
  </form>`;
}

/** Layout of {@link codeField}; the element styles the `submit` button with its own buttons. */
export const codeFieldStyles = css`
  [part='form'] {
    display: grid;
    gap: var(--_vt-space-1);
  }
  .row {
    display: flex;
    gap: var(--_vt-space-2);
  }
  [part='input'] {
    flex: 1;
    min-inline-size: 0;
    min-block-size: 2.25rem;
    padding: var(--_vt-space-1) var(--_vt-space-2);
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface);
    color: inherit;
    font: inherit;
  }
  [part='input'][aria-invalid='true'] {
    border-color: var(--_vt-color-danger);
  }
  [part='form-message'] {
    /* One line kept free for the message, so showing it does not push the page down. */
    min-block-size: 1.4em;
    font-size: 0.875em;
  }
  [part='form-message'].error {
    color: var(--_vt-color-danger);
  }
`;
