/** A new event, visitor or session id: a UUID (36 chars, valid in the wire schema's id pattern). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http (not a secure context) have no randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  // 8-4-4-4-12 hex digits.
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/** A session: its id, when it was last active, and the next event's sequence number. */
export interface Session {
  id: string;
  lastActive: number;
  seq: number;
  /** Experiment exposures already reported in this session (`key\nvariant`). */
  exposed?: string[];
}

/**
 * The session to use at `now`: the stored one while it has been active within `idleMs`, else a
 * fresh one (a session rotates after 30 minutes idle by default).
 */
export function currentSession(stored: Session | undefined, now: number, idleMs: number): Session {
  if (
    stored &&
    typeof stored.id === 'string' &&
    now - stored.lastActive <= idleMs &&
    now >= stored.lastActive - 60_000
  )
    return stored;
  return { id: newId(), lastActive: now, seq: 0 };
}

/**
 * A fraction 0..1 from a string, stable across pages and visits: FNV-1a over its UTF-16 code
 * units (32 bits). With `mix`, murmur3's finaliser is applied first, so that strings differing
 * only in their last character still land far apart (experiment assignment).
 */
export function fraction(text: string, mix?: boolean): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  if (mix) {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}
