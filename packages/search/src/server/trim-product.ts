import type { Product } from '@vitrine/core';

/**
 * A product cut to what a result list shows, so answers stay small: no description, the first
 * image only, and one variant (the model asks for at least one; a result card reads the product's
 * own price and availability and links to the product page for the rest).
 */
export function trimProduct(product: Product): Product {
  const { description: _description, media, variants, ...rest } = product;
  const image = media.find((item) => item.type === 'image');
  return { ...rest, media: image ? [image] : [], variants: variants.slice(0, 1) };
}
