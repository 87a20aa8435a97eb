import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { generateCatalog } from '../src/catalog.js';
import type { Catalog, Money, Product } from '../src/catalog-types.js';
import { placeholderSvg } from '../src/placeholder-svg.js';

const CJK = /[\u4e00-\u9fff]/;
const en = generateCatalog('en');
const zh = generateCatalog('zh-CN');

/** Every Money value in a catalog's products (prices and was-prices). */
function allMoney(catalog: Catalog): Money[] {
  return catalog.products.flatMap((product) => [
    product.price,
    ...(product.compareAt ? [product.compareAt] : []),
    ...product.variants.flatMap((variant) => [
      variant.price,
      ...(variant.compareAt ? [variant.compareAt] : []),
    ]),
  ]);
}

function reviewsOf(catalog: Catalog, product: Product): Catalog['reviews'] {
  return catalog.reviews.filter((review) => review.productId === product.id);
}

describe('generateCatalog: determinism', () => {
  test('the same locale, seed and count give byte-identical JSON', () => {
    assert.deepEqual(generateCatalog('en'), en);
    assert.equal(JSON.stringify(generateCatalog('zh-CN')), JSON.stringify(zh));
    assert.equal(
      JSON.stringify(generateCatalog('en', { count: 40, seed: 7 })),
      JSON.stringify(generateCatalog('en', { count: 40, seed: 7 })),
    );
  });

  test('the defaults are 300 products and seed 20261128', () => {
    assert.equal(en.products.length, 300);
    assert.deepEqual(generateCatalog('en', { count: 300, seed: 20261128 }), en);
  });

  test('a different seed gives a different catalog', () => {
    const other = generateCatalog('en', { seed: 1 });
    assert.notDeepEqual(other, en);
    assert.notDeepEqual(
      other.products.map((product) => product.title),
      en.products.map((product) => product.title),
    );
  });

  test('count is honoured, and a smaller catalog is the start of a larger one', () => {
    const small = generateCatalog('en', { count: 12 });
    assert.equal(small.products.length, 12);
    assert.deepEqual(small.products, en.products.slice(0, 12));
    assert.equal(generateCatalog('zh-CN', { count: 0 }).products.length, 0);
    assert.throws(() => generateCatalog('en', { count: -1 }), RangeError);
    assert.throws(() => generateCatalog('en', { count: 2.5 }), RangeError);
  });
});

describe('generateCatalog: both locales describe the same shop', () => {
  test('ids, SKUs, URLs, categories, dates and ratings match', () => {
    assert.equal(en.locale, 'en');
    assert.equal(zh.locale, 'zh-CN');
    assert.equal(zh.products.length, en.products.length);
    en.products.forEach((product, i) => {
      const other = zh.products[i]!;
      assert.equal(other.id, product.id);
      assert.equal(other.sku, product.sku);
      assert.equal(other.url, product.url);
      assert.equal(other.category.length, product.category.length);
      assert.equal(other.createdAt, product.createdAt);
      assert.deepEqual(other.rating, product.rating);
      assert.equal(other.availability, product.availability);
      assert.equal(Boolean(other.compareAt), Boolean(product.compareAt));
      assert.deepEqual(
        other.options.map((option) => option.values.length),
        product.options.map((option) => option.values.length),
      );
      assert.equal(other.media.length, product.media.length);
      assert.deepEqual(
        other.media.map((media) => media.url),
        product.media.map((media) => media.url),
      );
    });
    assert.deepEqual(
      zh.categories.map((category) => [category.id, category.productCount]),
      en.categories.map((category) => [category.id, category.productCount]),
    );
    assert.equal(zh.brands.length, en.brands.length);
  });

  test('variants have the same ids, SKUs, stock, pictures and option structure', () => {
    en.products.forEach((product, i) => {
      const other = zh.products[i]!;
      assert.equal(other.variants.length, product.variants.length, product.id);
      product.variants.forEach((variant, k) => {
        const twin = other.variants[k]!;
        assert.equal(twin.id, variant.id);
        assert.equal(twin.sku, variant.sku);
        assert.equal(twin.availability, variant.availability);
        assert.equal(twin.mediaIndex, variant.mediaIndex);
        assert.equal(Boolean(twin.compareAt), Boolean(variant.compareAt));
        assert.equal(Object.keys(twin.options).length, Object.keys(variant.options).length);
      });
    });
  });

  test('reviews line up one to one', () => {
    assert.equal(zh.reviews.length, en.reviews.length);
    en.reviews.forEach((review, i) => {
      const other = zh.reviews[i]!;
      assert.equal(other.id, review.id);
      assert.equal(other.productId, review.productId);
      assert.equal(other.rating, review.rating);
      assert.equal(other.date, review.date);
      assert.equal(other.verified, review.verified);
      assert.equal(Boolean(other.reply), Boolean(review.reply));
    });
  });

  test('the text is translated: Chinese titles contain Chinese characters, English ones do not', () => {
    for (const product of zh.products) {
      assert.match(product.title, CJK, product.title);
      assert.match(product.category.join(''), CJK);
      assert.match(product.description, CJK);
      for (const media of product.media) assert.match(media.alt, CJK);
    }
    for (const product of en.products) {
      assert.doesNotMatch(
        product.title + product.description + product.category.join(''),
        CJK,
        product.title,
      );
    }
    assert.ok(zh.products.some((product) => product.options.some((option) => option.name === '颜色')));
    assert.ok(zh.products.some((product) => product.options.some((option) => option.name === '尺码')));
    assert.ok(en.products.some((product) => product.options.some((option) => option.name === 'Colour')));
    assert.ok(zh.popularSearches.every((term) => CJK.test(term)));
  });
});

describe('generateCatalog: prices', () => {
  test('English prices are in USD and Chinese ones in CNY, as integer minor units', () => {
    assert.equal(en.currency, 'USD');
    assert.equal(zh.currency, 'CNY');
    for (const [catalog, currency] of [
      [en, 'USD'],
      [zh, 'CNY'],
    ] as const) {
      for (const money of allMoney(catalog)) {
        assert.equal(money.currency, currency);
        assert.ok(Number.isSafeInteger(money.amount) && money.amount > 0, JSON.stringify(money));
      }
      for (const coupon of catalog.coupons) assert.equal(coupon.minSpend.currency, currency);
    }
  });

  test('yuan prices are about 7× the dollar price and end in 9 or 0', () => {
    en.products.forEach((product, i) => {
      product.variants.forEach((variant, k) => {
        const yuan = zh.products[i]!.variants[k]!.price.amount;
        assert.equal(yuan % 100, 0, 'whole yuan');
        assert.ok([0, 9].includes((yuan / 100) % 10), `¥${yuan / 100} ends in 9 or 0`);
        const ratio = yuan / variant.price.amount;
        assert.ok(ratio > 5 && ratio < 10, `${variant.id}: ratio ${ratio}`);
      });
    });
  });

  test('every was-price is higher than its price, and about a quarter of products are on sale', () => {
    for (const catalog of [en, zh]) {
      for (const product of catalog.products) {
        if (product.compareAt) assert.ok(product.compareAt.amount > product.price.amount, product.id);
        for (const variant of product.variants) {
          if (variant.compareAt) assert.ok(variant.compareAt.amount > variant.price.amount, variant.id);
        }
      }
    }
    const onSale = en.products.filter((product) =>
      product.variants.some((variant) => variant.compareAt),
    ).length;
    assert.ok(onSale >= 45 && onSale <= 110, `${onSale} of 300 on sale`);
  });

  test("a product shows its cheapest variant's price and was-price", () => {
    for (const catalog of [en, zh]) {
      for (const product of catalog.products) {
        const lowest = Math.min(...product.variants.map((variant) => variant.price.amount));
        assert.equal(product.price.amount, lowest, product.id);
        const cheapest = product.variants.find((variant) => variant.price.amount === lowest)!;
        assert.deepEqual(product.compareAt, cheapest.compareAt, product.id);
      }
    }
  });

  test('some variants of the same product cost different amounts', () => {
    assert.ok(
      en.products.some(
        (product) => new Set(product.variants.map((variant) => variant.price.amount)).size > 1,
      ),
    );
  });
});

describe('generateCatalog: products, variants and media', () => {
  test('ids, SKUs and URLs follow the documented patterns', () => {
    en.products.forEach((product, i) => {
      const number = String(i + 1).padStart(4, '0');
      assert.equal(product.id, `p${number}`);
      assert.match(product.sku, new RegExp(`^VT-[A-Z]{2}-${number}$`));
      assert.equal(product.url, `/product.html?id=${product.id}`);
      product.variants.forEach((variant, k) => {
        assert.equal(variant.id, `${product.id}-v${String(k + 1).padStart(2, '0')}`);
        assert.ok(variant.sku.startsWith(product.sku), variant.sku);
      });
      assert.equal(new Set(product.variants.map((variant) => variant.sku)).size, product.variants.length);
    });
  });

  test('every product has at least one variant, and variants cover every option combination', () => {
    for (const catalog of [en, zh]) {
      for (const product of catalog.products) {
        assert.ok(product.variants.length >= 1, product.id);
        assert.ok(product.variants.length <= 12, product.id);
        if (product.options.length === 0) {
          assert.equal(product.variants.length, 1, product.id);
          assert.deepEqual(product.variants[0]!.options, {});
        }
        const combinations = product.options.reduce((n, option) => n * option.values.length, 1);
        assert.equal(product.variants.length, combinations, product.id);
        const seen = new Set<string>();
        for (const variant of product.variants) {
          assert.deepEqual(
            Object.keys(variant.options),
            product.options.map((option) => option.name),
          );
          for (const option of product.options)
            assert.ok(option.values.includes(variant.options[option.name]!));
          seen.add(JSON.stringify(variant.options));
        }
        assert.equal(seen.size, product.variants.length, `${product.id}: distinct combinations`);
      }
    }
    assert.ok(en.products.some((product) => product.options.length === 0));
    assert.ok(en.products.some((product) => product.options.length === 2));
  });

  test('apparel is sold by colour and size', () => {
    const apparel = en.products.filter((product) => product.category[0] === 'Apparel');
    assert.ok(apparel.length > 0);
    for (const product of apparel) {
      assert.deepEqual(
        product.options.map((option) => option.name),
        ['Colour', 'Size'],
      );
    }
  });

  test('every product has 2–5 pictures with alt text, and each variant points at its own colour', () => {
    for (const catalog of [en, zh]) {
      const colour = catalog === en ? 'Colour' : '颜色';
      for (const product of catalog.products) {
        const pictures = product.media.filter((media) => media.type === 'image');
        assert.ok(pictures.length >= 2 && pictures.length <= 5, product.id);
        // Pictures first, then (every third product) the demo video and 3D model.
        assert.deepEqual(
          product.media.slice(pictures.length).map((media) => media.type),
          catalog.products.indexOf(product) % 3 === 0 ? ['video', 'model'] : [],
          product.id,
        );
        pictures.forEach((media, n) => {
          assert.equal(media.type, 'image');
          assert.equal(media.url, `/img/${product.id}-${n + 1}.svg`);
          assert.ok(media.alt.trim().length > 0, `${product.id} media ${n}`);
          assert.equal(media.width, 800);
          assert.equal(media.height, 800);
        });
        for (const variant of product.variants) {
          assert.ok(Number.isInteger(variant.mediaIndex));
          const picture = product.media[variant.mediaIndex];
          assert.ok(picture, `${variant.id} mediaIndex ${variant.mediaIndex}`);
          const value = variant.options[colour];
          if (value !== undefined) assert.ok(picture.alt.includes(value), `${picture.alt} shows ${value}`);
        }
      }
    }
  });

  test('availability reflects the variants and every status occurs', () => {
    for (const product of en.products) {
      const statuses = product.variants.map((variant) => variant.availability);
      if (statuses.includes('in_stock')) assert.equal(product.availability, 'in_stock');
      if (statuses.every((status) => status === 'out_of_stock'))
        assert.equal(product.availability, 'out_of_stock');
      assert.ok(statuses.includes(product.availability), product.id);
    }
    const seen = new Set(
      en.products.flatMap((product) => product.variants.map((variant) => variant.availability)),
    );
    assert.deepEqual([...seen].sort(), ['in_stock', 'limited', 'out_of_stock', 'preorder']);
    const inStock = en.products.filter((product) => product.availability === 'in_stock').length;
    assert.ok(inStock > 200, `${inStock} of 300 in stock`);
  });

  test('creation dates are ISO strings between 2025-01-01 and 2026-11-01', () => {
    for (const product of en.products) {
      assert.equal(new Date(product.createdAt).toISOString(), product.createdAt);
      assert.ok(
        product.createdAt >= '2025-01-01T00:00:00.000Z' && product.createdAt < '2026-11-01',
        product.id,
      );
    }
    const years = new Set(en.products.map((product) => product.createdAt.slice(0, 4)));
    assert.deepEqual([...years].sort(), ['2025', '2026']);
  });
});

describe('generateCatalog: reviews', () => {
  test('ratings are whole stars from 1 to 5 and each product rating matches its reviews', () => {
    for (const catalog of [en, zh]) {
      for (const review of catalog.reviews) {
        assert.ok(Number.isInteger(review.rating) && review.rating >= 1 && review.rating <= 5, review.id);
      }
      for (const product of catalog.products) {
        const reviews = reviewsOf(catalog, product);
        assert.equal(product.rating.count, reviews.length, product.id);
        assert.ok(reviews.length <= 25);
        const average = reviews.length
          ? Math.round((reviews.reduce((sum, review) => sum + review.rating, 0) / reviews.length) * 10) / 10
          : 0;
        assert.equal(product.rating.average, average, product.id);
      }
    }
  });

  test('ratings lean positive, with some 1–2 star reviews and some products without reviews', () => {
    const count = (predicate: (rating: number) => boolean): number =>
      en.reviews.filter((review) => predicate(review.rating)).length;
    assert.ok(count((rating) => rating >= 4) > en.reviews.length / 2);
    assert.ok(count((rating) => rating <= 2) > 0);
    assert.ok(en.products.some((product) => product.rating.count === 0));
    assert.ok(en.products.some((product) => product.rating.count >= 15));
  });

  test('reviews belong to existing products and are dated after the product was added', () => {
    const created = new Map(en.products.map((product) => [product.id, product.createdAt]));
    for (const review of en.reviews) {
      const since = created.get(review.productId);
      assert.ok(since, review.id);
      assert.ok(review.date > since, review.id);
      assert.ok(review.title.length > 0 && review.body.length > 0 && review.author.length > 0);
      if (review.reply) assert.ok(review.reply.date > review.date);
    }
    assert.equal(new Set(en.reviews.map((review) => review.id)).size, en.reviews.length);
  });

  test('about 40% are verified, merchants reply to some negative reviews, tags are in the language', () => {
    const verified = en.reviews.filter((review) => review.verified).length / en.reviews.length;
    assert.ok(verified > 0.3 && verified < 0.5, `verified ${verified}`);
    const replies = en.reviews.filter((review) => review.reply);
    assert.ok(replies.length > 0);
    assert.ok(replies.every((review) => review.rating <= 2));
    assert.ok(en.reviews.some((review) => review.tags.includes('True to size')));
    assert.ok(zh.reviews.some((review) => review.tags.includes('尺码标准')));
    assert.ok(zh.reviews.every((review) => review.tags.every((tag) => CJK.test(tag))));
  });

  test('some bodies contain line breaks and markup-looking text, kept as plain text', () => {
    for (const catalog of [en, zh]) {
      assert.ok(catalog.reviews.some((review) => review.body.includes('\n')));
      assert.ok(catalog.reviews.some((review) => review.body.includes('<b>')));
      assert.ok(catalog.reviews.some((review) => /\d < \d/.test(review.body)));
      assert.ok(
        catalog.reviews.some((review) => review.body.includes('&') && !review.body.includes('&amp;')),
      );
    }
  });
});

describe('generateCatalog: categories, brands, coupons, searches', () => {
  test('categories list every subcategory once and their counts add up to the product count', () => {
    for (const catalog of [en, zh]) {
      const sum = catalog.categories.reduce((total, category) => total + category.productCount, 0);
      assert.equal(sum, catalog.products.length);
      const paths = catalog.categories.map((category) => category.path.join(' > '));
      assert.equal(new Set(paths).size, paths.length);
      for (const product of catalog.products) assert.ok(paths.includes(product.category.join(' > ')));
      const tops = new Map<string, number>();
      for (const category of catalog.categories) {
        assert.equal(category.path.length, 2);
        tops.set(category.path[0]!, (tops.get(category.path[0]!) ?? 0) + 1);
      }
      assert.ok(tops.size >= 6 && tops.size <= 8, `${tops.size} top-level categories`);
      for (const [top, subs] of tops) assert.ok(subs >= 2 && subs <= 4, `${top}: ${subs}`);
    }
    assert.ok(en.categories.some((category) => category.path.join('>') === 'Apparel>T-shirts'));
    assert.ok(zh.categories.some((category) => category.path.join('>') === '服装>T恤'));
    assert.ok(zh.categories.some((category) => category.path.join('>') === '食品>茶叶'));
  });

  test('brands are a sorted, complete list of the brands in use', () => {
    for (const catalog of [en, zh]) {
      assert.equal(new Set(catalog.products.map((product) => product.brand)).size, catalog.brands.length);
      for (const product of catalog.products) assert.ok(catalog.brands.includes(product.brand));
      assert.ok(catalog.brands.length >= 15);
    }
    assert.deepEqual(
      en.brands,
      [...en.brands].sort((a, b) => a.localeCompare(b, 'en')),
    );
    assert.ok(zh.brands.every((brand) => CJK.test(brand)));
  });

  test('coupons: same codes in both locales; tiers, percent, new-customer and shipping offers', () => {
    assert.ok(en.coupons.length >= 4 && en.coupons.length <= 6);
    assert.deepEqual(
      zh.coupons.map((coupon) => coupon.code),
      en.coupons.map((coupon) => coupon.code),
    );
    zh.coupons.forEach((coupon, i) => assert.notEqual(coupon.title, en.coupons[i]!.title));
    for (const catalog of [en, zh]) {
      const tiers = catalog.coupons.filter((coupon) => coupon.kind === 'threshold');
      assert.ok(tiers.length >= 2);
      for (let i = 1; i < tiers.length; i++) {
        assert.ok(tiers[i]!.minSpend.amount > tiers[i - 1]!.minSpend.amount);
        assert.ok(tiers[i]!.value > tiers[i - 1]!.value);
      }
      for (const tier of tiers) assert.ok(tier.value < tier.minSpend.amount);
      assert.ok(catalog.coupons.some((coupon) => coupon.kind === 'percent'));
      assert.ok(catalog.coupons.some((coupon) => coupon.kind === 'shipping'));
      assert.ok(catalog.coupons.some((coupon) => coupon.newCustomersOnly));
      for (const coupon of catalog.coupons) assert.ok(coupon.startsAt < coupon.endsAt, coupon.code);
    }
    const tier1 = zh.coupons.find((coupon) => coupon.kind === 'threshold')!;
    assert.deepEqual([tier1.minSpend.amount, tier1.value, tier1.title], [19900, 2000, '满199减20']);
  });

  test('popular searches are about eight terms', () => {
    for (const catalog of [en, zh]) {
      assert.ok(catalog.popularSearches.length >= 6 && catalog.popularSearches.length <= 10);
      assert.ok(catalog.popularSearches.every((term) => term.trim().length > 0));
    }
  });
});

describe('placeholderSvg', () => {
  test('is an SVG image with a title and escapes markup in the label', () => {
    const svg = placeholderSvg({ id: 'p0001', label: `<script>&"'`, index: 1 });
    assert.ok(svg.startsWith('<svg'));
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    assert.match(svg, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /role="img"/);
    assert.ok(svg.includes('<title>&lt;script&gt;&amp;&quot;&#39;</title>'));
    assert.ok(svg.includes('&lt;script&gt;&amp;'));
    assert.ok(!svg.includes('<script'));
    assert.doesNotMatch(svg, /&(?!(amp|lt|gt|quot|#39);)/, 'every & starts an entity');
  });

  test('keeps Chinese labels and uses a CJK-capable font list', () => {
    const svg = placeholderSvg({ id: 'p0002', label: '北风 纯棉宽松短袖T恤', index: 1 });
    assert.ok(svg.includes('北风 纯棉宽松短袖T恤'));
    assert.match(svg, /font-family="[^"]*Noto Sans CJK SC[^"]*"/);
  });

  test('is deterministic, takes its colour from the id and honours the size', () => {
    const a = placeholderSvg({ id: 'p0001', label: 'A', index: 1 });
    assert.equal(placeholderSvg({ id: 'p0001', label: 'A', index: 1 }), a);
    const fill = (svg: string): string | undefined =>
      /<rect width="\d+" height="\d+" fill="(#[0-9a-f]{6})"/.exec(svg)?.[1];
    assert.ok(fill(a));
    assert.notEqual(fill(placeholderSvg({ id: 'p0099', label: 'A', index: 1 })), fill(a));
    const small = placeholderSvg({ id: 'p0001', label: 'A', index: 1, width: 320, height: 240 });
    assert.match(small, /^<svg[^>]* width="320" height="240" viewBox="0 0 320 240"/);
  });

  test('renders the labels of every generated picture without raw markup', () => {
    for (const product of generateCatalog('en', { count: 30 }).products) {
      product.media.forEach((media, n) => {
        const svg = placeholderSvg({ id: product.id, label: media.alt, index: n + 1 });
        assert.ok(svg.startsWith('<svg') && svg.length < 4000);
      });
    }
    const svg = placeholderSvg({ id: 'p0003', label: 'Cinder & Clay', index: 2 });
    assert.ok(svg.includes('Cinder &amp; Clay'));
  });
});
