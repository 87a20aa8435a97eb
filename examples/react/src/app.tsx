import { useState } from 'react';
import type { Product } from '@vitrine/core';
import { vtEvent } from '@vitrine/schema';
import { products as catalog } from '../../shared/framework-catalog.js';
import { useDocumentEvent } from './use-document-event.js';

const money = (m: { amount: number; currency: string }) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).format(m.amount / 100);

/**
 * The example shop page: a search box, a product list and the chosen product, all Vitrine
 * elements driven by React state (properties) and feeding it back (events).
 */
export function App({ products = catalog }: { products?: readonly Product[] }) {
  const [productId, setProductId] = useState(products[0]!.id);
  const product = products.find((p) => p.id === productId) ?? products[0]!;
  const [variantId, setVariantId] = useState(product.variants[0]!.id);
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0]!;
  const [query, setQuery] = useState('');
  const [cart, setCart] = useState({ items: 0, subtotal: '' });
  const [log, setLog] = useState<{ id: number; text: string }[]>([]);
  const note = (text: string) =>
    setLog((lines) => [{ id: (lines[0]?.id ?? 0) + 1, text }, ...lines].slice(0, 6));

  // The cart store announces every change on `document` (see README: "Events").
  useDocumentEvent('vt-cart-change', (event) => {
    const { cart: snapshot, reason } = event.detail;
    setCart({ items: snapshot.itemCount, subtotal: money(snapshot.subtotal) });
    note(`vt-cart-change (${reason})`);
  });
  // Every GA4-style funnel step of every element bubbles up to `document`.
  useDocumentEvent('vt-funnel', (event) => note(`vt-funnel ${event.detail.name}`));
  useDocumentEvent('vt-variant-change', (event) => note(`vt-variant-change ${event.detail.variantId}`));

  const shown = query
    ? products.filter((p) => `${p.title} ${p.category.join(' ')}`.toLowerCase().includes(query.toLowerCase()))
    : products;

  function choose(next: Product) {
    setProductId(next.id);
    setVariantId(next.variants[0]!.id);
  }

  function pickVariant(id: string) {
    setVariantId(id);
    // Tell the rest of the page (the tracker, other Vitrine elements) the way Vitrine does.
    const picked = product.variants.find((v) => v.id === id)!;
    document.dispatchEvent(
      vtEvent('vt-variant-change', { productId: product.id, variantId: id, options: picked.options }),
    );
  }

  return (
    <>
      <header className="bar">
        <h1>React shop</h1>
        <vt-search
          products={products}
          label="Search the shop"
          placeholder="Search shirts, bags, mugs…"
          onvt-search-submit={(event) => {
            event.preventDefault(); // stay on this page: React shows the results
            setQuery(event.detail.query);
          }}
        />
        <p className="cart" data-test="cart">
          <vt-cart-count />{' '}
          <span aria-live="polite">
            {cart.items} {cart.items === 1 ? 'item' : 'items'}
            {cart.subtotal && `, ${cart.subtotal}`}
          </span>
        </p>
      </header>
      <main className="shop">
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading">{query ? `Results for “${query}”` : 'All products'}</h2>
          {query && (
            <button type="button" onClick={() => setQuery('')}>
              Show all
            </button>
          )}
          <ul data-test="results">
            {shown.map((p) => (
              <li key={p.id}>
                <button type="button" aria-pressed={p.id === product.id} onClick={() => choose(p)}>
                  {p.title}
                </button>{' '}
                <vt-price
                  amount={p.price.amount}
                  currency={p.price.currency}
                  compareAt={p.compareAt?.amount}
                />
              </li>
            ))}
          </ul>
        </section>
        <article aria-labelledby="product-heading" className="product">
          <vt-gallery product={product} variant={variantId} />
          <div>
            <h2 id="product-heading">{product.title}</h2>
            <p>{product.description}</p>
            <vt-price
              data-test="product-price"
              amount={variant.price.amount}
              currency={variant.price.currency}
              compareAt={variant.compareAt?.amount}
            />
            {product.variants.length > 1 && (
              <fieldset>
                <legend>{product.options[0]?.name}</legend>
                {product.variants.map((v) => (
                  <label key={v.id}>
                    <input
                      type="radio"
                      name="variant"
                      checked={v.id === variantId}
                      onChange={() => pickVariant(v.id)}
                    />{' '}
                    {Object.values(v.options).join(' / ')}
                  </label>
                ))}
              </fieldset>
            )}
            <vt-add-to-cart product={product} variant={variantId} />
          </div>
        </article>
        <aside aria-labelledby="log-heading" className="log">
          <h2 id="log-heading">Events React heard</h2>
          <ol data-test="log">
            {log.map((line) => (
              <li key={line.id}>{line.text}</li>
            ))}
          </ol>
        </aside>
      </main>
    </>
  );
}
