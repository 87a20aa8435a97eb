import { expect } from '@esm-bundle/chai';
import { findJsonLd, readPageJsonLd } from '../src/data/jsonld-page.js';
import { toMinorUnits } from '../src/data/jsonld-price.js';
import { htmlToText } from '../src/data/jsonld-text.js';
import { readProduct } from '../src/data/read-product.js';
import type { Product, Result } from '../src/model/types.js';
import { formatProblem } from '../src/model/validate-shared.js';
import { aggregateOffer, aggregateOfferWithOffers } from './fixtures/jsonld/aggregate-offer.js';
import { availabilityCases, productWithAvailability } from './fixtures/jsonld/availability-forms.js';
import { brandAsBrand, brandAsOrganization, brandAsString } from './fixtures/jsonld/brand-forms.js';
import * as broken from './fixtures/jsonld/broken.js';
import { chineseProduct } from './fixtures/jsonld/chinese-cny.js';
import {
  embedOnlyVideo,
  imageAsObject,
  imageAsObjectArray,
  imageAsString,
  imageMixedWithVideo,
} from './fixtures/jsonld/image-forms.js';
import { itemListOfProducts, itemPageInYen } from './fixtures/jsonld/item-page.js';
import { merchantListing } from './fixtures/jsonld/merchant-listing.js';
import { productGroup, variantPageWithGroup } from './fixtures/jsonld/product-group.js';
import { productSnippet } from './fixtures/jsonld/product-snippet.js';
import { reviewsOutOfTen } from './fixtures/jsonld/reviews-out-of-ten.js';
import { shopifyPage } from './fixtures/jsonld/shopify-product.js';
import { listPriceSale, strikethroughNotHigher } from './fixtures/jsonld/strikethrough.js';
import { thousandsSeparatorPrice } from './fixtures/jsonld/thousands-price.js';
import { wooCommerceGraph } from './fixtures/jsonld/woocommerce-graph.js';

function said(result: Result<unknown>): string[] {
  return result.problems.map(formatProblem);
}

/** Reads a fixture that must give a product. */
function product(input: unknown): Product {
  const result = readProduct(input);
  expect(result.value, said(result).join('\n')).not.to.equal(null);
  return result.value!;
}

/** What a shop shows: title, price, currency, availability, pictures, rating. */
function shown(p: Product) {
  return {
    title: p.title,
    price: p.price.amount,
    currency: p.price.currency,
    availability: p.availability,
    images: p.media.filter((m) => m.type === 'image').map((m) => [m.url, m.alt]),
    rating: p.rating,
  };
}

describe('readProduct: schema.org JSON-LD fixtures', () => {
  it('reads Google’s product snippet: string images get derived alt text (reported)', () => {
    const result = readProduct(productSnippet);
    const p = result.value!;
    expect(shown(p)).to.deep.equal({
      title: 'Executive Anvil',
      price: 11999,
      currency: 'USD',
      availability: 'in_stock',
      images: [
        ['https://example.com/photos/1x1/photo.jpg', 'Executive Anvil image 1'],
        ['https://example.com/photos/4x3/photo.jpg', 'Executive Anvil image 2'],
        ['https://example.com/photos/16x9/photo.jpg', 'Executive Anvil image 3'],
      ],
      rating: { average: 4.4, count: 89 },
    });
    expect(p.id).to.equal('0446310786');
    expect(p.sku).to.equal('0446310786');
    expect(p.brand).to.equal('ACME');
    expect(p.variants).to.deep.equal([
      {
        id: '0446310786',
        options: {},
        price: { amount: 11999, currency: 'USD' },
        availability: 'in_stock',
        sku: '0446310786',
      },
    ]);
    expect(said(result)).to.deep.equal([
      'image: 3 images have no caption or name, so alt text was derived from "Executive Anvil" (e.g. "Executive Anvil image 1"); describe each image for screen readers',
    ]);
  });

  it('reads a merchant listing: ImageObjects, GTIN-14 and a StrikethroughPrice as compareAt', () => {
    const result = readProduct(merchantListing);
    const p = result.value!;
    expect(said(result)).to.deep.equal([]);
    expect(shown(p)).to.deep.equal({
      title: 'Nice trinket',
      price: 1049,
      currency: 'EUR',
      availability: 'in_stock',
      images: [
        ['https://example.com/trinket-front.jpg', 'Brass trinket, front view'],
        ['https://example.com/trinket-side.jpg', 'Brass trinket, side view'],
      ],
      rating: undefined,
    });
    expect(p.compareAt).to.deep.equal({ amount: 1499, currency: 'EUR' });
    expect(p.variants[0]!.compareAt).to.deep.equal({ amount: 1499, currency: 'EUR' });
    expect(p.gtin).to.equal('12345678901231');
    expect(p.media[0]).to.include({ width: 1200, height: 1200 });
  });

  it('reads an AggregateOffer’s lowPrice and a brand given as text', () => {
    const result = readProduct(aggregateOffer);
    const p = result.value!;
    expect(p.price).to.deep.equal({ amount: 11999, currency: 'USD' });
    expect(p.brand).to.equal('Northpeak');
    expect(p.id).to.equal('isbn:0-000-00000-0');
    expect(p.category).to.deep.equal(['Shoes', 'Running']);
    expect(said(result)).to.include('offers.availability: is missing; assumed "in_stock"');
    const nested = product(aggregateOfferWithOffers);
    expect(nested.price).to.deep.equal({ amount: 2450, currency: 'GBP' });
    expect(nested.availability).to.equal('limited');
  });

  it('reads a ProductGroup: variesBy becomes options, hasVariant becomes variants', () => {
    const result = readProduct(productGroup);
    const p = result.value!;
    expect(p.id).to.equal('44E01');
    expect(p.title).to.equal('Wool winter coat');
    expect(p.options).to.deep.equal([
      { name: 'Size', values: ['small', 'large'] },
      { name: 'Color', values: ['Green', 'light blue'] },
    ]);
    expect(p.variants.map((v) => [v.id, v.options, v.price.amount, v.availability, v.gtin])).to.deep.equal([
      ['44E01-M11000', { Size: 'small', Color: 'Green' }, 3999, 'in_stock', '98766051104214'],
      ['44E01-K11000', { Size: 'small', Color: 'light blue' }, 3999, 'out_of_stock', '98766051104207'],
      ['44E01-X1100000', { Size: 'large', Color: 'light blue' }, 4999, 'backorder', '98766051104399'],
    ]);
    expect(p.variants[2]!.compareAt).to.deep.equal({ amount: 5999, currency: 'USD' });
    expect(p.price).to.deep.equal({ amount: 3999, currency: 'USD' });
    expect(p.availability).to.equal('in_stock');
    expect(p.media.map((m) => m.url)).to.deep.equal([
      'https://www.example.com/coat_small_green.jpg',
      'https://www.example.com/coat_small_lightblue.jpg',
      'https://www.example.com/coat_large_lightblue.jpg',
    ]);
    expect(p.variants.map((v) => v.media)).to.deep.equal([[0], [1], [2]]);
    expect(p.media[0]!.alt).to.equal('Small green coat image 1');
  });

  it('reads a ProductGroup whose variants are @id references and isVariantOf Products, not reporting them as ignored', () => {
    const result = readProduct(variantPageWithGroup);
    expect(result.value!.id).to.equal('44E01');
    expect(result.value!.variants.map((v) => [v.id, v.options, v.availability])).to.deep.equal([
      ['44E01-M11000', { Size: 'small', Color: 'Green' }, 'in_stock'],
      ['44E01-K11000', { Size: 'small', Color: 'light blue' }, 'out_of_stock'],
    ]);
    expect(result.value!.media.map((m) => m.alt)).to.deep.equal(['Green coat']);
    expect(said(result)).to.deep.equal([]);
  });

  it('reads a Shopify page: the Product after the Organization, the cheapest of its offers, no float error', () => {
    const result = readProduct(shopifyPage);
    const p = result.value!;
    expect(p.title).to.equal('Jasmine Pearl Green Tea');
    expect(p.id).to.equal('JP-50');
    // 0.1 + 0.2 is 0.30000000000000004 as a double; the shopper sees $0.30.
    expect(p.price).to.deep.equal({ amount: 30, currency: 'USD' });
    expect(p.availability).to.equal('in_stock');
    expect(p.url).to.equal('https://harbortea.example/products/jasmine-pearl');
    expect(p.brand).to.equal('Harbor Tea Co.');
    expect(said(result).some((s) => s.includes('ignored'))).to.equal(false);
  });

  it('reads a WooCommerce @graph: resolves the image and brand references, decodes entities, strips HTML', () => {
    const result = readProduct(wooCommerceGraph);
    expect(said(result)).to.deep.equal([]);
    const p = result.value!;
    expect(shown(p)).to.deep.equal({
      title: 'Espresso machine “Duo” & milk frother',
      price: 129900,
      currency: 'EUR',
      availability: 'in_stock',
      images: [
        [
          'https://kitchen.example/wp-content/uploads/2024/02/duo.jpg',
          'Espresso machine Duo in brushed steel',
        ],
      ],
      rating: undefined,
    });
    expect(p.id).to.equal('DUO-2');
    expect(p.brand).to.equal('Kitchen Example GmbH');
    expect(p.category).to.deep.equal(['Kitchen & Dining', 'Coffee', 'Espresso machines']);
    expect(p.description).to.equal('Two boilers, one button.\n\n15 bar pump\n1.8 l tank');
  });

  it('reads image as a string, an ImageObject, a list of ImageObjects, and a video', () => {
    expect(shown(product(imageAsString)).images).to.deep.equal([
      ['https://example.com/mug.jpg', 'Stoneware mug image 1'],
    ]);
    expect(product(imageAsObject).media).to.deep.equal([
      {
        type: 'image',
        url: 'https://example.com/mug-large.jpg',
        alt: 'Blue stoneware mug on a wooden table',
        width: 1600,
        height: 900,
      },
    ]);
    const list = readProduct(imageAsObjectArray);
    expect(shown(list.value!).images).to.deep.equal([
      ['https://example.com/mug-1.jpg', 'Mug, handle to the right'],
      ['https://example.com/mug-2.jpg', 'Stoneware mug image 2'],
    ]);
    expect(said(list)).to.deep.equal([
      'image: 2 images have no caption or name, so alt text was derived from "Stoneware mug" (e.g. "Stoneware mug image 2"); describe each image for screen readers',
    ]);
    const mixed = readProduct(imageMixedWithVideo);
    expect(mixed.value!.media.map((m) => [m.type, m.url])).to.deep.equal([
      ['image', '/media/mug-top.jpg'],
      ['image', 'data:image/gif;base64,R0lGODlhAQABAAAAACw='],
      ['image', 'https://cdn.example.com/mug-side.jpg'],
      ['video', 'https://example.com/video/glazing.mp4'],
    ]);
    expect(mixed.value!.media[3]).to.deep.equal({
      type: 'video',
      url: 'https://example.com/video/glazing.mp4',
      alt: 'How the mug is glazed',
      poster: 'https://example.com/video/glazing-thumb.jpg',
      mimeType: 'video/mp4',
    });
    expect(said(mixed)).to.include(
      'image[2]: is protocol-relative ("//cdn.example.com/mug-side.jpg"); read it as https',
    );
    const embed = readProduct(embedOnlyVideo);
    expect(embed.value!.media).to.have.length(1);
    expect(said(embed)).to.include(
      'video.contentUrl: is required to play the video here; embedUrl "https://www.youtube.com/embed/abcdefghijk" alone is not supported',
    );
  });

  it('reads brand as text, Brand or Organization', () => {
    expect(product(brandAsString).brand).to.equal('Fieldnotes');
    expect(product(brandAsBrand).brand).to.equal('Fieldnotes');
    expect(product(brandAsOrganization).brand).to.equal('Fieldnotes Ltd');
  });

  it('maps availability as full URL (https or http), schema: or short name', () => {
    for (const [availability, expected] of availabilityCases) {
      const result = readProduct(productWithAvailability(availability));
      expect(result.value!.availability, availability).to.equal(expected);
      expect(result.value!.variants[0]!.availability, availability).to.equal(expected);
    }
  });

  it('reads a price with a thousands separator, a category path and a spaced GTIN-13', () => {
    const result = readProduct(thousandsSeparatorPrice);
    expect(said(result)).to.deep.equal([]);
    expect(shown(result.value!)).to.deep.equal({
      title: 'Mirrorless camera body',
      price: 129900,
      currency: 'USD',
      availability: 'preorder',
      images: [['https://example.com/camera.jpg', 'Camera body, front']],
      rating: undefined,
    });
    expect(result.value!.category).to.deep.equal(['Electronics', 'Cameras & Optics', 'Cameras']);
    expect(result.value!.gtin).to.equal('4006381333931');
  });

  it('reads a ListPrice as compareAt and ignores (reports) a strikethrough price that is not higher', () => {
    const sale = readProduct(listPriceSale);
    expect(sale.value!.price).to.deep.equal({ amount: 3900, currency: 'CHF' });
    expect(sale.value!.compareAt).to.deep.equal({ amount: 5900, currency: 'CHF' });
    const notHigher = readProduct(strikethroughNotHigher);
    expect(notHigher.value!.compareAt).to.equal(undefined);
    expect(said(notHigher)).to.deep.equal([
      'offers.priceSpecification.price: a former (strikethrough) price must be higher than the price "39.00"; it was ignored',
    ]);
  });

  it('normalises an aggregate rating out of 10 to 0–5 and counts ratings', () => {
    expect(product(reviewsOutOfTen).rating).to.deep.equal({ average: 4.3, count: 214 });
  });

  it('reads a Chinese product priced in CNY', () => {
    const result = readProduct(chineseProduct);
    expect(said(result)).to.deep.equal([]);
    const p = result.value!;
    expect(shown(p)).to.deep.equal({
      title: '纯棉圆领短袖T恤',
      price: 12900,
      currency: 'CNY',
      availability: 'in_stock',
      images: [
        ['https://img.example.cn/tx/white-front.jpg', '白色T恤正面'],
        ['https://img.example.cn/tx/white-back.jpg', '白色T恤背面'],
      ],
      rating: { average: 4.8, count: 1024 },
    });
    expect(p.brand).to.equal('棉语');
    expect(p.category).to.deep.equal(['服装', '男装', 'T恤']);
    expect(p.description).to.equal('100%新疆长绒棉， 亲肤透气。\n\n机洗30°C');
    expect(p.id).to.equal('TX-2024-白-M');
  });

  it('reads a Product nested as mainEntity, in yen without minor units', () => {
    const p = product(itemPageInYen);
    expect(p.title).to.equal('Hinoki cutting board');
    expect(p.id).to.equal('kiji-hinoki-m');
    expect(p.price).to.deep.equal({ amount: 1999, currency: 'JPY' });
  });

  it('reads the first Product of an ItemList and reports the others as ignored', () => {
    const result = readProduct(itemListOfProducts);
    expect(result.value!.title).to.equal('Oak cutting board');
    expect(said(result)).to.deep.equal([
      'itemListElement[1].item: another Product ("Walnut cutting board") was ignored; readProduct reads the first one',
    ]);
  });

  it('reads the Product out of a list of documents, wherever it sits', () => {
    const result = readProduct([
      { '@context': 'https://schema.org', '@type': 'WebSite', name: 'x' },
      [wooCommerceGraph],
    ]);
    expect(result.value!.id).to.equal('DUO-2');
  });
});

describe('readProduct: prices to minor units', () => {
  it('converts decimal strings and numbers exactly, per currency', () => {
    const cases: [unknown, string, number][] = [
      ['19.99', 'USD', 1999],
      [19.99, 'USD', 1999],
      ['1999', 'JPY', 1999],
      ['1,299.00', 'USD', 129900],
      ['1.299,00', 'EUR', 129900],
      ['1 299,50', 'EUR', 129950],
      ['12,99', 'EUR', 1299],
      [0.1 + 0.2, 'USD', 30],
      [1.005, 'USD', 101],
      [4.35, 'USD', 435],
      ['1.234', 'KWD', 1234],
      ['0', 'USD', 0],
      [1e-7, 'USD', 0],
      ['9007199254740.99', 'USD', 900719925474099],
    ];
    for (const [value, currency, expected] of cases) {
      const reading = toMinorUnits(value, currency);
      expect(reading, `${String(value)} ${currency}`).to.have.property('amount', expected);
    }
  });

  it('refuses words, negatives and huge numbers with a sentence', () => {
    expect(toMinorUnits('free', 'USD')).to.deep.equal({ error: '"free" is not a number' });
    expect(toMinorUnits('-5', 'USD')).to.deep.equal({ error: 'must not be negative, got "-5"' });
    expect(toMinorUnits(-0.01, 'USD')).to.deep.equal({ error: 'must not be negative, got -0.01' });
    expect(toMinorUnits('1e3', 'USD')).to.deep.equal({ error: '"1e3" is not a number' });
    expect(toMinorUnits('99999999999999999', 'USD')).to.deep.equal({
      error: '"99999999999999999" is too large',
    });
    expect(toMinorUnits(null, 'USD')).to.deep.equal({
      error: 'must be a number or a numeric string, got null',
    });
  });

  it('notes prices it had to interpret', () => {
    expect(toMinorUnits('$29.99', 'USD')).to.deep.equal({
      amount: 2999,
      note: '"$29.99" should be a plain number such as "29.99"; read it as 29.99',
    });
    expect(toMinorUnits('19.999', 'USD')).to.deep.equal({
      amount: 2000,
      note: 'has more decimals than USD has (2); rounded to 20.00',
    });
  });
});

describe('readProduct: broken input never throws and says where', () => {
  const cases: [string, unknown, string[]][] = [
    ['null', null, ["must be a product (Vitrine's model or schema.org JSON-LD), got null"]],
    ['a string', '<script>', ['must be a product (Vitrine\'s model or schema.org JSON-LD), got "<script>"']],
    ['a number', 42, ["must be a product (Vitrine's model or schema.org JSON-LD), got 42"]],
    [
      'a Product without offers',
      broken.productWithoutOffers,
      ['offers: is required: a product needs an Offer with a price and priceCurrency'],
    ],
    [
      'price "free"',
      broken.priceFree,
      [
        'offers.price: "free" is not a number',
        'offers: has no usable price (see the other problems), so the product cannot be shown',
      ],
    ],
    [
      'a negative price',
      broken.negativePrice,
      [
        'offers.price: must not be negative, got -5',
        'offers: has no usable price (see the other problems), so the product cannot be shown',
      ],
    ],
    [
      'currency "dollars"',
      broken.currencyInWords,
      [
        'offers.priceCurrency: must be a three-letter ISO 4217 code such as "USD" or "CNY", got "dollars"',
        'offers: has no usable price (see the other problems), so the product cannot be shown',
      ],
    ],
    [
      'a missing currency',
      broken.missingCurrency,
      [
        'offers.priceCurrency: is required (a three-letter ISO 4217 code such as "USD")',
        'offers: has no usable price (see the other problems), so the product cannot be shown',
      ],
    ],
    ['no name', broken.noName, ['name: is required']],
    [
      'a cyclic Product',
      broken.cyclicProduct(),
      [
        'sku: is missing (as are productID and @id); made the id "jsonld-21pgq12ycju" from the name',
        'offers.price: is required (or a priceSpecification with a price)',
        'offers: has no usable price (see the other problems), so the product cannot be shown',
      ],
    ],
    [
      'an array of garbage',
      broken.garbageArray,
      [
        'holds no product',
        '[0]: must be a product or a JSON-LD node, got 1',
        '[1]: must be a product or a JSON-LD node, got "x"',
        '[2]: must be a product or a JSON-LD node, got null',
        '[3]: must be a product or a JSON-LD node, got true',
        '[4]: must be a product or a JSON-LD node, got an array',
        '[5]: must be a product or a JSON-LD node, got an object',
      ],
    ],
    [
      'a graph without products',
      broken.noProductGraph,
      ['has no schema.org Product or ProductGroup (found WebSite, Organization)'],
    ],
    ['an empty list', [], ['is an empty list, so there is no product']],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name} → null with the problem at its path`, () => {
      let result: Result<Product> | undefined;
      expect(() => (result = readProduct(input))).not.to.throw();
      expect(result!.value).to.equal(null);
      for (const line of expected) expect(said(result!)).to.include(line);
    });
  }

  it('drops a javascript: or data:text image and keeps the good one', () => {
    const result = readProduct(broken.javascriptImage);
    expect(result.value!.media.map((m) => m.url)).to.deep.equal(['https://example.com/lamp.jpg']);
    expect(said(result)).to.include(
      'image[0]: must be an absolute or root-relative URL, not a javascript: URL, got "javascript:alert(1)"',
    );
    expect(said(result)).to.include(
      'image[2]: must be an image when it is a data: URL, got "data:text/html;base64,PHNjcmlwdD4="',
    );
  });

  it('cuts a 100,000-character name to 500 and says so', () => {
    const result = readProduct(broken.hugeTitle);
    expect(result.value!.title).to.have.length(500);
    expect(said(result)).to.deep.equal(['name: was cut to 500 characters (it had 100000)']);
  });

  it('takes the good offer and reports the bad ones by index', () => {
    const result = readProduct(broken.secondOfferBroken);
    expect(result.value!.price).to.deep.equal({ amount: 2999, currency: 'USD' });
    expect(said(result)).to.deep.equal([
      'offers[1].price: "abc" is not a number',
      'offers[3]: must be an Offer or AggregateOffer, got "not an offer"',
      'offers[2].priceCurrency: "EUR" differs from "USD" of offers[0]; this offer was ignored',
    ]);
  });

  it('reports an unknown availability once and assumes in stock', () => {
    const result = readProduct(broken.unknownAvailability);
    expect(result.value!.availability).to.equal('in_stock');
    expect(said(result)).to.deep.equal([
      'offers.availability: "Maybe" is not a schema.org ItemAvailability such as "https://schema.org/InStock"; assumed "in_stock"',
    ]);
  });

  it('survives hostile objects, deep nesting and huge documents', () => {
    const hostile = new Proxy(
      { '@type': 'Product' },
      {
        get(target, key) {
          if (key === 'name') throw new Error('trap');
          return Reflect.get(target, key);
        },
      },
    );
    let deep: unknown = { '@type': 'Product', name: 'Deep' };
    for (let i = 0; i < 10_000; i++) deep = { '@type': 'WebPage', mainEntity: deep };
    const many = {
      '@graph': Array.from({ length: 30_000 }, (_, i) => ({ '@type': 'Thing', name: `t${i}` })),
    };
    for (const input of [
      hostile,
      deep,
      many,
      broken.cyclicModel(),
      { '@type': 'Product', name: { '@value': 7 } },
    ]) {
      expect(() => readProduct(input)).not.to.throw();
    }
    expect(said(readProduct(hostile))).to.deep.equal(['could not be read (trap)']);
    expect(said(readProduct(many))).to.include('is too large; only the first 20000 nodes were read');
  });
});

describe('readProduct: Vitrine’s own model', () => {
  it('validates a model product as validateProduct does', () => {
    const model = {
      id: 'p1',
      title: 'Mug',
      category: [],
      price: { amount: 1200, currency: 'USD' },
      availability: 'in_stock',
      options: [],
      variants: [
        { id: 'p1', options: {}, price: { amount: 1200, currency: 'USD' }, availability: 'in_stock' },
      ],
      media: [{ type: 'image', url: '/mug.jpg', alt: 'White mug' }],
    };
    expect(readProduct(model)).to.deep.equal({ value: model, problems: [] });
    const listed = readProduct([model, { ...model, id: 'p2' }]);
    expect(listed.value!.id).to.equal('p1');
    expect(said(listed)).to.deep.equal(['[1]: another product was ignored; readProduct reads the first one']);
    expect(said(readProduct({ ...model, media: [{ type: 'image', url: '/x.jpg' }] }))).to.deep.equal([
      'media[0].alt: is required (describe the image for screen readers)',
    ]);
  });
});

describe('htmlToText', () => {
  it('strips tags and scripts, decodes entities once, keeps paragraphs', () => {
    expect(
      htmlToText('<p>Fish &amp; chips</p><script>alert(1)</script><p>&lt;b&gt; is text &#x1F41F;</p>'),
    ).to.equal('Fish & chips\n\n<b> is text 🐟');
    expect(htmlToText('5 < 6 and 7 > 3')).to.equal('5 < 6 and 7 > 3');
    expect(htmlToText('a<br>b<br/>c')).to.equal('a\nb\nc');
    expect(htmlToText('<!-- hidden -->shown<style>p{}</style>')).to.equal('shown');
    expect(htmlToText('&unknown; &#0; &#xD800;')).to.equal('&unknown; \ufffd \ufffd');
  });

  it('stays fast on pathological markup', () => {
    const start = performance.now();
    htmlToText('<a'.repeat(100_000));
    htmlToText('<script>'.repeat(50_000));
    htmlToText('<!--'.repeat(50_000));
    expect(performance.now() - start).to.be.lessThan(1000);
  });
});

describe('readPageJsonLd and findJsonLd', () => {
  function page(html: string): HTMLElement {
    const root = document.createElement('div');
    // Test markup written by the test author, never by a user.
    root.innerHTML = html;
    return root;
  }

  it('parses every ld+json script in order and feeds readProduct', () => {
    const root = page(`
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Shop"}</script>
      <script type="application/json">{"@type":"Product","name":"Not JSON-LD"}</script>
      <script type="Application/LD+JSON">${JSON.stringify(productSnippet)}</script>`);
    const documents = findJsonLd(root);
    expect(documents).to.have.length(2);
    const result = readProduct(documents);
    expect(result.value!.title).to.equal('Executive Anvil');
    expect(result.value!.price).to.deep.equal({ amount: 11999, currency: 'USD' });
  });

  it('reports scripts that are empty or not JSON, repairs trailing commas and raw line breaks', () => {
    const root = page(`
      <script type="application/ld+json"></script>
      <script type="application/ld+json">{"@type": "Product", "name": "Lamp",}</script>
      <script type="application/ld+json">{"@type": "Product", "description": "line one
line two"}</script>
      <script type="application/ld+json">{"@type": Product}</script>`);
    const { documents, problems } = readPageJsonLd(root);
    expect(documents).to.deep.equal([
      { '@type': 'Product', name: 'Lamp' },
      { '@type': 'Product', description: 'line one\nline two' },
    ]);
    expect(problems.map((p) => p.path)).to.deep.equal(['script[0]', 'script[1]', 'script[2]', 'script[3]']);
    expect(problems[0]!.message).to.equal('is empty');
    expect(problems[1]!.message).to.match(
      /^is not valid JSON \(.+\); it was read after removing trailing commas/,
    );
    expect(problems[3]!.message).to.match(/^is not valid JSON \(.+\) and was skipped$/);
  });

  it('reads the whole document and never throws', () => {
    expect(() => findJsonLd(document)).not.to.throw();
    expect(findJsonLd(document)).to.be.an('array');
    expect(() => readPageJsonLd(null as unknown as ParentNode)).not.to.throw();
    expect(readPageJsonLd(null as unknown as ParentNode).problems).to.have.length(1);
  });
});
