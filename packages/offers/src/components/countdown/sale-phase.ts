import type { SalePhase } from '@vitrine/schema';

/**
 * The phase of a sale at `now` (all epoch milliseconds, by the server clock), with the pricing
 * engine's bounds: a sale is live from `start` inclusive to `end` exclusive. A NaN `start` means
 * "already started", a NaN `end` "never ends".
 */
export function salePhase(now: number, start: number, end: number): SalePhase {
  if (!Number.isNaN(start) && now < start) return 'upcoming';
  if (!Number.isNaN(end) && now >= end) return 'ended';
  return 'live';
}
