import type { Product, Result } from '../model/types.js';
import { checkProduct } from '../model/validate-product.js';
import { Problems, at, describe, guard, isRecord } from '../model/validate-shared.js';
import { JsonLdDocuments, isJsonLd } from './jsonld.js';
import { productFromJsonLd } from './jsonld-product.js';
import { chooseProduct } from './jsonld-select.js';

/** Our model, as opposed to JSON-LD: no `@` keys and at least a title, variants or price. */
function looksLikeModel(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && ('title' in value || 'variants' in value || 'price' in value);
}

/**
 * Reads a product from whatever a shop has: Vitrine's own model (validated by
 * `validateProduct`) or schema.org JSON-LD — a Product or ProductGroup node, a whole document
 * (`@graph`, top-level arrays, `mainEntity`), or a list of documents such as
 * `readPageJsonLd(document).documents`. The first product found is read; others are reported as
 * ignored. JSON-LD problems carry JSON-LD paths relative to the product node
 * (`offers[1].price: "abc" is not a number`). Pure: no DOM, no network; runs in Node and browsers.
 * Never throws.
 */
export function readProduct(input: unknown): Result<Product> {
  return guard(() => {
    const problems = new Problems();
    let value: Product | null = null;
    if (isJsonLd(input)) {
      const docs = new JsonLdDocuments(input, problems);
      const choice = chooseProduct(docs, input, problems, 'readProduct');
      if (choice) value = productFromJsonLd(choice.found.node, choice.variants, docs, problems);
    } else if (Array.isArray(input)) {
      const models = input.flatMap((item, i) => (looksLikeModel(item) ? [{ item, i }] : []));
      const first = models[0];
      if (first) {
        value = checkProduct(first.item, problems);
        for (const other of models.slice(1)) {
          problems.add(at('', other.i), 'another product was ignored; readProduct reads the first one');
        }
      } else {
        problems.add(
          '',
          input.length === 0 ? 'is an empty list, so there is no product' : 'holds no product',
        );
        input.slice(0, 20).forEach((item, i) => {
          problems.add(at('', i), `must be a product or a JSON-LD node, got ${describe(item)}`);
        });
      }
    } else if (isRecord(input)) {
      value = checkProduct(input, problems);
    } else {
      problems.add('', `must be a product (Vitrine's model or schema.org JSON-LD), got ${describe(input)}`);
    }
    return { value, problems: problems.list };
  });
}
