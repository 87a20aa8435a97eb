// Define the tags first, as with any bundler: one import per tag used.
import '@vitrine/core/price';
import '@vitrine/core/add-to-cart';
import '@vitrine/core/cart-count';
import '@vitrine/gallery/gallery';
import '@vitrine/search/search';
import { createApp } from 'vue';
import { App } from './app.js';

const app = createApp(App);
// `vt-*` are custom elements, not Vue components: the template compiler leaves them to the browser.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('vt-');
app.mount('#app');
