import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, type Locale } from '@vitrine/core';
import { t } from './search-results.messages.js';

/** The pages to offer around `page` of `pages`: first, last, two either side, gaps as null. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export interface PaginationProps {
  locale: Locale;
  page: number;
  pages: number;
  /** The URL of a page, for real links (open in a new tab, share); null renders buttons. */
  href: ((page: number) => string) | null;
  go(page: number): void;
}

/**
 * Page navigation: a `nav` landmark with previous, numbered pages (the current one
 * `aria-current="page"`) and next. Links when the state lives in the URL, so a page can be opened
 * in a new tab; a plain click stays in the element.
 */
export function pagination(props: PaginationProps): TemplateResult | typeof nothing {
  const { locale, page, pages } = props;
  if (pages <= 1) return nothing;
  const control = (target: number, label: TemplateResult | string, part: string, ariaLabel?: string) => {
    const current = target === page && part === 'page';
    const onClick = (e: MouseEvent) => {
      // Let the browser handle new-tab and new-window clicks.
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      props.go(target);
    };
    return props.href
      ? html`<a
          part=${part}
          href=${props.href(target)}
          aria-current=${current ? 'page' : nothing}
          aria-label=${ariaLabel ?? nothing}
          @click=${onClick}
          >${label}</a
        >`
      : html`<button
          type="button"
          part=${part}
          aria-current=${current ? 'page' : nothing}
          aria-label=${ariaLabel ?? nothing}
          @click=${onClick}
        >
          ${label}
        </button>`;
  };
  return html`<nav part="pagination" aria-label=${t(locale, 'searchResults.pages')}>
    <ul>
      ${
        page > 1
          ? html`<li>${control(page - 1, t(locale, 'searchResults.previous'), 'previous')}</li>`
          : nothing
      }
      ${pageWindow(page, pages).map((p) =>
        p === null
          ? html`<li aria-hidden="true" class="gap">…</li>`
          : html`<li>
              ${control(p, formatNumber(p, locale), 'page', t(locale, 'searchResults.page', { page: p }))}
            </li>`,
      )}
      ${page < pages ? html`<li>${control(page + 1, t(locale, 'searchResults.next'), 'next')}</li>` : nothing}
    </ul>
  </nav>`;
}
