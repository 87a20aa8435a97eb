import type { ClickData } from '@vitrine/schema';
import { describeTarget, isInteractive } from '../element-key.js';
import type { Source } from '../types.js';

/** At least `count` clicks within `ms` and `px` of each other make a rage click. */
const RAGE = { count: 3, ms: 1000, px: 30 } as const;
/** A click on something not made to be clicked, after which nothing changes for this long, is dead. */
const DEAD_MS = 1000;

/** Fraction 0..1 of `size`, rounded to 4 places; the middle for an element without a box. */
function fraction(offset: number, size: number): number {
  if (!(size > 0)) return 0.5;
  return Math.round(Math.min(1, Math.max(0, offset / size)) * 10_000) / 10_000;
}

/** Whether anything on the event's path is made to be clicked, so the click is not a dead-click candidate. */
function mayRespond(path: readonly EventTarget[]): boolean {
  for (const node of path) {
    if (!(node instanceof Element)) continue;
    if (isInteractive(node) || node.hasAttribute('tabindex') || node.hasAttribute('onclick')) return true;
    if (
      (node as HTMLElement).onclick ||
      ((node.localName === 'video' || node.localName === 'audio') && node.hasAttribute('controls'))
    )
      return true;
  }
  return false;
}

/**
 * Heatmap clicks: one `click` event per click with the clicked element's stable key, the offset
 * inside it as fractions, page coordinates, and `rage` / `dead` flags.
 *
 * - Only clicks made with a pointer are counted: programmatic `el.click()` calls, keyboard
 *   activations (no position) and the second click a `<label>` forwards to its control are not.
 * - A click on a private element (password, payment card, `[data-vt-private]`, see `isPrivate`)
 *   is dropped entirely: no event, no key, no position. Its surroundings are not keyed in its place,
 *   so nothing tells where inside a private area the shopper clicked.
 * - Rage: the 3rd and later of clicks within 1 s and 30 px of each other carry `rage: true`.
 * - Dead: a click where nothing on the path is made to be clicked (link, button, form control,
 *   label, summary, interactive role, `tabindex`, `onclick`) is held for 1 s; when nothing
 *   happens meanwhile — no DOM change in the document or in the shadow roots it went through,
 *   no scroll, focus change, navigation or hiding — it is sent with `dead: true`, else at the
 *   first change, as a plain click. Changes anywhere count (an unrelated ticking countdown
 *   hides dead clicks), so dead clicks are a lower bound. Every other click is emitted at once.
 *
 * Per click: one `composedPath()`, a walk up the tree and one `getBoundingClientRect()`.
 */
export const clicks: Source = (context) => {
  const recent: { t: number; x: number; y: number }[] = [];
  const held = new Map<ReturnType<typeof setTimeout>, ClickData>();
  let observer: MutationObserver | null = null;
  let inTask = false;

  /** Something changed: the held clicks did something after all. */
  const release = (): void => {
    for (const [timer, data] of held) {
      clearTimeout(timer);
      context.emit('click', data);
    }
    held.clear();
    unwatch();
  };
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') release();
  };
  const MUTATIONS: MutationObserverInit = { subtree: true, childList: true, attributes: true };

  function watch(path: readonly EventTarget[]): void {
    if (!observer) {
      observer = new MutationObserver(release);
      observer.observe(document, MUTATIONS);
      // Scroll does not bubble; capturing on document also sees scrolling boxes.
      document.addEventListener('scroll', release, { capture: true, passive: true });
      document.addEventListener('focusin', release, true);
      document.addEventListener('focusout', release, true);
      document.addEventListener('visibilitychange', onHidden);
      addEventListener('hashchange', release);
      addEventListener('popstate', release);
      addEventListener('pagehide', release);
    }
    // A document observer does not see into shadow roots: observe those the click went through.
    for (const node of path) if (node instanceof ShadowRoot) observer.observe(node, MUTATIONS);
  }

  function unwatch(): void {
    if (!observer) return;
    observer.disconnect();
    observer = null;
    document.removeEventListener('scroll', release, { capture: true });
    document.removeEventListener('focusin', release, true);
    document.removeEventListener('focusout', release, true);
    document.removeEventListener('visibilitychange', onHidden);
    removeEventListener('hashchange', release);
    removeEventListener('popstate', release);
    removeEventListener('pagehide', release);
  }

  const onClick = (event: MouseEvent): void => {
    // `detail` 0: keyboard activation or a forwarded click, with no pointer position.
    if (!event.isTrusted || event.detail === 0 || inTask) return;
    // A label's click on its control comes in the same task as the shopper's click.
    inTask = true;
    setTimeout(() => (inTask = false), 0);

    const path = event.composedPath();
    const target = path.find((node): node is Element => node instanceof Element);
    if (!target || context.isPrivate(target)) return;
    const described = describeTarget(event);
    if (!described || context.isPrivate(described.element)) return;
    const box = described.element.getBoundingClientRect();
    const data: ClickData = {
      elementKey: described.elementKey,
      ...(described.component ? { component: described.component } : {}),
      ...(described.productId ? { productId: described.productId } : {}),
      ...(described.sku ? { sku: described.sku } : {}),
      offsetX: fraction(event.clientX - box.left, box.width),
      offsetY: fraction(event.clientY - box.top, box.height),
      pageX: Math.max(0, Math.round(event.pageX)),
      pageY: Math.max(0, Math.round(event.pageY)),
    };

    const t = event.timeStamp;
    while (recent.length && (t - recent[0]!.t > RAGE.ms || recent.length >= 16)) recent.shift();
    recent.push({ t, x: event.clientX, y: event.clientY });
    const near = recent.filter((c) => Math.hypot(c.x - event.clientX, c.y - event.clientY) <= RAGE.px);
    if (near.length >= RAGE.count) data.rage = true;

    if (mayRespond(path)) {
      context.emit('click', data);
      return;
    }
    const timer = setTimeout(() => {
      held.delete(timer);
      if (!held.size) unwatch();
      context.emit('click', { ...data, dead: true });
    }, DEAD_MS);
    held.set(timer, data);
    watch(path);
  };

  document.addEventListener('click', onClick, { capture: true, passive: true });
  return () => {
    document.removeEventListener('click', onClick, { capture: true });
    // Stopped before the verdict: sent as plain clicks, never wrongly as dead.
    release();
  };
};
