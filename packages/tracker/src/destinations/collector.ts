import { WIRE_SCHEMA, type WireBatch, type WireEvent } from '@vitrine/schema';
import type { Destination } from '../types.js';

const MAX_BYTES = 64 * 1024;

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface Part {
  body: Uint8Array<ArrayBuffer> | string;
  gzipped: boolean;
  events: WireEvent[];
}

/**
 * The Vitrine collector (`POST endpoint` of a `vitrine.event/1` batch, gzip when the browser can):
 * acknowledged when every part answers 2xx. Parts stay ≤ `maxBytes` (64 KiB, the keepalive and
 * beacon limit): a batch that is larger compressed is split in halves until it fits; one event
 * that cannot fit alone is dropped with a warning (counted as acknowledged so it cannot block the
 * queue). At page hide (`final`) one part goes with `fetch(…, {keepalive: true})`, or
 * `navigator.sendBeacon` (plain JSON: a beacon cannot set `content-encoding`) when keepalive is
 * refused; neither can be confirmed, so the events stay queued and the collector drops the
 * duplicates of a later resend by id.
 */
export function collectorDestination(options: {
  endpoint: string;
  siteKey?: string;
  maxBytes?: number;
}): Destination {
  const maxBytes = options.maxBytes ?? MAX_BYTES;

  async function pack(events: WireEvent[]): Promise<Part[]> {
    const batch: WireBatch = { schema: WIRE_SCHEMA, sentAt: Date.now(), events };
    const json = JSON.stringify(batch);
    const zipped = await gzip(json);
    const body = zipped ?? json;
    const size = typeof body === 'string' ? new TextEncoder().encode(body).length : body.length;
    if (size <= maxBytes) return [{ body, gzipped: zipped !== null, events }];
    if (events.length === 1) {
      console.warn(
        `vitrine tracker: event ${events[0]!.id} (${events[0]!.type}) is over ${maxBytes} bytes; dropped`,
      );
      return [];
    }
    const half = Math.ceil(events.length / 2);
    return [...(await pack(events.slice(0, half))), ...(await pack(events.slice(half)))];
  }

  const headers = (gzipped: boolean): Record<string, string> => ({
    'content-type': 'application/json',
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    ...(options.siteKey ? { 'x-vitrine-site': options.siteKey } : {}),
  });

  return {
    name: 'vitrine',
    async send(events, { final }) {
      const parts = await pack(events);
      if (final) {
        const part = parts[0];
        if (!part) return true;
        try {
          await fetch(options.endpoint, {
            method: 'POST',
            body: part.body,
            headers: headers(part.gzipped),
            keepalive: true,
          });
        } catch {
          const json = JSON.stringify({ schema: WIRE_SCHEMA, sentAt: Date.now(), events: part.events });
          navigator.sendBeacon?.(options.endpoint, new Blob([json], { type: 'application/json' }));
        }
        return false;
      }
      let ok = true;
      for (const part of parts) {
        const response = await fetch(options.endpoint, {
          method: 'POST',
          body: part.body,
          headers: headers(part.gzipped),
        });
        ok &&= response.ok;
        if (!response.ok) break;
      }
      return ok;
    },
  };
}
