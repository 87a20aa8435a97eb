// Define the tags before React's first render: React 19 sets a prop as a DOM property only when
// the element already has it (`'product' in el`); on a tag not yet defined it would set the
// attribute `product="[object Object]"` instead. One import per tag, as with any bundler.
import '@vitrine/core/price';
import '@vitrine/core/add-to-cart';
import '@vitrine/core/cart-count';
import '@vitrine/gallery/gallery';
import '@vitrine/search/search';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
