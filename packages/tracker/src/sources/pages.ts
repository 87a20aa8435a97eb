import type { PageviewData } from '@vitrine/schema';
import type { Source } from '../types.js';
import { currentMaxDepth, scrollPageChanged } from './scroll.js';

type NavigationType = NonNullable<PageviewData['navigationType']>;

/** Not yet in TypeScript's DOM types (https://wicg.github.io/nav-speculation/prerendering.html). */
type Prerendering = Document & { prerendering?: boolean };

/** How the document was reached, from Navigation Timing; `prerender` once a prerendered page is shown. */
function documentNavigationType(): NavigationType | undefined {
  const entry = performance.getEntriesByType('navigation')[0] as
    (PerformanceNavigationTiming & { activationStart?: number }) | undefined;
  if (!entry) return undefined;
  if ((entry.activationStart ?? 0) > 0) return 'prerender';
  const type = entry.type as string;
  return type === 'navigate' || type === 'reload' || type === 'back_forward' || type === 'prerender'
    ? type
    : undefined;
}

/**
 * What makes a page view: path and query, plus the fragment only for hash routers (`#/cart`,
 * `#!/cart`). A plain anchor (`#reviews`) is the same page.
 */
function routeOf(url: URL | Location): string {
  return url.pathname + url.search + (/^#!?\//.test(url.hash) ? url.hash : '');
}

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Page views and the paths between them. Emits `pageview` when it starts (`navigationType` from
 * Navigation Timing), on every single-page-app route change (`history.pushState`/`replaceState`
 * to another path or query, `popstate`, `hashchange` of a hash router; `navigationType: 'spa'`)
 * and when a page comes back from the back/forward cache (`back_forward`). The referrer and the
 * `utm_*` parameters travel in every event's `page` (`page.referrer`, `page.url`).
 *
 * When a page view ends — the page is hidden or closed, the route changes, the source stops — it
 * emits once `custom` `page_leave` `{ms, max_depth, path}`: milliseconds the page was visible,
 * the deepest scroll (0..1, from the scroll source) and the path that was left (on `popstate` the
 * event's own `page` already names the next one).
 */
export const pages: Source = (context) => {
  let live = true;
  let route = routeOf(location);
  /** The path of the current page view (set by `begin`). */
  let path = '';
  /** Visible milliseconds banked before the last time the page was hidden. */
  let visibleMs = 0;
  /** `performance.now()` when the page last became visible; null while hidden. */
  let visibleSince: number | null = null;
  let left = true;

  function begin(navigationType: NavigationType | undefined): void {
    route = routeOf(location);
    path = location.pathname || '/';
    visibleMs = 0;
    visibleSince = document.visibilityState === 'visible' ? performance.now() : null;
    left = false;
    context.emit('pageview', navigationType ? { navigationType } : {});
  }

  function leave(): void {
    if (left) return;
    left = true;
    if (visibleSince !== null) visibleMs += performance.now() - visibleSince;
    visibleSince = null;
    context.emit('custom', {
      name: 'page_leave',
      props: {
        ms: Math.round(visibleMs),
        max_depth: Math.round(currentMaxDepth() * 10_000) / 10_000,
        path: path.slice(0, 500),
      },
    });
  }

  /** The current page view is over: its leave, then its scroll depth, while the old URL still shows. */
  function end(): void {
    leave();
    scrollPageChanged();
  }

  /** After the URL changed without a pushState/replaceState we saw. */
  function onUrlChange(): void {
    if (!live || routeOf(location) === route) return;
    end();
    begin('spa');
  }

  function onVisibility(): void {
    if (document.visibilityState === 'hidden') leave();
    else if (!left) visibleSince ??= performance.now();
  }

  function onPageShow(event: PageTransitionEvent): void {
    // Restored from the back/forward cache: the same document, a new page view.
    if (event.persisted) begin('back_forward');
  }

  function patch(name: HistoryMethod): () => void {
    const native = history[name];
    const own = Object.prototype.hasOwnProperty.call(history, name);
    const wrapper: History[HistoryMethod] = function (this: History, data, unused, url) {
      let moving = false;
      if (live && url != null) {
        try {
          const next = new URL(url, location.href);
          moving = next.origin === location.origin && routeOf(next) !== route;
        } catch {
          // Let the browser throw its own error below.
        }
      }
      // The leave and the scroll depth go out while `location` still shows the page left.
      if (moving) end();
      native.call(this, data, unused, url);
      if (live && routeOf(location) !== route) {
        if (!moving) end();
        begin('spa');
      }
    };
    history[name] = wrapper;
    return () => {
      // Someone may have wrapped ours since: then ours stays in their chain, inert (`live` false).
      if (history[name] !== wrapper) return;
      // Back to the prototype's method, unless the page had put its own there before us.
      if (own) history[name] = native;
      else Reflect.deleteProperty(history, name);
    };
  }

  const unpatch = [patch('pushState'), patch('replaceState')];
  addEventListener('popstate', onUrlChange);
  addEventListener('hashchange', onUrlChange);
  addEventListener('pagehide', leave);
  addEventListener('pageshow', onPageShow);
  document.addEventListener('visibilitychange', onVisibility);

  const prerendering = (document as Prerendering).prerendering === true;
  const onActivated = () => begin('prerender');
  // A prerendered page is a page view only once the visitor actually navigates to it.
  if (prerendering) document.addEventListener('prerenderingchange', onActivated, { once: true });
  else begin(documentNavigationType());

  return () => {
    if (!live) return;
    leave();
    live = false;
    for (const restore of unpatch) restore();
    removeEventListener('popstate', onUrlChange);
    removeEventListener('hashchange', onUrlChange);
    removeEventListener('pagehide', leave);
    removeEventListener('pageshow', onPageShow);
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('prerenderingchange', onActivated);
  };
};
