import { type Problems, at, describe } from '../model/validate-shared.js';
import {
  hasType,
  listOf,
  textOf,
  typesOf,
  type FoundNode,
  type JsonLdDocuments,
  type JsonLdNode,
} from './jsonld.js';

/** schema.org types read as a product (Product and its common subtypes). */
export const PRODUCT_TYPES = ['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'SomeProducts'];

/** The product a page is about, and the variants that belong to it when it is a ProductGroup. */
export interface ProductChoice {
  found: FoundNode;
  /** Products elsewhere in the documents whose `isVariantOf` names the group (not in its `hasVariant`). */
  variants: FoundNode[];
}

function idOf(value: unknown): string | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? textOf((value as JsonLdNode)['@id'])
    : undefined;
}

/**
 * Picks the first Product or ProductGroup of the documents, skipping Products that are variants
 * of a group on the same page. Other products are reported as ignored. Null (reported) when the
 * documents hold none.
 */
export function chooseProduct(
  docs: JsonLdDocuments,
  input: unknown,
  problems: Problems,
  reader: string,
): ProductChoice | null {
  const products = docs.nodes.filter((f) => hasType(f.node, ...PRODUCT_TYPES));
  const groups = products.filter((f) => hasType(f.node, 'ProductGroup'));
  const variantIds = new Set<string>();
  const extras = new Map<JsonLdNode, FoundNode[]>();
  for (const group of groups) {
    const inline = listOf(group.node.hasVariant, docs).filter(
      (v): v is JsonLdNode => typeof v === 'object' && v !== null && !Array.isArray(v),
    );
    const groupId = idOf(group.node);
    const more: FoundNode[] = [];
    for (const f of products) {
      if (f === group || inline.some((v) => v === f.node || (idOf(v) && idOf(v) === idOf(f.node)))) continue;
      const parent = idOf(docs.resolve(f.node.isVariantOf));
      if (groupId && parent === groupId) more.push(f);
    }
    for (const v of [...inline, ...more.map((f) => f.node)]) {
      const id = idOf(v);
      if (id) variantIds.add(id);
    }
    extras.set(group.node, more);
  }
  const isVariant = (f: FoundNode) =>
    !hasType(f.node, 'ProductGroup') &&
    ((idOf(f.node) !== undefined && variantIds.has(idOf(f.node)!)) ||
      [...extras.values()].some((list) => list.includes(f)));
  const candidates = products.filter((f) => !isVariant(f));
  const chosen = candidates[0] ?? products[0];
  if (!chosen) {
    const types = [...new Set(docs.nodes.flatMap((f) => typesOf(f.node)))];
    problems.add(
      '',
      types.length > 0
        ? `has no schema.org Product or ProductGroup (found ${types.slice(0, 8).join(', ')})`
        : `has no schema.org Product or ProductGroup`,
    );
    if (Array.isArray(input)) {
      input.slice(0, 20).forEach((item, i) => {
        if (typeof item !== 'object' || item === null) {
          problems.add(at('', i), `must be a JSON-LD node or document, got ${describe(item)}`);
        }
      });
    }
    return null;
  }
  for (const other of candidates) {
    if (other === chosen) continue;
    const name = textOf(other.node.name);
    problems.add(
      other.path,
      `another ${typesOf(other.node)[0] ?? 'Product'}${name ? ` (${describe(name)})` : ''} was ignored; ${reader} reads the first one`,
    );
  }
  return { found: chosen, variants: extras.get(chosen.node) ?? [] };
}
