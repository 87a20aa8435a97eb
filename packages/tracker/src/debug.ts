import type { WireEvent } from '@vitrine/schema';

/** Debug mode: every event with the result of a quick check of the envelope. */
export function debugLog(event: WireEvent): void {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9_.:-]{8,64}$/.test(event.id)) problems.push('id');
  if (!Number.isInteger(event.ts)) problems.push('ts');
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(event.sessionId)) problems.push('sessionId');
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(event.visitorId)) problems.push('visitorId');
  if (!event.page.path.startsWith('/')) problems.push('page.path');
  console.info(`[vitrine] ${event.type}${problems.length ? ` ✗ ${problems.join(', ')}` : ' ✓'}`, event);
}
