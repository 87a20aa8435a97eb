import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReviews, type Review } from '@vitrine/core';
import {
  jsonLdScript,
  productReviewsJsonLd,
  reviewSummary,
  type ProductReviewsJsonLd,
} from '../src/jsonld/reviews-jsonld.js';
import { hostileReviews } from './fixtures/xss-corpus.js';

/** A valid review with the fields a test does not care about filled in. */
function review(id: string, rating: number, more: Partial<Review> = {}): Review {
  return { id, rating, body: `Body ${id}`, author: `Author ${id}`, date: '2024-05-01', ...more };
}

const PRODUCT = { id: 'mug-1', title: 'Stoneware mug 石器马克杯' };

/**
 * Google's required properties for a product snippet with review snippets, written down by hand
 * from https://developers.google.com/search/docs/appearance/structured-data/product-snippet and
 * .../review-snippet ("Structured data type definitions"). Returns one sentence per violation.
 */
function googleProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const toNumber = (v: unknown): number | undefined =>
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;
  /** ratingValue must be a number within worstRating–bestRating (defaults 1 and 5). */
  const checkRating = (rating: unknown, path: string): void => {
    if (!isObject(rating)) return void problems.push(`${path} is required`);
    const value = toNumber(rating.ratingValue);
    const best = toNumber(rating.bestRating) ?? 5;
    const worst = toNumber(rating.worstRating) ?? 1;
    if (value === undefined || !Number.isFinite(value)) problems.push(`${path}.ratingValue is required`);
    else if (value < worst || value > best) problems.push(`${path}.ratingValue is outside ${worst}–${best}`);
  };

  if (!isObject(doc)) return ['the document is not an object'];
  if (!/^https?:\/\/schema\.org\/?$/.test(String(doc['@context'])))
    problems.push('@context is not schema.org');
  if (doc['@type'] !== 'Product') problems.push('@type is not Product');
  if (typeof doc.name !== 'string' || doc.name.trim() === '') problems.push('name is required');
  if (doc.review === undefined && doc.aggregateRating === undefined && doc.offers === undefined) {
    problems.push('one of review, aggregateRating or offers is required');
  }
  if (doc.aggregateRating !== undefined) {
    const agg = doc.aggregateRating;
    checkRating(agg, 'aggregateRating');
    if (isObject(agg)) {
      if (agg['@type'] !== 'AggregateRating') problems.push('aggregateRating.@type is not AggregateRating');
      const counts = [agg.ratingCount, agg.reviewCount].filter((c) => c !== undefined);
      if (counts.length === 0) problems.push('aggregateRating needs ratingCount or reviewCount');
      for (const c of counts) {
        if (!Number.isSafeInteger(toNumber(c)) || toNumber(c)! <= 0) {
          problems.push(`aggregateRating count must be a whole number above 0, got ${String(c)}`);
        }
      }
    }
  }
  if (doc.review !== undefined) {
    const list = Array.isArray(doc.review) ? doc.review : [doc.review];
    list.forEach((r: unknown, i) => {
      const path = `review[${i}]`;
      if (!isObject(r)) return void problems.push(`${path} is not an object`);
      if (r['@type'] !== 'Review') problems.push(`${path}.@type is not Review`);
      checkRating(r.reviewRating, `${path}.reviewRating`);
      // Nested in the Product: the parent is the reviewed item, so no itemReviewed.
      if (r.itemReviewed !== undefined) problems.push(`${path}.itemReviewed must be omitted when nested`);
      const author = r.author;
      const name = isObject(author) ? author.name : author;
      if (typeof name !== 'string' || name.trim() === '') problems.push(`${path}.author.name is required`);
      else if (Array.from(name).length >= 100) problems.push(`${path}.author.name is 100+ characters`);
      if (isObject(author) && !['Person', 'Organization'].includes(String(author['@type']))) {
        problems.push(`${path}.author.@type must be Person or Organization`);
      }
      if (r.datePublished !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(r.datePublished))) {
        problems.push(`${path}.datePublished is not YYYY-MM-DD`);
      }
    });
  }
  if (doc.brand !== undefined && !(isObject(doc.brand) && typeof doc.brand.name === 'string')) {
    problems.push('brand must be a Brand with a name');
  }
  return problems;
}

describe('reviewSummary', () => {
  it('is all zeros for no reviews', () => {
    assert.deepEqual(reviewSummary([]), { average: 0, count: 0, histogram: [0, 0, 0, 0, 0] });
  });

  it('averages, counts and buckets by whole star (half stars go down)', () => {
    const reviews = [5, 4, 4.5, 1, 3].map((r, i) => review(`r${i}`, r));
    // (5 + 4 + 4.5 + 1 + 3) / 5 = 3.5; 4 and 4.5 both land in the 4-star bucket.
    assert.deepEqual(reviewSummary(reviews), { average: 3.5, count: 5, histogram: [1, 0, 1, 2, 1] });
  });

  it('rounds the average half-up to one decimal', () => {
    const avg = (...ratings: number[]) => reviewSummary(ratings.map((r, i) => review(`r${i}`, r))).average;
    assert.equal(avg(4.5, 4), 4.3); // 4.25
    assert.equal(avg(5, 5, 4), 4.7); // 4.666…
    assert.equal(avg(1, 1, 2), 1.3); // 1.333…
    assert.equal(avg(1.5, 1, 1, 1), 1.1); // 1.125
    // 23 / 20 = 1.15, a tie at the second decimal: rounded up.
    assert.equal(avg(...Array<number>(17).fill(1), 2, 2, 2), 1.2);
    assert.equal(avg(2.5), 2.5);
  });

  it('skips unusable ratings, counts anonymous reviews, and never throws', () => {
    const bad = [0, 6, Number.NaN, Infinity, -1].map((r, i) => review(`bad${i}`, r));
    const odd = [
      { ...review('str', 5), rating: '5' as unknown as number },
      null as unknown as Review,
      review('anon', 2, { author: '' }),
      review('offstep', 4.3), // core rounds 4.3 to 4.5, so does the summary
    ];
    assert.deepEqual(reviewSummary([...bad, ...odd]), { average: 3.3, count: 2, histogram: [0, 1, 0, 1, 0] });
    assert.deepEqual(reviewSummary(undefined as unknown as Review[]), {
      average: 0,
      count: 0,
      histogram: [0, 0, 0, 0, 0],
    });
  });
});

describe('productReviewsJsonLd', () => {
  it('builds the Product with aggregateRating and reviews', () => {
    const doc = productReviewsJsonLd(
      {
        id: 'mug-1',
        title: '  Stoneware mug  ',
        url: 'https://shop.example/p/mug',
        image: '/img/mug.jpg',
        brand: 'Acme',
        sku: 'MUG-1',
        gtin: '4006381333931',
        description: 'Holds 350 ml.',
      },
      [
        review('a', 5, {
          title: 'Lovely',
          body: 'Keeps tea hot.',
          author: 'Ann',
          date: '2024-06-15T08:30:00+08:00',
          lang: 'en',
        }),
        review('b', 3.5, { body: '一般', author: '李雷', date: '2023-12-31T23:59:59Z', lang: 'zh-CN' }),
        review('c', 4, { author: '', body: 'Anonymous but counted.' }),
      ],
    );
    assert.deepEqual(doc, {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Stoneware mug',
      image: '/img/mug.jpg',
      url: 'https://shop.example/p/mug',
      brand: { '@type': 'Brand', name: 'Acme' },
      sku: 'MUG-1',
      gtin: '4006381333931',
      description: 'Holds 350 ml.',
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: 4.2, // (5 + 3.5 + 4) / 3 = 4.1666…
        reviewCount: 3,
        bestRating: 5,
        worstRating: 1,
      },
      review: [
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: 'Ann' },
          datePublished: '2024-06-15',
          name: 'Lovely',
          reviewBody: 'Keeps tea hot.',
          inLanguage: 'en',
        },
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 3.5, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: '李雷' },
          datePublished: '2023-12-31',
          reviewBody: '一般',
          inLanguage: 'zh-CN',
        },
      ],
    });
    assert.deepEqual(googleProblems(doc), []);
  });

  it('leaves out aggregateRating and review when there are no reviews', () => {
    const doc = productReviewsJsonLd(PRODUCT, []);
    assert.deepEqual(doc, { '@context': 'https://schema.org', '@type': 'Product', name: PRODUCT.title });
    assert.equal('aggregateRating' in doc, false);
    // Not eligible on its own: Google wants review, aggregateRating or offers.
    assert.deepEqual(googleProblems(doc), ['one of review, aggregateRating or offers is required']);
    // Once the shop merges its offers in, it is.
    assert.deepEqual(googleProblems({ ...doc, offers: { '@type': 'Offer', price: '12.00' } }), []);
  });

  it('leaves out aggregateRating when no review has a usable rating', () => {
    const doc = productReviewsJsonLd(PRODUCT, [review('x', 0), review('y', Number.NaN)]);
    assert.equal(doc.aggregateRating, undefined);
    assert.equal(doc.review, undefined);
  });

  it('lists only reviews with an author name under 100 characters, but counts them all', () => {
    const name99 = 'n'.repeat(98) + '\u{1F600}'; // 99 characters (100 UTF-16 units)
    const doc = productReviewsJsonLd(PRODUCT, [
      review('anon', 1, { author: '' }),
      review('blank', 2, { author: '   ' }),
      review('long', 3, { author: 'x'.repeat(100) }),
      review('ok99', 4, { author: name99 }),
      review('missing', 5, { author: undefined as unknown as string }),
    ]);
    assert.deepEqual(doc.aggregateRating, {
      '@type': 'AggregateRating',
      ratingValue: 3,
      reviewCount: 5,
      bestRating: 5,
      worstRating: 1,
    });
    assert.deepEqual(
      doc.review?.map((r) => r.author.name),
      [name99],
    );
    assert.deepEqual(googleProblems(doc), []);
  });

  it('writes datePublished as YYYY-MM-DD, the date as the reviewer wrote it', () => {
    const dates = [
      '2024-05-01',
      '2024-02-29',
      '2024-10-01T23:30:00-05:00',
      '2025-01-01T00:00:00.000Z',
      '2024-11-11 11:11',
    ];
    const doc = productReviewsJsonLd(
      PRODUCT,
      dates.map((date, i) => review(`d${i}`, 4, { date })),
    );
    assert.deepEqual(
      doc.review?.map((r) => r.datePublished),
      ['2024-05-01', '2024-02-29', '2024-10-01', '2025-01-01', '2024-11-11'],
    );
    // An impossible or unreadable date is left out rather than invented (the review stays).
    const bad = productReviewsJsonLd(PRODUCT, [
      review('x', 4, { date: '2023-02-29' }),
      review('y', 4, { date: 'May 1' }),
    ]);
    assert.deepEqual(
      bad.review?.map((r) => r.datePublished),
      [undefined, undefined],
    );
  });

  it('keeps every ratingValue within worstRating and bestRating', () => {
    const ratings = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 4.3, 0.5, 5.5];
    const doc = productReviewsJsonLd(
      PRODUCT,
      ratings.map((r, i) => review(`r${i}`, r)),
      { maxReviews: 100 },
    );
    // 0.5 and 5.5 are dropped; 4.3 becomes 4.5 as core would read it.
    assert.deepEqual(
      doc.review?.map((r) => r.reviewRating.ratingValue),
      [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 4.5],
    );
    for (const r of doc.review ?? []) {
      const { ratingValue, bestRating, worstRating } = r.reviewRating;
      assert.ok(ratingValue >= worstRating && ratingValue <= bestRating);
    }
    assert.equal(doc.aggregateRating?.reviewCount, 10);
    assert.equal(doc.aggregateRating?.ratingValue, 3.2); // 31.5 / 10 = 3.15, half-up
    assert.deepEqual(googleProblems(doc), []);
  });

  it('caps the list at maxReviews (10 by default) in the order given', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => review(`r${i + 1}`, 5));
    const ids = (doc: ProductReviewsJsonLd) => doc.review?.map((r) => r.author.name) ?? [];
    assert.equal(ids(productReviewsJsonLd(PRODUCT, twelve)).length, 10);
    assert.deepEqual(ids(productReviewsJsonLd(PRODUCT, twelve, { maxReviews: 3 })), [
      'Author r1',
      'Author r2',
      'Author r3',
    ]);
    // Skipped (anonymous) reviews do not use up places.
    const withAnon = [review('anon', 5, { author: '' }), ...twelve];
    assert.deepEqual(ids(productReviewsJsonLd(PRODUCT, withAnon, { maxReviews: 2 })), [
      'Author r1',
      'Author r2',
    ]);
    const none = productReviewsJsonLd(PRODUCT, twelve, { maxReviews: 0 });
    assert.equal(none.review, undefined);
    assert.equal(none.aggregateRating?.reviewCount, 12);
    assert.equal(ids(productReviewsJsonLd(PRODUCT, twelve, { maxReviews: Infinity })).length, 12);
    assert.equal(ids(productReviewsJsonLd(PRODUCT, twelve, { maxReviews: Number.NaN })).length, 10);
    assert.equal(ids(productReviewsJsonLd(PRODUCT, twelve, { maxReviews: -4 })).length, 0);
    assert.equal(ids(productReviewsJsonLd(PRODUCT, twelve, { maxReviews: 2.9 })).length, 2);
  });

  it('uses the aggregate override for the totals when the list is one page', () => {
    const page = [review('a', 5), review('b', 4)];
    const doc = productReviewsJsonLd(PRODUCT, page, { aggregate: { average: 4.36, count: 250 } });
    assert.deepEqual(doc.aggregateRating, {
      '@type': 'AggregateRating',
      ratingValue: 4.4,
      reviewCount: 250,
      bestRating: 5,
      worstRating: 1,
    });
    assert.equal(doc.review?.length, 2);
    // A shop whose totals say "no ratings" gets no aggregateRating, whatever the page holds.
    assert.equal(
      productReviewsJsonLd(PRODUCT, page, { aggregate: { average: 0, count: 0 } }).aggregateRating,
      undefined,
    );
    // Unusable totals are ignored and the page's own summary is used.
    for (const aggregate of [
      { average: Number.NaN, count: 10 },
      { average: 6, count: 10 },
      { average: 0.5, count: 10 },
      { average: 4, count: -1 },
      { average: 4, count: 2.5 },
    ]) {
      assert.equal(productReviewsJsonLd(PRODUCT, page, { aggregate }).aggregateRating?.ratingValue, 4.5);
      assert.equal(productReviewsJsonLd(PRODUCT, page, { aggregate }).aggregateRating?.reviewCount, 2);
    }
  });

  it('leaves out URLs that are not http(s) or root-relative', () => {
    for (const bad of [
      "javascript:alert('x')",
      'data:text/html,<b>x</b>',
      '//evil.example/x.jpg',
      'mug.jpg',
      '',
    ]) {
      const doc = productReviewsJsonLd({ ...PRODUCT, image: bad, url: bad }, []);
      assert.equal(doc.image, undefined, bad);
      assert.equal(doc.url, undefined, bad);
    }
  });

  it('never throws on malformed input', () => {
    const junk = [null, 1, 'review', { rating: 5 }, { author: 'x' }] as unknown as Review[];
    const doc = productReviewsJsonLd(PRODUCT, junk);
    assert.deepEqual(doc.aggregateRating?.reviewCount, 1);
    assert.equal(doc.review, undefined); // { rating: 5 } has no author
    assert.doesNotThrow(() => productReviewsJsonLd(null as never, null as never, null as never));
  });

  it('round-trips through core readReviews', () => {
    const reviews = [
      review('a', 4.5, {
        title: 'Nice',
        body: 'Line one\nline two',
        author: 'Ann',
        date: '2024-03-02',
        lang: 'en',
      }),
      review('b', 1, { body: '太小了', author: '王芳', date: '2024-03-01' }),
    ];
    const doc = productReviewsJsonLd({ ...PRODUCT, sku: 'MUG-1' }, reviews);
    const { value } = readReviews(JSON.parse(jsonLdScript(doc)));
    assert.deepEqual(
      value?.map(({ rating, title, body, author, date, lang, productId }) => ({
        rating,
        title,
        body,
        author,
        date,
        lang,
        productId,
      })),
      [
        {
          rating: 4.5,
          title: 'Nice',
          body: 'Line one\nline two',
          author: 'Ann',
          date: '2024-03-02',
          lang: 'en',
          productId: 'MUG-1',
        },
        {
          rating: 1,
          title: undefined,
          body: '太小了',
          author: '王芳',
          date: '2024-03-01',
          lang: undefined,
          productId: 'MUG-1',
        },
      ],
    );
  });

  it('meets Google’s required properties for the whole hostile corpus', () => {
    const reviews = hostileReviews();
    const doc = productReviewsJsonLd(PRODUCT, reviews, { maxReviews: Infinity });
    assert.deepEqual(googleProblems(doc), []);
    assert.equal(doc.aggregateRating?.reviewCount, reviews.length);
    assert.ok((doc.review?.length ?? 0) > 60);
  });
});

describe('jsonLdScript', () => {
  const payload = '</script><script>window.__vtPwned=1</script>';

  it('parses back to the same object and holds no <, > or &', () => {
    const doc = productReviewsJsonLd({ ...PRODUCT, description: 'Tom & Jerry <3 > all' }, [
      review('x', 5, { title: '<b>bold</b> & co', body: payload, author: 'a<b>c\u2028d\u2029e' }),
    ]);
    const text = jsonLdScript(doc);
    assert.deepEqual(JSON.parse(text), doc);
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
    assert.ok(
      text.includes(String.raw`\u003c/script\u003e\u003cscript\u003ewindow.__vtPwned=1\u003c/script\u003e`),
    );
    assert.ok(text.includes(String.raw`Tom \u0026 Jerry \u003c3 \u003e all`));
    assert.ok(text.includes(String.raw`c\u2028d\u2029e`));
  });

  it('cannot end the script element, whatever the reviews say', () => {
    const doc = productReviewsJsonLd(PRODUCT, [
      review('x', 5, { body: payload, title: '<!--<script>', author: '</SCRIPT >' }),
    ]);
    const html = `<script type="application/ld+json">${jsonLdScript(doc)}</script>`;
    // The HTML tokenizer leaves script data only at "<"; the one left is the real end tag.
    assert.equal(html.indexOf('<', 1), html.lastIndexOf('</script>'));
    assert.doesNotMatch(html.slice(0, -'</script>'.length), /<\/script/i);
  });

  it('escapes every hostile review and keeps the data intact', () => {
    const doc = productReviewsJsonLd(PRODUCT, hostileReviews(), { maxReviews: Infinity });
    const text = jsonLdScript(doc);
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(text), doc);
  });

  it('writes the exact escapes', () => {
    assert.equal(jsonLdScript({ a: '<>&\u2028\u2029' }), String.raw`{"a":"\u003c\u003e\u0026\u2028\u2029"}`);
    assert.equal(jsonLdScript({ 'k<': ['</script>'] }), String.raw`{"k\u003c":["\u003c/script\u003e"]}`);
    assert.equal(jsonLdScript([]), '[]');
  });
});

describe('googleProblems (the hand-written check itself)', () => {
  it('flags what Google rejects', () => {
    const base = productReviewsJsonLd(PRODUCT, [review('a', 5)]);
    const bad = {
      ...base,
      name: '',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 6, reviewCount: 0 },
      review: [
        { '@type': 'Review', reviewRating: { '@type': 'Rating', ratingValue: 0 }, author: { name: '' } },
      ],
    };
    assert.deepEqual(googleProblems(bad), [
      'name is required',
      'aggregateRating.ratingValue is outside 1–5',
      'aggregateRating count must be a whole number above 0, got 0',
      'review[0].reviewRating.ratingValue is outside 1–5',
      'review[0].author.name is required',
      'review[0].author.@type must be Person or Organization',
    ]);
  });
});
