import { createTracker, type Tracker } from './tracker.js';
import type { ConsentMode } from './types.js';

declare global {
  interface Window {
    /** The tracker started by `@vitrine/tracker/auto`: call `vitrine.grant()` from a consent banner. */
    vitrineTracker?: Tracker;
  }
}

/**
 * One tag sets the tracker up from its data attributes:
 *
 * ```html
 * <script type="module" src="/vitrine/tracker.js" data-endpoint="/collect" data-site="shop-1"
 *   data-consent="required" data-sample="1" data-replay="0.05" data-moves data-debug></script>
 * ```
 *
 * The tracker is then `window.vitrineTracker` (grant, revoke, track, experiment). A second copy
 * of the script reuses the first tracker.
 */
function fromScript(): Tracker {
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find(
    (s) => s.src === import.meta.url,
  );
  const data = script?.dataset ?? {};
  const number = (value: string | undefined) =>
    value === undefined || value === '' ? undefined : Number(value);
  const consent = data['consent'];
  return createTracker({
    ...(data['endpoint'] ? { endpoint: new URL(data['endpoint'], location.href).href } : {}),
    ...(data['site'] ? { siteKey: data['site'] } : {}),
    ...(consent === 'granted' || consent === 'denied' || consent === 'required'
      ? { consent: consent satisfies ConsentMode }
      : {}),
    sample: { sessions: number(data['sample']), replay: number(data['replay']) },
    moves: data['moves'] !== undefined,
    vitals: data['vitals'] !== 'off',
    debug: data['debug'] !== undefined,
  });
}

window.vitrineTracker ??= fromScript();
