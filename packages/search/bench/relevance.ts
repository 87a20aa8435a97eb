import type { NamedCatalog } from './catalogs.js';
import type { Library } from './libraries.js';
import { QUERY_KINDS, relevanceQueries, type QueryKind } from './queries.js';

/** hit@5 of one library on one catalog, per query kind: the source product is in the top 5. */
export interface RelevanceResult {
  catalog: string;
  library: Library;
  byKind: Partial<Record<QueryKind, { hits: number; asked: number }>>;
  /** Up to three misses per kind, for the notes under the table. */
  misses: Partial<Record<QueryKind, string[]>>;
}

const TOP = 5;

/** Asks every relevance query of `catalog` from `library`, one at a time. */
export async function measureRelevance(catalog: NamedCatalog, library: Library): Promise<RelevanceResult> {
  const queries = relevanceQueries(catalog.products);
  const index = await library.build(catalog.products);
  const result: RelevanceResult = { catalog: catalog.name, library, byKind: {}, misses: {} };
  for (const q of queries) {
    const ids = await index.search(q.text, TOP);
    const cell = (result.byKind[q.kind] ??= { hits: 0, asked: 0 });
    cell.asked++;
    if (ids.includes(q.source!)) cell.hits++;
    else {
      const misses = (result.misses[q.kind] ??= []);
      if (misses.length < 3) misses.push(q.text);
    }
  }
  return result;
}

/** The kinds a relevance run asks, in print order. */
export const RELEVANCE_KINDS = QUERY_KINDS.filter((k) => k === 'typo' || k === 'zh2' || k === 'initials');
