import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney, formatNumber, type Locale, type Money, type Product } from '@vitrine/core';
import type { SourceHit } from '../../types.js';
import { highlight } from '../../highlight.js';
import { t } from './search-results.messages.js';

/** Formatted money, or an empty string for a malformed amount (a bad product must not break the grid). */
function money(value: Money | undefined, locale: Locale): string {
  if (!value) return '';
  try {
    return formatMoney(value, locale);
  } catch {
    return '';
  }
}

/** The image of a product card: the first picture, or a video/model poster. */
function cardImage(product: Product): { url: string; width: number; height: number } | null {
  for (const m of product.media ?? []) {
    const url = m.type === 'image' ? m.url : m.poster;
    if (url) return { url, width: m.width ?? 320, height: m.height ?? 320 };
  }
  return null;
}

/**
 * One result: image (space reserved by width/height and aspect-ratio), highlighted title linking
 * to the product, brand, price with compare-at, rating and stock. The link's click calls
 * `onSelect` (for `select_item`); the whole card is clickable through the link's `::after`.
 */
export function resultCard(
  hit: SourceHit,
  locale: Locale,
  onSelect: (hit: SourceHit) => void,
): TemplateResult {
  const p = hit.product;
  const image = cardImage(p);
  const price = money(p.price, locale);
  const compareAt = p.compareAt && p.compareAt.amount > p.price.amount ? money(p.compareAt, locale) : '';
  const rating = p.rating && p.rating.count > 0 ? p.rating : null;
  const stock = p.availability ?? 'in_stock';
  const title = highlight(String(p.title ?? ''), hit.highlights?.title);
  return html`<li part="card" class="card" data-id=${p.id}>
    <div class="media">
      ${
        image
          ? html`<img
              part="image"
              src=${image.url}
              alt=""
              width=${image.width}
              height=${image.height}
              style="aspect-ratio: ${image.width} / ${image.height}"
              loading="lazy"
              decoding="async"
            />`
          : nothing
      }
    </div>
    <h3 part="title" class="title">
      ${
        p.url
          ? html`<a part="link" href=${p.url} @click=${() => onSelect(hit)}>${title}</a>`
          : html`<span>${title}</span>`
      }
    </h3>
    ${p.brand ? html`<p part="brand" class="brand">${highlight(p.brand, hit.highlights?.brand)}</p>` : nothing}
    <p part="price" class="price">
      <span class=${compareAt ? 'now sale' : 'now'}>${price}</span>
      ${
        compareAt
          ? html`<s part="compare-at"
              ><span class="sr">${t(locale, 'searchResults.was')} </span>${compareAt}</s
            >`
          : nothing
      }
    </p>
    ${
      rating
        ? html`<p part="rating" class="rating">
            <span aria-hidden="true"
              >★ ${formatNumber(rating.average, locale)}
              <span class="muted">(${formatNumber(rating.count, locale)})</span></span
            ><span class="sr"
              >${t(locale, 'searchResults.rating', { rating: rating.average, count: rating.count })}</span
            >
          </p>`
        : nothing
    }
    <p part="stock" class="stock ${stock}">${t(locale, `searchResults.stock.${stock}`)}</p>
  </li>`;
}
