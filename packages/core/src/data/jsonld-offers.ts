import type { Availability, Money } from '../model/types.js';
import {
  type Problems,
  at,
  bestAvailability,
  describe,
  isCurrency,
  isRecord,
} from '../model/validate-shared.js';
import { availabilityFromJsonLd } from './jsonld-availability.js';
import { hasType, itemPath, listOf, numberOf, schemaTerm, textOf, type JsonLdDocuments } from './jsonld.js';
import { toMinorUnits } from './jsonld-price.js';

/** What one usable schema.org Offer says. */
export interface OfferFacts {
  price: Money;
  compareAt?: Money;
  availability?: Availability;
  sku?: string;
  path: string;
}

/** The cheapest usable offer and the best availability among offers in its currency. */
export interface OffersReading {
  best: OfferFacts | null;
  availability?: Availability;
  /** True when `offers` was present at all. */
  present: boolean;
}

/** `priceType` values that mean "the former / list price", shown struck through. */
const FORMER_PRICE = ['strikethroughprice', 'listprice', 'msrp', 'srp'];

function readCurrency(value: unknown, path: string, problems: Problems): string | null {
  if (value === undefined || value === null) {
    problems.add(path, 'is required (a three-letter ISO 4217 code such as "USD")');
    return null;
  }
  const text = textOf(value)?.trim() ?? '';
  const upper = text.toUpperCase();
  if (isCurrency(upper)) {
    if (upper !== text) problems.add(path, `must be uppercase, got ${describe(text)}; read it as "${upper}"`);
    return upper;
  }
  problems.add(path, `must be a three-letter ISO 4217 code such as "USD" or "CNY", got ${describe(value)}`);
  return null;
}

function readAvailability(value: unknown, path: string, problems: Problems): Availability | undefined {
  const availability = availabilityFromJsonLd(value);
  if (availability === null) {
    problems.add(
      path,
      `${describe(value)} is not a schema.org ItemAvailability such as "https://schema.org/InStock"`,
    );
    return undefined;
  }
  return availability;
}

function readPrice(value: unknown, currency: string, path: string, problems: Problems): Money | null {
  const reading = toMinorUnits(value, currency);
  if ('error' in reading) {
    problems.add(path, reading.error);
    return null;
  }
  if (reading.note) problems.add(path, reading.note);
  return { amount: reading.amount, currency };
}

function priceType(spec: Record<string, unknown>): string {
  return schemaTerm(textOf(spec.priceType) ?? '').toLowerCase();
}

/** A price per kilogram or per 100 ml is not the price of the item. */
function isUnitPrice(spec: Record<string, unknown>): boolean {
  if (spec.referenceQuantity === undefined) return false;
  const ref = spec.referenceQuantity;
  const quantity = isRecord(ref) ? numberOf(ref.value) : numberOf(ref);
  return (
    quantity !== 1 || (isRecord(ref) && textOf(ref.unitCode) !== undefined && textOf(ref.unitCode) !== 'C62')
  );
}

function readOffer(
  entry: Record<string, unknown>,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
): OfferFacts | null {
  const specsValue = entry.priceSpecification;
  const specs = listOf(specsValue, docs)
    .map((spec, i) => ({ spec, path: itemPath(at(path, 'priceSpecification'), specsValue, i) }))
    .filter((s): s is { spec: Record<string, unknown>; path: string } => isRecord(s.spec));
  const sale = specs.find((s) => !FORMER_PRICE.includes(priceType(s.spec)) && !isUnitPrice(s.spec));
  const former = specs.find((s) => FORMER_PRICE.includes(priceType(s.spec)));

  let priceValue: unknown;
  let pricePath: string;
  let currencyValue = entry.priceCurrency;
  let currencyPath = at(path, 'priceCurrency');
  if (entry.price !== undefined && entry.price !== null) {
    priceValue = entry.price;
    pricePath = at(path, 'price');
  } else if (sale && sale.spec.price !== undefined) {
    priceValue = sale.spec.price;
    pricePath = at(sale.path, 'price');
  } else {
    problems.add(at(path, 'price'), 'is required (or a priceSpecification with a price)');
    return null;
  }
  if ((currencyValue === undefined || currencyValue === null) && sale?.spec.priceCurrency !== undefined) {
    currencyValue = sale.spec.priceCurrency;
    currencyPath = at(sale.path, 'priceCurrency');
  }
  const currency = readCurrency(currencyValue, currencyPath, problems);
  if (currency === null) return null;
  const price = readPrice(priceValue, currency, pricePath, problems);
  if (price === null) return null;

  const facts: OfferFacts = { price, path };
  if (former && former.spec.price !== undefined) {
    const formerCurrency =
      former.spec.priceCurrency === undefined
        ? currency
        : readCurrency(former.spec.priceCurrency, at(former.path, 'priceCurrency'), problems);
    const compareAt = formerCurrency
      ? readPrice(former.spec.price, formerCurrency, at(former.path, 'price'), problems)
      : null;
    if (compareAt && compareAt.currency !== currency) {
      problems.add(
        at(former.path, 'priceCurrency'),
        `must be "${currency}" like the price, got ${describe(compareAt.currency)}; the former price was ignored`,
      );
    } else if (compareAt && compareAt.amount <= price.amount) {
      problems.add(
        at(former.path, 'price'),
        `a former (strikethrough) price must be higher than the price ${describe(textOf(priceValue) ?? priceValue)}; it was ignored`,
      );
    } else if (compareAt) {
      facts.compareAt = compareAt;
    }
  }
  const availability = readAvailability(entry.availability, at(path, 'availability'), problems);
  if (availability) facts.availability = availability;
  const sku = textOf(entry.sku)?.trim();
  if (sku) facts.sku = sku.slice(0, 500);
  return facts;
}

function readAggregate(
  entry: Record<string, unknown>,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
): OffersReading {
  const nested =
    entry.offers !== undefined ? readOffers(entry.offers, at(path, 'offers'), docs, problems) : null;
  const key = entry.lowPrice !== undefined ? 'lowPrice' : entry.price !== undefined ? 'price' : null;
  let best: OfferFacts | null = null;
  if (key === null) {
    if (nested?.best) best = { ...nested.best };
    else problems.add(at(path, 'lowPrice'), 'is required');
  } else if (entry.priceCurrency === undefined && nested?.best) {
    best = { ...nested.best };
  } else {
    const currency = readCurrency(entry.priceCurrency, at(path, 'priceCurrency'), problems);
    const price = currency === null ? null : readPrice(entry[key], currency, at(path, key), problems);
    if (price) best = { price, path };
  }
  let availability = readAvailability(entry.availability, at(path, 'availability'), problems);
  availability ??= nested?.availability;
  // "offerCount": 0 says there is nothing to buy right now.
  if (availability === undefined && numberOf(entry.offerCount) === 0) availability = 'out_of_stock';
  if (best) {
    delete best.availability;
    if (availability) best.availability = availability;
  }
  const reading: OffersReading = { best, present: true };
  if (availability) reading.availability = availability;
  return reading;
}

/**
 * Reads schema.org `offers`: an Offer, a list of Offers, or an AggregateOffer (`lowPrice`,
 * `offerCount`, nested `offers`). Prices come from `price`/`priceCurrency` or a
 * (Unit)PriceSpecification; one with `priceType` StrikethroughPrice or ListPrice is the former
 * price. Offers in another currency than the first usable one are reported and ignored.
 */
export function readOffers(
  value: unknown,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
): OffersReading {
  if (value === undefined || value === null) return { best: null, present: false };
  const usable: OfferFacts[] = [];
  const availabilities: Availability[] = [];
  listOf(value, docs).forEach((entry, i) => {
    const p = itemPath(path, value, i);
    if (!isRecord(entry)) {
      problems.add(p, `must be an Offer or AggregateOffer, got ${describe(entry)}`);
      return;
    }
    if (hasType(entry, 'AggregateOffer')) {
      const aggregate = readAggregate(entry, p, docs, problems);
      if (aggregate.best) usable.push(aggregate.best);
      return;
    }
    const facts = readOffer(entry, p, docs, problems);
    if (facts) usable.push(facts);
  });
  const first = usable[0];
  if (!first) return { best: null, present: true };
  let best = first;
  for (const facts of usable) {
    if (facts.price.currency !== first.price.currency) {
      problems.add(
        at(facts.path, 'priceCurrency'),
        `"${facts.price.currency}" differs from "${first.price.currency}" of ${first.path}; this offer was ignored`,
      );
      continue;
    }
    if (facts.availability) availabilities.push(facts.availability);
    if (facts.price.amount < best.price.amount) best = facts;
  }
  const reading: OffersReading = { best, present: true };
  const availability = bestAvailability(availabilities);
  if (availability) reading.availability = availability;
  return reading;
}
