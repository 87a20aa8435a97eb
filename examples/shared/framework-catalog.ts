// The products of the React and Vue examples (the same page in each framework).
import type { Product } from '@vitrine/core';

/** A square picture of one colour with a label: the example needs no image files. */
function picture(label: string, color: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">` +
    `<rect width="600" height="600" fill="${color}"/>` +
    `<text x="300" y="320" text-anchor="middle" font-family="sans-serif" font-size="40" fill="#222">${label}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** The example shop's products, in Vitrine's product model (prices in cents). */
export const products: readonly Product[] = [
  {
    id: 'linen-shirt',
    title: 'Linen shirt',
    brand: 'Vitrine',
    category: ['Apparel', 'Shirts'],
    description: 'A loose shirt in washed linen.',
    price: usd(4900),
    compareAt: usd(6500),
    availability: 'in_stock',
    options: [{ name: 'Colour', values: ['Sand', 'Sky'] }],
    variants: [
      {
        id: 'linen-shirt-sand',
        options: { Colour: 'Sand' },
        price: usd(4900),
        compareAt: usd(6500),
        availability: 'in_stock',
        media: [0],
      },
      {
        id: 'linen-shirt-sky',
        options: { Colour: 'Sky' },
        price: usd(5400),
        availability: 'in_stock',
        media: [1],
      },
    ],
    media: [
      {
        type: 'image',
        url: picture('Linen shirt, sand', '#e8d9b5'),
        alt: 'Linen shirt in sand',
        width: 600,
        height: 600,
      },
      {
        type: 'image',
        url: picture('Linen shirt, sky', '#b5d3e8'),
        alt: 'Linen shirt in sky blue',
        width: 600,
        height: 600,
      },
    ],
  },
  {
    id: 'canvas-tote',
    title: 'Canvas tote',
    brand: 'Vitrine',
    category: ['Bags'],
    description: 'A heavy canvas bag with long handles.',
    price: usd(2500),
    availability: 'in_stock',
    options: [],
    variants: [{ id: 'canvas-tote', options: {}, price: usd(2500), availability: 'in_stock' }],
    media: [
      {
        type: 'image',
        url: picture('Canvas tote', '#d8e8b5'),
        alt: 'Canvas tote bag',
        width: 600,
        height: 600,
      },
    ],
  },
  {
    id: 'stoneware-mug',
    title: 'Stoneware mug',
    brand: 'Vitrine',
    category: ['Kitchen'],
    description: 'A 350 ml mug, glazed inside.',
    price: usd(1800),
    availability: 'in_stock',
    options: [],
    variants: [{ id: 'stoneware-mug', options: {}, price: usd(1800), availability: 'in_stock' }],
    media: [
      {
        type: 'image',
        url: picture('Stoneware mug', '#e8c3b5'),
        alt: 'Stoneware mug',
        width: 600,
        height: 600,
      },
    ],
  },
];
