import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Version of a stored draft; a draft of another version is ignored (the shopper retypes). */
export const DRAFT_VERSION = 1;
const STORE = 'drafts';

/**
 * What `<vt-checkout>` keeps while the shopper types: every field except payment data, where the
 * shopper is, and the idempotency key of an order being placed (so a retry after a crash cannot
 * create a second order).
 */
export interface CheckoutDraft {
  version: number;
  /** Field path (`contact.email`, `shipping.line1`…) → value. Never payment fields. */
  values: Record<string, string>;
  /** Collapsed fields the shopper opened (`shipping.line2`). */
  opened: string[];
  /** Sections completed, in order. */
  done: string[];
  country: string;
  deliveryId?: string;
  paymentMethod?: string;
  billingSame: boolean;
  idempotencyKey?: string;
  updatedAt: number;
}

interface DraftDB extends DBSchema {
  [STORE]: { key: string; value: CheckoutDraft };
}

/** Paths that are never stored, whatever a payment method names its inputs. */
const PRIVATE = /^(payment\.|cc-|card)/i;

/** Removes payment data from a draft's values. */
export function withoutPayment(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !PRIVATE.test(k)));
}

/** Reads a stored draft; null when absent, of another version or malformed. */
export function readDraft(value: unknown): CheckoutDraft | null {
  const d = value as Partial<CheckoutDraft> | null;
  if (typeof d !== 'object' || d === null || d.version !== DRAFT_VERSION) return null;
  if (typeof d.values !== 'object' || d.values === null || typeof d.country !== 'string') return null;
  const strings = (a: unknown): string[] => (Array.isArray(a) ? a.filter((x) => typeof x === 'string') : []);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.values)) if (typeof v === 'string') values[k] = v;
  return {
    version: DRAFT_VERSION,
    values: withoutPayment(values),
    opened: strings(d.opened),
    done: strings(d.done),
    country: d.country,
    ...(typeof d.deliveryId === 'string' && { deliveryId: d.deliveryId }),
    ...(typeof d.paymentMethod === 'string' && { paymentMethod: d.paymentMethod }),
    billingSame: d.billingSame !== false,
    ...(typeof d.idempotencyKey === 'string' && { idempotencyKey: d.idempotencyKey }),
    updatedAt: typeof d.updatedAt === 'number' ? d.updatedAt : 0,
  };
}

/**
 * Checkout drafts in IndexedDB (database `vitrine-checkout` unless named), one record per
 * checkout name. When IndexedDB is unavailable (private mode in some browsers, a blocked
 * database) the drafts live in memory for the page and one warning says so; nothing throws.
 */
export class DraftStore {
  private _db: Promise<IDBPDatabase<DraftDB>> | null = null;
  private readonly _memory = new Map<string, CheckoutDraft>();
  private _warned = false;

  constructor(private readonly _name = 'vitrine-checkout') {}

  private _open(): Promise<IDBPDatabase<DraftDB>> {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('indexedDB is not defined'));
    this._db ??= openDB<DraftDB>(this._name, 1, {
      upgrade(db) {
        db.createObjectStore(STORE);
      },
      blocking: (_c, _b, event) => {
        (event.target as IDBDatabase).close();
        this._db = null;
      },
      terminated: () => {
        this._db = null;
      },
    });
    return this._db;
  }

  private _fallback(error: unknown): void {
    this._db = null;
    if (this._warned) return;
    this._warned = true;
    console.warn(
      `[vitrine] <vt-checkout>: the checkout draft is kept in memory only (IndexedDB failed: ${
        error instanceof Error ? error.message : String(error)
      }); a reload will not restore it.`,
    );
  }

  /** The saved draft, or null. */
  async load(key: string): Promise<CheckoutDraft | null> {
    try {
      return readDraft(await (await this._open()).get(STORE, key));
    } catch (error) {
      this._fallback(error);
      return this._memory.get(key) ?? null;
    }
  }

  /** Saves a draft (payment values stripped). */
  async save(key: string, draft: CheckoutDraft): Promise<void> {
    const clean = { ...draft, values: withoutPayment(draft.values) };
    this._memory.set(key, clean);
    try {
      await (await this._open()).put(STORE, clean, key);
    } catch (error) {
      this._fallback(error);
    }
  }

  /** Deletes a draft (after the order is placed). */
  async clear(key: string): Promise<void> {
    this._memory.delete(key);
    try {
      await (await this._open()).delete(STORE, key);
    } catch (error) {
      this._fallback(error);
    }
  }
}
