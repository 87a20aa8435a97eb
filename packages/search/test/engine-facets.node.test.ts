import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product } from '@vitrine/core';
import { createSearchIndex } from '../src/engine/index.js';
import { CATEGORY_SEPARATOR, type FacetCount, type SearchFilters, type SearchResult } from '../src/types.js';
import { catalog, syntheticCatalog } from './fixtures/catalog.js';

const ids = (r: SearchResult) => r.hits.map((h) => h.id);

/** Does the product pass the filters, leaving out the facet named `except`? (independent of the engine) */
function passes(p: Product, f: SearchFilters, except?: string): boolean {
  if (except !== 'category' && f.category?.length) {
    const path = p.category.join(CATEGORY_SEPARATOR);
    if (!f.category.some((c) => path === c || path.startsWith(c + CATEGORY_SEPARATOR))) return false;
  }
  if (except !== 'brand' && f.brand?.length && !f.brand.includes(p.brand ?? '')) return false;
  if (except !== 'price' && f.price) {
    if (f.price.min !== undefined && p.price.amount < f.price.min) return false;
    if (f.price.max !== undefined && p.price.amount > f.price.max) return false;
  }
  if (except !== 'availability' && f.availability?.length && !f.availability.includes(p.availability))
    return false;
  for (const [name, values] of Object.entries(f.options ?? {})) {
    if (except === `option:${name}`) continue;
    const has =
      p.variants.some((v) => values.includes(v.options[name] ?? '')) ||
      p.options.some((o) => o.name === name && o.values.some((v) => values.includes(v)));
    if (!has) return false;
  }
  return true;
}

function counts(values: string[]): FacetCount[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** Facets computed from the catalog by hand: each facet applies every filter but its own. */
function expectedFacets(products: Product[], f: SearchFilters) {
  const keep = (except?: string) => products.filter((p) => passes(p, f, except));
  const optionNames = [...new Set(products.flatMap((p) => p.options.map((o) => o.name)))];
  const options: Record<string, FacetCount[]> = {};
  for (const name of optionNames) {
    const list = counts(
      keep(`option:${name}`).flatMap((p) => [
        ...new Set(p.variants.map((v) => v.options[name]).filter((v): v is string => !!v)),
      ]),
    );
    if (list.length) options[name] = list;
  }
  return {
    category: counts(
      keep('category').flatMap((p) =>
        p.category.map((_, i) => p.category.slice(0, i + 1).join(CATEGORY_SEPARATOR)),
      ),
    ),
    brand: counts(keep('brand').flatMap((p) => (p.brand ? [p.brand] : []))),
    availability: counts(keep('availability').map((p) => p.availability)),
    options,
  };
}

describe('filters', () => {
  const products = catalog();
  const index = createSearchIndex(products);
  const cases: [string, SearchFilters][] = [
    ['category (any level)', { category: ['Audio'] }],
    ['category leaf', { category: ['Apparel > Tops'] }],
    ['brand', { brand: ['Sony', 'Apple'] }],
    ['price', { price: { min: 5000, max: 20000 } }],
    ['price min only', { price: { min: 100000 } }],
    ['availability', { availability: ['out_of_stock', 'preorder'] }],
    ['option', { options: { Color: ['Black'] } }],
    [
      'everything',
      {
        category: ['Audio', 'Phones'],
        brand: ['Sony', 'Apple', 'JBL'],
        availability: ['in_stock'],
        options: { Color: ['Black', 'Blue'] },
      },
    ],
  ];
  for (const [name, filters] of cases) {
    it(`keeps exactly the products passing ${name}, with disjunctive facet counts`, async () => {
      const r = await index.search('', { filters, limit: 100 });
      const want = products.filter((p) => passes(p, filters)).map((p) => p.id);
      assert.deepEqual(ids(r).sort(), want.sort());
      assert.equal(r.total, want.length);
      const e = expectedFacets(products, filters);
      assert.deepEqual(r.facets.category, e.category);
      assert.deepEqual(r.facets.brand, e.brand);
      assert.deepEqual(r.facets.availability, e.availability);
      assert.deepEqual(r.facets.options, e.options);
    });
  }

  it('matches options on one variant: a Red M that is not sold is not found', async () => {
    const base = products.find((p) => p.id === 'p13')!;
    const shirt: Product = {
      ...base,
      id: 'shirt',
      options: [
        { name: 'Color', values: ['Red', 'Blue'] },
        { name: 'Size', values: ['S', 'M'] },
      ],
      variants: [
        { id: 'shirt-1', options: { Color: 'Red', Size: 'S' }, price: base.price, availability: 'in_stock' },
        { id: 'shirt-2', options: { Color: 'Blue', Size: 'M' }, price: base.price, availability: 'in_stock' },
      ],
    };
    const i = createSearchIndex([shirt]);
    assert.deepEqual(ids(await i.search('', { filters: { options: { Color: ['Red'], Size: ['M'] } } })), []);
    assert.deepEqual(ids(await i.search('', { filters: { options: { Color: ['Red'], Size: ['S'] } } })), [
      'shirt',
    ]);
  });

  it('reports the price range of the matches in their main currency, ignoring the price filter', async () => {
    const r = await index.search('headphones', { filters: { price: { max: 20000 } } });
    assert.deepEqual(ids(r), ['p04']);
    assert.deepEqual(r.facets.price, { min: 16900, max: 29900, currency: 'USD' });
    const zh = await index.search('耳机');
    assert.deepEqual(zh.facets.price, { min: 19900, max: 89900, currency: 'CNY' });
  });

  it('counts facets over every match of a query, not only the page', async () => {
    const products = syntheticCatalog(2000, 3);
    const big = createSearchIndex(products);
    await big.ready;
    const filters: SearchFilters = { brand: ['Acme', 'Hooli'], options: { Size: ['M'] } };
    const r = await big.search('wireless', { filters, limit: 5 });
    const matches = products.filter((p) => /\bwireless\b/i.test(`${p.title} ${p.brand}`));
    const e = expectedFacets(matches, filters);
    assert.equal(r.hits.length, 5);
    assert.equal(r.total, matches.filter((p) => passes(p, filters)).length);
    assert.deepEqual(r.facets.brand, e.brand);
    assert.deepEqual(r.facets.category, e.category);
    assert.deepEqual(r.facets.options, e.options);
  });
});

describe('sorts', () => {
  const products = catalog();
  const index = createSearchIndex(products);
  const byId = new Map(products.map((p) => [p.id, p]));
  const sorted = async (sort: 'price-asc' | 'price-desc' | 'newest' | 'rating', query = '') =>
    ids(await index.search(query, { sort, limit: 100 })).map((id) => byId.get(id)!);

  it('sorts by price both ways', async () => {
    const up = (await sorted('price-asc')).map((p) => p.price.amount);
    assert.deepEqual(
      up,
      [...up].sort((a, b) => a - b),
    );
    const down = (await sorted('price-desc', 'shoes')).map((p) => p.id);
    assert.deepEqual(down, ['p16', 'p15']);
  });

  it('sorts newest first with undated products last', async () => {
    const list = [
      ...products,
      { ...products[0]!, id: 'undated', title: 'Undated Headphones', releaseDate: undefined } as Product,
    ];
    const i = createSearchIndex(
      list.map((p) => {
        const c = { ...p };
        if (!c.releaseDate) delete c.releaseDate;
        return c;
      }),
    );
    const r = ids(await i.search('headphones', { sort: 'newest' }));
    assert.deepEqual(r, ['p01', 'p04', 'undated']);
    const all = (await sorted('newest')).map((p) => Date.parse(p.releaseDate!));
    assert.deepEqual(
      all,
      [...all].sort((a, b) => b - a),
    );
  });

  it('sorts by rating', async () => {
    const r = (await sorted('rating')).map((p) => p.rating!.average);
    assert.deepEqual(
      r,
      [...r].sort((a, b) => b - a),
    );
  });

  it('sorts by relevance by default, the highest score first', async () => {
    const r = await index.search('wireless');
    const scores = r.hits.map((h) => h.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    assert.ok(scores.every((s) => s > 0));
  });
});

describe('facets counted when read', () => {
  const products = syntheticCatalog(2000, 5);
  const big = createSearchIndex(products);
  const filters: SearchFilters = { brand: ['Acme', 'Hooli'], options: { Size: ['M'] } };
  const asks: [string, Parameters<typeof big.search>[1]][] = [
    ['wireless', { filters, limit: 5 }],
    ['wi', { limit: 5 }],
    ['', { filters, sort: 'price-asc' }],
    ['zzqxv', {}],
    ['wirelss speakr', { limit: 3 }],
  ];

  it('are an own, enumerable property equal to counts made by hand, read late, cloned or serialised', async () => {
    await big.ready;
    for (const [query, options] of asks) {
      const late = await big.search(query, options);
      const cloned = structuredClone(await big.search(query, options));
      const json = JSON.parse(JSON.stringify(await big.search(query, options))) as SearchResult;
      const spread = { ...(await big.search(query, options)) };
      // Other queries in between reuse the engine's scratch arrays: the late read must not see them.
      await big.search('leather', { filters: { brand: ['Acme'] } });
      await big.search('');
      const descriptor = Object.getOwnPropertyDescriptor(late, 'facets')!;
      assert.ok(descriptor.enumerable, query);
      assert.deepEqual(Object.keys(late).slice(0, 3), ['hits', 'facets', 'total']);
      const facets = late.facets;
      assert.equal(late.facets, facets, 'computed once');
      assert.deepEqual(cloned.facets, facets, query);
      assert.deepEqual(json.facets, JSON.parse(JSON.stringify(facets)), query);
      assert.deepEqual(spread.facets, facets, query);
      assert.deepEqual(cloned, JSON.parse(JSON.stringify(late)), query);
    }
  });

  it('count every match of the query whatever the page, sort or limit', async () => {
    await big.ready;
    const r = await big.search('wireless', { filters, limit: 1, sort: 'rating' });
    const matches = products.filter((p) => /\bwireless\b/i.test(`${p.title} ${p.brand}`));
    await big.search('cotton');
    const e = expectedFacets(matches, filters);
    assert.deepEqual(r.facets.brand, e.brand);
    assert.deepEqual(r.facets.category, e.category);
    assert.deepEqual(r.facets.availability, e.availability);
    assert.deepEqual(r.facets.options, e.options);
    assert.equal(r.total, matches.filter((p) => passes(p, filters)).length);
  });

  it('can be replaced by assignment, as a plain property', async () => {
    const r = await big.search('wireless');
    const empty = { category: [], brand: [], availability: [], price: null, options: {} };
    r.facets = empty;
    assert.equal(r.facets, empty);
    assert.deepEqual(JSON.parse(JSON.stringify(r)).facets, empty);
  });
});
