import { css } from 'lit';

export const galleryVideoStyles = css`
  video {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
    background: var(--vt-gallery-video-background, #111);
  }
  [part='error'] {
    gap: var(--_vt-space-1);
    place-content: center;
  }
  [part='error'] .alt {
    color: var(--_vt-color-text-muted);
    font-size: 0.9em;
  }
`;
