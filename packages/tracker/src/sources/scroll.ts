import type { Source } from '../types.js';

interface Running {
  /** Deepest point seen on this page, fraction 0..1. */
  depth: number;
  /**
   * Emits the page's `scroll` event now (if deeper than the last one sent); with `next`, then
   * starts a new page.
   */
  end(next?: boolean): void;
}

/** The running scroll sources (one per tracker), newest last. */
const running: Running[] = [];

/**
 * How far down the current page the visitor has seen so far: the deepest viewport bottom, as a
 * fraction 0..1 of the page height (0 when no tracker runs). For the paths source, which reports
 * it when the visitor leaves a page.
 */
export function currentMaxDepth(): number {
  return running.at(-1)?.depth ?? 0;
}

/**
 * Ends the current page's scroll depth: emits its `scroll` event and measures anew. Call it when
 * a single-page app replaces the page, before the URL changes, so the event names the page that
 * was scrolled.
 */
export function scrollPageChanged(): void {
  for (const source of running) source.end(true);
}

function pageHeight(): number {
  return Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0);
}

/**
 * Scroll depth per page: the deepest point the bottom of the viewport reached, as a fraction of
 * the page height, measured at most once per animation frame from a passive listener. One
 * `scroll` event `{maxDepth, pageHeight}` is emitted when the page is hidden or left, and when the
 * source stops — again after the page comes back only if the visitor then scrolled deeper.
 */
export const scroll: Source = (context) => {
  let frame = 0;
  let sent = -1;
  const self: Running = {
    depth: 0,
    end(next) {
      cancelAnimationFrame(frame);
      measure();
      const maxDepth = Math.round(self.depth * 10_000) / 10_000;
      if (maxDepth !== sent) {
        sent = maxDepth;
        context.emit('scroll', { maxDepth, pageHeight: Math.round(pageHeight()) });
      }
      if (next) {
        self.depth = 0;
        sent = -1;
        onScroll();
      }
    },
  };

  function measure(): void {
    frame = 0;
    const height = pageHeight();
    if (!(height > 0)) return;
    const depth = Math.min(1, Math.max(0, (scrollY + innerHeight) / height));
    if (depth > self.depth) self.depth = depth;
  }
  function onScroll(): void {
    frame ||= requestAnimationFrame(measure);
  }
  /** `pagehide`, and `visibilitychange` to hidden. */
  function onHide(event: Event): void {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') self.end();
  }

  running.push(self);
  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('resize', onScroll, { passive: true });
  addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  // What is seen without scrolling counts too.
  onScroll();
  return () => {
    removeEventListener('scroll', onScroll);
    removeEventListener('resize', onScroll);
    removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
    self.end();
    running.splice(running.indexOf(self), 1);
  };
};
