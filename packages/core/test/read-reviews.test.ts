import { expect } from '@esm-bundle/chai';
import { readReviews } from '../src/data/read-reviews.js';
import type { Result, Review } from '../src/model/types.js';
import { formatProblem } from '../src/model/validate-shared.js';
import * as broken from './fixtures/jsonld/broken.js';
import { chineseProduct } from './fixtures/jsonld/chinese-cny.js';
import { productGroup } from './fixtures/jsonld/product-group.js';
import { productSnippet } from './fixtures/jsonld/product-snippet.js';
import { reviewsOutOfTen, standaloneReviewsGraph } from './fixtures/jsonld/reviews-out-of-ten.js';

function said(result: Result<unknown>): string[] {
  return result.problems.map(formatProblem);
}

describe('readReviews: schema.org JSON-LD', () => {
  it('reads the product snippet’s review by a Person', () => {
    const result = readReviews(productSnippet);
    expect(said(result)).to.deep.equal([]);
    expect(result.value).to.have.length(1);
    const [review] = result.value!;
    expect(review).to.deep.include({
      rating: 4,
      author: 'Fred Benson',
      date: '2024-03-02',
      body: 'Heavy, well balanced, arrived on time.',
      productId: '0446310786',
    });
    expect(review!.id).to.match(/^review-[0-9a-z]+$/);
  });

  it('normalises bestRating 10 to 1–5, reads Person, Organization and text authors, drops an undated review', () => {
    const result = readReviews(reviewsOutOfTen);
    expect(result.value!.map((r) => [r.author, r.rating, r.date])).to.deep.equal([
      ['Ana Souza', 5, '2024-02-10'],
      ['Jonas Weber', 3.5, '2024-03-01T18:20:00+01:00'],
      ['Kitchen Lab Magazine', 4.5, '2024-04-15'],
      ['M. Chen', 1, '2024-05-20'],
    ]);
    const [first, second] = result.value!;
    expect(first).to.deep.equal({
      id: 'https://example.com/skillet#review-1',
      rating: 5,
      body: 'Seasoned it twice and nothing sticks.\nHeavy, though.',
      author: 'Ana Souza',
      date: '2024-02-10',
      productId: 'SKL-28',
      title: 'Best pan I own',
      lang: 'en',
    });
    expect(second!.body).to.equal('Good, but the handle gets hot.');
    expect(said(result)).to.deep.equal([
      'review[4].datePublished: is required (an ISO 8601 date such as "2024-05-01")',
    ]);
  });

  it('gives reviews without @id a stable id from author, date and body', () => {
    const once = readReviews(reviewsOutOfTen).value!.map((r) => r.id);
    const again = readReviews(structuredClone(reviewsOutOfTen)).value!.map((r) => r.id);
    expect(once).to.deep.equal(again);
    expect(new Set(once).size).to.equal(once.length);
  });

  it('reads Chinese reviews with their language', () => {
    const result = readReviews(chineseProduct);
    expect(said(result)).to.deep.equal([]);
    expect(result.value!.map((r) => [r.author, r.rating, r.title, r.body, r.lang])).to.deep.equal([
      ['李女士', 5, '很舒服', '面料柔软，尺码标准，洗后不变形。', 'zh-CN'],
      ['王先生', 4, undefined, '物流快，颜色比图片略暗。', 'zh-CN'],
    ]);
  });

  it('reads standalone Review nodes of a graph', () => {
    const result = readReviews(standaloneReviewsGraph);
    expect(said(result)).to.deep.equal([]);
    expect(result.value!.map((r) => [r.author, r.rating, r.body])).to.deep.equal([
      ['Priya', 4.5, 'Pours slowly and precisely.'],
    ]);
  });

  it('returns an empty list for a product without reviews', () => {
    expect(readReviews(productGroup)).to.deep.equal({ value: [], problems: [] });
  });

  it('reports bad ratings, dates and authors with their JSON-LD paths, keeping the good reviews', () => {
    const result = readReviews({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Kettle',
      review: [
        { '@type': 'Review', author: 'A', datePublished: '2024-01-01', reviewRating: { ratingValue: 6 } },
        {
          '@type': 'Review',
          author: 'B',
          datePublished: '2024-01-01',
          reviewRating: { ratingValue: 'great' },
        },
        { '@type': 'Review', author: 'C', datePublished: '2024-01-01' },
        { '@type': 'Review', author: 'D', datePublished: 'last week', reviewRating: { ratingValue: 3 } },
        {
          '@type': 'Review',
          datePublished: 'March 5, 2024',
          reviewRating: { ratingValue: 4.3 },
          reviewBody: 'x',
        },
        {
          '@type': 'Review',
          author: 'F',
          datePublished: '2024-01-01',
          reviewRating: { ratingValue: 5 },
          inLanguage: 'English!',
        },
        {
          '@type': 'Review',
          author: 'G',
          datePublished: '2024-01-01',
          reviewRating: { ratingValue: 7.5, bestRating: 10 },
        },
        'a review',
      ],
    });
    expect(said(result)).to.deep.equal([
      'review[0].reviewRating.ratingValue: must be between 1 and 5, got 6',
      'review[1].reviewRating.ratingValue: must be a number, got "great"',
      'review[2].reviewRating: is required (a Rating with ratingValue)',
      'review[3].datePublished: must be an ISO 8601 date such as "2024-05-01", got "last week"',
      'review[4].reviewRating.ratingValue: 4.3 was rounded to 4.5 (ratings are kept in steps of 0.5)',
      'review[4].datePublished: "March 5, 2024" is not ISO 8601; read it as "2024-03-05"',
      'review[4].author: is missing; the review is shown as anonymous',
      'review[5].inLanguage: must be a BCP 47 language tag such as "en" or "zh-CN", got "English!"',
      'review[6].reviewRating.ratingValue: 7.5 of 10 is 3.75 of 5 and was rounded to 4 (ratings are kept in steps of 0.5)',
      'review[7]: must be a Review, got "a review"',
    ]);
    expect(result.value!.map((r) => [r.author, r.rating, r.date])).to.deep.equal([
      ['', 4.5, '2024-03-05'],
      ['F', 5, '2024-01-01'],
      ['G', 4, '2024-01-01'],
    ]);
  });

  it('drops a review listed twice', () => {
    const review = productSnippet.review;
    const result = readReviews({ ...productSnippet, review: [review, review] });
    expect(result.value).to.have.length(1);
    expect(said(result)[0]).to.match(
      /^review\[1\]: repeats the review at review\[0\] \(id "review-[0-9a-z]+"\); it was ignored$/,
    );
  });
});

describe('readReviews: Vitrine’s own model', () => {
  const review: Review = { id: 'r1', rating: 5, body: 'Lovely', author: 'Mia', date: '2024-05-01' };

  it('validates one review or a list', () => {
    expect(readReviews(review)).to.deep.equal({ value: [review], problems: [] });
    const result = readReviews([review, { ...review, id: 'r2', rating: 9 }, { ...review }]);
    expect(result.value).to.deep.equal([review]);
    expect(said(result)).to.deep.equal([
      '[1].rating: must be a number from 1 to 5 in steps of 0.5, got 9',
      '[2]: repeats the review at [0] (id "r1"); it was ignored',
    ]);
  });
});

describe('readReviews: broken input never throws', () => {
  const cases: [string, unknown, string][] = [
    ['null', null, "must be reviews (Vitrine's model or schema.org JSON-LD), got null"],
    ['a string', 'great', 'must be reviews (Vitrine\'s model or schema.org JSON-LD), got "great"'],
    ['a number', 5, "must be reviews (Vitrine's model or schema.org JSON-LD), got 5"],
    ['an array of garbage', broken.garbageArray, '[0]: must be a review object, got 1'],
    [
      'a graph without products or reviews',
      broken.noProductGraph,
      'has no schema.org Review or Product with reviews',
    ],
    [
      'a cyclic model',
      broken.cyclicModel(),
      'rating: must be a number from 1 to 5 in steps of 0.5, got nothing',
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      let result: Result<Review[]> | undefined;
      expect(() => (result = readReviews(input))).not.to.throw();
      expect(said(result!)).to.include(expected);
    });
  }

  it('survives a cyclic Product and hostile objects', () => {
    const cyclic = broken.cyclicProduct();
    cyclic.review = cyclic;
    expect(() => readReviews(cyclic)).not.to.throw();
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(readReviews(hostile)).to.deep.equal({
      value: null,
      problems: [{ path: '', message: 'could not be read (trap)' }],
    });
  });
});
