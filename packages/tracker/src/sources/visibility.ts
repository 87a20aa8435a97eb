import { elementKeyOf, isComponent } from '../element-key.js';
import type { Source } from '../types.js';

interface Watched {
  key: string;
  /** Milliseconds counted and not yet reported. */
  ms: number;
  /** When the current visible stretch began (`performance.now()`), or null. */
  since: number | null;
  inView: boolean;
}

/**
 * How long each Vitrine component was seen: every `vt-*` element of the page (not those inside
 * components' shadow roots), including ones added later, is watched by an IntersectionObserver.
 * Time counts while the page is visible and at least half the component is in view — or, for a
 * component taller than two viewports, while it fills at least half the viewport height. When the
 * page is hidden or left and when the source stops, one `visibility` event per component seen
 * since the last report is emitted (`{elementKey, component, visibleMs}`), and counting starts
 * again from zero. Private components (`[data-vt-private]`) are not watched.
 */
export const visibility: Source = (context) => {
  const watched = new Map<Element, Watched>();
  let added: Node[] = [];
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pageVisible = (): boolean => document.visibilityState === 'visible';

  function pause(w: Watched, now: number): void {
    if (w.since !== null) w.ms += now - w.since;
    w.since = null;
  }

  const intersections = new IntersectionObserver(
    (entries) => {
      const now = performance.now();
      for (const entry of entries) {
        const w = watched.get(entry.target);
        if (!w) continue;
        const viewport = entry.rootBounds?.height || innerHeight;
        const inView =
          entry.isIntersecting &&
          (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewport / 2);
        if (inView === w.inView) continue;
        w.inView = inView;
        if (!inView) {
          pause(w, now);
          continue;
        }
        if (pageVisible()) w.since = now;
        // Attributes set after the element was found (a product id bound late) belong in the key.
        const described = elementKeyOf(entry.target);
        if (described) w.key = described.elementKey;
      }
    },
    // Callbacks at these ratios: 0.5 is "half visible"; the others catch elements taller than two viewports.
    { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
  );

  function watch(el: Element): void {
    if (!isComponent(el) || watched.has(el)) return;
    const described = elementKeyOf(el);
    if (!described) return;
    watched.set(el, { key: described.elementKey, ms: 0, since: null, inView: false });
    intersections.observe(el);
  }

  function scan(root: ParentNode): void {
    if (root instanceof Element) watch(root);
    // No selector matches a tag prefix; `*` once per added subtree is cheap enough.
    for (const el of root.querySelectorAll('*')) watch(el);
  }

  function processMutations(): void {
    timer = undefined;
    for (const node of added) if (node instanceof Element && node.isConnected) scan(node);
    added = [];
    if (!removed) return;
    removed = false;
    const now = performance.now();
    for (const [el, w] of watched) {
      if (el.isConnected) continue;
      pause(w, now);
      w.inView = false;
      intersections.unobserve(el);
    }
  }

  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) added.push(node);
      if (record.removedNodes.length) removed = true;
    }
    // Added elements are looked through at most every 250 ms.
    timer ??= setTimeout(processMutations, 250);
  });

  /** Emits what was counted, then counts again from zero. */
  function report(): void {
    const now = performance.now();
    for (const [el, w] of watched) {
      pause(w, now);
      const visibleMs = Math.round(w.ms);
      w.ms = 0;
      if (visibleMs > 0)
        context.emit('visibility', { elementKey: w.key, component: el.localName.slice(0, 64), visibleMs });
      if (!el.isConnected) watched.delete(el);
      else if (w.inView && pageVisible()) w.since = now;
    }
  }

  function onVisibility(): void {
    if (!pageVisible()) {
      report();
      return;
    }
    const now = performance.now();
    for (const w of watched.values()) if (w.inView) w.since = now;
  }

  scan(document);
  mutations.observe(document, { childList: true, subtree: true });
  document.addEventListener('visibilitychange', onVisibility);
  addEventListener('pagehide', report);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    removeEventListener('pagehide', report);
    clearTimeout(timer);
    mutations.disconnect();
    // Removals not yet looked at must stop counting before the last report.
    removed = true;
    added = [];
    processMutations();
    report();
    intersections.disconnect();
    watched.clear();
  };
};
