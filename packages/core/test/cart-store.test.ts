import { expect } from '@esm-bundle/chai';
import { captureConsole } from '@vitrine/testing';
import {
  createCartStore,
  getCartStore,
  type CartChangeDetail,
  type CartChangeReason,
  type CartFunnelDetail,
  type CartLineInput,
  type CartStore,
  type CartStoreOptions,
} from '../src/cart/index.js';
import type { Cart } from '../src/model/types.js';

const TEE: CartLineInput = {
  variantId: 'tee-red-m',
  productId: 'tee',
  sku: 'TEE-RED-M',
  title: 'Organic tee',
  price: { amount: 1999, currency: 'USD' },
  compareAt: { amount: 2999, currency: 'USD' },
  brand: 'Vitrine',
  category: ['Apparel', 'Tops', 'T-shirts'],
  options: { Colour: 'Red', Size: 'M' },
  url: '/products/tee',
  image: '/img/tee-red.jpg',
};
const MUG: CartLineInput = {
  variantId: 'mug',
  productId: 'mug',
  title: 'Mug',
  price: { amount: 1250, currency: 'USD' },
};
const TEA: CartLineInput = {
  variantId: 'tea-100g',
  productId: 'tea',
  title: '龙井茶',
  price: { amount: 8800, currency: 'CNY' },
};

const WARNING =
  /^\[vitrine\] cart: IndexedDB unavailable \((.+)\); the cart is kept in memory for this page only\.$/;

let counter = 0;
/** A database name no other test (or earlier run in this profile) uses. */
function uniqueName(): string {
  counter += 1;
  return `vt-cart-test-${Date.now()}-${counter}`;
}

const opened: CartStore[] = [];
/** A store on its own database, dispatching on its own target unless told otherwise. */
function makeStore(options: CartStoreOptions = {}): CartStore {
  const store = createCartStore({ name: uniqueName(), target: new EventTarget(), ...options });
  opened.push(store);
  return store;
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** Collects the detail of every `type` event seen on `target`. */
function record<T>(target: EventTarget, type: string): T[] {
  const details: T[] = [];
  target.addEventListener(type, (e) => details.push((e as CustomEvent<T>).detail));
  return details;
}

/** Rejects with a message saying what never happened when `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, what: string, ms = 1000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms waiting for ${what}`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Resolves with the cart of the next change `store` reports with `reason`. */
function nextChange(store: CartStore, reason: CartChangeReason): Promise<Cart> {
  return new Promise((resolve) => {
    const stop = store.subscribe((cart, why) => {
      if (why !== reason) return;
      stop();
      resolve(cart);
    });
  });
}

/** Polls `check` every few milliseconds until it is true. */
async function until(check: () => boolean, what: string, ms = 1000): Promise<void> {
  await within(
    (async () => {
      while (!check()) await new Promise((r) => setTimeout(r, 10));
    })(),
    what,
    ms,
  );
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Opens the store's database directly, as another script on the origin could. */
function rawDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
  });
}

async function writeRaw(name: string, record: unknown): Promise<void> {
  const db = await rawDb(name);
  const tx = db.transaction('cart', 'readwrite');
  tx.objectStore('cart').put(record, 'current');
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error ?? new Error('write failed'));
  });
  db.close();
}

async function readRaw(name: string): Promise<unknown> {
  const db = await rawDb(name);
  const request = db.transaction('cart').objectStore('cart').get('current');
  const value = await new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('read failed'));
  });
  db.close();
  return value;
}

const summary = (cart: Cart) => cart.lines.map((l) => `${l.quantity}×${l.variantId}`);

describe('cart store', () => {
  describe('lines', () => {
    it('starts empty in the configured currency and reports the load', async () => {
      const target = new EventTarget();
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const store = makeStore({ currency: 'CNY', target });
      await store.ready;
      expect(store.get()).to.deep.include({ currency: 'CNY', lines: [], codes: [] });
      expect(store.itemCount()).to.equal(0);
      expect(store.subtotal()).to.deep.equal({ amount: 0, currency: 'CNY' });
      expect(changes.map((c) => c.reason)).to.deep.equal(['load']);
    });

    it('adds lines and merges a repeated variant into one line', async () => {
      const store = makeStore();
      const first = await store.add({ ...TEE, quantity: 2 });
      expect(summary(first)).to.deep.equal(['2×tee-red-m']);
      await store.add(MUG);
      const merged = await store.add(TEE);
      expect(summary(merged)).to.deep.equal(['3×tee-red-m', '1×mug']);
      expect(store.get()).to.equal(merged);
      expect(store.itemCount()).to.equal(4);
      expect(store.subtotal()).to.deep.equal({ amount: 3 * 1999 + 1250, currency: 'USD' });
      expect(merged.lines[0]).to.deep.equal({ ...TEE, quantity: 3 });
    });

    it('refreshes the details of a merged line to what was added last', async () => {
      const store = makeStore();
      await store.add(TEE);
      const cart = await store.add({
        ...TEE,
        title: 'Organic tee (new)',
        price: { amount: 1799, currency: 'USD' },
      });
      expect(cart.lines[0]).to.deep.include({ title: 'Organic tee (new)', quantity: 2 });
      expect(store.subtotal().amount).to.equal(2 * 1799);
    });

    it('sets quantities, removes at 0, removes a line, and ignores unknown variants', async () => {
      const store = makeStore();
      await store.add(TEE);
      await store.add(MUG);
      expect(summary(await store.setQuantity('mug', 4))).to.deep.equal(['1×tee-red-m', '4×mug']);
      expect(summary(await store.setQuantity('tee-red-m', 0))).to.deep.equal(['4×mug']);
      expect(summary(await store.setQuantity('nope', 3))).to.deep.equal(['4×mug']);
      expect(summary(await store.remove('nope'))).to.deep.equal(['4×mug']);
      expect(summary(await store.remove('mug'))).to.deep.equal([]);
    });

    it("sets a line's unit price when the server changed it, and ignores unknown variants", async () => {
      const target = new EventTarget();
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const funnel = record<CartFunnelDetail>(target, 'vt-funnel');
      const store = makeStore({ target });
      await store.add({ ...TEE, quantity: 2 });
      await store.add(MUG);
      const cart = await store.setPrice('tee-red-m', { amount: 2199, currency: 'USD' });
      expect(cart.lines[0]).to.deep.equal({ ...TEE, price: { amount: 2199, currency: 'USD' }, quantity: 2 });
      expect(cart.lines[1]!.price.amount).to.equal(1250);
      expect(store.subtotal()).to.deep.equal({ amount: 2 * 2199 + 1250, currency: 'USD' });
      expect(changes.at(-1)!.reason).to.equal('update');
      expect(changes.at(-1)!.cart.subtotal.amount).to.equal(2 * 2199 + 1250);
      // Nothing was added or removed: no funnel event beyond the two additions.
      expect(funnel.map((f) => f.name)).to.deep.equal(['add_to_cart', 'add_to_cart']);
      const count = changes.length;
      expect(await store.setPrice('nope', { amount: 1, currency: 'USD' })).to.equal(cart);
      expect(await store.setPrice('tee-red-m', { amount: 2199, currency: 'USD' })).to.equal(cart);
      expect(changes).to.have.length(count);
    });

    it("rejects a price that is not money or not in the cart's currency, changing nothing", async () => {
      const store = makeStore();
      const before = await store.add(TEE);
      const other = await rejection(store.setPrice('tee-red-m', { amount: 1999, currency: 'EUR' }));
      expect(other).to.be.instanceOf(RangeError);
      expect(other.message).to.equal(
        '[vitrine] cart.setPrice(): price is in EUR but the cart is in USD; a cart holds one currency.',
      );
      const decimal = await rejection(store.setPrice('tee-red-m', { amount: 19.99, currency: 'USD' }));
      expect(decimal).to.be.instanceOf(TypeError);
      expect(decimal.message).to.contain(
        'cart.setPrice(): price: amount must be an integer number of minor units',
      );
      const missing = await rejection(
        store.setPrice('tee-red-m', null as unknown as { amount: number; currency: string }),
      );
      expect(missing).to.be.instanceOf(TypeError);
      expect(missing.message).to.equal(
        '[vitrine] cart.setPrice(): price: currency must be a three-letter ISO 4217 code such as "USD" or "CNY", got null.',
      );
      expect((await rejection(store.setPrice('', { amount: 1, currency: 'USD' }))).message).to.contain(
        'variantId must be a non-empty string',
      );
      expect(store.get()).to.equal(before);
    });

    it('clears every line and code', async () => {
      const store = makeStore();
      await store.add(TEE);
      await store.add(MUG);
      await store.addCode('SUMMER10');
      const cart = await store.clear();
      expect(cart.lines).to.deep.equal([]);
      expect(cart.codes).to.deep.equal([]);
      expect(store.itemCount()).to.equal(0);
    });

    it('keeps coupon codes trimmed and once each, whatever their case', async () => {
      const store = makeStore();
      await store.addCode('  SUMMER10 ');
      await store.addCode('summer10');
      expect((await store.addCode('WELCOME')).codes).to.deep.equal(['SUMMER10', 'WELCOME']);
      expect((await store.removeCode('Summer10')).codes).to.deep.equal(['WELCOME']);
      expect((await rejection(store.addCode('   '))).message).to.contain('code must be a non-empty string');
    });

    it('stamps every change with a later updatedAt', async () => {
      const store = makeStore();
      const a = await store.add(TEE);
      const b = await store.add(TEE);
      const c = await store.setQuantity('tee-red-m', 1);
      expect(a.updatedAt).to.be.above(0);
      expect(b.updatedAt).to.be.above(a.updatedAt);
      expect(c.updatedAt).to.be.above(b.updatedAt);
    });

    it('hands out immutable snapshots', async () => {
      const target = new EventTarget();
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const store = makeStore({ target });
      const before = await store.add(TEE);
      // Module code is strict: writing to a frozen object throws instead of failing silently.
      expect(() => (before.lines as CartLineInput[]).push(MUG)).to.throw(TypeError);
      expect(() => {
        before.lines[0]!.quantity = 50;
      }).to.throw(TypeError);
      expect(() => {
        before.lines[0]!.price.amount = 1;
      }).to.throw(TypeError);
      expect(() => before.codes.push('FREE')).to.throw(TypeError);
      const snapshot = changes.at(-1)!.cart;
      expect(() => {
        snapshot.itemCount = 9;
      }).to.throw(TypeError);
      await store.add(TEE);
      expect(before.lines[0]!.quantity).to.equal(1);
      expect(snapshot.itemCount).to.equal(1);
      // The caller's object is copied, not kept: changing it later does not change the cart.
      const input = { ...MUG, price: { ...MUG.price } };
      await store.add(input);
      input.price.amount = 1;
      expect(store.get().lines[1]!.price.amount).to.equal(1250);
    });

    it('keeps notifying the other subscribers when one throws, and stops after unsubscribe', async () => {
      const errors = captureConsole('error');
      try {
        const store = makeStore();
        await store.ready;
        const seen: string[] = [];
        store.subscribe(() => {
          throw new Error('broken widget');
        });
        const stop = store.subscribe((cart, reason) => seen.push(`${reason}:${cart.lines.length}`));
        await store.add(TEE);
        stop();
        await store.add(MUG);
        expect(seen).to.deep.equal(['add:1']);
        expect(errors.calls).to.have.length(2);
        expect(errors.calls[0]).to.contain('[vitrine] cart: a subscriber threw');
      } finally {
        errors.restore();
      }
    });
  });

  describe('validation', () => {
    it('rejects a quantity that is not a whole number with a TypeError naming the argument', async () => {
      const store = makeStore();
      const add = await rejection(store.add({ ...TEE, quantity: 1.5 }));
      expect(add).to.be.instanceOf(TypeError);
      expect(add.message).to.equal(
        '[vitrine] cart.add(): line.quantity must be a whole number from 1 to 999, got 1.5.',
      );
      const set = await rejection(store.setQuantity('tee-red-m', Number.NaN));
      expect(set).to.be.instanceOf(TypeError);
      expect(set.message).to.contain('quantity must be a whole number from 0 to 999, got NaN');
      const text = await rejection(store.setQuantity('tee-red-m', '2' as unknown as number));
      expect(text.message).to.contain('got "2"');
      expect(store.get().lines).to.deep.equal([]);
    });

    it('rejects quantities below the minimum with a RangeError', async () => {
      const store = makeStore();
      expect(await rejection(store.add({ ...TEE, quantity: 0 }))).to.be.instanceOf(RangeError);
      await store.add(TEE);
      const negative = await rejection(store.setQuantity('tee-red-m', -1));
      expect(negative).to.be.instanceOf(RangeError);
      expect(negative.message).to.contain(
        'setQuantity(): quantity must be a whole number from 0 to 999, got -1',
      );
      expect(summary(store.get())).to.deep.equal(['1×tee-red-m']);
    });

    it('caps quantities at 999 with a warning', async () => {
      const warn = captureConsole('warn');
      try {
        const store = makeStore();
        expect(summary(await store.add({ ...TEE, quantity: 1200 }))).to.deep.equal(['999×tee-red-m']);
        expect(warn.calls).to.deep.equal([
          '[vitrine] cart.add(): line.quantity 1200 is above the maximum of 999; 999 is used instead.',
        ]);
        await store.setQuantity('tee-red-m', 990);
        expect(summary(await store.add({ ...TEE, quantity: 20 }))).to.deep.equal(['999×tee-red-m']);
        expect(warn.calls[1]).to.contain(
          'variant "tee-red-m" would have 1010 items; the maximum of 999 is kept',
        );
        expect(summary(await store.setQuantity('tee-red-m', 5000))).to.deep.equal(['999×tee-red-m']);
        expect(warn.calls).to.have.length(3);
      } finally {
        warn.restore();
      }
    });

    it('names the field of a malformed line', async () => {
      const store = makeStore();
      const price = await rejection(store.add({ ...TEE, price: { amount: 19.99, currency: 'USD' } }));
      expect(price).to.be.instanceOf(TypeError);
      expect(price.message).to.contain('line.price: amount must be an integer number of minor units');
      const id = await rejection(store.add({ ...TEE, variantId: '' }));
      expect(id.message).to.contain('line.variantId must be a non-empty string, got ""');
      const category = await rejection(store.add({ ...TEE, category: 'Apparel' as unknown as string[] }));
      expect(category.message).to.contain('line.category must be an array of strings');
      const notALine = await rejection(store.add(null as unknown as CartLineInput));
      expect(notALine.message).to.contain('line must be an object, got null');
      const variant = await rejection(store.remove(42 as unknown as string));
      expect(variant.message).to.contain('cart.remove(): variantId must be a non-empty string, got 42');
    });

    it('makes an empty cart adopt the first line’s currency and rejects a line in another one', async () => {
      const target = new EventTarget();
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const store = makeStore({ currency: 'USD', target });
      expect((await store.add(TEA)).currency).to.equal('CNY');
      const mismatch = await rejection(store.add(TEE));
      expect(mismatch).to.be.instanceOf(RangeError);
      expect(mismatch.message).to.equal(
        '[vitrine] cart.add(): line "tee-red-m" is priced in USD but the cart is in CNY; a cart holds one currency.',
      );
      expect(summary(store.get())).to.deep.equal(['1×tea-100g']);
      expect(store.subtotal()).to.deep.equal({ amount: 8800, currency: 'CNY' });
      expect(changes.map((c) => c.reason)).to.deep.equal(['load', 'add']);
      await store.clear();
      expect((await store.add(TEE)).currency).to.equal('USD');
    });

    it('rejects a malformed name or currency when the store is created', () => {
      expect(() => createCartStore({ currency: 'usd' })).to.throw(
        TypeError,
        'currency must be a three-letter',
      );
      expect(() => createCartStore({ name: '' })).to.throw(TypeError, 'name must be a non-empty string');
    });
  });

  describe('events', () => {
    it('dispatches vt-cart-change on document by default, bubbling and composed', async () => {
      const store = createCartStore({ name: uniqueName() });
      opened.push(store);
      await store.ready;
      const changes: CustomEvent<CartChangeDetail>[] = [];
      const listener = (e: Event) => changes.push(e as CustomEvent<CartChangeDetail>);
      document.addEventListener('vt-cart-change', listener);
      try {
        await store.add({ ...TEE, quantity: 2 });
      } finally {
        document.removeEventListener('vt-cart-change', listener);
      }
      expect(changes).to.have.length(1);
      const [event] = changes;
      expect(event!.bubbles).to.equal(true);
      expect(event!.composed).to.equal(true);
      const { compareAt: _compareAt, ...line } = TEE;
      expect(event!.detail).to.deep.equal({
        reason: 'add',
        cart: {
          currency: 'USD',
          lines: [{ ...line, quantity: 2 }],
          itemCount: 2,
          subtotal: { amount: 3998, currency: 'USD' },
          codes: [],
          updatedAt: store.get().updatedAt,
        },
      });
    });

    it('reaches the document from a target inside a shadow root', async () => {
      const host = document.createElement('div');
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      document.body.append(host);
      const names: string[] = [];
      const listener = (e: Event) => names.push(e.type);
      document.addEventListener('vt-cart-change', listener);
      document.addEventListener('vt-funnel', listener);
      try {
        const store = makeStore({ target: inner });
        await store.add(MUG);
        expect(names).to.deep.equal(['vt-cart-change', 'vt-cart-change', 'vt-funnel']);
      } finally {
        document.removeEventListener('vt-cart-change', listener);
        document.removeEventListener('vt-funnel', listener);
        host.remove();
      }
    });

    it('reports each change with its reason', async () => {
      const target = new EventTarget();
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const store = makeStore({ target });
      await store.add(TEE);
      await store.setQuantity('tee-red-m', 3);
      await store.addCode('SUMMER10');
      await store.remove('tee-red-m');
      await store.add(MUG);
      await store.clear();
      // No-ops change nothing and report nothing.
      await store.remove('tee-red-m');
      await store.clear();
      expect(changes.map((c) => `${c.reason}:${c.cart.itemCount}`)).to.deep.equal([
        'load:0',
        'add:1',
        'update:3',
        'update:3',
        'remove:0',
        'add:1',
        'clear:0',
      ]);
    });

    it('sends add_to_cart with GA4 item fields and values in minor units', async () => {
      const target = new EventTarget();
      const funnel = record<CartFunnelDetail>(target, 'vt-funnel');
      const store = makeStore({ target });
      await store.add({ ...TEE, quantity: 2 });
      await store.add(MUG);
      expect(funnel).to.deep.equal([
        {
          name: 'add_to_cart',
          params: {
            currency: 'USD',
            value: 3998,
            items: [
              {
                item_id: 'TEE-RED-M',
                item_name: 'Organic tee',
                item_brand: 'Vitrine',
                item_category: 'Apparel',
                item_category2: 'Tops',
                item_category3: 'T-shirts',
                item_variant: 'Red / M',
                price: 1999,
                quantity: 2,
              },
            ],
          },
        },
        {
          name: 'add_to_cart',
          params: {
            currency: 'USD',
            value: 1250,
            items: [{ item_id: 'mug', item_name: 'Mug', price: 1250, quantity: 1 }],
          },
        },
      ]);
    });

    it('reports only the quantity a change added or removed', async () => {
      const target = new EventTarget();
      const funnel = record<CartFunnelDetail>(target, 'vt-funnel');
      const store = makeStore({ target });
      await store.add(TEE);
      await store.add({ ...TEE, quantity: 2 });
      await store.setQuantity('tee-red-m', 7);
      await store.setQuantity('tee-red-m', 2);
      await store.remove('tee-red-m');
      const moved = funnel.map((f) => `${f.name}:${f.params.items[0]!.quantity}:${f.params.value}`);
      expect(moved).to.deep.equal([
        'add_to_cart:1:1999',
        'add_to_cart:2:3998',
        'add_to_cart:4:7996',
        'remove_from_cart:5:9995',
        'remove_from_cart:2:3998',
      ]);
    });

    it('adds several lines in one change with one add_to_cart (addAll)', async () => {
      const target = new EventTarget();
      const funnel = record<CartFunnelDetail>(target, 'vt-funnel');
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const store = makeStore({ target });
      await store.ready;
      changes.length = 0;
      await store.add(MUG);
      funnel.length = 0;
      await store.addAll([{ ...TEE, quantity: 2 }, MUG]);
      expect(store.get().lines.map((l) => `${l.variantId}×${l.quantity}`)).to.deep.equal([
        'mug×2',
        'tee-red-m×2',
      ]);
      expect(changes.map((c) => c.reason)).to.deep.equal(['add', 'add']);
      expect(funnel).to.have.length(1);
      expect(funnel[0]!.params.value).to.equal(2 * 1999 + 1250);
      expect(funnel[0]!.params.items.map((i) => `${i.item_id}×${i.quantity}`)).to.deep.equal([
        'TEE-RED-M×2',
        'mug×1',
      ]);
    });

    it('adds nothing when one line of addAll is bad or in another currency', async () => {
      const store = makeStore();
      await store.add(MUG);
      let error: unknown = null;
      await store.addAll([TEE, TEA]).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(RangeError);
      expect((error as Error).message).to.contain('"tea-100g" is priced in CNY but the cart is in USD');
      error = null;
      await store.addAll([TEE, { ...MUG, productId: '' }]).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.contain(
        'cart.addAll(): lines[1].productId must be a non-empty string',
      );
      expect(store.get().lines.map((l) => l.variantId)).to.deep.equal(['mug']);
    });

    it('lists every removed item in one remove_from_cart on clear', async () => {
      const target = new EventTarget();
      const funnel = record<CartFunnelDetail>(target, 'vt-funnel');
      const store = makeStore({ target });
      await store.add({ ...TEE, quantity: 2 });
      await store.add({ ...MUG, quantity: 3 });
      funnel.length = 0;
      await store.clear();
      expect(funnel).to.have.length(1);
      expect(funnel[0]!.name).to.equal('remove_from_cart');
      expect(funnel[0]!.params.value).to.equal(2 * 1999 + 3 * 1250);
      expect(funnel[0]!.params.items.map((i) => `${i.item_id}×${i.quantity}`)).to.deep.equal([
        'TEE-RED-M×2',
        'mug×3',
      ]);
    });

    it('sends no funnel event for coupon codes or a capped add that changed nothing', async () => {
      const warn = captureConsole('warn');
      try {
        const target = new EventTarget();
        const funnel = record<CartFunnelDetail>(target, 'vt-funnel');
        const store = makeStore({ target });
        await store.add({ ...TEE, quantity: 999 });
        await store.add(TEE);
        await store.addCode('SUMMER10');
        expect(funnel.map((f) => f.params.items[0]!.quantity)).to.deep.equal([999]);
      } finally {
        warn.restore();
      }
    });
  });

  describe('persistence', () => {
    it('keeps the cart in IndexedDB for the next store with the same name', async () => {
      const name = uniqueName();
      const first = makeStore({ name });
      await first.add({ ...TEE, quantity: 2 });
      await first.addCode('SUMMER10');
      const saved = first.get();
      first.close();
      // One record holding the whole cart, with a version mark for future migrations.
      expect(await readRaw(name)).to.deep.equal({ version: 1, cart: saved });
      expect((await rejection(first.add(MUG))).message).to.contain('the cart store is closed');

      const target = new EventTarget();
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const second = makeStore({ name, target });
      await second.ready;
      expect(second.get()).to.deep.equal(saved);
      expect(changes.map((c) => `${c.reason}:${c.cart.itemCount}`)).to.deep.equal(['load:2']);
      // A different name is a different cart.
      const other = makeStore();
      await other.ready;
      expect(other.get().lines).to.deep.equal([]);
    });

    it('loads the usable lines of a damaged record', async () => {
      const name = uniqueName();
      const seed = makeStore({ name });
      await seed.add(MUG);
      seed.close();
      const { cart } = (await readRaw(name)) as { cart: Cart };
      const damaged = [
        cart.lines[0],
        { variantId: 'x', quantity: 'lots' },
        null,
        { ...MUG, variantId: 'mug-2', quantity: 2 },
      ];
      await writeRaw(name, { version: 1, cart: { ...cart, lines: damaged, codes: ['OK', 7] } });
      const store = makeStore({ name });
      await store.ready;
      expect(summary(store.get())).to.deep.equal(['1×mug', '2×mug-2']);
      expect(store.get().codes).to.deep.equal(['OK']);
    });

    it('does not lose an addition when two stores on one database add at the same time', async () => {
      const name = uniqueName();
      const a = makeStore({ name });
      const b = makeStore({ name });
      await Promise.all([a.ready, b.ready]);
      await Promise.all([a.add(TEE), b.add(MUG), a.add(TEE), b.add({ ...TEE, quantity: 3 })]);
      const expected = ['5×tee-red-m', '1×mug'];
      await until(
        () => summary(a.get()).join() === expected.join() && summary(b.get()).join() === expected.join(),
        `both stores to hold ${expected.join(', ')} (a: ${summary(a.get()).join()}, b: ${summary(b.get()).join()})`,
      );
      const reader = makeStore({ name });
      await reader.ready;
      expect(summary(reader.get())).to.deep.equal(expected);
    });

    it('tells other stores on the same database with reason sync and no funnel event', async () => {
      const name = uniqueName();
      const writer = makeStore({ name });
      const target = new EventTarget();
      const changes = record<CartChangeDetail>(target, 'vt-cart-change');
      const funnel = record<CartFunnelDetail>(target, 'vt-funnel');
      const reader = makeStore({ name, target });
      await Promise.all([writer.ready, reader.ready]);
      const synced = within(nextChange(reader, 'sync'), 'the other store to report reason "sync"');
      await writer.add({ ...TEE, quantity: 2 });
      expect(summary(await synced)).to.deep.equal(['2×tee-red-m']);
      expect(reader.itemCount()).to.equal(2);
      expect(changes.map((c) => c.reason)).to.deep.equal(['load', 'sync']);
      expect(funnel).to.deep.equal([]);
    });

    it('lets another script delete the database, then saves the cart again', async () => {
      const warn = captureConsole('warn');
      try {
        const name = uniqueName();
        const store = makeStore({ name });
        await store.add(TEE);
        // Blocked forever if the store kept its connection open.
        await within(
          new Promise((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = resolve;
            request.onerror = () => reject(request.error ?? new Error('delete failed'));
          }),
          'the database to be deleted',
        );
        await store.add(MUG);
        expect(summary(store.get())).to.deep.equal(['1×tee-red-m', '1×mug']);
        const next = makeStore({ name });
        await next.ready;
        expect(summary(next.get())).to.deep.equal(['1×tee-red-m', '1×mug']);
        expect(warn.calls).to.deep.equal([]);
      } finally {
        warn.restore();
      }
    });

    it('keeps the cart only in memory, without a warning, when asked to', async () => {
      const warn = captureConsole('warn');
      try {
        const name = uniqueName();
        const store = makeStore({ name, storage: 'memory' });
        await store.add(TEE);
        expect(summary(store.get())).to.deep.equal(['1×tee-red-m']);
        const next = makeStore({ name });
        await next.ready;
        expect(next.get().lines).to.deep.equal([]);
        expect(warn.calls).to.deep.equal([]);
        // Bad input is rejected in memory just as with IndexedDB.
        expect(await rejection(store.add(TEA))).to.be.instanceOf(RangeError);
        expect(await rejection(store.setQuantity('tee-red-m', 0.5))).to.be.instanceOf(TypeError);
        expect(summary(store.get())).to.deep.equal(['1×tee-red-m']);
      } finally {
        warn.restore();
      }
    });
  });

  describe('when IndexedDB fails', () => {
    /** Adds, changes and reads back a cart: what a shopper needs to work without storage. */
    async function expectWorkingCart(store: CartStore): Promise<void> {
      await store.add(TEE);
      await store.add(MUG);
      await store.setQuantity('mug', 2);
      expect(summary(store.get())).to.deep.equal(['1×tee-red-m', '2×mug']);
      expect(store.subtotal()).to.deep.equal({ amount: 1999 + 2 * 1250, currency: 'USD' });
    }

    it('works in memory with one precise warning when indexedDB.open throws', async () => {
      const warn = captureConsole('warn');
      // What Firefox's private mode used to do and what a sandboxed iframe without storage does.
      Object.defineProperty(indexedDB, 'open', {
        configurable: true,
        value: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
      try {
        const target = new EventTarget();
        const changes = record<CartChangeDetail>(target, 'vt-cart-change');
        const store = makeStore({ target });
        await store.ready;
        expect(warn.calls).to.deep.equal([
          '[vitrine] cart: IndexedDB unavailable (SecurityError: The operation is insecure); the cart is kept in memory for this page only.',
        ]);
        await expectWorkingCart(store);
        expect(changes.map((c) => c.reason)).to.deep.equal(['load', 'add', 'add', 'update']);
        expect(warn.calls).to.have.length(1);
      } finally {
        Reflect.deleteProperty(indexedDB, 'open');
        warn.restore();
      }
    });

    it('works in memory when indexedDB does not exist', async () => {
      const warn = captureConsole('warn');
      const own = Object.getOwnPropertyDescriptor(window, 'indexedDB');
      Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined });
      try {
        const store = makeStore();
        await store.ready;
        expect(warn.calls).to.have.length(1);
        expect(warn.calls[0]).to.match(WARNING);
        expect(warn.calls[0]).to.contain('(Error: indexedDB is not defined in this context)');
        await expectWorkingCart(store);
        expect(warn.calls).to.have.length(1);
      } finally {
        if (own) Object.defineProperty(window, 'indexedDB', own);
        else Reflect.deleteProperty(window, 'indexedDB');
        warn.restore();
      }
      expect(typeof indexedDB.open).to.equal('function');
    });

    it('works in memory when the database refuses to open', async () => {
      const name = uniqueName();
      // A newer version of the database, as a later release of the shop's scripts might leave.
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, 5);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const warn = captureConsole('warn');
      try {
        const store = makeStore({ name });
        await store.ready;
        expect(warn.calls).to.have.length(1);
        expect(warn.calls[0]).to.match(WARNING);
        expect(warn.calls[0]).to.contain('VersionError');
        await expectWorkingCart(store);
        expect(warn.calls).to.have.length(1);
      } finally {
        warn.restore();
      }
    });

    it('leaves a cart saved by a newer release alone and works in memory', async () => {
      const name = uniqueName();
      const future = { version: 2, cart: { currency: 'USD', items: [], updatedAt: 1 } };
      const seed = makeStore({ name });
      await seed.ready;
      seed.close();
      await writeRaw(name, future);
      const warn = captureConsole('warn');
      try {
        const store = makeStore({ name });
        await store.ready;
        expect(warn.calls).to.have.length(1);
        expect(warn.calls[0]).to.match(WARNING);
        expect(warn.calls[0]).to.contain('record version 2, newer than the 1 this script reads');
        await expectWorkingCart(store);
      } finally {
        warn.restore();
      }
      expect(await readRaw(name)).to.deep.equal(future);
    });

    it('keeps the whole cart in memory when a later write fails', async () => {
      const name = uniqueName();
      const store = makeStore({ name });
      await store.add(TEE);
      const warn = captureConsole('warn');
      const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!;
      Object.defineProperty(IDBObjectStore.prototype, 'put', {
        ...put,
        value: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      });
      try {
        const cart = await store.add(MUG);
        expect(summary(cart)).to.deep.equal(['1×tee-red-m', '1×mug']);
        await store.setQuantity('tee-red-m', 3);
        expect(summary(store.get())).to.deep.equal(['3×tee-red-m', '1×mug']);
        expect(warn.calls).to.deep.equal([
          '[vitrine] cart: IndexedDB unavailable (QuotaExceededError: The quota has been exceeded); the cart is kept in memory for this page only.',
        ]);
      } finally {
        Object.defineProperty(IDBObjectStore.prototype, 'put', put);
        warn.restore();
      }
      // What reached IndexedDB before the failure is still there for the next page.
      const next = makeStore({ name });
      await next.ready;
      expect(summary(next.get())).to.deep.equal(['1×tee-red-m']);
    });
  });

  describe('getCartStore()', () => {
    it('returns one store per page, and a fresh one after close', async () => {
      const store = getCartStore();
      try {
        expect(getCartStore()).to.equal(store);
        expect(store.name).to.equal('vitrine-cart');
        await store.ready;
      } finally {
        store.close();
      }
      const next = getCartStore();
      expect(next).not.to.equal(store);
      next.close();
    });
  });
});

/** The fixture page's globals (see fixtures/cart/cart-page.html). */
interface CartPage extends Window {
  cartStore: CartStore;
  cartReady: Promise<void>;
}

const FIXTURE = new URL('./fixtures/cart/cart-page.html', import.meta.url);

/** Loads the fixture page for cart `name` in a same-origin iframe and waits for its cart. */
async function openPage(name: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'second page';
  const url = new URL(FIXTURE);
  url.searchParams.set('name', name);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url.href;
  document.body.append(frame);
  await within(loaded, 'the fixture page to load', 5000);
  await within(page(frame).cartReady, 'the fixture page’s cart to load', 5000);
  return frame;
}

function page(frame: HTMLIFrameElement): CartPage {
  const win = frame.contentWindow as CartPage | null;
  if (!win?.cartStore) throw new Error(`the fixture page at ${frame.src} did not expose its cart store`);
  return win;
}

/** What a shopper reads on the fixture page. */
function shown(frame: HTMLIFrameElement): string {
  const doc = frame.contentDocument!;
  const items = [...doc.querySelectorAll('#lines li')].map((li) => li.textContent);
  return [doc.getElementById('count')!.textContent, ...items].join(' | ');
}

describe('cart store across pages', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) {
      page(frame).cartStore.close();
      frame.remove();
    }
  });

  it('shows a change made in one page in another page of the same origin', async () => {
    const name = uniqueName();
    const frame = await openPage(name);
    frames.push(frame);
    expect(frame.contentWindow).not.to.equal(window);
    expect(shown(frame)).to.equal('0 items');

    const here = makeStore({ name });
    await here.ready;
    await here.add({ ...TEE, quantity: 2 });
    await until(
      () => shown(frame) === '2 items | 2 × Organic tee',
      `the other page to show the added tee (it shows "${shown(frame)}")`,
    );

    const synced = within(nextChange(here, 'sync'), 'this page to hear about the other page’s change');
    await page(frame).cartStore.add(MUG);
    expect(summary(await synced)).to.deep.equal(['2×tee-red-m', '1×mug']);
    expect(here.itemCount()).to.equal(3);
  });

  it('finds the cart intact after the page reloads', async () => {
    const name = uniqueName();
    const frame = await openPage(name);
    frames.push(frame);
    const before = page(frame);
    await before.cartStore.add({ ...TEE, quantity: 2 });
    await before.cartStore.add(MUG);
    await before.cartStore.addCode('SUMMER10');
    const saved = JSON.stringify(before.cartStore.get());
    const oldStore = before.cartStore;

    const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    before.location.reload();
    await within(reloaded, 'the fixture page to reload', 5000);
    const after = page(frame);
    // A new document with a new store, not the old one still in memory.
    expect(after.cartStore).not.to.equal(oldStore);
    await within(after.cartReady, 'the reloaded page’s cart to load', 5000);
    expect(JSON.stringify(after.cartStore.get())).to.equal(saved);
    expect(summary(after.cartStore.get())).to.deep.equal(['2×tee-red-m', '1×mug']);
    expect(after.cartStore.get().codes).to.deep.equal(['SUMMER10']);
    expect(shown(frame)).to.equal('3 items | 2 × Organic tee | 1 × Mug');
  });
});
