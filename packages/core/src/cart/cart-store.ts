import { vtEvent } from '@vitrine/schema';
import type { Cart } from '../model/types.js';
import { moneyProblem, type Money } from '../money/format-money.js';
import { type CartChangeReason, type CartFunnelDetail, type CartSnapshot } from './cart-events.js';
import { checkId, checkQuantity, describe, toLineData, type CartLineInput } from './cart-line.js';
import {
  addCode,
  addLines,
  addLine,
  clearCart,
  removeCode,
  removeLine,
  setLinePrice,
  setLineQuantity,
  type CartChange,
  type CartMutation,
} from './cart-mutations.js';
import { cartItemCount, cartSubtotal, deepFreeze, toCartSnapshot } from './cart-snapshot.js';
import { CartStorage, describeError } from './cart-storage.js';

/** Where a cart store keeps the cart: IndexedDB (shared by the origin's tabs) or this page's memory. */
export const CART_STORAGE_KINDS = ['indexeddb', 'memory'] as const;
export type CartStorageKind = (typeof CART_STORAGE_KINDS)[number];

export interface CartStoreOptions {
  /** IndexedDB database name and BroadcastChannel name. Default `vitrine-cart`. */
  name?: string;
  /** ISO 4217 currency of the cart before its first line (an empty cart adopts the first line's). Default `USD`. */
  currency?: string;
  /** Where `vt-cart-change` and `vt-funnel` are dispatched. Default `document`; `null` dispatches nothing. */
  target?: EventTarget | null;
  /**
   * `memory` keeps the cart in this page only, without a warning (Storybook, Node). Default
   * `indexeddb`, which itself falls back to memory, with one warning, when IndexedDB fails.
   */
  storage?: CartStorageKind;
}

/** Called after every change with the new cart (frozen) and why it changed. */
export type CartListener = (cart: Cart, reason: CartChangeReason) => void;

/** Posted on the BroadcastChannel after every committed write; other tabs then re-read IndexedDB. */
export interface CartSyncMessage {
  type: 'changed';
  updatedAt: number;
  /** Id of the store that wrote, so it ignores its own message. */
  origin: string;
}

/**
 * The shopper's cart, kept in IndexedDB and shared live between the origin's tabs.
 *
 * Every mutation resolves with the new cart once the write has committed, and rejects with a
 * `TypeError` or `RangeError` naming the bad argument. Each change notifies subscribers and
 * dispatches `vt-cart-change` (and, for added or removed items, a GA4-style `vt-funnel`) on the
 * store's target. A change made in another tab arrives with reason `sync` and no funnel event.
 */
export interface CartStore {
  /** Database and channel name. */
  readonly name: string;
  /** Resolves once the stored cart is loaded (or the store fell back to memory). Never rejects. */
  readonly ready: Promise<void>;
  /** True after {@link CartStore.close}. */
  readonly closed: boolean;
  /** The current cart, frozen. */
  get(): Cart;
  /** The current cart with its totals, as `vt-cart-change` carries it; frozen. */
  snapshot(): CartSnapshot;
  /**
   * Adds a line (quantity 1 unless given). Adding a variant already in the cart adds to its
   * quantity and refreshes its title, price and other details. An empty cart adopts the line's
   * currency; a line in another currency is rejected with a `RangeError`.
   */
  add(line: CartLineInput): Promise<Cart>;
  /**
   * Adds several lines in one change: one write, one `vt-cart-change` and one `add_to_cart`
   * with every item (a bundle's "add all to cart"). Each line is checked like {@link add}; one
   * bad line or currency rejects the call and adds nothing.
   */
  addAll(lines: CartLineInput[]): Promise<Cart>;
  /** Sets the quantity of a variant's line (0 removes it); a variant not in the cart is ignored. */
  setQuantity(variantId: string, quantity: number): Promise<Cart>;
  /**
   * Sets the unit price of a variant's line, when the shop's server says the price changed (the
   * reason is `update`; no funnel event). A variant not in the cart is ignored; a price that is
   * not valid money, or not in the cart's currency, is rejected with a `TypeError` / `RangeError`.
   */
  setPrice(variantId: string, price: Money): Promise<Cart>;
  /** Removes a variant's line; a variant not in the cart is ignored. */
  remove(variantId: string): Promise<Cart>;
  /** Removes every line and coupon code. */
  clear(): Promise<Cart>;
  /** Adds a coupon code (trimmed; codes compare case-insensitively, so a repeat is ignored). */
  addCode(code: string): Promise<Cart>;
  /** Removes a coupon code (compared case-insensitively). */
  removeCode(code: string): Promise<Cart>;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: CartListener): () => void;
  /** Sum of the line quantities. */
  itemCount(): number;
  /** Sum of unit price × quantity, in minor units of the cart's currency. */
  subtotal(): Money;
  /** Stops syncing and closes the database; later mutations reject. Idempotent. */
  close(): void;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Wraps an error thrown by a mutation (bad input) so it is not mistaken for a storage failure. */
class Rejected {
  constructor(readonly error: unknown) {}
}

function isSyncMessage(data: unknown): data is CartSyncMessage {
  const m = data as Partial<CartSyncMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'changed' &&
    typeof m.updatedAt === 'number' &&
    typeof m.origin === 'string'
  );
}

function newId(): string {
  // randomUUID only exists in secure contexts; a plain-http shop still needs distinct ids.
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

class IndexedDbCartStore implements CartStore {
  readonly name: string;
  readonly ready: Promise<void>;
  private readonly _id = newId();
  private readonly _target: EventTarget | null;
  private readonly _listeners = new Set<CartListener>();
  private _cart: Cart;
  private _snapshot: { of: Cart; value: CartSnapshot } | null = null;
  private _storage: CartStorage | null = null;
  private _channel: BroadcastChannel | null = null;
  /** Mutations and sync reads run one after another, in call order. */
  private _queue: Promise<unknown>;
  private _refreshQueued = false;
  private _warned = false;
  private _closed = false;

  constructor(options: CartStoreOptions) {
    const { name = 'vitrine-cart', currency = 'USD', storage = 'indexeddb' } = options;
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(
        `[vitrine] createCartStore(): name must be a non-empty string, got ${describe(name)}.`,
      );
    }
    if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
      throw new TypeError(
        `[vitrine] createCartStore(): currency must be a three-letter ISO 4217 code such as "USD" or "CNY", got ${describe(currency)}.`,
      );
    }
    this.name = name;
    this._target =
      options.target !== undefined ? options.target : typeof document === 'undefined' ? null : document;
    this._cart = deepFreeze({ currency, lines: [], codes: [], updatedAt: 0 });
    this.ready = this._load(storage === 'indexeddb');
    this._queue = this.ready;
  }

  get closed(): boolean {
    return this._closed;
  }

  get(): Cart {
    return this._cart;
  }

  snapshot(): CartSnapshot {
    if (this._snapshot?.of !== this._cart)
      this._snapshot = { of: this._cart, value: toCartSnapshot(this._cart) };
    return this._snapshot.value;
  }

  async add(line: CartLineInput): Promise<Cart> {
    const data = toLineData(line, 'add');
    const quantity = checkQuantity(line.quantity ?? 1, 'add', 'line.quantity', 1);
    return this._mutate('add', addLine(data, quantity));
  }

  async addAll(lines: CartLineInput[]): Promise<Cart> {
    if (!Array.isArray(lines) || lines.length === 0)
      throw new TypeError(
        `[vitrine] cart.addAll(): lines must be a non-empty array, got ${describe(lines)}.`,
      );
    const items = lines.map((line, i) => ({
      data: toLineData(line, 'addAll', `lines[${i}]`),
      quantity: checkQuantity(line.quantity ?? 1, 'addAll', `lines[${i}].quantity`, 1),
    }));
    return this._mutate('addAll', addLines(items, 'addAll'));
  }

  async setQuantity(variantId: string, quantity: number): Promise<Cart> {
    checkId(variantId, 'setQuantity', 'variantId');
    const checked = checkQuantity(quantity, 'setQuantity', 'quantity', 0);
    return this._mutate('setQuantity', setLineQuantity(variantId, checked));
  }

  async setPrice(variantId: string, price: Money): Promise<Cart> {
    checkId(variantId, 'setPrice', 'variantId');
    const problem = moneyProblem(Object(price) as Partial<Money>);
    if (problem) throw new TypeError(`[vitrine] cart.setPrice(): price: ${problem}.`);
    return this._mutate('setPrice', setLinePrice(variantId, price));
  }

  async remove(variantId: string): Promise<Cart> {
    checkId(variantId, 'remove', 'variantId');
    return this._mutate('remove', removeLine(variantId));
  }

  async clear(): Promise<Cart> {
    return this._mutate('clear', clearCart);
  }

  async addCode(code: string): Promise<Cart> {
    const trimmed = checkId(typeof code === 'string' ? code.trim() : code, 'addCode', 'code');
    return this._mutate('addCode', addCode(trimmed));
  }

  async removeCode(code: string): Promise<Cart> {
    const trimmed = checkId(typeof code === 'string' ? code.trim() : code, 'removeCode', 'code');
    return this._mutate('removeCode', removeCode(trimmed));
  }

  subscribe(listener: CartListener): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError(
        `[vitrine] cart.subscribe(): listener must be a function, got ${describe(listener)}.`,
      );
    }
    this._listeners.add(listener);
    return () => {
      this._listeners.delete(listener);
    };
  }

  itemCount(): number {
    return cartItemCount(this._cart);
  }

  subtotal(): Money {
    return cartSubtotal(this._cart);
  }

  close(): void {
    if (this._closed) return;
    this._closed = true;
    this._listeners.clear();
    this._channel?.close();
    this._channel = null;
    this._storage?.close();
    this._storage = null;
  }

  private async _load(persist: boolean): Promise<void> {
    if (persist) {
      const storage = new CartStorage(this.name);
      try {
        await storage.open();
        if (this._closed) {
          storage.close();
          return;
        }
        this._storage = storage;
        // Listen before reading, so a change committed meanwhile is not missed.
        if (typeof BroadcastChannel !== 'undefined') {
          this._channel = new BroadcastChannel(this.name);
          this._channel.onmessage = (event) => this._onMessage(event);
        }
        const stored = await storage.read();
        if (stored && !this._closed) this._cart = deepFreeze(stored);
      } catch (error) {
        if (!this._closed) this._fallBack(error);
      }
    }
    if (!this._closed) this._emit('load', null);
  }

  private _mutate(method: string, mutation: CartMutation): Promise<Cart> {
    const run = async (): Promise<Cart> => {
      if (this._closed) throw new Error(`[vitrine] cart.${method}(): the cart store is closed.`);
      let change: CartChange | null;
      let stored: Cart | null = null;
      if (this._storage) {
        try {
          ({ change, stored } = await this._storage.update((found) => {
            // Nothing stored: the first write, or another script deleted the database. Either
            // way the cart this page shows is the one to keep.
            const base = found ?? this._cart;
            const value = { change: this._apply(mutation, base), stored: found };
            return { write: value.change?.cart ?? null, value };
          }));
        } catch (error) {
          if (error instanceof Rejected) throw error.error;
          if (this._closed) throw new Error(`[vitrine] cart.${method}(): the cart store is closed.`);
          // The write failed (quota, storage cleared…): keep going in memory, cart intact.
          this._fallBack(error);
          change = this._apply(mutation, this._cart);
        }
      } else {
        change = this._apply(mutation, this._cart);
      }
      if (change) {
        this._cart = change.cart;
        this._channel?.postMessage({
          type: 'changed',
          updatedAt: change.cart.updatedAt,
          origin: this._id,
        } satisfies CartSyncMessage);
        if (!this._closed) this._emit(change.reason, change.funnel);
      } else if (stored && stored.updatedAt > this._cart.updatedAt) {
        // Nothing to do here, but another tab's change has not reached this one yet.
        this._cart = deepFreeze(stored);
        if (!this._closed) this._emit('sync', null);
      }
      return this._cart;
    };
    const result = this._queue.then(run).catch((error: unknown) => {
      throw error instanceof Rejected ? error.error : error;
    });
    this._queue = result.catch(() => undefined);
    return result;
  }

  /** Runs `mutation` on `base`, stamping and freezing the new cart; bad input becomes {@link Rejected}. */
  private _apply(mutation: CartMutation, base: Cart): CartChange | null {
    let change: CartChange | null;
    try {
      change = mutation(base);
    } catch (error) {
      throw new Rejected(error);
    }
    if (!change) return null;
    // Strictly increasing, so "newer" is always decidable by comparing two stamps.
    const updatedAt = Math.max(Date.now(), base.updatedAt + 1, this._cart.updatedAt + 1);
    return { ...change, cart: deepFreeze({ ...change.cart, updatedAt }) };
  }

  private _onMessage(event: MessageEvent<unknown>): void {
    const data = event.data;
    if (!isSyncMessage(data) || data.origin === this._id || data.updatedAt <= this._cart.updatedAt) return;
    if (this._refreshQueued) return;
    this._refreshQueued = true;
    this._queue = this._queue.then(() => this._refresh());
  }

  /** Re-reads IndexedDB after another tab wrote, and adopts the cart if it is newer. */
  private async _refresh(): Promise<void> {
    this._refreshQueued = false;
    if (!this._storage || this._closed) return;
    try {
      const stored = await this._storage.read();
      if (stored && stored.updatedAt > this._cart.updatedAt && !this._closed) {
        this._cart = deepFreeze(stored);
        this._emit('sync', null);
      }
    } catch (error) {
      if (!this._closed) this._fallBack(error);
    }
  }

  private _fallBack(error: unknown): void {
    if (!this._warned) {
      this._warned = true;
      console.warn(
        `[vitrine] cart: IndexedDB unavailable (${describeError(error)}); the cart is kept in memory for this page only.`,
      );
    }
    this._channel?.close();
    this._channel = null;
    this._storage?.close();
    this._storage = null;
  }

  private _emit(reason: CartChangeReason, funnel: CartFunnelDetail | null): void {
    const cart = this._cart;
    for (const listener of [...this._listeners]) {
      try {
        listener(cart, reason);
      } catch (error) {
        // One broken subscriber must not keep the others (or the events) from seeing the change.
        console.error('[vitrine] cart: a subscriber threw:', error);
      }
    }
    if (!this._target) return;
    this._target.dispatchEvent(vtEvent('vt-cart-change', { reason, cart: this.snapshot() }));
    if (funnel) this._target.dispatchEvent(vtEvent('vt-funnel', deepFreeze(funnel)));
  }
}

/**
 * Creates a cart store. Most pages use the shared one from `getCartStore()`; create your own for
 * a second cart (a different `name`) or in tests.
 *
 * @throws TypeError when `name` or `currency` is malformed.
 */
export function createCartStore(options: CartStoreOptions = {}): CartStore {
  return new IndexedDbCartStore(options);
}
