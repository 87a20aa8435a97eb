import type { Money } from '@vitrine/core';

/**
 * Readers for the Start Bootstrap "Shop Item" markup: what the template already shows (title,
 * SKU, price, former price, description, quantity, related products) is taken from the page, so
 * the shop keeps one source of truth for it. Every reader returns `undefined` (never throws) when
 * the page has no such text; the adapter decides what is required.
 */

/**
 * Money from a displayed price such as "$40.00", "$1,299.00" or "¥1299": the first number in the
 * text, in minor units of `currency`. The currency is given, not guessed: "$" alone does not say
 * USD, CAD or AUD. Assumes "." as the decimal separator and "," for thousands, as the template
 * writes them.
 */
export function parsePrice(text: string | null | undefined, currency: string): Money | undefined {
  const match = /\d[\d,]*(?:\.\d+)?/.exec(text ?? '');
  if (!match) return undefined;
  const value = Number(match[0].replaceAll(',', ''));
  if (!Number.isFinite(value)) return undefined;
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return { amount: Math.round(value * 10 ** digits), currency };
}

/** Whitespace-collapsed text of the first element matching `selector`, or `undefined`. */
function text(root: ParentNode, selector: string): string | undefined {
  const value = root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return value || undefined;
}

/** What the template's product section says about its product. */
export interface PageProduct {
  title: string;
  sku?: string;
  description?: string;
  price: Money;
  compareAt?: Money;
}

/**
 * The product of the template's product section: `h1` title, "SKU: …" line, the struck-through
 * former price and the current price of `.fs-5`, and the `.lead` description.
 */
export function readPageProduct(root: ParentNode, currency: string): PageProduct | undefined {
  const section = root.querySelector('section:has(h1)') ?? root;
  const title = text(section, 'h1');
  const priceBox = section.querySelector('h1 ~ .fs-5');
  const spans = priceBox ? [...priceBox.querySelectorAll(':scope > span')] : [];
  const former = spans.find((s) => s.classList.contains('text-decoration-line-through'));
  const current = spans.find((s) => s !== former);
  const price = parsePrice(current?.textContent, currency);
  if (!title || !price) return undefined;
  const sku = /SKU:\s*(\S+)/.exec(text(section, 'h1 ~ .small, .small') ?? '')?.[1];
  const compareAt = parsePrice(former?.textContent, currency);
  const description = text(section, 'p.lead');
  return {
    title,
    price,
    ...(sku ? { sku } : {}),
    ...(compareAt && compareAt.amount > price.amount ? { compareAt } : {}),
    ...(description ? { description } : {}),
  };
}

/** A related product card: its name and the (lowest) price it shows. */
export interface PageCard {
  title: string;
  price: Money;
  compareAt?: Money;
}

/**
 * The "Related products" cards: `h5` name, struck-through former price, and the first price in
 * the card's text that is not the former one ("$40.00 - $80.00" reads as from $40.00).
 */
export function readPageCards(root: ParentNode, currency: string): PageCard[] {
  const cards: PageCard[] = [];
  for (const card of root.querySelectorAll('.card')) {
    const body = card.querySelector('.card-body');
    const title = body && text(body, 'h5');
    if (!body || !title) continue;
    const former = body.querySelector('.text-decoration-line-through');
    let shown = '';
    for (const node of body.querySelector('.text-center')?.childNodes ?? []) {
      if (node.nodeType === Node.TEXT_NODE) shown += node.textContent ?? '';
    }
    const price = parsePrice(shown, currency);
    if (!price) continue;
    const compareAt = parsePrice(former?.textContent, currency);
    cards.push({ title, price, ...(compareAt && compareAt.amount > price.amount ? { compareAt } : {}) });
  }
  return cards;
}

/** The template's quantity field as a whole number 1–999, or `undefined` when it holds anything else. */
export function readQuantity(input: HTMLInputElement | null): number | undefined {
  const value = Number(input?.value.trim());
  return Number.isInteger(value) && value >= 1 && value <= 999 ? value : undefined;
}
