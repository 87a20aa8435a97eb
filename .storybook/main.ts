import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    // Resolve @vitrine/* to their TypeScript sources, as the tests do.
    vite.resolve ??= {};
    vite.resolve.conditions = ['source', ...defaultClientConditions];
    return vite;
  },
};

export default config;
