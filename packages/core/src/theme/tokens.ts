import { css } from 'lit';

/**
 * The global design tokens every Vitrine element reads. A shop sets any of them on `:root` (or on
 * one element) to match its look; nothing here touches the page's own styles. Each token falls
 * back to a light and a dark value through `light-dark()`, so the elements follow the page's
 * `color-scheme`.
 *
 * Elements read the private `--_vt-*` copies defined below, never the raw fallbacks, so one place
 * holds every default. Documented in packages/core/README.md (Theming).
 */
export const tokens = css`
  :host {
    --_vt-font-family: var(--vt-font-family, inherit);
    --_vt-font-size: var(--vt-font-size, 1rem);
    --_vt-color-text: var(--vt-color-text, light-dark(#1b1d1f, #eceff1));
    --_vt-color-text-muted: var(--vt-color-text-muted, light-dark(#5f6368, #bdc1c6));
    --_vt-color-surface: var(--vt-color-surface, light-dark(#ffffff, #1b1e22));
    --_vt-color-surface-raised: var(--vt-color-surface-raised, light-dark(#f4f5f6, #272b30));
    --_vt-color-border: var(--vt-color-border, light-dark(#c4c7cc, #4a4f55));
    --_vt-color-accent: var(--vt-color-accent, light-dark(#1f6f5c, #7fd1b9));
    --_vt-color-on-accent: var(--vt-color-on-accent, light-dark(#ffffff, #0b1f1a));
    --_vt-color-sale: var(--vt-color-sale, light-dark(#b3261e, #ffb4ab));
    --_vt-color-danger: var(--vt-color-danger, light-dark(#b3261e, #ffb4ab));
    --_vt-color-success: var(--vt-color-success, light-dark(#1e6b35, #8fd9a0));
    --_vt-radius: var(--vt-radius, 0.5rem);
    --_vt-space-1: var(--vt-space-1, 0.25rem);
    --_vt-space-2: var(--vt-space-2, 0.5rem);
    --_vt-space-3: var(--vt-space-3, 0.75rem);
    --_vt-space-4: var(--vt-space-4, 1rem);
    --_vt-focus-ring: var(--vt-focus-ring, 3px solid var(--_vt-color-accent));
    --_vt-focus-offset: var(--vt-focus-offset, 2px);
    --_vt-duration: var(--vt-duration, 150ms);
    font-family: var(--_vt-font-family);
    color: var(--_vt-color-text);
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: var(--_vt-focus-ring);
    outline-offset: var(--_vt-focus-offset);
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_vt-duration: 0ms;
    }
  }
  @media (forced-colors: active) {
    :host {
      --_vt-color-text: CanvasText;
      --_vt-color-text-muted: GrayText;
      --_vt-color-surface: Canvas;
      --_vt-color-surface-raised: Canvas;
      --_vt-color-border: CanvasText;
      --_vt-color-accent: ButtonText;
      --_vt-color-on-accent: ButtonFace;
      --_vt-color-sale: CanvasText;
      --_vt-focus-ring: 3px solid Highlight;
    }
  }
`;

/** Names of the public tokens, for docs and tests. */
export const TOKEN_NAMES = [
  '--vt-font-family',
  '--vt-font-size',
  '--vt-color-text',
  '--vt-color-text-muted',
  '--vt-color-surface',
  '--vt-color-surface-raised',
  '--vt-color-border',
  '--vt-color-accent',
  '--vt-color-on-accent',
  '--vt-color-sale',
  '--vt-color-danger',
  '--vt-color-success',
  '--vt-radius',
  '--vt-space-1',
  '--vt-space-2',
  '--vt-space-3',
  '--vt-space-4',
  '--vt-focus-ring',
  '--vt-focus-offset',
  '--vt-duration',
] as const;
