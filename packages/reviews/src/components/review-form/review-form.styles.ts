import { css } from 'lit';

export const reviewFormStyles = css`
  :host {
    font-family: var(--_vt-font-family);
    color: var(--_vt-color-text);
  }
  form {
    display: grid;
    gap: 0.9rem;
    max-inline-size: 40rem;
    padding: 1rem;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  legend,
  label {
    font-weight: 600;
  }
  .stars {
    display: flex;
    gap: 0.25rem;
  }
  .stars label {
    font-weight: 400;
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    cursor: pointer;
  }
  .stars input {
    margin: 0;
    accent-color: var(--_vt-color-accent);
  }
  .field {
    display: grid;
    gap: 0.3rem;
  }
  input[type='text'],
  textarea {
    font: inherit;
    padding: 0.5rem;
    border: 1px solid var(--_vt-color-border);
    border-radius: var(--_vt-radius);
    background: var(--_vt-color-surface);
    color: inherit;
  }
  textarea {
    min-block-size: 7rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_vt-color-danger);
  }
  .error {
    color: var(--_vt-color-danger);
    margin: 0;
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  button {
    font: inherit;
    min-block-size: 2.5rem;
    padding: 0 1rem;
    border-radius: var(--_vt-radius);
    border: 1px solid var(--_vt-color-border);
    background: var(--_vt-color-surface);
    color: inherit;
    cursor: pointer;
  }
  button[type='submit'],
  [part='open'] {
    background: var(--_vt-color-accent);
    border-color: var(--_vt-color-accent);
    color: var(--_vt-color-on-accent);
    font-weight: 600;
  }
  :is(button, input, textarea):focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  [part='message'] {
    margin: 0;
    min-block-size: 1.4em;
  }
`;
