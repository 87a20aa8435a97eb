import type { ClickData } from '@vitrine/schema';
import { elementKeyOf, isInteractive, offsetIn } from '../element-key.js';
import type { Source } from '../types.js';

/** Changes seen on `document` while clicks are held. */
const CAPTURED = ['scroll', 'focusin', 'focusout'];

/** Whether anything on the event's path is made to be clicked, so the click is not a dead-click candidate. */
function mayRespond(path: readonly EventTarget[]): boolean {
  return path.some(
    (node) =>
      node instanceof Element &&
      (isInteractive(node) ||
        node.hasAttribute('tabindex') ||
        node.hasAttribute('onclick') ||
        !!(node as HTMLElement).onclick ||
        (/^(video|audio)$/.test(node.localName) && node.hasAttribute('controls'))),
  );
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
  /** The control a counted click on a `<label>` forwards a click to, and when. */
  let forwarded: { control: EventTarget; at: number } | null = null;

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
      for (const type of CAPTURED) document.addEventListener(type, release, { capture: true, passive: true });
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
    for (const type of CAPTURED) document.removeEventListener(type, release, true);
    document.removeEventListener('visibilitychange', onHidden);
    removeEventListener('hashchange', release);
    removeEventListener('popstate', release);
    removeEventListener('pagehide', release);
  }

  const onClick = (event: MouseEvent): void => {
    // `detail` 0: keyboard activation or a forwarded click, with no pointer position.
    if (!event.isTrusted || event.detail === 0) return;
    const path = event.composedPath();
    // The click a `<label>` forwards to its control right after the shopper's (a flag reset by a
    // timer would not do: on a busy page the shopper's next click can come before the timer).
    const echo = forwarded && path[0] === forwarded.control && event.timeStamp - forwarded.at < 100;
    forwarded = null;
    if (echo) return;
    const label = path.find((node): node is HTMLLabelElement => node instanceof HTMLLabelElement);
    if (label?.control) forwarded = { control: label.control, at: event.timeStamp };

    const target = path.find((node): node is Element => node instanceof Element);
    if (!target || context.isPrivate(target)) return;
    // What it is about: the button, not its icon (see `elementKeyOf`).
    const described = elementKeyOf(target, { snap: true });
    if (!described || context.isPrivate(described.element)) return;
    const { element, ...about } = described;
    const data: ClickData = {
      // The key, and the component, product id and SKU when known.
      ...about,
      ...offsetIn(element, event),
      pageX: Math.max(0, Math.round(event.pageX)),
      pageY: Math.max(0, Math.round(event.pageY)),
    };

    // Rage: the 3rd and later of clicks within 1 s and 30 px of each other (the last 16 kept).
    const { timeStamp: t, clientX: x, clientY: y } = event;
    while (recent.length && (t - recent[0]!.t > 1000 || recent.length >= 16)) recent.shift();
    recent.push({ t, x, y });
    if (recent.filter((c) => Math.hypot(c.x - x, c.y - y) <= 30).length >= 3) data.rage = true;

    if (mayRespond(path)) {
      context.emit('click', data);
      return;
    }
    // Dead unless something changes within 1 s.
    const timer = setTimeout(() => {
      held.delete(timer);
      if (!held.size) unwatch();
      context.emit('click', { ...data, dead: true });
    }, 1000);
    held.set(timer, data);
    watch(path);
  };

  document.addEventListener('click', onClick, { capture: true, passive: true });
  return () => {
    document.removeEventListener('click', onClick, true);
    // Stopped before the verdict: sent as plain clicks, never wrongly as dead.
    release();
  };
};
