import type { WireEvent } from '@vitrine/schema';
import type { Destination } from '../types.js';

/**
 * The shop's own destination: `send` receives each batch of wire events (oldest first) and
 * returns whether they were handled. `true` or nothing deletes them from the outbox; `false`, or
 * a throw, keeps them for a retry with backoff.
 */
export function customDestination(
  name: string,
  send: (events: WireEvent[], how: { final: boolean }) => boolean | void | Promise<boolean | void>,
): Destination {
  return {
    name,
    async send(events, how) {
      return (await send(events, how)) !== false;
    },
  };
}
