import type { Availability, Money, Product, ProductOption, Rating, Variant } from '../model/types.js';
import { checkProduct } from '../model/validate-product.js';
import {
  LIMITS,
  Problems,
  at,
  bestAvailability,
  capped,
  describe,
  isRecord,
} from '../model/validate-shared.js';
import {
  hasType,
  itemPath,
  listOf,
  nameOf,
  numberOf,
  schemaTerm,
  textOf,
  type FoundNode,
  type JsonLdDocuments,
  type JsonLdNode,
} from './jsonld.js';
import { stableHash } from './jsonld-hash.js';
import { MediaList, readImages, readUrl, readVideos } from './jsonld-media.js';
import { readOffers, type OffersReading } from './jsonld-offers.js';
import { htmlToLine, htmlToText } from './jsonld-text.js';

const GTIN_KEYS = ['gtin', 'gtin13', 'gtin14', 'gtin12', 'gtin8'];

/** The first valid GTIN among gtin/gtin13/gtin14/gtin12/gtin8; bad ones are reported. */
function readGtin(node: JsonLdNode, path: string, problems: Problems): string | undefined {
  let found: string | undefined;
  for (const key of GTIN_KEYS) {
    if (node[key] === undefined || node[key] === null) continue;
    const raw = textOf(node[key]) ?? '';
    // A GS1 Digital Link (https://id.gs1.org/01/<gtin>) carries the GTIN after /01/.
    const link = /\/01\/(\d{8,14})(?:[/?#]|$)/.exec(raw);
    const digits = link ? link[1]! : raw.replace(/[\s-]/g, '');
    if (/^(?:\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) found ??= digits;
    else problems.add(at(path, key), `must be 8, 12, 13 or 14 digits, got ${describe(node[key])}`);
  }
  return found;
}

/** One-line text of a property, capped; undefined when empty. */
function line(
  value: unknown,
  path: string,
  problems: Problems,
  max: number = LIMITS.short,
): string | undefined {
  const text = htmlToLine(textOf(value));
  return text ? capped(text, max, path, problems) : undefined;
}

const CATEGORY_SEPARATOR = /\s*(?:>|›|»|\/)\s*/;

/** `"Apparel > T-shirts"`, `"Apparel/T-shirts"`, `["Apparel", "T-shirts"]` or `{name}` → path. */
function readCategory(value: unknown, docs: JsonLdDocuments, problems: Problems): string[] {
  const items = listOf(value, docs)
    .map((item) => htmlToLine(isRecord(item) && !('@value' in item) ? textOf(item.name) : textOf(item)))
    .filter(Boolean);
  if (items.length === 0) return [];
  const first = items[0]!;
  const parts =
    items.length === 1 || CATEGORY_SEPARATOR.test(first) ? first.split(CATEGORY_SEPARATOR) : items;
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((part, i) => capped(part, LIMITS.short, itemPath('category', value, i), problems));
}

/** schema.org aggregateRating → `{ average: 0–5, count }`, normalised by bestRating. */
function readRating(value: unknown, docs: JsonLdDocuments, problems: Problems): Rating | undefined {
  const entry = listOf(value, docs)[0];
  if (entry === undefined) return undefined;
  const path = 'aggregateRating';
  if (!isRecord(entry)) {
    problems.add(path, `must be an AggregateRating, got ${describe(entry)}`);
    return undefined;
  }
  const rating = numberOf(entry.ratingValue);
  const countValue = entry.ratingCount ?? entry.reviewCount;
  const count = numberOf(countValue);
  const best = numberOf(entry.bestRating) ?? 5;
  const worst = numberOf(entry.worstRating) ?? 1;
  if (count === 0) return undefined;
  if (rating === undefined) {
    problems.add(at(path, 'ratingValue'), `must be a number, got ${describe(entry.ratingValue)}`);
    return undefined;
  }
  if (count === undefined || !Number.isSafeInteger(count) || count < 0) {
    const key = entry.ratingCount !== undefined ? 'ratingCount' : 'reviewCount';
    problems.add(
      at(path, key),
      countValue === undefined
        ? 'is required (ratingCount or reviewCount)'
        : `must be a whole number, got ${describe(countValue)}`,
    );
    return undefined;
  }
  if (best <= 0 || worst >= best) {
    problems.add(at(path, 'bestRating'), `must be above worstRating (${worst}), got ${describe(best)}`);
    return undefined;
  }
  if (rating > best || rating < Math.min(worst, 0)) {
    problems.add(at(path, 'ratingValue'), `must be between ${worst} and ${best}, got ${rating}`);
    return undefined;
  }
  const average = Math.min(5, Math.max(0, Math.round((rating / best) * 5 * 100) / 100));
  return { average, count };
}

/** A stable id: sku, then productID, @id, GTIN, MPN, url; else a hash of the name (reported). */
function productId(
  node: JsonLdNode,
  group: boolean,
  title: string,
  gtin: string | undefined,
  problems: Problems,
): string {
  const keys = group
    ? ['productGroupID', 'sku', 'productID', '@id', 'mpn', 'url']
    : ['sku', 'productID', '@id', 'mpn', 'url'];
  for (const key of keys) {
    const text = textOf(node[key])?.trim();
    if (text) return text.slice(0, LIMITS.id);
    if (key === '@id' && gtin) return gtin;
  }
  const id = `jsonld-${stableHash(title)}`;
  problems.add('sku', `is missing (as are productID and @id); made the id "${id}" from the name`);
  return id;
}

const OPTION_LABELS: Record<string, string> = {
  color: 'Color',
  size: 'Size',
  material: 'Material',
  pattern: 'Pattern',
  suggestedgender: 'Gender',
  suggestedage: 'Age group',
};

/** The value of a variant's `size`, `color`, … (text, `{name}` or an additionalProperty). */
function optionValue(variant: JsonLdNode, prop: string, docs: JsonLdDocuments): string | undefined {
  const direct = Object.keys(variant).find((k) => k.toLowerCase() === prop.toLowerCase());
  if (direct !== undefined) {
    const text = htmlToLine(nameOf(variant[direct], docs));
    if (text) return text.slice(0, LIMITS.short);
  }
  for (const extra of listOf(variant.additionalProperty, docs)) {
    if (!isRecord(extra)) continue;
    const name = textOf(extra.name) ?? textOf(extra.propertyID);
    if (name && name.trim().toLowerCase() === prop.toLowerCase()) {
      const text = htmlToLine(textOf(extra.value));
      if (text) return text.slice(0, LIMITS.short);
    }
  }
  return undefined;
}

interface Variants {
  variants: Variant[];
  options: ProductOption[];
}

/** A ProductGroup's `hasVariant` → variants, and `variesBy` (or what differs) → options. */
function readVariants(
  group: JsonLdNode,
  extras: FoundNode[],
  groupId: string,
  title: string,
  docs: JsonLdDocuments,
  problems: Problems,
  media: MediaList,
): Variants {
  const hasVariant = group.hasVariant;
  const inline = listOf(hasVariant, docs);
  const ids = new Set(inline.map((n) => (isRecord(n) ? textOf(n['@id']) : undefined)).filter(Boolean));
  const entries = [
    ...inline.map((node, i) => ({ node, path: itemPath('hasVariant', hasVariant, i) })),
    ...extras.filter((f) => !ids.has(textOf(f.node['@id']))),
  ];
  const varies = listOf(group.variesBy, docs)
    .map((v) => textOf(v))
    .filter((v): v is string => Boolean(v?.trim()))
    .map((v) => schemaTerm(v).replace(/^.*[/#]/, ''));
  let props = varies;
  if (props.length === 0) {
    // No variesBy: use whichever of the usual properties the variants differ in.
    props = ['color', 'size', 'material', 'pattern'].filter(
      (p) =>
        new Set(entries.map((e) => (isRecord(e.node) ? optionValue(e.node, p, docs) : undefined))).size > 1,
    );
  }
  const options: ProductOption[] = props.map((p) => ({
    name: OPTION_LABELS[p.toLowerCase()] ?? p.charAt(0).toUpperCase() + p.slice(1),
    values: [],
  }));
  const variants: Variant[] = [];
  let currency: string | undefined;
  entries.forEach(({ node: entry, path }, i) => {
    if (!isRecord(entry)) {
      problems.add(path, `must be a Product, got ${describe(entry)}`);
      return;
    }
    const own = entry.offers !== undefined;
    const offers = readOffers(
      own ? entry.offers : group.offers,
      own ? at(path, 'offers') : 'offers',
      docs,
      problems,
    );
    if (!offers.best) {
      problems.add(
        at(path, 'offers'),
        offers.present
          ? 'has no usable price; this variant was skipped'
          : 'is required; this variant was skipped',
      );
      return;
    }
    if (currency !== undefined && offers.best.price.currency !== currency) {
      problems.add(
        at(offers.best.path, 'priceCurrency'),
        `must be "${currency}" like the first variant, got ${describe(offers.best.price.currency)}; this variant was skipped`,
      );
      return;
    }
    currency = offers.best.price.currency;
    const gtin = readGtin(entry, path, problems);
    const sku = textOf(entry.sku)?.trim() || offers.best.sku;
    const id =
      sku || textOf(entry.productID)?.trim() || textOf(entry['@id'])?.trim() || gtin || `${groupId}-${i + 1}`;
    const choice: Record<string, string> = {};
    props.forEach((p, j) => {
      const value = optionValue(entry, p, docs);
      const option = options[j]!;
      if (value === undefined) return;
      choice[option.name] = value;
      if (!option.values.includes(value)) option.values.push(value);
    });
    const name = line(entry.name, at(path, 'name'), problems) ?? title;
    const images = readImages(entry.image, at(path, 'image'), docs, problems, media, name);
    const variant: Variant = {
      id: id.slice(0, LIMITS.id),
      options: choice,
      price: offers.best.price,
      availability: availabilityOf(offers, path, problems),
    };
    if (sku) variant.sku = sku.slice(0, LIMITS.short);
    if (gtin) variant.gtin = gtin;
    if (offers.best.compareAt) variant.compareAt = offers.best.compareAt;
    if (images.length) variant.media = images;
    variants.push(variant);
  });
  varies.forEach((v, j) => {
    if (options[j]?.values.length === 0)
      problems.add(itemPath('variesBy', group.variesBy, j), `no variant has a "${v}"`);
  });
  return { variants, options: options.filter((o) => o.values.length > 0) };
}

function availabilityOf(offers: OffersReading, path: string, problems: Problems): Availability {
  const availability = offers.availability ?? offers.best?.availability;
  if (availability) return availability;
  const where = offers.best ? at(offers.best.path, 'availability') : at(path, 'offers.availability');
  // An unknown value was already reported where it was read: one problem per path.
  problems.amend(where, 'assumed "in_stock"', 'is missing; assumed "in_stock"');
  return 'in_stock';
}

/**
 * Maps one schema.org Product (or ProductGroup with its variants) to Vitrine's model. Problem
 * paths are relative to the node (`offers[1].price`). Null, with the reason, when it has no
 * name or no usable price.
 */
export function productFromJsonLd(
  node: JsonLdNode,
  variantNodes: FoundNode[],
  docs: JsonLdDocuments,
  problems: Problems,
): Product | null {
  const group = hasType(node, 'ProductGroup') && (node.hasVariant !== undefined || variantNodes.length > 0);
  let title: string | undefined;
  if (node.name === undefined || node.name === null) problems.add('name', 'is required');
  else {
    title = line(node.name, 'name', problems, LIMITS.title);
    if (title === undefined) problems.add('name', `must be non-empty text, got ${describe(node.name)}`);
  }
  const altBase = title ?? 'Product';
  const gtin = readGtin(node, '', problems);
  const id = productId(node, group, altBase, gtin, problems);
  const media = new MediaList();
  readImages(node.image, 'image', docs, problems, media, altBase);

  let variants: Variant[] = [];
  let options: ProductOption[] = [];
  let price: Money | null = null;
  let compareAt: Money | undefined;
  let availability: Availability = 'in_stock';
  if (group) {
    ({ variants, options } = readVariants(node, variantNodes, id, altBase, docs, problems, media));
    const lowest = variants.reduce<Variant | null>(
      (a, b) => (a === null || b.price.amount < a.price.amount ? b : a),
      null,
    );
    if (lowest) {
      price = lowest.price;
      compareAt = lowest.compareAt;
      availability = bestAvailability(variants.map((v) => v.availability)) ?? 'in_stock';
    } else {
      problems.add('hasVariant', 'has no variant with a usable price, so the product cannot be shown');
    }
  } else {
    const offers = readOffers(node.offers, 'offers', docs, problems);
    if (!offers.present) {
      problems.add('offers', 'is required: a product needs an Offer with a price and priceCurrency');
    } else if (!offers.best) {
      problems.add('offers', 'has no usable price (see the other problems), so the product cannot be shown');
    } else {
      price = offers.best.price;
      compareAt = offers.best.compareAt;
      availability = availabilityOf(offers, '', problems);
      const variant: Variant = { id, options: {}, price, availability };
      const sku = offers.best.sku ?? textOf(node.sku)?.trim();
      if (sku) variant.sku = sku.slice(0, LIMITS.short);
      if (gtin) variant.gtin = gtin;
      if (compareAt) variant.compareAt = compareAt;
      variants = [variant];
    }
  }
  readVideos(node.video, 'video', docs, problems, media, altBase);

  if (title === undefined || price === null) return null;
  const product: Record<string, unknown> = {
    id,
    title,
    category: readCategory(node.category, docs, problems),
    price,
    availability,
    options,
    variants,
    media: media.items,
  };
  const sku = textOf(node.sku)?.trim();
  if (sku) product.sku = sku.slice(0, LIMITS.short);
  if (gtin) product.gtin = gtin;
  if (node.url !== undefined && node.url !== null) product.url = readUrl(node.url, 'url', problems, false);
  const brand = line(nameOf(node.brand, docs), 'brand', problems);
  if (brand) product.brand = brand;
  const description = htmlToText(textOf(node.description));
  if (description) product.description = capped(description, LIMITS.description, 'description', problems);
  if (compareAt) product.compareAt = compareAt;
  const rating = readRating(node.aggregateRating, docs, problems);
  if (rating) product.rating = rating;
  if (product.url === undefined) delete product.url;

  // The mapping above only builds valid data; the model validator is the safety net (its paths
  // are model paths, e.g. `variants[0].id`).
  const check = new Problems();
  const value = checkProduct(product, check);
  for (const p of check.list) problems.add(p.path, p.message);
  return value;
}
