import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Money } from '@vitrine/pricing';
import type { Address, Contact } from '@vitrine/checkout/order';
import type { ShopLocale } from '../src/catalog-types.js';

/** What the shop keeps of an order (the `body` column). Payment tokens are not kept. */
export interface OrderRecord {
  locale: ShopLocale;
  /** The lines at the server's prices when the order was placed. */
  lines: { variantId: string; productId: string; quantity: number; price: Money; title: string }[];
  codes: string[];
  contact: Contact;
  shipping: Address;
  billing?: Address;
  delivery: { id: string; title: string; cost: Money };
  payment: { method: string; kind: 'card' | 'redirect' | 'payment_request' };
  price: { subtotal: Money; discounts: Money; shippingDiscount: Money; shipping: Money; total: Money };
  /** Ids of the promotions applied. */
  promotions: string[];
}

export type OrderStatus = 'paid' | 'pending';

/** An order as stored. */
export interface StoredOrder {
  id: string;
  idempotencyKey: string;
  /** SHA-256 of the canonical request, to tell a retry from a different order with the same key. */
  requestHash: string;
  status: OrderStatus;
  currency: string;
  /** Minor units. */
  total: number;
  body: OrderRecord;
  /** ISO date. */
  createdAt: string;
}

/** What {@link OrderStore.placeOnce} stores for a new key. */
export type NewOrder = Omit<StoredOrder, 'id' | 'idempotencyKey' | 'createdAt'>;

/** The cart of an abandoned checkout, as the shopper left it. */
export interface AbandonedCart {
  currency: string;
  lines: { variantId: string; productId: string; quantity: number }[];
  codes: string[];
}

/** A checkout the shopper left after agreeing to a reminder. */
export interface AbandonedCheckout {
  id: string;
  createdAt: string;
  contact: { email?: string; phone?: string };
  cart: AbandonedCart;
  locale: ShopLocale;
  /** ISO date the shopper came back through the reminder link; null until then. */
  recoveredAt: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  id VARCHAR PRIMARY KEY,
  idempotency_key VARCHAR NOT NULL UNIQUE,
  request_hash VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  currency VARCHAR NOT NULL,
  total BIGINT NOT NULL,
  body JSON NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS abandoned (
  id VARCHAR PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL,
  contact JSON NOT NULL,
  cart JSON NOT NULL,
  locale VARCHAR NOT NULL,
  recovered_at TIMESTAMPTZ
);`;

const ORDER_COLUMNS =
  'id, idempotency_key, request_hash, status, currency, total, body, epoch_ms(created_at)::DOUBLE AS created_at';
const ABANDONED_COLUMNS =
  'id, epoch_ms(created_at)::DOUBLE AS created_at, contact, cart, locale, epoch_ms(recovered_at)::DOUBLE AS recovered_at';

/** Crockford's base 32 without I, L, O and U, so an order number read aloud is not misheard. */
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random order number like `VT-7K3Q9M2X` (40 random bits from the OS's CSPRNG). */
export function newOrderId(): string {
  let id = 'VT-';
  for (let i = 0; i < 8; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

const iso = (ms: unknown): string => new Date(Number(ms)).toISOString();

function toOrder(row: Record<string, unknown>): StoredOrder {
  return {
    id: String(row['id']),
    idempotencyKey: String(row['idempotency_key']),
    requestHash: String(row['request_hash']),
    status: row['status'] === 'paid' ? 'paid' : 'pending',
    currency: String(row['currency']),
    total: Number(row['total']),
    body: JSON.parse(String(row['body'])) as OrderRecord,
    createdAt: iso(row['created_at']),
  };
}

function toAbandoned(row: Record<string, unknown>): AbandonedCheckout {
  return {
    id: String(row['id']),
    createdAt: iso(row['created_at']),
    contact: JSON.parse(String(row['contact'])) as AbandonedCheckout['contact'],
    cart: JSON.parse(String(row['cart'])) as AbandonedCart,
    locale: row['locale'] === 'zh-CN' ? 'zh-CN' : 'en',
    recoveredAt: row['recovered_at'] === null ? null : iso(row['recovered_at']),
  };
}

/** Stores open in this process, by database file, so each file has one connection and one queue. */
const open = new Map<string, Promise<OrderStore>>();
/** Stores being closed, by file: a new open waits for the old instance to let go of the file. */
const closing = new Map<string, Promise<void>>();

/**
 * The demo shop's durable orders and abandoned checkouts, in a DuckDB file. Every statement runs
 * through one promise queue: DuckDB takes one writer per file, and checking an idempotency key
 * and inserting its order must not interleave with another request for the same key.
 *
 * Open it with {@link openOrderStore}; each open is paired with one {@link OrderStore.close}.
 */
export class OrderStore {
  private _tail: Promise<unknown> = Promise.resolve();
  private _refs = 1;

  private constructor(
    readonly file: string,
    private readonly _db: DuckDBInstance,
    private readonly _conn: DuckDBConnection,
  ) {}

  /** @internal Use {@link openOrderStore}. */
  static async _open(file: string): Promise<OrderStore> {
    const db = await DuckDBInstance.create(file);
    try {
      const conn = await db.connect();
      await conn.run(SCHEMA);
      return new OrderStore(file, db, conn);
    } catch (error) {
      db.closeSync();
      throw error;
    }
  }

  /** @internal */
  _retain(): this {
    this._refs++;
    return this;
  }

  private _queue<T>(task: () => Promise<T>): Promise<T> {
    const run = this._tail.then(task, task);
    this._tail = run.catch(() => undefined);
    return run;
  }

  private async _rows(sql: string, values: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
    return (await this._conn.runAndReadAll(sql, values)).getRowObjectsJS();
  }

  private _orderBy(column: 'id' | 'idempotency_key', value: string): Promise<StoredOrder | null> {
    return this._rows(`SELECT ${ORDER_COLUMNS} FROM orders WHERE ${column} = $1`, [value]).then((rows) =>
      rows[0] ? toOrder(rows[0]) : null,
    );
  }

  /** The order placed with `key`, or null. */
  orderByKey(key: string): Promise<StoredOrder | null> {
    return this._queue(() => this._orderBy('idempotency_key', key));
  }

  /** The order numbered `id`, or null. */
  order(id: string): Promise<StoredOrder | null> {
    return this._queue(() => this._orderBy('id', id));
  }

  /**
   * Places an order at most once per idempotency key. When `key` already has an order, answers it
   * with `created: false` without calling `build`; otherwise calls `build` (where the payment is
   * taken), stores what it returns under a new order number and answers `created: true`. When
   * `build` throws, nothing is stored and the error propagates.
   */
  placeOnce(
    key: string,
    build: () => NewOrder | Promise<NewOrder>,
  ): Promise<{ order: StoredOrder; created: boolean }> {
    return this._queue(async () => {
      const existing = await this._orderBy('idempotency_key', key);
      if (existing) return { order: existing, created: false };
      const order = await build();
      for (;;) {
        const id = newOrderId();
        if (await this._orderBy('id', id)) continue; // one chance in 2⁴⁰ per order
        const createdAt = new Date().toISOString();
        await this._conn.run('INSERT INTO orders VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMPTZ)', [
          id,
          key,
          order.requestHash,
          order.status,
          order.currency,
          order.total,
          JSON.stringify(order.body),
          createdAt,
        ]);
        return { order: { ...order, id, idempotencyKey: key, createdAt }, created: true };
      }
    });
  }

  /** Sets an order's status; answers the updated order, or null when there is none with `id`. */
  setStatus(id: string, status: OrderStatus): Promise<StoredOrder | null> {
    return this._queue(async () => {
      await this._conn.run('UPDATE orders SET status = $1 WHERE id = $2', [status, id]);
      return this._orderBy('id', id);
    });
  }

  /** Keeps an abandoned checkout for a reminder; answers its new, unguessable id. */
  saveAbandoned(entry: Pick<AbandonedCheckout, 'contact' | 'cart' | 'locale'>): Promise<string> {
    return this._queue(async () => {
      const id = randomBytes(16).toString('base64url');
      await this._conn.run('INSERT INTO abandoned VALUES ($1, $2::TIMESTAMPTZ, $3, $4, $5, NULL)', [
        id,
        new Date().toISOString(),
        JSON.stringify(entry.contact),
        JSON.stringify(entry.cart),
        entry.locale,
      ]);
      return id;
    });
  }

  /**
   * The abandoned checkout `id`, marked recovered (the first time only), or null when unknown.
   */
  recoverAbandoned(id: string): Promise<AbandonedCheckout | null> {
    return this._queue(async () => {
      await this._conn.run(
        'UPDATE abandoned SET recovered_at = $1::TIMESTAMPTZ WHERE id = $2 AND recovered_at IS NULL',
        [new Date().toISOString(), id],
      );
      const rows = await this._rows(`SELECT ${ABANDONED_COLUMNS} FROM abandoned WHERE id = $1`, [id]);
      return rows[0] ? toAbandoned(rows[0]) : null;
    });
  }

  /**
   * Abandoned checkouts not recovered yet, oldest first — what a reminder job sends to. Only
   * those left before `before` (epoch ms) when given.
   */
  listAbandoned(options: { before?: number } = {}): Promise<AbandonedCheckout[]> {
    return this._queue(async () => {
      const before = options.before === undefined ? '' : 'AND created_at < $1::TIMESTAMPTZ';
      const rows = await this._rows(
        `SELECT ${ABANDONED_COLUMNS} FROM abandoned WHERE recovered_at IS NULL ${before} ORDER BY created_at, id`,
        options.before === undefined ? [] : [new Date(options.before).toISOString()],
      );
      return rows.map(toAbandoned);
    });
  }

  /**
   * Releases this opener's hold; the last one closes the database once queued statements are done
   * (DuckDB then checkpoints its write-ahead log into the file).
   */
  async close(): Promise<void> {
    if (this._refs === 0) return;
    if (--this._refs > 0) return;
    open.delete(this.file);
    const done = this._tail.then(() => {
      this._conn.closeSync();
      this._db.closeSync();
    });
    closing.set(this.file, done);
    try {
      await done;
    } finally {
      if (closing.get(this.file) === done) closing.delete(this.file);
    }
  }
}

/**
 * Opens the store in `<dataDir>/shop.duckdb`, creating the folder and the tables when missing.
 * Opening a file already open in this process shares its connection and queue.
 */
export async function openOrderStore(dataDir: string): Promise<OrderStore> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'shop.duckdb');
  const pending = open.get(file);
  if (pending) return (await pending)._retain();
  const opening = Promise.resolve(closing.get(file))
    .catch(() => undefined)
    .then(() => OrderStore._open(file));
  open.set(file, opening);
  opening.catch(() => open.delete(file));
  return opening;
}

/**
 * Abandoned checkouts in `dataDir` not recovered yet, oldest first: for tests and a reminder job.
 * Uses the shop's open store when the shop runs in this process.
 */
export async function listAbandonedCheckouts(
  dataDir: string,
  options: { before?: number } = {},
): Promise<AbandonedCheckout[]> {
  const store = await openOrderStore(dataDir);
  try {
    return await store.listAbandoned(options);
  } finally {
    await store.close();
  }
}
