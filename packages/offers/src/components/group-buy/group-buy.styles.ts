import { css } from 'lit';

export const groupBuyStyles = css`
  :host {
    display: block;
    font-family: var(--vt-font-family, inherit);
    color: var(--vt-color-text, inherit);
  }
`;
