/**
 * What the drop-in adds to the Start Bootstrap "Shop Item" page: our tags, one theme `<style>`
 * holding only `--vt-*` custom properties and rules for our own tags, and ONE
 * `<script type="module">`. Everything is an insertion at a named place of the template's
 * markup; no character of the template is changed or removed, which the test checks by taking
 * the insertions out again and comparing with the original file.
 */

/** One piece of markup added to the page, with the place it went (for the README and tests). */
export interface Insertion {
  /** Where it went, in words. */
  where: string;
  /** The exact markup inserted. */
  html: string;
}

export interface Injected {
  html: string;
  insertions: Insertion[];
}

/**
 * The template's look mapped onto our tokens: Bootstrap 5.2's own custom properties (defined on
 * `:root` by the template's css/styles.css) feed ours, so a change to their theme follows. Our
 * elements render in shadow roots; these declarations set only `--vt-*` properties, which no
 * template rule reads, plus the display and spacing of our own tags.
 */
export const THEME_CSS = `
  :root {
    --vt-font-family: var(--bs-body-font-family);
    --vt-color-text: var(--bs-body-color);
    --vt-color-text-muted: var(--bs-gray-700);
    --vt-color-surface: var(--bs-body-bg);
    --vt-color-surface-raised: var(--bs-light);
    --vt-color-border: var(--bs-border-color);
    --vt-color-accent: var(--bs-dark);
    --vt-color-on-accent: var(--bs-white);
    /* The template shows a sale price in the body colour next to the struck-through one. */
    --vt-color-sale: var(--bs-body-color);
    --vt-color-danger: var(--bs-danger);
    --vt-color-success: var(--bs-success);
    --vt-radius: var(--bs-border-radius);
  }
  vt-gallery, vt-reviews { display: block; margin-block-start: 1.5rem; }
  vt-price { display: block; font-size: 1.25rem; margin-block: 1.5rem 0.5rem; }
  vt-search { flex: 0 1 16rem; margin-inline-end: 0.75rem; }
  vt-cart-count { margin-inline-start: 0.5rem; }
`;

/**
 * The one script. It hands the page's product to our tags first (the adapter reads title, price,
 * SKU and description from the template's markup, adds photos and reviews from a small local
 * JSON bundled with it), then loads the all-in-one bundle, which defines the tags: an element
 * never renders without its data, so none reports a missing product. The search bundle is a
 * second import of the same script; the two share their common chunk.
 */
export const SCRIPT = `
  import { enhance } from '/dropin/adapter.js';
  enhance(document, { currency: 'USD' });
  await Promise.all([import('/vitrine/vitrine.js'), import('/vitrine/vitrine-search.js')]);
`;

/** Index just after the first occurrence of `anchor` at or after `from`; throws if absent. */
function after(html: string, anchor: string, from = 0): number {
  const at = html.indexOf(anchor, from);
  if (at < 0)
    throw new Error(
      `drop-in: the template has no "${anchor}" (another version of startbootstrap-shop-item?)`,
    );
  return at + anchor.length;
}

/** Index of the only occurrence of `anchor`; throws if absent or repeated. */
function unique(html: string, anchor: string): number {
  const at = html.indexOf(anchor);
  if (at < 0 || html.indexOf(anchor, at + 1) >= 0)
    throw new Error(
      `drop-in: the template has ${at < 0 ? 'no' : 'more than one'} "${anchor}" (another version of startbootstrap-shop-item?)`,
    );
  return at;
}

/**
 * Adds our tags, theme and script to the template's `index.html`. Throws with a sentence when a
 * place it needs is missing, rather than silently producing a page without our elements.
 */
export function inject(template: string): Injected {
  const places: { at: number; insertion: Insertion }[] = [];
  const add = (at: number, where: string, html: string) => places.push({ at, insertion: { where, html } });

  add(
    unique(template, '</head>'),
    'end of <head>',
    `<style id="vitrine-theme">${THEME_CSS}</style>\n<script type="module">${SCRIPT}</script>\n`,
  );
  // Navbar: the search box before the cart form, the cart badge after the template's Cart button.
  add(
    unique(template, '<form class="d-flex">'),
    'navbar, before the cart form',
    '<vt-search label="Search products" popular="Fancy product, Sale item"></vt-search>\n',
  );
  const badge = unique(template, '<span class="badge bg-dark text-white ms-1 rounded-pill">0</span>');
  add(
    after(template, '</button>', badge),
    'navbar, after the Cart button',
    '\n<vt-cart-count></vt-cart-count>',
  );
  // Product section: the gallery after the template's image.
  const image = unique(template, '<img class="card-img-top mb-5 mb-md-0"');
  add(after(template, '/>', image), 'product image column, after the image', '\n<vt-gallery></vt-gallery>');
  // Price and button after the template's quantity-and-button row: the end of the text column.
  const quantity = unique(template, 'id="inputQuantity"');
  const buttonRowEnd = after(template, '</div>', after(template, '</button>', quantity));
  add(
    buttonRowEnd,
    'product text column, after the quantity and button row',
    '\n<vt-price></vt-price>\n<vt-add-to-cart></vt-add-to-cart>',
  );
  // Reviews at the end of the product section's container, under the image and text columns.
  const section = unique(template, '<!-- Product section-->');
  const sectionEnd = after(template, '</section>', section) - '</section>'.length;
  const containerEnd = template.lastIndexOf('</div>', sectionEnd);
  add(containerEnd, 'product section, under both columns', '<vt-reviews></vt-reviews>\n');

  places.sort((a, b) => b.at - a.at);
  let html = template;
  for (const { at, insertion } of places) html = html.slice(0, at) + insertion.html + html.slice(at);
  return { html, insertions: places.reverse().map((p) => p.insertion) };
}
