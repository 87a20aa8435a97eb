import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product } from '@vitrine/core';
import { createSearchIndex } from '../src/engine/index.js';
import type { SearchResult } from '../src/types.js';
import { catalog } from './fixtures/catalog.js';

/**
 * Relevance details found by the benchmark on mixed English and Chinese catalogs: short typos are
 * corrected to the catalog's words, and pinyin initials never take the place of a word the shopper
 * evidently meant.
 */

const base = catalog()[0]!;
const make = (id: string, title: string, brand: string): Product => ({ ...base, id, title, brand });

// Each Chinese title holds the pinyin initials (or a pinyin term) a misspelt English word spells:
// `dysn` is 多用 (dy) + 少女 (sn), `fst` is 防水 (fs) + 手套 (st), `boe` starts 苏泊尔's `boer`…
const products: Product[] = [
  make('dyson', 'Cordless Vacuum Cleaner', 'Dyson'),
  make('linen', 'Linen Shirt', 'Muji'),
  make('desk', 'Standing Desk', 'Ikea'),
  make('fast', 'Fast Charger 65W', 'Anker'),
  make('bose', 'QuietComfort Headphones', 'Bose'),
  make('nike', 'Running Shoes', 'Nike'),
  make('inch', 'Monitor 27 inch', 'Dell'),
  make('z-dysn', '多用少女包', '织良'),
  make('z-lnen', '老年儿女礼盒', '织良'),
  make('z-dese', '大鹅丝鹅羽绒被', '织良'),
  make('z-fst', '防水手套', '织良'),
  make('z-boe', '电饭煲', '苏泊尔'),
  make('z-nke', '男款可儿连衣裙', '织良'),
  make('z-erji-1', '无线蓝牙耳机', '织良'),
  make('z-erji-2', '头戴式耳机', '织良'),
  make('z-erjin', '海尔紧凑键帽', '织良'),
];
const index = createSearchIndex(products);
const ids = (r: SearchResult) => r.hits.map((h) => h.id);

describe('short typos', () => {
  const cases: [typed: string, meant: string][] = [
    ['dysn', 'dyson'],
    ['lnen', 'linen'],
    ['dese', 'desk'],
    ['fst', 'fast'],
    ['boe', 'bose'],
    ['nke', 'nike'],
    ['ich', 'inch'],
  ];
  for (const [typed, meant] of cases) {
    it(`corrects ${typed} to ${meant}, never to pinyin initials of a Chinese title`, async () => {
      for (const query of [typed, `${typed} `]) {
        const r = await index.search(query);
        assert.equal(r.correctedQuery, meant, query);
        assert.equal(r.fallback, undefined, query);
        assert.deepEqual(ids(r), [meant], query);
      }
    });
  }

  it('corrects a 3-letter word only by a missing letter, and only when it matches nothing', async () => {
    // `dek` is `desk` with a letter missing; `mvg` is one substitution from `mug`: too far a guess.
    const r = await index.search('dek ');
    assert.equal(r.correctedQuery, 'desk');
    const none = await index.search('qzx');
    assert.equal(none.correctedQuery, undefined);
    assert.equal(none.fallback, 'popular');
    const i = createSearchIndex(catalog());
    assert.deepEqual(ids(await i.search('mug')), ['p19']);
    assert.equal((await i.search('mug')).correctedQuery, undefined);
    assert.equal((await i.search('mvg')).fallback, 'popular');
  });
});

describe('pinyin next to English words', () => {
  it('still reads initials and pinyin when no English word or correction fits', async () => {
    await index.ready;
    assert.deepEqual(ids(await index.search('dysnb')), ['z-dysn']);
    assert.deepEqual(ids(await index.search('ln')), ['z-lnen']);
    assert.deepEqual(ids(await index.search('fangshui')), ['z-fst']);
    assert.deepEqual(ids(await index.search('dianfanbao')), ['z-boe']);
    const r = await index.search('fsst');
    assert.deepEqual(ids(r), ['fast'], 'one substitution from an English word: corrected first');
  });

  it('reads the initials directly when asked to search exactly as typed', async () => {
    await index.ready;
    const r = await index.search('fst', { correct: false });
    assert.equal(r.correctedQuery, undefined);
    assert.deepEqual(ids(r), ['z-fst']);
  });

  it('completes an English prefix to English words, not to pinyin', async () => {
    await index.ready;
    // `boe` could start 苏泊尔's `boer`; `bo` completes to Bose.
    assert.deepEqual(ids(await index.search('bo')), ['bose']);
    const s = await index.suggest('bo');
    assert.deepEqual(s.queries, ['bose']);
  });

  it('takes an exactly spelled pinyin word as typed, not as the start of longer pinyin', async () => {
    await index.ready;
    // 海尔紧 reads `hai er jin`: its `erjin` starts with `erji` but is not 耳机.
    assert.deepEqual(ids(await index.search('erji')).sort(), ['z-erji-1', 'z-erji-2']);
    assert.deepEqual(ids(await index.search('erjin')), ['z-erjin']);
  });

  it('finds the same after a toJSON/fromJSON round trip', async () => {
    await index.ready;
    const copy = createSearchIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    for (const q of ['dysn', 'fst', 'boe', 'bo', 'ln', 'dysnb', 'fangshui']) {
      const a = await index.search(q);
      const b = await copy.search(q);
      assert.deepEqual(ids(b), ids(a), q);
      assert.equal(b.correctedQuery, a.correctedQuery, q);
    }
  });
});
