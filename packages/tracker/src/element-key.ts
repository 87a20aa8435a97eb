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
 * Only tag names, ids, `part`, `data-vt-key` and the identity attributes are ever read for a
 * key: never text, input values, classes (they change with styling) or other attributes. Ids
 * that look generated (`:r1:`, long digit runs) are not used. Values are reduced to
 * `A-Z a-z 0-9 _ . : / + -` (others become `_`) and 64 chars; a key longer than 512 chars keeps
 * its start and end.
 *
 * @module
 */
// `privacy.ts` imports `parentOf` from here in turn: the two modules only call each other's
// functions, never while loading, so the cycle is harmless (and keeps them in one chunk).
import { isPrivate } from './privacy.js';

/**
 * An element named for a heatmap. Its fields besides `element` are copied into `click` events as
 * they are.
 */
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

/**
 * Identity attributes in key order (the name in the key is the attribute without `-id`), read on
 * Vitrine components, then as `data-*` on any element; a component's `code` is a coupon too.
 */
const IDENTITY = ['product-id', 'variant-id', 'sku', 'promotion-id', 'coupon'];

/**
 * The parent element, with a shadow root and the top of one leading to its host (null at the top
 * of the document). Every walk up the tree, here and in `privacy.ts`, goes through it.
 */
export function parentOf(node: Node): Element | null {
  const parent = node instanceof ShadowRoot ? node : node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : node.parentElement;
}

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
  return (
    /^(button|input|select|textarea|label|summary|option)$/.test(tag) ||
    ((tag === 'a' || tag === 'area') && el.hasAttribute('href')) ||
    /^(button|link|tab|menuitem(checkbox|radio)?|option|checkbox|radio|switch|slider|spinbutton|combobox|treeitem)$/.test(
      el.getAttribute('role')?.trim().toLowerCase() ?? '',
    ) ||
    // A missing `tabindex` reads as -1 (and an empty one as 0).
    Number(el.getAttribute('tabindex') ?? -1) >= 0 ||
    (el.getAttribute('contenteditable') ?? 'false') !== 'false'
  );
}

/** A value reduced to safe characters and 64 chars. */
function clean(value: string): string {
  return value
    .trim()
    .slice(0, 64)
    .replace(/[^\w.:/+-]/g, '_');
}

/** `#id`, unless the id looks generated or personal (4+ digits in a row): then empty. */
function idName(el: Element): string {
  return /^(?!.*\d{4})[A-Za-z][\w-]{0,63}$/.test(el.id) ? `#${el.id}` : '';
}

/** `[product=p1][sku=s1]` (or empty), and the product id and SKU, of `el` itself. */
function identityOf(el: Element): [suffix: string, product?: string, sku?: string] {
  const values: (string | undefined)[] = [];
  let suffix = '';
  if (el.attributes.length) {
    const component = isComponent(el);
    const read = (attribute: string) => el.getAttribute(attribute)?.trim();
    IDENTITY.forEach((attribute, i) => {
      const value =
        (component && (read(attribute) || (i === 4 && read('code')))) || read(`data-${attribute}`);
      values[i] = value;
      if (value) suffix += `[${attribute.replace('-id', '')}=${clean(value)}]`;
    });
  }
  return [suffix, values[0], values[2]];
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

/**
 * `[n]` when several elements of `el`'s tree (document, shadow root or detached subtree) match
 * `selector`, else empty.
 */
function indexIn(el: Element, selector: string): string {
  const all = (el.getRootNode() as ParentNode).querySelectorAll(selector);
  return all.length < 2 ? '' : `[${Array.prototype.indexOf.call(all, el) as number}]`;
}

/** How `el` is named uniquely within its tree (document or shadow root), if it can be. */
function uniqueName(el: Element, suffix: string): string {
  const vtKey = el.getAttribute('data-vt-key')?.trim();
  if (vtKey) return `key(${clean(vtKey)})` + (suffix || indexIn(el, `[data-vt-key="${CSS.escape(vtKey)}"]`));
  const part = el.getAttribute('part')?.trim().split(/\s+/)[0];
  if (part) return `part(${clean(part)})` + (suffix || indexIn(el, `[part~="${CSS.escape(part)}"]`));
  const id = idName(el);
  return id ? id + suffix : suffix && el.localName + suffix;
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

/** Builds the key of `el`, from the inside out; a key over 512 chars keeps its start and end. */
function keyOf(el: Element): string {
  let key = '';
  let sep = '';
  let x: Element | null = el;
  // 40 steps: more than any sensible page has; protects against pathological nesting.
  for (let steps = 0; x && steps < 40; steps++) {
    const tag = x.localName;
    const [suffix] = identityOf(x);
    let piece: string;
    let jump: boolean;
    if (isComponent(x)) {
      const id = idName(x);
      if (suffix || !insideComponent(x)) {
        // An anchor: the component (and what identifies it) is all a heatmap needs to know.
        key = tag + (suffix || id) + sep + key;
        break;
      }
      piece = tag + (id || nthOfType(x));
      jump = !!id;
    } else if (tag === 'body' || tag === 'html') {
      key = tag + sep + key;
      break;
    } else {
      piece = uniqueName(x, suffix);
      jump = !!piece;
      if (!jump) piece = tag + nthOfType(x);
    }
    key = piece + sep + key;
    // Unique in its tree: continue at the component holding it there, else at the tree's host.
    let next: Element | null = jump ? componentAbove(x) : x.parentElement;
    sep = '>';
    if (!next) {
      const root = x.getRootNode();
      next = root instanceof ShadowRoot ? root.host : null;
      if (next && !isComponent(next)) sep = ' >>> ';
    }
    x = next;
  }
  return key.length > 512 ? `${key.slice(0, 200)}…${key.slice(-311)}` : key;
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
    if (x.localName === 'body' || (isComponent(x) && identityOf(x)[0])) break;
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
      const [, product, sku] = identityOf(x);
      if (product) description.productId ||= product.slice(0, 128);
      if (sku) description.sku ||= sku.slice(0, 128);
    }
  }
  return description.elementKey ? description : null;
}

/**
 * Where a pointer `event` is inside `element`'s box, for heatmap clicks and moves: fractions 0..1
 * of its width and height, rounded to 4 places (the middle for an element without a box).
 */
export function offsetIn(element: Element, event: MouseEvent): { offsetX: number; offsetY: number } {
  const box = element.getBoundingClientRect();
  const fraction = (offset: number, size: number) =>
    size > 0 ? Math.round(Math.min(1, Math.max(0, offset / size)) * 10_000) / 10_000 : 0.5;
  return {
    offsetX: fraction(event.clientX - box.left, box.width),
    offsetY: fraction(event.clientY - box.top, box.height),
  };
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
