import type { ReplayData } from '@vitrine/schema';
// The recorder alone (`@rrweb/record`, from rrweb's own repository): the `rrweb` package bundles
// the replayer too and does not tree-shake, which would nearly triple this chunk.
import { record } from '@rrweb/record';
import type { EventType, IncrementalSource, eventWithTime } from '@rrweb/types';
import { DEV_MODE } from '../dev-mode.js';
import { scrubUrl } from '../privacy.js';
import type { SourceContext } from '../types.js';

/** rrweb's event and source numbers (its enums are types only here, so no enum code is bundled). */
const FULL_SNAPSHOT = 2 as EventType.FullSnapshot;
const INCREMENTAL = 3 as EventType.IncrementalSnapshot;
const META = 4 as EventType.Meta;
const MUTATION = 0 as IncrementalSource.Mutation;
const INPUT = 5 as IncrementalSource.Input;

type FullSnapshotEvent = Extract<eventWithTime, { type: EventType.FullSnapshot }>;
type IncrementalEvent = Extract<eventWithTime, { type: EventType.IncrementalSnapshot }>;
type MutationData = Extract<IncrementalEvent['data'], { source: IncrementalSource.Mutation }>;
/** A node as rrweb serialises it (`rrweb` does not export the type by name). */
type SerializedNode = FullSnapshotEvent['data']['node'];
type SerializedElement = Extract<SerializedNode, { tagName: string }>;

/** Longest `payload` of a `replay` event (wire.schema.json `replayData`). */
export const MAX_PAYLOAD = 90_000;

/**
 * Elements rrweb replaces by an empty box of the same size, its content and events never read:
 * `[data-vt-private]`, passwords and payment-card fields, one-time codes
 * (https://html.spec.whatwg.org/#autofill-field). `privacy.ts` `isPrivate` is the full rule
 * (names, ids, slots, across shadow roots); events are checked against it as well, because
 * `closest()` stops at a shadow root and rrweb misses what a blocked host's shadow root gains later.
 */
export const BLOCK_SELECTOR = [
  '[data-vt-private]',
  'input[type="password" i]',
  '[autocomplete*="cc-" i]',
  '[autocomplete*="password" i]',
  '[autocomplete*="one-time-code" i]',
].join(',');

/** sessionStorage key of the next chunk number: chunks keep counting across the pages of a tab. */
const CHUNK_KEY = 'vitrine-tracker:replay-chunk';

/** Settings of {@link startRecorder}; the defaults suit production, tests shorten the times. */
export interface RecorderOptions {
  /** A new full snapshot after this many milliseconds (on the next event). Default 60 000. */
  checkoutEveryNms?: number;
  /** Events are packed into a chunk this often. Default 10 000 ms. */
  flushMs?: number;
  /** …or as soon as this many events are waiting. Default 200. */
  maxEvents?: number;
  /** `false` packs plain JSON even where `CompressionStream` exists. Default true. */
  gzip?: boolean;
}

/** A running recording. */
export interface Recorder {
  /**
   * Packs the waiting events into `replay` events. `sync` (the page is being left): now, as
   * `rrweb/json`, together with any chunk still being compressed, because gzip is asynchronous
   * and would finish after the tracker's last write.
   */
  flush(sync?: boolean): void;
  /** Stops recording and packs the rest; resolves once every chunk has been emitted. */
  stop(): Promise<void>;
}

interface Batch {
  events: string[];
  done: boolean;
}

/**
 * Records the page with rrweb for session replay: every input masked, private elements replaced
 * by empty boxes, open shadow roots and their adopted stylesheets (Lit's styles) included, a full
 * snapshot every minute. Events are packed every 10 s, every 200 events and when the page is
 * hidden, as gzip + base64 (`rrweb/json` without `CompressionStream`), split to fit the wire.
 * Read them back with `decodeReplay`.
 */
export function startRecorder(context: SourceContext, options: RecorderOptions = {}): Recorder {
  const maxEvents = options.maxEvents ?? 200;
  const gzip = options.gzip !== false && typeof CompressionStream === 'function';
  let buffer: string[] = [];
  const queue: Batch[] = [];
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  const emitBatch = (batch: Batch, parts: string[], encoding: ReplayData['encoding']): void => {
    batch.done = true;
    queue.splice(queue.indexOf(batch), 1);
    for (const payload of parts) context.emit('replay', { chunk: nextChunk(), encoding, payload });
  };

  const flush = (sync = false): void => {
    if (buffer.length) {
      const batch: Batch = { events: buffer, done: false };
      buffer = [];
      queue.push(batch);
      if (gzip && !sync) {
        // Compression starts now; chunks are emitted in order, each after the ones before it.
        const packed = packGzip(batch.events).catch(() => null);
        chain = chain.then(async () => {
          const parts = await packed;
          if (batch.done) return;
          if (parts) emitBatch(batch, parts, 'rrweb/gzip+base64');
          else emitBatch(batch, packJson(batch.events), 'rrweb/json');
        });
      }
    }
    if (sync || !gzip) {
      for (const batch of [...queue]) emitBatch(batch, packJson(batch.events), 'rrweb/json');
    }
  };

  const scrub = scrubber(context);
  const stopRecording = record({
    emit(event) {
      if (stopped) return;
      const clean = scrub(event);
      if (!clean) return;
      buffer.push(JSON.stringify(clean));
      if (buffer.length >= maxEvents) flush();
    },
    checkoutEveryNms: options.checkoutEveryNms ?? 60_000,
    // Input values are personal (names, addresses, search terms): each is recorded as `*`s.
    // `maskAllInputs` overrides `maskInputOptions`, which would add nothing (password is in both).
    maskAllInputs: true,
    blockSelector: BLOCK_SELECTOR,
    // Only the final value of a field (on `change`): what is typed is masked anyway.
    sampling: { input: 'last' },
    // Stylesheets inline, so the replay does not depend on the shop's CSS URLs still existing.
    inlineStylesheet: true,
    // Canvas pixels could show anything (a signature pad, a 3D model): heavy and not masked.
    recordCanvas: false,
    // Other origins (payment iframes) are never recorded; they must not be asked to send events.
    recordCrossOriginIframes: false,
    collectFonts: false,
    inlineImages: false,
    // Scripts, comments and head metadata do not show in a replay.
    slimDOMOptions: 'all',
    // The recorder must never break the shop: rrweb's own errors are swallowed (logged in dev).
    errorHandler(error) {
      if (DEV_MODE) console.warn('vitrine tracker: replay recorder error', error);
      return true;
    },
  });

  const flushMs = options.flushMs ?? 10_000;
  const timer = setInterval(() => flush(), flushMs);

  return {
    flush,
    stop() {
      if (!stopped) {
        stopRecording?.();
        stopped = true;
        clearInterval(timer);
        flush();
      }
      return chain;
    },
  };
}

/** The next chunk number: counted per tab (sessionStorage), in memory where storage is blocked. */
let memoryChunk = 0;
function nextChunk(): number {
  try {
    const stored = Number(sessionStorage.getItem(CHUNK_KEY));
    const chunk = Math.max(memoryChunk, Number.isSafeInteger(stored) && stored > 0 ? stored : 0);
    sessionStorage.setItem(CHUNK_KEY, String(chunk + 1));
    memoryChunk = chunk + 1;
    return chunk;
  } catch {
    return memoryChunk++;
  }
}

/** `events` (JSON texts) as one JSON array, or several when longer than the wire allows. */
function packJson(events: string[]): string[] {
  const parts: string[] = [];
  let group: string[] = [];
  let length = 2;
  for (const event of events) {
    if (group.length && length + event.length + 1 > MAX_PAYLOAD) {
      parts.push(...slices(`[${group.join(',')}]`));
      group = [];
      length = 2;
    }
    group.push(event);
    length += event.length + 1;
  }
  if (group.length) parts.push(...slices(`[${group.join(',')}]`));
  return parts;
}

/**
 * `events` gzipped and base64-encoded; halved until each part fits, and a single event too large
 * even then (a big page's full snapshot) cut into consecutive pieces that `decodeReplay` joins.
 */
async function packGzip(events: string[]): Promise<string[]> {
  const payload = toBase64(await gzipText(`[${events.join(',')}]`));
  if (payload.length <= MAX_PAYLOAD) return [payload];
  if (events.length === 1) return slices(payload);
  const half = Math.ceil(events.length / 2);
  return [...(await packGzip(events.slice(0, half))), ...(await packGzip(events.slice(half)))];
}

/** `text` in pieces of at most {@link MAX_PAYLOAD} UTF-16 units, never splitting a surrogate pair. */
function slices(text: string): string[] {
  const out: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + MAX_PAYLOAD);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Base64 of `bytes`, converted 32 KB at a time: one `fromCharCode` call per byte would overflow the stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * A filter run on every rrweb event before it is kept, against the tracker's own privacy rule:
 * a private element in a snapshot or among added nodes becomes an empty box of its size (its
 * children dropped), a private text node an empty one; text, attribute and input changes of private nodes are dropped; the page URL loses
 * its secrets. rrweb's `blockSelector` alone misses content slotted into a private part, cards
 * named by `name`/`id`, and nodes later added to the shadow root of a blocked host (its
 * `closest()` check stops at the shadow root).
 */
function scrubber(context: SourceContext): (event: eventWithTime) => eventWithTime | null {
  const { mirror } = record;
  /** Unknown ids count as private: better a hole in the replay than a leak. */
  const isPrivate = (id: number): boolean => {
    const node = mirror.getNode(id);
    return !node || context.isPrivate(node);
  };
  const placeholder = (node: SerializedElement): SerializedElement => {
    if (node.attributes['rr_width'] !== undefined) return node;
    const el = mirror.getNode(node.id);
    const box = el instanceof Element ? el.getBoundingClientRect() : { width: 0, height: 0 };
    const { isShadowHost: _host, ...rest } = node;
    return {
      ...rest,
      attributes: {
        ...(typeof node.attributes['class'] === 'string' ? { class: node.attributes['class'] } : {}),
        rr_width: `${box.width}px`,
        rr_height: `${box.height}px`,
      },
      childNodes: [],
    };
  };
  /** A private node kept in its place (so sibling ids still resolve) but emptied. */
  const emptied = (node: SerializedNode): SerializedNode | null => {
    if ('tagName' in node) return placeholder(node);
    if ('textContent' in node) return { ...node, textContent: '' };
    return null;
  };
  const tree = (node: SerializedNode): SerializedNode | null => {
    if (isPrivate(node.id)) return emptied(node);
    if (!('childNodes' in node)) return node;
    let changed = false;
    const childNodes: SerializedNode[] = [];
    for (const child of node.childNodes) {
      const clean = tree(child);
      if (clean !== child) changed = true;
      if (clean) childNodes.push(clean);
    }
    return changed ? { ...node, childNodes } : node;
  };
  const mutation = (data: MutationData): MutationData => ({
    ...data,
    adds: data.adds.flatMap((add) => {
      if (!isPrivate(add.node.id)) return [add];
      const node = isPrivate(add.parentId) ? null : emptied(add.node);
      return node ? [{ ...add, node }] : [];
    }),
    texts: data.texts.filter((text) => !isPrivate(text.id)),
    attributes: data.attributes.filter((change) => !isPrivate(change.id)),
  });

  return (event) => {
    switch (event.type) {
      case META:
        return { ...event, data: { ...event.data, href: scrubUrl(event.data.href) } };
      case FULL_SNAPSHOT: {
        const node = tree(event.data.node);
        return node ? { ...event, data: { ...event.data, node } } : null;
      }
      case INCREMENTAL:
        if (event.data.source === MUTATION) {
          return { ...event, data: mutation(event.data) };
        }
        if (event.data.source === INPUT && isPrivate(event.data.id)) return null;
        return event;
      default:
        return event;
    }
  };
}
