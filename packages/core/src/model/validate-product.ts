import {
  AVAILABILITY,
  type Availability,
  type MediaItem,
  type Money,
  type Product,
  type ProductOption,
  type Rating,
  type Result,
  type Variant,
} from './types.js';
import { checkMediaItem } from './validate-media.js';
import { checkMoney } from './validate-money.js';
import {
  LIMITS,
  Problems,
  assign,
  at,
  bestAvailability,
  describe,
  guard,
  isRecord,
  optionalArray,
  optionalDate,
  optionalGtin,
  optionalStrings,
  optionalText,
  optionalUrl,
  readId,
  requiredText,
} from './validate-shared.js';

/** Reads an availability; reports a wrong one. Undefined when missing or wrong. */
export function checkAvailability(
  value: unknown,
  path: string,
  problems: Problems,
): Availability | undefined {
  if (value === undefined || value === null) return undefined;
  if ((AVAILABILITY as readonly unknown[]).includes(value)) return value as Availability;
  problems.add(path, `must be one of ${AVAILABILITY.join(', ')}, got ${describe(value)}`);
  return undefined;
}

/**
 * Checks a compare-at price against `price`: same currency (else dropped) and higher (else kept
 * but reported — the price element simply hides a compare-at price that is not higher).
 */
export function checkCompareAt(
  value: unknown,
  price: Money | null,
  path: string,
  problems: Problems,
): Money | undefined {
  if (value === undefined || value === null) return undefined;
  const compareAt = checkMoney(value, path, problems, { nonNegative: true });
  if (compareAt === null || price === null) return undefined;
  if (compareAt.currency !== price.currency) {
    problems.add(
      at(path, 'currency'),
      `must be "${price.currency}" like the price, got ${describe(compareAt.currency)}`,
    );
    return undefined;
  }
  if (compareAt.amount <= price.amount) problems.add(path, 'must be higher than price');
  return compareAt;
}

function checkOptions(input: unknown, problems: Problems): ProductOption[] {
  const options: ProductOption[] = [];
  optionalArray(input, 'options', problems).forEach((raw, i) => {
    const path = at('options', i);
    if (!isRecord(raw)) {
      problems.add(path, `must be an object with name and values, got ${describe(raw)}`);
      return;
    }
    const name = requiredText(raw.name, at(path, 'name'), problems);
    if (name !== null && options.some((o) => o.name === name)) {
      problems.add(at(path, 'name'), `"${name}" is already an option`);
      return;
    }
    const values: string[] = [];
    (optionalStrings(raw.values, at(path, 'values'), problems) ?? []).forEach((value, j) => {
      if (values.includes(value)) problems.add(at(at(path, 'values'), j), `"${value}" is listed twice`);
      else values.push(value);
    });
    if (values.length === 0) {
      problems.add(at(path, 'values'), 'must list at least one value');
      return;
    }
    if (name !== null) options.push({ name, values });
  });
  return options;
}

interface VariantContext {
  currency: string | null;
  price: Money | null;
  availability: Availability | undefined;
  options: ProductOption[];
  /** Old media index → new index, for media items that survived validation. */
  media: Map<number, number>;
  mediaCount: number;
}

function checkVariant(raw: unknown, path: string, problems: Problems, ctx: VariantContext): Variant | null {
  if (!isRecord(raw)) {
    problems.add(path, `must be an object with id, options, price and availability, got ${describe(raw)}`);
    return null;
  }
  const id = readId(raw.id, at(path, 'id'), problems);

  const options: Record<string, string> = {};
  const optionsPath = at(path, 'options');
  if (raw.options === undefined || raw.options === null) {
    if (ctx.options.length > 0) problems.add(optionsPath, 'is required when the product has options');
  } else if (!isRecord(raw.options)) {
    problems.add(optionsPath, `must be an object of option names to values, got ${describe(raw.options)}`);
  } else {
    for (const [name, value] of Object.entries(raw.options)) {
      const valuePath = at(optionsPath, name);
      const option = ctx.options.find((o) => o.name === name);
      if (!option) {
        const known = ctx.options.map((o) => o.name).join(', ') || 'none';
        problems.add(valuePath, `"${name}" is not one of the product's options (${known})`);
      } else if (typeof value !== 'string' || !option.values.includes(value)) {
        problems.add(
          valuePath,
          `${describe(value)} is not one of the values of option "${name}" (${option.values.join(', ')})`,
        );
      } else {
        options[name] = value;
      }
    }
  }

  let price: Money | null;
  if (raw.price === undefined || raw.price === null) {
    price = ctx.price;
    problems.add(at(path, 'price'), price ? 'is required; used the product price' : 'is required');
  } else {
    price = checkMoney(raw.price, at(path, 'price'), problems, { nonNegative: true });
  }
  if (price && ctx.currency && price.currency !== ctx.currency) {
    problems.add(
      at(at(path, 'price'), 'currency'),
      `must be "${ctx.currency}" like the product price, got ${describe(price.currency)}`,
    );
    price = null;
  }
  const compareAt = checkCompareAt(raw.compareAt, price, at(path, 'compareAt'), problems);

  let availability = checkAvailability(raw.availability, at(path, 'availability'), problems);
  if (availability === undefined) {
    availability = ctx.availability ?? 'in_stock';
    if (raw.availability === undefined || raw.availability === null) {
      problems.add(at(path, 'availability'), `is required; used "${availability}"`);
    }
  }

  let media: number[] | undefined;
  if (raw.media !== undefined && raw.media !== null) {
    media = [];
    optionalArray(raw.media, at(path, 'media'), problems).forEach((index, i) => {
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= ctx.mediaCount) {
        const range = ctx.mediaCount > 0 ? `0–${ctx.mediaCount - 1}` : 'the product has no media';
        problems.add(
          at(at(path, 'media'), i),
          `must be an index into media (${range}), got ${describe(index)}`,
        );
        return;
      }
      // Items dropped from media were reported there; their indexes are dropped quietly.
      const mapped = ctx.media.get(index);
      if (mapped !== undefined && !media!.includes(mapped)) media!.push(mapped);
    });
  }

  if (id === null || price === null) return null;
  const variant: Variant = { id, options, price, availability };
  assign(variant, 'sku', optionalText(raw.sku, at(path, 'sku'), problems));
  assign(variant, 'gtin', optionalGtin(raw.gtin, at(path, 'gtin'), problems));
  assign(variant, 'compareAt', compareAt);
  assign(variant, 'media', media);
  return variant;
}

function checkRating(input: unknown, problems: Problems): Rating | undefined {
  if (input === undefined || input === null) return undefined;
  if (!isRecord(input)) {
    problems.add('rating', `must be an object with average and count, got ${describe(input)}`);
    return undefined;
  }
  const { average, count } = input;
  let ok = true;
  if (typeof average !== 'number' || !Number.isFinite(average) || average < 0 || average > 5) {
    problems.add('rating.average', `must be a number from 0 to 5, got ${describe(average)}`);
    ok = false;
  }
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    problems.add('rating.count', `must be a whole number of at least 0, got ${describe(count)}`);
    ok = false;
  }
  return ok ? { average: average as number, count: count as number } : undefined;
}

/** Does the work of {@link validateProduct}; paths are relative to the product. */
export function checkProduct(input: unknown, problems: Problems): Product | null {
  if (!isRecord(input)) {
    problems.add('', `must be a product object, got ${describe(input)}`);
    return null;
  }
  const id = readId(input.id, 'id', problems);
  const title = requiredText(input.title, 'title', problems, LIMITS.title);

  let category: string[] = [];
  if (input.category !== undefined && input.category !== null) {
    category = optionalStrings(input.category, 'category', problems) ?? [];
  }

  const media: MediaItem[] = [];
  const mediaMap = new Map<number, number>();
  const rawMedia = optionalArray(input.media, 'media', problems);
  rawMedia.forEach((raw, i) => {
    const fallback = title === null ? undefined : `${title} image ${i + 1}`;
    const item = checkMediaItem(raw, at('media', i), problems, fallback);
    if (item) {
      mediaMap.set(i, media.length);
      media.push(item);
    }
  });

  const options = checkOptions(input.options, problems);

  let price: Money | null = null;
  if (input.price !== undefined && input.price !== null) {
    price = checkMoney(input.price, 'price', problems, { nonNegative: true });
  }
  const availability = checkAvailability(input.availability, 'availability', problems);

  // The product's currency: its own price's, else the first variant's that reads cleanly.
  const rawVariants =
    input.variants === undefined || input.variants === null
      ? null
      : optionalArray(input.variants, 'variants', problems);
  let currency = price?.currency ?? null;
  if (currency === null) {
    for (const raw of rawVariants ?? []) {
      const money = isRecord(raw) ? checkMoney(raw.price, '', new Problems()) : null;
      if (money) {
        currency = money.currency;
        break;
      }
    }
  }

  const ctx: VariantContext = {
    currency,
    price,
    availability,
    options,
    media: mediaMap,
    mediaCount: rawMedia.length,
  };
  const variants: Variant[] = [];
  const seen = new Map<string, number>();
  (rawVariants ?? []).forEach((raw, i) => {
    const path = at('variants', i);
    const variant = checkVariant(raw, path, problems, ctx);
    if (!variant) return;
    const first = seen.get(variant.id);
    if (first !== undefined) {
      problems.add(at(path, 'id'), `"${variant.id}" is already used by variants[${first}]`);
      return;
    }
    seen.set(variant.id, i);
    variants.push(variant);
  });

  // The model's price is the lowest variant price; derive it when it was not given.
  if (price === null && variants.length > 0) {
    const lowest = variants.reduce((a, b) => (b.price.amount < a.price.amount ? b : a));
    price = { ...lowest.price };
  } else if (price === null && (input.price === undefined || input.price === null)) {
    problems.add('price', 'is required (or give variants with prices)');
  }

  let productAvailability = availability ?? bestAvailability(variants.map((v) => v.availability));
  if (productAvailability === undefined) {
    productAvailability = 'in_stock';
    if (input.availability === undefined || input.availability === null) {
      problems.add('availability', 'is required; assumed "in_stock"');
    }
  }

  const compareAt = checkCompareAt(input.compareAt, price, 'compareAt', problems);

  if (variants.length === 0 && price !== null && id !== null) {
    problems.add(
      'variants',
      rawVariants === null
        ? 'is required; made one variant from the product price'
        : 'has no usable variant; made one from the product price',
    );
    const variant: Variant = { id, options: {}, price, availability: productAvailability };
    assign(variant, 'compareAt', compareAt);
    variants.push(variant);
  }

  const sku = optionalText(input.sku, 'sku', problems);
  const gtin = optionalGtin(input.gtin, 'gtin', problems);
  const url = optionalUrl(input.url, 'url', problems);
  const brand = optionalText(input.brand, 'brand', problems);
  const description = optionalText(input.description, 'description', problems, LIMITS.description);
  const rating = checkRating(input.rating, problems);
  const releaseDate = optionalDate(input.releaseDate, 'releaseDate', problems);

  if (id === null || title === null || price === null) return null;
  const product: Product = {
    id,
    title,
    category,
    price,
    availability: productAvailability,
    options,
    variants,
    media,
  };
  assign(product, 'sku', sku);
  assign(product, 'gtin', gtin);
  assign(product, 'url', url);
  assign(product, 'brand', brand);
  assign(product, 'description', description);
  assign(product, 'compareAt', compareAt);
  assign(product, 'rating', rating);
  assign(product, 'releaseDate', releaseDate);
  return product;
}

/**
 * Validates a {@link Product} in Vitrine's model. Returns every problem with its path
 * (`media[2].url`) and the product repaired where it can be (bad media, options or variants are
 * dropped; a product without variants gets one made from its price; a missing alt becomes
 * "<title> image n"), or `value: null` when there is no usable id, title or price. Never throws.
 */
export function validateProduct(input: unknown): Result<Product> {
  return guard(() => {
    const problems = new Problems();
    const value = checkProduct(input, problems);
    return { value, problems: problems.list };
  });
}
