import { readFileSync } from 'node:fs';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { Charset, Document } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Product } from '@vitrine/core';
import type { SearchIndex, SearchIndexOptions } from '../src/types.js';

/**
 * The libraries the search benchmark compares, each behind one small interface: build an index of
 * the same four fields (title, brand, category, description) with the same weights where the
 * library has them, and answer the ids of the best `limit` products.
 */

export interface BenchIndex {
  search(query: string, limit: number): Promise<string[]> | string[];
}

export interface Library {
  /** Name with version, as printed. */
  name: string;
  /** A short name for ratios and notes. */
  short: string;
  build(products: readonly Product[]): Promise<BenchIndex>;
}

// Read from the file: some of these packages do not export their package.json.
const NODE_MODULES = new URL('../../../node_modules/', import.meta.url);
const version = (pkg: string) =>
  (JSON.parse(readFileSync(new URL(`${pkg}/package.json`, NODE_MODULES), 'utf8')) as { version: string })
    .version;

const BOOST = { title: 4, brand: 3, category: 2, description: 1 } as const;
const FIELDS = ['title', 'brand', 'category', 'description'] as const;

interface Doc {
  id: string;
  title: string;
  brand: string;
  category: string;
  description: string;
}

const toDoc = (p: Product): Doc => ({
  id: p.id,
  title: p.title,
  brand: p.brand ?? '',
  category: p.category.join(' '),
  description: p.description ?? '',
});

const fuse: Library = {
  name: `Fuse.js ${version('fuse.js')}`,
  short: 'Fuse.js',
  async build(products) {
    const index = new Fuse(products.map(toDoc), {
      keys: FIELDS.map((name) => ({ name, weight: BOOST[name] })),
    });
    return { search: (q, limit) => index.search(q, { limit }).map((r) => r.item.id) };
  },
};

/**
 * MiniSearch tuned as in ../shared/research/search.md: every word must match (AND), prefix
 * search on the last word only, fuzzy (0.2) only for words of four characters or more.
 */
const minisearch: Library = {
  name: `MiniSearch ${version('minisearch')} tuned`,
  short: 'MiniSearch',
  async build(products) {
    const index = new MiniSearch<Doc>({
      fields: [...FIELDS],
      searchOptions: {
        boost: { ...BOOST },
        combineWith: 'AND',
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      },
    });
    index.addAll(products.map(toDoc));
    return {
      search: (q, limit) =>
        index
          .search(q)
          .slice(0, limit)
          .map((r) => String(r.id)),
    };
  },
};

/**
 * FlexSearch's document index with forward (prefix) tokenizing and its balanced Latin encoder
 * (which forgives some misspellings); hits merged field by field, by weight.
 */
const flexsearch: Library = {
  name: `FlexSearch ${version('flexsearch')}`,
  short: 'FlexSearch',
  async build(products) {
    const index = new Document<{ [K in keyof Doc]: string }>({
      document: { id: 'id', index: [...FIELDS] },
      tokenize: 'forward',
      encoder: Charset.LatinBalance,
    });
    for (const doc of products.map(toDoc)) index.add(doc);
    return {
      search(q, limit) {
        const byField = new Map(index.search(q, { limit }).map((r) => [r.field, r.result]));
        const ids = new Set<string>();
        for (const field of FIELDS)
          for (const id of byField.get(field) ?? []) if (ids.size < limit) ids.add(String(id));
        return [...ids];
      },
    };
  },
};

/** Orama with its default tokenizer and a typo tolerance of one edit. */
const orama: Library = {
  name: `Orama ${version('@orama/orama')}`,
  short: 'Orama',
  async build(products) {
    const db = create({
      schema: {
        id: 'string',
        title: 'string',
        brand: 'string',
        category: 'string',
        description: 'string',
      } as const,
    });
    await insertMultiple(db, products.map(toDoc), 1000);
    return {
      async search(q, limit) {
        const result = await oramaSearch(db, {
          term: q,
          limit,
          tolerance: 1,
          properties: [...FIELDS],
          boost: { ...BOOST },
        });
        return result.hits.map((h) => h.document.id);
      },
    };
  },
};

type CreateSearchIndex = (
  products: Product[],
  options?: SearchIndexOptions,
) => SearchIndex | Promise<SearchIndex>;

/** Loads our engine, or says why it cannot. */
export async function loadOurs(): Promise<{ createSearchIndex: CreateSearchIndex } | { error: string }> {
  try {
    const engine = (await import('../src/engine/index.js')) as { createSearchIndex?: CreateSearchIndex };
    if (typeof engine.createSearchIndex !== 'function')
      return { error: 'src/engine/index.ts exports no createSearchIndex' };
    return { createSearchIndex: engine.createSearchIndex };
  } catch (error) {
    return {
      error: `src/engine/index.ts does not load (${String(error instanceof Error ? error.message : error).split('\n')[0]})`,
    };
  }
}

/** Our engine (`createSearchIndex`), answering with `search()` or with `suggest()`'s products. */
export function ours(createSearchIndex: CreateSearchIndex): Library {
  return {
    name: 'OURS createSearchIndex',
    short: 'ours',
    async build(products) {
      const index = await createSearchIndex([...products]);
      await index.ready;
      return {
        async search(q, limit) {
          const result = await index.search(q, { limit });
          return result.hits.map((h) => h.id);
        },
      };
    },
  };
}

/** The baselines, in the order they are printed. */
export const BASELINES: readonly Library[] = [fuse, minisearch, flexsearch, orama];
