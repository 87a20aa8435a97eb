import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Cart } from '../model/types.js';
import { readLine } from './cart-line.js';

/**
 * Version of the stored record. Bump it (and convert older records in {@link readCart}) when
 * the shape of `Cart` changes; the database version only changes when stores are added.
 */
export const CART_RECORD_VERSION = 1;

const DB_VERSION = 1;
const STORE = 'cart';
/** The whole cart is one record under this key: one put is atomic, no cross-record invariants. */
const KEY = 'current';

/** The stored record. */
export interface CartRecord {
  version: number;
  cart: Cart;
}

interface CartDB extends DBSchema {
  [STORE]: { key: string; value: CartRecord };
}

/**
 * Reads a stored record back into a cart, dropping anything unusable; `null` when there is none.
 *
 * @throws Error when a newer release of Vitrine wrote the record: this one must not overwrite
 *   what it cannot read, so the store keeps its cart in memory instead.
 */
export function readCart(record: unknown): Cart | null {
  if (typeof record !== 'object' || record === null) return null;
  const { version, cart } = record as Partial<CartRecord>;
  if (typeof version === 'number' && version > CART_RECORD_VERSION) {
    throw new Error(
      `the stored cart has record version ${version}, newer than the ${CART_RECORD_VERSION} this script reads`,
    );
  }
  if (version !== CART_RECORD_VERSION || typeof cart !== 'object' || cart === null) return null;
  const { currency, lines, codes, updatedAt } = cart as Partial<Record<keyof Cart, unknown>>;
  if (typeof currency !== 'string' || typeof updatedAt !== 'number') return null;
  return {
    currency,
    lines: (Array.isArray(lines) ? lines : []).map(readLine).filter((l) => l !== null),
    codes: (Array.isArray(codes) ? codes : []).filter((c): c is string => typeof c === 'string'),
    updatedAt,
  };
}

/** Turns whatever an IndexedDB call rejected with into a short reason for the console. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/[.\s]+$/, '');
}

/** One IndexedDB database holding the cart as a single record. */
export class CartStorage {
  private _db: Promise<IDBPDatabase<CartDB>> | null = null;

  constructor(private readonly _name: string) {}

  /** Opens the database (again, after another page closed it for an upgrade or a delete). */
  private _open(): Promise<IDBPDatabase<CartDB>> {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(new Error('indexedDB is not defined in this context'));
    }
    this._db ??= openDB<CartDB>(this._name, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore(STORE);
      },
      // Another page wants a newer version or to delete the database: let it, and open again
      // on the next read or write (https://developer.mozilla.org/docs/Web/API/IDBDatabase/versionchange_event).
      blocking: (_current, _blocked, event) => {
        (event.target as IDBDatabase).close();
        this._db = null;
      },
      terminated: () => {
        this._db = null;
      },
    });
    return this._db;
  }

  /** Resolves once the database is open; rejects with the reason it cannot be. */
  async open(): Promise<void> {
    try {
      await this._open();
    } catch (error) {
      this._db = null;
      throw error;
    }
  }

  /** The stored cart, or `null` when nothing (usable) is stored. */
  async read(): Promise<Cart | null> {
    const db = await this._open();
    return readCart(await db.get(STORE, KEY));
  }

  /**
   * Reads the stored cart, passes it to `mutate` and writes the cart it returns, all in one
   * readwrite transaction: IndexedDB runs overlapping readwrite transactions one after the
   * other, across tabs too, so a change another tab made meanwhile is never overwritten.
   * `mutate` runs synchronously inside the transaction; returning `write: null` writes nothing,
   * and throwing aborts the transaction and rejects with what it threw.
   * Resolves with `mutate`'s `value` once the transaction has committed.
   */
  async update<T>(mutate: (stored: Cart | null) => { write: Cart | null; value: T }): Promise<T> {
    const db = await this._open();
    const tx = db.transaction(STORE, 'readwrite');
    // Aborting below rejects `done` too; the error that matters is thrown instead.
    tx.done.catch(() => undefined);
    const stored = readCart(await tx.store.get(KEY));
    let outcome: { write: Cart | null; value: T };
    try {
      outcome = mutate(stored);
    } catch (error) {
      tx.abort();
      throw error;
    }
    const { write, value } = outcome;
    // A failed put aborts the transaction, so `done` rejects with the same error.
    if (write) tx.store.put({ version: CART_RECORD_VERSION, cart: write }, KEY).catch(() => undefined);
    await tx.done;
    return value;
  }

  /** Closes the connection; a running transaction still completes. */
  close(): void {
    const db = this._db;
    this._db = null;
    void db?.then((d) => d.close()).catch(() => undefined);
  }
}
