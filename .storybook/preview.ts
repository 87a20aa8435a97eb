import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Every story renders inside this wrapper: `lang` from the Language toolbar (the elements read it
 * from their nearest `[lang]` ancestor) and `color-scheme` from the Theme toolbar (the `--vt-*`
 * tokens use `light-dark()`).
 */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = (context.globals['locale'] as string | undefined) ?? 'en';
  const theme = (context.globals['theme'] as string | undefined) ?? 'light';
  document.documentElement.style.colorScheme = theme;
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  return html`<div
    lang=${locale}
    style="color-scheme: ${theme}; padding: 1rem; font-family: system-ui, sans-serif;"
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
