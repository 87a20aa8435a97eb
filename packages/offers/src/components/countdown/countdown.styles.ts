import { css } from 'lit';

export const countdownStyles = css`
  :host {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--vt-countdown-gap, var(--_vt-space-2));
    /* One line reserved before the first tick, so the page does not shift. */
    min-block-size: var(--vt-countdown-min-height, 1.5rem);
    line-height: 1.5;
  }
  /* The slotted price sits in the host's row; with nothing slotted there is no empty item (no gap). */
  [part='content'] {
    display: contents;
  }
  [part='base'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_vt-space-1);
  }
  [part='label'] {
    color: var(--_vt-color-text-muted);
  }
  [part='time'] {
    /* Equal-width digits: the text does not jiggle every second. */
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
  }
  .live [part='time'] {
    color: var(--vt-countdown-color, var(--_vt-color-sale));
  }
  .ended [part='label'] {
    font-weight: 600;
  }
`;
