import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import type { Product } from '@vitrine/core';
import { createSearchIndex } from '../src/engine/index.js';
import type { SearchResult } from '../src/types.js';
import { catalog, syntheticCatalog } from './fixtures/catalog.js';

const run = promisify(execFile);
const ENGINE_DIR = fileURLToPath(new URL('../src/engine/', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

const index = createSearchIndex(catalog(), {
  synonyms: [
    ['tee', 't-shirt'],
    ['手机', 'phone'],
  ],
});
const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const top = async (q: string, n = 5) => ids(await index.search(q)).slice(0, n);
const titleOf = (id: string) => index.product(id)!.title;

describe('createSearchIndex: the API shape', () => {
  it('returns the index synchronously, with its size, ready and product lookup', async () => {
    const i = createSearchIndex(catalog());
    assert.equal(i.size, 30);
    assert.ok(i.ready instanceof Promise);
    assert.equal(i.product('p03')?.title, 'Bluetooth Speaker');
    assert.equal(i.product('nope'), undefined);
    const r = await i.search('speaker');
    assert.deepEqual(Object.keys(r).sort(), ['facets', 'hits', 'total']);
    assert.deepEqual(Object.keys(r.hits[0]!).sort(), ['highlights', 'id', 'score']);
  });
});

describe('matching what shoppers type', () => {
  it('finds products despite a typo and says which query it searched', async () => {
    const r = await index.search('headphnes');
    assert.deepEqual(ids(r).sort(), ['p01', 'p04']);
    assert.equal(r.correctedQuery, 'headphones');
    const s = await index.search('speakr');
    assert.deepEqual(ids(s), ['p03']);
    assert.equal(s.correctedQuery, 'speaker');
    const k = await index.search('mechanicl keyboard');
    assert.deepEqual(ids(k), ['p09']);
    assert.equal(k.correctedQuery, 'mechanical keyboard');
  });

  it('does not correct a query that matches, nor short words', async () => {
    const r = await index.search('headphones');
    assert.equal(r.correctedQuery, undefined);
    assert.equal(r.fallback, undefined);
    // 3 letters: no typo tolerance, so `mug` never turns into something else.
    assert.deepEqual(await top('mug'), ['p19']);
  });

  it('completes the last word as it is typed', async () => {
    assert.deepEqual((await top('head')).sort(), ['p01', 'p04']);
    assert.deepEqual(await top('wireless mou'), ['p10']);
    // Once a space follows, the word is complete: `head ` is not a prefix any more.
    assert.equal((await index.search('head ')).fallback, 'popular');
  });

  it('finds Chinese products by any two characters, one character, full pinyin and initials', async () => {
    assert.deepEqual((await top('耳机')).sort(), ['c01', 'c02']);
    assert.deepEqual(await top('降噪'), ['c01']);
    assert.ok((await top('耳', 10)).includes('c01'));
    assert.deepEqual((await top('erji')).sort(), ['c01', 'c02']);
    assert.deepEqual((await top('ej')).sort(), ['c01', 'c02']);
    assert.deepEqual(await top('wuxianjiangzao'), ['c01']);
    assert.deepEqual(await top('baowenbei'), ['c07']);
    assert.deepEqual(await top('bwb'), ['c07']);
    // Brands by pinyin too.
    assert.ok((await top('huawei')).includes('c01'));
  });

  it('uses the shop’s synonyms both ways', async () => {
    assert.deepEqual(await top('tee'), ['p13']);
    assert.deepEqual(await top('t-shirt'), ['p13']);
    assert.ok((await top('phone', 10)).includes('c03'));
  });

  it('ranks a title match above a description match, and breaks ties by popularity', async () => {
    // `phone` is in p07's title and only in p05's description; p05 is the more popular one.
    const phone = ids(await index.search('phone'));
    assert.ok(phone.indexOf('p07') < phone.indexOf('p05'), phone.join());
    // Brand (Apple) outranks category (Phones > Accessories holds no `apple`): p05/p07 first.
    const apple = ids(await index.search('apple'));
    assert.deepEqual(apple.sort(), ['p05', 'p07']);
    const mugs = catalog().filter((p) => p.id === 'p19');
    mugs.push({ ...mugs[0]!, id: 'm2', title: 'Enamel Camping Mug' });
    const byPopularity = async (popularity: Record<string, number>) =>
      ids(await createSearchIndex(mugs, { popularity }).search('mug'));
    assert.deepEqual(await byPopularity({ p19: 1, m2: 9 }), ['m2', 'p19']);
    assert.deepEqual(await byPopularity({ p19: 9, m2: 1 }), ['p19', 'm2']);
  });

  it('highlights the matched text of each field as UTF-16 ranges', async () => {
    const r = await index.search('noise headph');
    const hit = r.hits.find((h) => h.id === 'p01')!;
    const title = titleOf('p01');
    assert.deepEqual(
      hit.highlights.title!.map(([s, e]) => title.slice(s, e)),
      ['Noise', 'Headph'],
    );
    const zh = await index.search('耳机');
    const c01 = zh.hits.find((h) => h.id === 'c01')!;
    assert.deepEqual(c01.highlights.title, [[6, 8]]);
    const py = await index.search('erji');
    assert.deepEqual(py.hits.find((h) => h.id === 'c01')!.highlights.title, [[6, 8]]);
  });
});

describe('zero results never dead-end', () => {
  it('relaxes to products matching most words', async () => {
    const r = await index.search('sony blender');
    assert.equal(r.fallback, 'relaxed');
    assert.deepEqual(ids(r).sort(), ['p01', 'p02']);
  });

  it('falls back to popular products when nothing matches at all', async () => {
    const r = await index.search('zzqxv');
    assert.equal(r.fallback, 'popular');
    assert.equal(r.total, 30);
    // Most popular first: rating average × log(count).
    assert.equal(r.hits[0]!.id, 'p17');
  });

  it('searches the exact words when asked not to correct', async () => {
    const r = await index.search('headphnes', { correct: false });
    assert.equal(r.correctedQuery, undefined);
    assert.equal(r.fallback, 'popular');
  });
});

describe('browse mode and paging', () => {
  it('returns every product for an empty query, most popular first, and pages through them', async () => {
    const all = await index.search('', { limit: 100 });
    assert.equal(all.total, 30);
    assert.equal(all.hits.length, 30);
    const pages: string[] = [];
    for (let offset = 0; offset < 30; offset += 7)
      pages.push(...ids(await index.search('', { limit: 7, offset })));
    assert.deepEqual(pages, ids(all));
    assert.deepEqual(ids(await index.search('', { limit: 5, offset: 28 })).length, 2);
  });
});

describe('hostile input never throws', () => {
  it('handles empty, huge, regex-like, emoji and odd-typed queries and options', async () => {
    const queries: unknown[] = [
      '',
      '   ',
      'x'.repeat(10_240),
      'a '.repeat(5000),
      '.*+?^${}()|[]\\',
      '🎧🎧',
      '耳🎧机',
      '\u0000\uffff',
      null,
      undefined,
      42,
      '%s%d',
      '<img src=x>',
    ];
    for (const q of queries) {
      const r = await index.search(q as string, {
        limit: -3,
        offset: Number.NaN,
        sort: 'bogus' as never,
        filters: { brand: 'Sony' as never, price: { min: Number.NaN } },
      });
      assert.ok(Array.isArray(r.hits), String(q));
      await index.suggest(q as string, { limit: Number.POSITIVE_INFINITY });
    }
  });

  it('indexes products with missing or odd fields', async () => {
    const odd = [
      {
        id: 'a',
        title: 'Plain',
        category: [],
        price: { amount: 100, currency: 'USD' },
        availability: 'in_stock',
        options: [],
        variants: [],
        media: [],
      },
      { id: 'b', title: '', category: null, price: null, options: null, variants: null },
      { id: 'c', title: 'Café Ｃrème', brand: null, description: 5, category: ['A', 7] },
    ] as unknown as Product[];
    const i = createSearchIndex(odd);
    assert.deepEqual(ids(await i.search('plain')), ['a']);
    assert.deepEqual(ids(await i.search('cafe creme')), ['c']);
    assert.equal((await i.search('')).total, 3);
  });
});

describe('suggestions', () => {
  it('completes the query from the catalog and lists matching categories and brands', async () => {
    const s = await index.suggest('wireless h');
    assert.equal(s.queries[0], 'wireless headphones');
    assert.deepEqual(s.brands[0], { value: 'Sony', count: 1 });
    const zh = await index.suggest('蓝牙耳');
    assert.deepEqual(zh.queries, ['蓝牙耳机']);
    assert.deepEqual(zh.categories[0], { value: '数码', count: 2 });
    const typo = await index.suggest('speakr');
    assert.equal(typo.queries[0], 'speaker');
  });
});

describe('prebuilt indexes', () => {
  it('gives identical results after a toJSON/fromJSON round trip, without the pinyin dictionary', async () => {
    await index.ready;
    const json = JSON.parse(JSON.stringify(index.toJSON()));
    const loaded = createSearchIndex.fromJSON(json);
    assert.equal(loaded.pinyin, 'prebuilt');
    assert.equal(loaded.size, index.size);
    const options = [
      {},
      { sort: 'price-desc' as const, filters: { category: ['Audio'] } },
      { limit: 3, offset: 2 },
    ];
    for (const q of [
      'headphnes',
      'head',
      '耳机',
      'erji',
      'ej',
      'tee',
      'sony blender',
      'zzqxv',
      '',
      'wuxianjiangzao',
    ]) {
      for (const o of options)
        assert.deepEqual(await loaded.search(q, o), await index.search(q, o), `${q} ${JSON.stringify(o)}`);
      assert.deepEqual(await loaded.suggest(q), await index.suggest(q), q);
    }
  });

  it('rejects something that is not a prebuilt index', () => {
    assert.throws(() => createSearchIndex.fromJSON({ v: 1 }), /not a prebuilt Vitrine search index/);
  });
});

describe('the pinyin dictionary is loaded only when needed', () => {
  it('is never imported for an English-only catalog', async () => {
    const script = `
      import { createSearchIndex, pinyinDictionaryLoaded } from './src/engine/index.ts';
      import { catalog } from './test/fixtures/catalog.ts';
      const i = createSearchIndex(catalog().filter((p) => p.id.startsWith('p')));
      await i.search('headphones'); await i.search('erji'); await i.suggest('he');
      await new Promise((r) => setTimeout(r, 50));
      console.log(JSON.stringify({ state: i.pinyin, loaded: pinyinDictionaryLoaded() }));
      const zh = createSearchIndex(catalog());
      await zh.ready;
      console.log(JSON.stringify({ state: zh.pinyin, loaded: pinyinDictionaryLoaded() }));
    `;
    const { stdout } = await run(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: PACKAGE_DIR },
    );
    const [en, zh] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { state: string; loaded: boolean });
    assert.deepEqual(en, { state: 'none', loaded: false });
    assert.deepEqual(zh, { state: 'ready', loaded: true });
  });

  it('can be switched off, and is referenced by one dynamic import only (its own chunk)', async () => {
    const off = createSearchIndex(catalog(), { pinyin: false });
    assert.equal(off.pinyin, 'off');
    assert.deepEqual(ids(await off.search('耳机')).sort(), ['c01', 'c02']);
    const files = (await readdir(ENGINE_DIR)).filter((f) => f.endsWith('.ts'));
    const refs: string[] = [];
    for (const f of files) {
      const text = await readFile(ENGINE_DIR + f, 'utf8');
      for (const m of text.matchAll(/^(?!\s*(?:\/\/|\*)).*['"]pinyin-pro['"].*$/gm))
        refs.push(`${f}: ${m[0].trim()}`);
    }
    assert.equal(refs.length, 1, refs.join('\n'));
    assert.match(refs[0]!, /import\('pinyin-pro'\)/);
  });
});

describe('a larger catalog', () => {
  it('finds a product by its whole title with a typo among 3,000', async () => {
    const products = syntheticCatalog(3000, 4);
    const big = createSearchIndex(products);
    await big.ready;
    const p = products.find((x) => /^[A-Z]/.test(x.title))!;
    const words = p.title.split(' ');
    const long = words.findIndex((w) => w.length >= 6);
    words[long] = words[long]!.slice(0, 2) + words[long]!.slice(3);
    const r = await big.search(words.join(' '));
    assert.ok(ids(r).slice(0, 5).includes(p.id), `${words.join(' ')} → ${ids(r).slice(0, 5).join(',')}`);
    assert.ok(r.correctedQuery);
  });
});
