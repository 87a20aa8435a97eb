import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  // The demo shop's generated video, captions and 3D model (scripts/make-demo-*.mjs), for the gallery.
  staticDirs: [{ from: '../examples/shop/public/media', to: '/media' }],
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    // Resolve @vitrine/* to their TypeScript sources, as the tests do.
    vite.resolve ??= {};
    vite.resolve.conditions = ['source', ...defaultClientConditions];
    // The search worker is a module (it imports the engine).
    vite.worker = { ...vite.worker, format: 'es' };
    return vite;
  },
};

export default config;
