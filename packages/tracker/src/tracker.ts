import { WIRE_SCHEMA, type WireDataMap, type WireEvent, type WireEventType } from '@vitrine/schema';
import { DEV_MODE } from './dev-mode.js';
import { collectorDestination } from './destinations/collector.js';
import { deviceInfo } from './device.js';
import { createExperiments } from './experiments.js';
import { currentSession, fraction, newId, type Session } from './ids.js';
import { createOutbox, type TrackerOutbox } from './outbox.js';
import { isPrivate, scrubUrl } from './privacy.js';
import { createSender, type Sender } from './sender.js';
import { clicks } from './sources/clicks.js';
import { funnel, trackCustom } from './sources/funnel.js';
import { pages } from './sources/pages.js';
import { replay } from './sources/replay.js';
import { scroll } from './sources/scroll.js';
import { visibility } from './sources/visibility.js';
import type { ConsentMode, Destination, ResolvedOptions, Source, SourceContext } from './types.js';

/** Settings of {@link createTracker}. Every field is optional. */
export interface TrackerOptions {
  /** URL of a Vitrine collector (`POST` of `vitrine.event/1` batches); adds that destination. */
  endpoint?: string;
  /** Sent to the collector as `x-vitrine-site`, to tell shops apart. */
  siteKey?: string;
  /** Further destinations (PostHog, GA4, Segment, a custom function); all receive every event. */
  destinations?: Destination[];
  /** `required` (default): nothing is stored or sent before `grant()`. */
  consent?: ConsentMode;
  /** Treat `navigator.globalPrivacyControl` as `denied` until `grant()`. Default true. */
  respectGpc?: boolean;
  /** Fraction 0..1 of sessions tracked (default 1) and of those recorded for replay (default 0). */
  sample?: { sessions?: number; replay?: number };
  /** Sampled pointer movement for move heatmaps. Default false. */
  moves?: boolean;
  /** LCP, INP, CLS, FCP and TTFB with attribution. Default true. */
  vitals?: boolean;
  /** Log every event with its check to the console. Default false. */
  debug?: boolean;
  /** Minutes without events after which a new session starts. Default 30. */
  idleMinutes?: number;
  /** Milliseconds between sends while the page is visible. Default 5000. */
  flushMs?: number;
  /** Outbox caps per destination. Defaults 5000 events and 7 days. */
  maxEvents?: number;
  maxAgeDays?: number;
  /** IndexedDB database of the outbox and ids. Default `vitrine-tracker`. */
  dbName?: string;
}

/** A running tracker: consent, the shop's own events, experiments. */
export interface Tracker {
  /** The consent in force: `granted` while tracking. */
  readonly consent: ConsentMode;
  /** Resolves once the tracker has applied its consent (opened its outbox when granted). */
  readonly ready: Promise<void>;
  /** The shopper agreed: ids are created, tracking and sending start. */
  grant(): Promise<void>;
  /** The shopper withdrew: tracking stops, the outbox and the ids are deleted. */
  revoke(): Promise<void>;
  /** The shop's own event (`name`: `^[a-z][a-z0-9_]{0,39}$`, up to 25 flat properties). */
  track(name: string, props?: Record<string, string | number | boolean>): void;
  /**
   * The visitor's variant of experiment `key` (deterministic by visitor id, weighted); the
   * exposure is recorded once per session and the variant rides on later events. Without consent
   * it returns `variants[0]` and records nothing.
   */
  experiment(key: string, variants: readonly string[], weights?: readonly number[]): string;
  /** Sends what is queued now. */
  flush(): Promise<void>;
  /** Stops listening and sending (queued events stay for the next visit). */
  destroy(): Promise<void>;
}

/**
 * A source loaded on first use, in its own chunk: optional weight (pointer movement, web vitals
 * with web-vitals' attribution build) stays out of the core script.
 */
function lazy(load: () => Promise<Source>): Source {
  return (context) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    load().then(
      (source) => {
        if (!stopped) stop = source(context);
      },
      (error: unknown) => console.warn(`vitrine tracker: a source could not be loaded: ${String(error)}`),
    );
    return () => {
      stopped = true;
      stop?.();
    };
  };
}

/** An event emitted before the tracker knew its ids, with when and where it happened. */
interface Early {
  type: WireEventType;
  data: unknown;
  ts: number;
  page: WireEvent['page'];
}

/** The page part of the envelope, now. */
function pageNow(): WireEvent['page'] {
  return {
    url: scrubUrl(location.href),
    path: location.pathname || '/',
    ...(document.title ? { title: document.title.slice(0, 512) } : {}),
    ...(document.referrer ? { referrer: scrubUrl(document.referrer) } : {}),
  };
}

const META_VISITOR = 'visitor';
const META_SESSION = 'session';
const META_CONSENT = 'consent';

function resolve(options: TrackerOptions): ResolvedOptions {
  const unit = (value: number | undefined, fallback: number) =>
    typeof value === 'number' && value >= 0 && value <= 1 ? value : fallback;
  return {
    consent: options.consent ?? 'required',
    respectGpc: options.respectGpc ?? true,
    sampleSessions: unit(options.sample?.sessions, 1),
    sampleReplay: unit(options.sample?.replay, 0),
    moves: options.moves ?? false,
    vitals: options.vitals ?? true,
    debug: options.debug ?? false,
    idleMs: (options.idleMinutes ?? 30) * 60_000,
    flushMs: options.flushMs ?? 5000,
    maxEvents: options.maxEvents ?? 5000,
    maxAgeMs: (options.maxAgeDays ?? 7) * 86_400_000,
    dbName: options.dbName ?? 'vitrine-tracker',
  };
}

/** `navigator.globalPrivacyControl`, not yet in TypeScript's DOM types. */
function gpc(): boolean {
  return (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
}

/**
 * Starts the Vitrine tracker: heatmap clicks keyed by element, scroll and visibility, page views
 * and SPA routes, every `vt-*` component event as a funnel or custom event, web vitals,
 * experiments and (sampled) session replay — each event written to an IndexedDB outbox before it
 * is sent to every destination, and deleted only once acknowledged.
 *
 * Nothing is stored or sent before consent (`consent: 'required'`, the default) and nothing at
 * all under `denied` or Global Privacy Control. Input text, passwords, payment-card fields and
 * `[data-vt-private]` content never leave the page.
 */
export function createTracker(options: TrackerOptions = {}): Tracker {
  const settings = resolve(options);
  const destinations: Destination[] = [
    ...(options.endpoint
      ? [
          collectorDestination({
            endpoint: options.endpoint,
            siteKey: options.siteKey,
            onRejected: (events) => dropped({ rejected: events.length }),
          }),
        ]
      : []),
    ...(options.destinations ?? []),
  ];
  if (DEV_MODE && destinations.length === 0)
    console.warn('vitrine tracker: no destination (set `endpoint` or `destinations`): events stay queued');

  let consent: ConsentMode =
    settings.consent === 'granted' && settings.respectGpc && gpc() ? 'denied' : settings.consent;
  let outbox: TrackerOutbox | null = null;
  let sender: Sender | null = null;
  let visitorId = '';
  let session: Session | null = null;
  let sampled = false;
  let stops: (() => void)[] = [];
  let pending: WireEvent[] = [];
  /** Events emitted while the outbox opens (ids and sampling not known yet), with their time and page. */
  let early: Early[] | null = null;
  let writing: Promise<void> = Promise.resolve();
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  let hideSend = false;
  let starting: Promise<void> | null = null;

  /** The session now: the current one, or a new one after `idleMs` without events. */
  function liveSession(): Session {
    const now = Date.now();
    session = currentSession(session ?? undefined, now, settings.idleMs);
    return session;
  }

  const experiments = createExperiments({
    visitorId: () => visitorId,
    sessionId: () => (session ? liveSession().id : ''),
    emit: (type, data) => emit(type, data),
    // Kept with the session (in IndexedDB), so the next page of the session does not repeat them.
    exposed: {
      has: (seen) => liveSession().exposed?.includes(seen) ?? false,
      add: (seen) => {
        const live = liveSession();
        live.exposed = [...(live.exposed ?? []), seen];
      },
    },
  });

  function envelope(ts: number, page: WireEvent['page']): Omit<WireEvent, 'type' | 'data'> {
    const live = liveSession();
    live.lastActive = ts;
    const active = experiments.active();
    return {
      schema: WIRE_SCHEMA,
      id: newId(),
      ts,
      sessionId: live.id,
      visitorId,
      seq: live.seq++,
      page,
      ...(Object.keys(active).length ? { experiments: active } : {}),
      device: deviceInfo(),
    };
  }

  function emit<T extends WireEventType>(
    type: T,
    data: WireDataMap[T],
    ts = Date.now(),
    page = pageNow(),
  ): void {
    if (consent !== 'granted') return;
    // While starting (`early` is set until the ids and the sampling are known), events wait.
    if (early || !outbox) {
      // Bounded, in case opening the outbox never finishes.
      if (early && early.length < 1000) early.push({ type, data, ts, page });
      return;
    }
    if (!sampled) return;
    const event = { ...envelope(ts, page), type, data } as WireEvent;
    if (settings.debug) void import('./debug.js').then((m) => m.debugLog(event));
    pending.push(event);
    if (document.visibilityState === 'hidden') {
      // Emitted at (or after) page hide: queue it and hand it to a page-hide send in this task
      // (a microtask, so events emitted together go together); a closing page runs no later task.
      if (!hideSend) {
        hideSend = true;
        queueMicrotask(() => {
          hideSend = false;
          onHide();
          void sender?.flush(true);
        });
      }
      return;
    }
    // One IndexedDB transaction for everything emitted in this task (a click can emit several).
    writeTimer ??= setTimeout(persist, 0);
  }

  /**
   * Queues the pending events for every destination, with the session, in one transaction. The
   * outbox lists them for a page-hide send at once (synchronously); `writing` resolves once every
   * write so far has committed. IndexedDB runs transactions on the same stores in the order they
   * were created, so writes need no chaining.
   */
  function persist(): void {
    clearTimeout(writeTimer);
    writeTimer = undefined;
    const batch = pending;
    pending = [];
    if (!batch.length || !outbox) return;
    const write = outbox
      .write(
        destinations.map((d) => d.name),
        batch,
        session ? { [META_SESSION]: session } : undefined,
      )
      .catch((error: unknown) => {
        console.warn(`vitrine tracker: could not queue ${batch.length} events: ${String(error)}`);
      });
    writing = Promise.all([writing, write]).then(() => undefined);
  }

  const context: SourceContext = { emit, options: settings, isPrivate };

  async function start(): Promise<void> {
    // The main sources listen at once, so nothing the shopper does while the outbox opens is
    // missed; what they emit waits in `early` until the ids and the sampling are known.
    early = [];
    stops = [pages, clicks, scroll, visibility, funnel].map((source) => source(context));
    // Before the sender's own page-hide listeners: what is pending is queued before it sends.
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    outbox = await createOutbox({
      dbName: settings.dbName,
      maxEvents: settings.maxEvents,
      maxAgeMs: settings.maxAgeMs,
    });
    const [storedVisitor, storedSession] = await Promise.all([
      outbox.getMeta(META_VISITOR),
      outbox.getMeta(META_SESSION) as Promise<Session | undefined>,
    ]);
    // What the previous page left at its close (its last writes were aborted with it).
    const note = readNote();
    visitorId = typeof storedVisitor === 'string' ? storedVisitor : newId();
    const latest =
      note.session && storedSession?.id === note.session.id && note.session.seq > storedSession.seq
        ? note.session
        : storedSession;
    session = currentSession(latest, Date.now(), settings.idleMs);
    if (note.early) early.unshift(...note.early);
    // One transaction; later writes queue behind it, so nothing waits for it here.
    void outbox
      .write([], [], { [META_VISITOR]: visitorId, [META_SESSION]: session, [META_CONSENT]: 'granted' })
      .catch((error: unknown) => console.warn(`vitrine tracker: could not store the ids: ${String(error)}`));
    // Sampling by visitor keeps a sampled-out shopper out on every page of the visit.
    sampled = fraction(`sessions:${visitorId}`) < settings.sampleSessions;
    sender = createSender({
      outbox,
      destinations,
      flushMs: settings.flushMs,
      onDropped: (counts) => dropped(counts),
    });
    const waiting = early;
    early = null;
    if (!sampled || consent !== 'granted') {
      stopAll();
      return;
    }
    for (const { type, data, ts, page } of waiting ?? []) emit(type, data as never, ts, page);
    const sources: Source[] = [];
    if (settings.moves) sources.push(lazy(() => import('./sources/moves.js').then((m) => m.moves)));
    if (settings.vitals) sources.push(lazy(() => import('./sources/vitals.js').then((m) => m.vitals)));
    // Replay is sampled per session; its recorder (rrweb) is a chunk of its own.
    if (fraction(`replay:${session.id}`) < settings.sampleReplay) sources.push(replay);
    stops.push(...sources.map((source) => source(context)));
    sender.start();
  }

  /** The note a page leaves in localStorage at hide: events not yet enveloped, and the session. */
  const noteKey = `vitrine-tracker:note:${settings.dbName}`;

  /** Whether this page left a note: then it is the next page's to read, not this page's. */
  let noted = false;

  function readNote(): { early?: Early[]; session?: Session } {
    if (noted) return {};
    try {
      const text = localStorage.getItem(noteKey);
      localStorage.removeItem(noteKey);
      const note = text ? (JSON.parse(text) as { early?: unknown; session?: unknown }) : {};
      return {
        ...(Array.isArray(note.early) ? { early: note.early as Early[] } : {}),
        ...(note.session && typeof (note.session as Session).id === 'string'
          ? { session: note.session as Session }
          : {}),
      };
    } catch {
      return {};
    }
  }

  /**
   * At page hide (and `pagehide`): queues what is pending, and copies what is not committed yet
   * to localStorage, because a closing page aborts its IndexedDB writes; the sender then sends.
   * The copy holds the outbox rows (`spill`), and a note with the session (its sequence number
   * goes on on the next page) and any events emitted while the tracker was still starting.
   */
  function onHide(event?: Event): void {
    persist();
    if (event?.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
    outbox?.spill();
    if (!early?.length && !session) return;
    try {
      // Events of a tracker still starting go to the next page (and leave this one, so a start
      // that completes during the unload does not queue them a second time).
      const before = noted
        ? (JSON.parse(localStorage.getItem(noteKey) ?? '{}') as { early?: Early[] }).early
        : undefined;
      const carried = [...(before ?? []), ...(early ?? [])];
      localStorage.setItem(
        noteKey,
        JSON.stringify({ ...(carried.length ? { early: carried } : {}), ...(session ? { session } : {}) }),
      );
      noted = true;
      early?.splice(0);
    } catch {
      // Storage full or blocked: the keepalive send is the only chance for what is not queued.
    }
  }

  /** Events the outbox's caps or the collector dropped, reported (never lost silently). */
  function dropped(counts: { overflow?: number; expired?: number; rejected?: number }): void {
    trackCustom(context, 'vt_dropped', {
      overflow: counts.overflow ?? 0,
      expired: counts.expired ?? 0,
      rejected: counts.rejected ?? 0,
      persistent: outbox?.persistent ?? false,
    });
  }

  function stopAll(): void {
    for (const stop of stops.splice(0)) {
      try {
        stop();
      } catch (error) {
        console.warn(`vitrine tracker: a source failed to stop: ${String(error)}`);
      }
    }
    sender?.stop();
    removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  }

  const ready = (consent === 'granted' ? (starting = start()) : Promise.resolve()).catch((error: unknown) => {
    console.error(`vitrine tracker: could not start: ${String(error)}`);
  });

  return {
    get consent() {
      return consent;
    },
    ready,
    async grant() {
      if (consent === 'granted') return starting ?? undefined;
      consent = 'granted';
      starting = start();
      return starting;
    },
    async revoke() {
      consent = 'denied';
      await starting?.catch(() => undefined);
      starting = null;
      stopAll();
      pending = [];
      early = null;
      try {
        localStorage.removeItem(noteKey);
      } catch {
        // Blocked storage holds nothing of ours.
      }
      clearTimeout(writeTimer);
      writeTimer = undefined;
      await writing;
      await outbox?.clear();
      outbox?.close();
      outbox = null;
      sender = null;
      visitorId = '';
      session = null;
    },
    track(name, props) {
      trackCustom(context, name, props);
    },
    experiment(key, variants, weights) {
      if (consent !== 'granted' || !visitorId || !sampled) return variants[0] ?? '';
      return experiments.experiment(key, variants, weights);
    },
    async flush() {
      await starting;
      persist();
      await writing;
      await sender?.flush(false);
    },
    async destroy() {
      await starting?.catch(() => undefined);
      stopAll();
      persist();
      await writing;
      outbox?.close();
    },
  };
}
