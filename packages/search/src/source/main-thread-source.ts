import type { SearchIndexOptions } from '../types.js';
import { createLocalSource, type SizedSearchSource } from './local-source.js';
import { readCatalog } from './read-catalog.js';
import type { CatalogInput } from './worker-messages.js';

/**
 * Indexes a catalog on the main thread (small catalogs, or where module workers are blocked):
 * products, a prebuilt index, or a URL of either.
 */
export async function mainThreadSource(
  catalog: Exclude<CatalogInput, { streamed: number }>,
  options?: SearchIndexOptions,
): Promise<SizedSearchSource> {
  const loaded = 'url' in catalog ? await readCatalog(catalog.url) : catalog;
  // Loaded on demand: the engine is its own chunk, off the elements' entry points.
  const { createSearchIndex } = await import('../engine/index.js');
  const index =
    'products' in loaded
      ? createSearchIndex([...loaded.products], options)
      : await createSearchIndex.fromJSON(loaded.index);
  await index.ready;
  return createLocalSource(index);
}
