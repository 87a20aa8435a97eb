// Compiled by `tsc -p examples/vue/tsconfig.json`, never run: the generated Vue types
// (vitrine-vue.d.ts) accept what the elements take and reject what they do not. Templates
// themselves are checked against the same declarations by vue-tsc (Volar); plain tsc sees the
// props and emits through the component types. Each `@ts-expect-error` fails the typecheck if the
// line below it ever compiles.
import type { GlobalComponents } from 'vue';
import type { Product } from '@vitrine/core';

/** The props (including `onVt…` listeners) a template may bind on a tag. */
type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];

declare const product: Product;
const wrongHandler = (event: CustomEvent<{ term: number }>) => event.detail.term;

export const checks: unknown[] = [
  { amount: 1999, currency: 'USD', compareAt: 2500 } satisfies Props<'vt-price'>,
  // @ts-expect-error amount is integer minor units, a number: the string "19.99" is refused
  { amount: '19.99', currency: 'USD' } satisfies Props<'vt-price'>,
  // @ts-expect-error a misspelt property is refused
  { amout: 1999 } satisfies Props<'vt-price'>,
  { product, variant: 'linen-shirt-sky', maxZoom: 3, noHoverZoom: true } satisfies Props<'vt-gallery'>,
  // @ts-expect-error maxZoom is a number
  { maxZoom: '3' } satisfies Props<'vt-gallery'>,
  {
    products: [product],
    // `@vt-search-submit` in a template: the handler gets the schema's typed detail.
    'onVt-search-submit': (event: CustomEvent<{ query: string }>) => event.detail.query,
  } satisfies Props<'vt-search'>,
  // @ts-expect-error products is an array of products, not one product
  { products: product } satisfies Props<'vt-search'>,
  // @ts-expect-error the handler must take the schema's event, whose detail has no `term`
  { 'onVt-search-submit': wrongHandler } satisfies Props<'vt-search'>,
  { product, quantity: 2 } satisfies Props<'vt-add-to-cart'>,
];
