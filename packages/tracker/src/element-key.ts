/**
 * Stable keys of elements for heatmaps: the same button gives the same key on every page view,
 * at every viewport width and after every re-render, so clicks on it can be added up.
 *
 * ## Key format
 *
 * A key is read from the outside in; `>` means "inside", ` >>> ` crosses into the shadow root
 * of an element that is not a Vitrine component.
 *
 * - A Vitrine component (`vt-*`) with an identity is an anchor, and nothing outside it is
 *   written: `vt-gallery[product=p0001]`, `vt-offers[product=p7][coupon=SAVE10]`. Identity comes
 *   from its `product-id`, `variant-id`, `sku`, `promotion-id`, `coupon` or `code` attributes and
 *   from `data-product-id`, `data-variant-id`, `data-sku`, `data-promotion-id` and `data-coupon`
 *   on any element (`part(result)[product=p3]` inside a search list).
 * - Inside, the element is named by what is unique in its tree: `key(…)` from a `data-vt-key`
 *   that a component puts on a meaningful part, else `part(…)` (its first part name), else
 *   `#id`; `[n]` (from 0) follows when several elements in that shadow root share the key or the
 *   part: `vt-gallery[product=p0001]>part(thumbnail)[2]`.
 * - Else a short `tag:nth-of-type(n)` path up to such an element, or to the component, or to
 *   `body`: `#buy>button:nth-of-type(2)`, `vt-cart-count>span`, `body>main>p:nth-of-type(3)`.
 *   `:nth-of-type` is written only when siblings share the tag.
 * - A component without identity is written as its tag (and `#id`): `vt-cart#mini>part(total)`;
 *   nested in another component it is placed inside that one.
 * - A third-party shadow host is written like any element, then ` >>> `:
 *   `#reviews-widget >>> part(star)[4]`.
 *
 * Only tag names, ids, `part`, `data-vt-key` and the identity attributes are ever read: never
 * text, input values, classes (they change with styling) or other attributes. Ids that look
 * generated (`:r1:`, long digit runs) are not used. Values are reduced to `A-Z a-z 0-9 _ . : / + -`
 * (others become `_`) and 64 chars; a key longer than 512 chars keeps its start and end.
 *
 * @module
 */
import { isPrivate } from './privacy.js';

/** An element named for a heatmap. */
export interface ElementDescription {
  /** The element the key names; offsets are fractions of its box. */
  element: Element;
  /** Its stable key (1–512 chars), see the module documentation. */
  elementKey: string;
  /** Tag of the innermost Vitrine component it is in (or is), e.g. `vt-gallery`. */
  component?: string;
  /** Product id in context: the nearest `product-id` of a component or `data-product-id`. */
  productId?: string;
  /** SKU in context: the nearest `sku` of a component or `data-sku`. */
  sku?: string;
}

const MAX_KEY = 512;
const MAX_VALUE = 64;
/** More steps than any sensible page has; protects against pathological nesting. */
const MAX_STEPS = 40;

/** Identity attributes of Vitrine components, in key order: attribute → name in the key. */
const COMPONENT_IDENTITY = [
  ['product-id', 'product'],
  ['variant-id', 'variant'],
  ['sku', 'sku'],
  ['promotion-id', 'promotion'],
  ['coupon', 'coupon'],
  ['code', 'coupon'],
] as const;

/** Identity attributes honoured on any element. */
const DATA_IDENTITY = [
  ['data-product-id', 'product'],
  ['data-variant-id', 'variant'],
  ['data-sku', 'sku'],
  ['data-promotion-id', 'promotion'],
  ['data-coupon', 'coupon'],
] as const;

const INTERACTIVE_TAGS = new Set(['button', 'input', 'select', 'textarea', 'label', 'summary', 'option']);
const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'spinbutton',
  'combobox',
  'treeitem',
]);

/** A Vitrine component, by its tag. */
export function isComponent(el: Element): boolean {
  return el.localName.startsWith('vt-');
}

/**
 * An element made to be clicked: a link, a form control, a label or summary, an element with
 * an interactive ARIA role, a `tabindex` of 0 or more, or `contenteditable`.
 */
export function isInteractive(el: Element): boolean {
  const tag = el.localName;
  if (INTERACTIVE_TAGS.has(tag)) return true;
  if ((tag === 'a' || tag === 'area') && el.hasAttribute('href')) return true;
  const role = el.getAttribute('role');
  if (role && INTERACTIVE_ROLES.has(role.trim().toLowerCase())) return true;
  const tabindex = el.getAttribute('tabindex');
  if (tabindex !== null && Number(tabindex) >= 0) return true;
  return el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false';
}

/** The parent element, with the top of a shadow root leading to its host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  return parent instanceof ShadowRoot ? parent.host : null;
}

/** A value reduced to safe characters and length. */
function clean(value: string): string {
  return value
    .trim()
    .slice(0, MAX_VALUE)
    .replace(/[^\w.:/+-]/g, '_');
}

/** The id, unless it looks generated or personal. */
function stableId(el: Element): string {
  const id = el.id;
  return /^[A-Za-z][\w-]{0,63}$/.test(id) && !/\d{4,}/.test(id) ? id : '';
}

interface Identity {
  /** `[product=p1][sku=s1]`, or empty. */
  suffix: string;
  product?: string;
  sku?: string;
}

function identityOf(el: Element): Identity {
  if (!el.attributes.length) return { suffix: '' };
  const seen = new Map<string, string>();
  const read = (list: typeof COMPONENT_IDENTITY | typeof DATA_IDENTITY) => {
    for (const [attribute, name] of list) {
      if (seen.has(name)) continue;
      const value = el.getAttribute(attribute)?.trim();
      if (value) seen.set(name, value);
    }
  };
  if (isComponent(el)) read(COMPONENT_IDENTITY);
  read(DATA_IDENTITY);
  if (!seen.size) return { suffix: '' };
  let suffix = '';
  for (const name of ['product', 'variant', 'sku', 'promotion', 'coupon']) {
    const value = seen.get(name);
    if (value) suffix += `[${name}=${clean(value)}]`;
  }
  return { suffix, product: seen.get('product'), sku: seen.get('sku') };
}

/** `:nth-of-type(n)` when siblings share the tag, else empty. */
function nthOfType(el: Element): string {
  // Sibling pointers, not `parent.children`: iterating a live collection is slower on long lists.
  const tag = el.localName;
  let index = 1;
  for (let x = el.previousElementSibling; x; x = x.previousElementSibling) if (x.localName === tag) index++;
  if (index > 1) return `:nth-of-type(${index})`;
  for (let x = el.nextElementSibling; x; x = x.nextElementSibling)
    if (x.localName === tag) return ':nth-of-type(1)';
  return '';
}

/** `[n]` when several elements of `el`'s tree match `selector`, else empty. */
function indexIn(el: Element, selector: string): string {
  const root = el.getRootNode() as ParentNode;
  if (!('querySelectorAll' in root)) return '';
  const all = root.querySelectorAll(selector);
  if (all.length < 2) return '';
  return `[${Array.prototype.indexOf.call(all, el) as number}]`;
}

/** How `el` is named uniquely within its tree (document or shadow root), if it can be. */
function uniqueName(el: Element, suffix: string): string {
  const vtKey = el.getAttribute('data-vt-key')?.trim();
  if (vtKey) return `key(${clean(vtKey)})${suffix || indexIn(el, `[data-vt-key="${CSS.escape(vtKey)}"]`)}`;
  const part = el.getAttribute('part')?.trim().split(/\s+/)[0];
  if (part) return `part(${clean(part)})${suffix || indexIn(el, `[part~="${CSS.escape(part)}"]`)}`;
  const id = stableId(el);
  if (id) return `#${id}${suffix}`;
  return suffix ? `${el.localName}${suffix}` : '';
}

/** Whether a Vitrine component holds `el` (crossing shadow roots). */
function insideComponent(el: Element): boolean {
  for (let x = parentOf(el); x; x = parentOf(x)) if (isComponent(x)) return true;
  return false;
}

/** The nearest Vitrine component above `el` in its own tree (not crossing a shadow root). */
function componentAbove(el: Element): Element | null {
  for (let x = el.parentElement; x; x = x.parentElement) if (isComponent(x)) return x;
  return null;
}

/** Builds the key of `el`, from the inside out. */
function keyOf(el: Element): string {
  let key = '';
  let sep = '';
  let x: Element | null = el;
  for (let steps = 0; x && steps < MAX_STEPS; steps++) {
    const { suffix } = identityOf(x);
    let piece: string;
    let jump = false;
    if (isComponent(x)) {
      const id = stableId(x);
      if (suffix || !insideComponent(x)) {
        // An anchor: the component (and what identifies it) is all a heatmap needs to know.
        key = `${x.localName}${suffix || (id ? `#${id}` : '')}${sep}${key}`;
        break;
      }
      piece = `${x.localName}${id ? `#${id}` : nthOfType(x)}`;
      jump = id !== '';
    } else if (x.localName === 'body' || x.localName === 'html') {
      key = `${x.localName}${sep}${key}`;
      break;
    } else {
      piece = uniqueName(x, suffix);
      jump = piece !== '';
      if (!jump) piece = `${x.localName}${nthOfType(x)}`;
    }
    key = `${piece}${sep}${key}`;
    // Unique in its tree: continue at the component holding it there, else at the tree's host.
    const next: Element | null = jump ? componentAbove(x) : x.parentElement;
    if (next) {
      x = next;
      sep = '>';
      continue;
    }
    const root = x.getRootNode();
    if (!(root instanceof ShadowRoot)) break;
    x = root.host;
    sep = isComponent(x) ? '>' : ' >>> ';
  }
  return key.length > MAX_KEY ? `${key.slice(0, 200)}…${key.slice(-(MAX_KEY - 201))}` : key;
}

/**
 * The element a click or hover on `el` is about: the nearest element with a `data-vt-key` or
 * made to be clicked (an icon inside a button is the button), not leaving a component with an
 * identity; else `el` itself.
 */
function meaningful(el: Element): Element {
  let x: Element | null = el;
  for (let i = 0; x && i < 12; i++) {
    if (x.hasAttribute('data-vt-key') || isInteractive(x)) return x;
    if (x.localName === 'body' || (isComponent(x) && identityOf(x).suffix)) break;
    x = parentOf(x);
  }
  return el;
}

/**
 * Describes `element` for a heatmap or a visibility count: its stable key (see the module
 * documentation), the Vitrine component it is in and the product and SKU in context. With
 * `snap`, an element inside something clickable is described as that (the button, not its icon).
 * Null for a private element ({@link isPrivate}): it is never described.
 */
export function elementKeyOf(element: Element, options: { snap?: boolean } = {}): ElementDescription | null {
  if (isPrivate(element)) return null;
  const keyed = options.snap ? meaningful(element) : element;
  const description: ElementDescription = { element: keyed, elementKey: keyOf(keyed) };
  for (let x: Element | null = keyed; x; x = parentOf(x)) {
    if (!description.component && isComponent(x)) description.component = x.localName.slice(0, 64);
    if (!description.productId || !description.sku) {
      const { product, sku } = identityOf(x);
      if (product && !description.productId) description.productId = product.slice(0, 128);
      if (sku && !description.sku) description.sku = sku.slice(0, 128);
    }
  }
  return description.elementKey ? description : null;
}

/**
 * Describes the element an event happened on, as {@link elementKeyOf} with `snap`. Uses
 * `event.composedPath()`, so the real target inside an open shadow root is found, not the host
 * the event was retargeted to; call it while the event is being dispatched. Null when the event
 * has no element target or the target is private.
 */
export function describeTarget(event: Event): ElementDescription | null {
  const target = event.composedPath().find((node): node is Element => node instanceof Element);
  return target ? elementKeyOf(target, { snap: true }) : null;
}
