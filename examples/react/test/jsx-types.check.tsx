// Compiled by `tsc -p examples/react/tsconfig.json`, never run: the generated JSX types
// (vitrine-jsx.d.ts) accept what the elements take and reject what they do not. Each
// `@ts-expect-error` fails the typecheck if the line below it ever compiles.
import { useRef } from 'react';
import type { Product } from '@vitrine/core';
import type { VtGallery } from '@vitrine/gallery/gallery';

export function Checks({ product, products }: { product: Product; products: readonly Product[] }) {
  const gallery = useRef<VtGallery>(null);
  return (
    <>
      <vt-price amount={1999} currency="USD" compareAt={2500} className="price" lang="zh-CN" />
      <vt-price
        // @ts-expect-error amount is integer minor units, a number: the string "19.99" is refused
        amount="19.99"
        currency="USD"
      />
      <vt-price
        // @ts-expect-error a misspelt property is refused, not silently set as an attribute
        amout={1999}
      />
      <vt-price
        // @ts-expect-error status is the element's output (reflected for CSS), not an input
        status="ready"
      />
      <vt-gallery ref={gallery} product={product} variant="linen-shirt-sky" noHoverZoom maxZoom={3} />
      <vt-gallery
        // @ts-expect-error maxZoom is a number
        maxZoom="3"
      />
      <vt-search
        products={products}
        onvt-search-submit={(event) => {
          event.preventDefault();
          return event.detail.query.toUpperCase();
        }}
        onvt-funnel={(event) => event.detail.name}
      />
      <vt-search
        // @ts-expect-error the handler gets the schema's typed detail: there is no `detail.term`
        onvt-search-submit={(event) => event.detail.term}
      />
      <vt-search
        // @ts-expect-error products is an array of products, not one product
        products={product}
      />
      <vt-add-to-cart product={product} quantity={2} onvt-error={(event) => event.detail.message} />
      <vt-add-to-cart
        // TypeScript lets any hyphenated JSX attribute through (think `data-*`), so a handler for an
        // event the element does not dispatch compiles, but gets no event type: with `strict`, its
        // untyped parameter is the error. (The cart store dispatches vt-cart-change on document.)
        // @ts-expect-error Parameter 'event' implicitly has an 'any' type.
        onvt-cart-change={(event) => event.detail}
      />
      <vt-cart-count href="/cart" />
      {/* @ts-expect-error not a Vitrine tag */}
      <vt-nope />
    </>
  );
}
