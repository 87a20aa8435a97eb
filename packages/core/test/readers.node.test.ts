import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readProduct } from '../src/data/read-product.js';
import { readReviews } from '../src/data/read-reviews.js';
import { validateCart, validateProduct } from '../src/model/validate.js';
import { formatProblem } from '../src/model/validate-shared.js';
import { garbageArray, priceFree } from './fixtures/jsonld/broken.js';
import { chineseProduct } from './fixtures/jsonld/chinese-cny.js';
import { itemPageInYen } from './fixtures/jsonld/item-page.js';
import { productGroup } from './fixtures/jsonld/product-group.js';
import { reviewsOutOfTen } from './fixtures/jsonld/reviews-out-of-ten.js';
import { wooCommerceGraph } from './fixtures/jsonld/woocommerce-graph.js';

// The readers are pure: a server (or a build step) reads the same JSON-LD the browser does.
describe('readers in Node', () => {
  it('has no DOM to lean on', () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });

  it('reads a WooCommerce @graph', () => {
    const { value, problems } = readProduct(wooCommerceGraph);
    assert.deepEqual(problems, []);
    assert.equal(value?.title, 'Espresso machine “Duo” & milk frother');
    assert.deepEqual(value?.price, { amount: 129900, currency: 'EUR' });
    assert.equal(value?.availability, 'in_stock');
    assert.deepEqual(
      value?.media.map((m) => [m.url, m.alt]),
      [
        [
          'https://kitchen.example/wp-content/uploads/2024/02/duo.jpg',
          'Espresso machine Duo in brushed steel',
        ],
      ],
    );
  });

  it('reads a ProductGroup and minor units per currency (CNY, JPY) with Node’s Intl', () => {
    const group = readProduct(productGroup).value;
    assert.equal(group?.variants.length, 3);
    assert.deepEqual(
      group?.options.map((o) => o.name),
      ['Size', 'Color'],
    );
    assert.deepEqual(readProduct(chineseProduct).value?.price, { amount: 12900, currency: 'CNY' });
    assert.deepEqual(readProduct(chineseProduct).value?.rating, { average: 4.8, count: 1024 });
    assert.deepEqual(readProduct(itemPageInYen).value?.price, { amount: 1999, currency: 'JPY' });
  });

  it('reads reviews out of 10 and in Chinese', () => {
    const tens = readReviews(reviewsOutOfTen);
    assert.deepEqual(
      tens.value?.map((r) => r.rating),
      [5, 3.5, 4.5, 1],
    );
    assert.deepEqual(tens.problems.map(formatProblem), [
      'review[4].datePublished: is required (an ISO 8601 date such as "2024-05-01")',
    ]);
    // Content-hash ids match the browser's (same algorithm, no platform APIs).
    assert.equal(readReviews(reviewsOutOfTen).value?.[1]?.id, tens.value?.[1]?.id);
    assert.deepEqual(
      readReviews(chineseProduct).value?.map((r) => r.author),
      ['李女士', '王先生'],
    );
  });

  it('reports broken input without throwing', () => {
    assert.deepEqual(readProduct(priceFree).problems.map(formatProblem), [
      'offers.price: "free" is not a number',
      'offers: has no usable price (see the other problems), so the product cannot be shown',
    ]);
    assert.equal(readProduct(garbageArray).value, null);
    assert.equal(readReviews(null).value, null);
    assert.equal(validateProduct(undefined).value, null);
    assert.equal(validateCart({ currency: 'EUR', lines: [], codes: [], updatedAt: 0 }).problems.length, 0);
  });
});
