import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAddress, checkEmail, checkPhone, normalizePhone } from '@vitrine/checkout/address';
import {
  ORDER_ERRORS,
  deliveryOptionsFor,
  priceOrder,
  type Address,
  type OrderConfirmation,
  type OrderErrorBody,
  type OrderRequest,
} from '@vitrine/checkout/order';
import type { CartLine, Money } from '@vitrine/pricing';
import type { Catalog, Product, ShopLocale, Variant } from '../src/catalog-types.js';
import { checkoutConfig } from '../src/checkout-config.js';
import { formatAmount, orderMessage, type OrderMessageKey } from './order-messages.js';
import type { AbandonedCart, NewOrder, OrderRecord, OrderStore, StoredOrder } from './order-store.js';
import { REDIRECT_METHODS, simulatedPayPage } from './pay-page.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { send, sendJson } from './respond.js';

/** What the order endpoints work with. */
export interface OrderRoutesOptions {
  catalogs: Record<ShopLocale, Catalog>;
  store: OrderStore;
  /** The pricing clock. Default `Date.now`. */
  now?: () => number;
}

/** Answers a request when it is one of the checkout endpoints; false when it is not. */
export type OrderRoutes = (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => boolean;

const KB = 1024;
const ORDER_LIMIT = 1024 * KB;
const ABANDON_LIMIT = 64 * KB;
const SMALL_LIMIT = 64 * KB;
const MAX_LINES = 100;
const MAX_QUANTITY = 99;
const ADDRESS_KEYS = ['name', 'line1', 'line2', 'city', 'region', 'district', 'postalCode', 'phone'] as const;
const HTML = 'text/html; charset=utf-8';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const isMoney = (v: unknown): v is Money =>
  isObject(v) && Number.isSafeInteger(v['amount']) && typeof v['currency'] === 'string';
const sameMoney = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

/** `zh…` is the Chinese shop; anything else the English one. */
function toLocale(value: unknown): ShopLocale {
  return typeof value === 'string' && value.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** JSON with object keys sorted, so two equal requests hash alike whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** A refusal thrown while placing an order: nothing is stored and this is the answer. */
class OrderRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: OrderErrorBody,
  ) {
    super(body.error.message);
  }
}

function refuse(res: ServerResponse, status: number, error: OrderErrorBody['error']): void {
  sendJson(res, status, { error } satisfies OrderErrorBody);
}

function findVariant(catalog: Catalog, productId: unknown, variantId: unknown) {
  const product = catalog.products.find((p) => p.id === productId);
  const variant = product?.variants.find((v) => v.id === variantId);
  return product && variant ? { product, variant } : null;
}

/** A line the cart store's `add`/`addAll` takes, built like `<vt-add-to-cart>` builds it. */
function cartLineFor(product: Product, variant: Variant, quantity: number) {
  const image = product.media[variant.mediaIndex] ?? product.media[0];
  return {
    variantId: variant.id,
    productId: product.id,
    quantity,
    title: product.title,
    price: variant.price,
    ...(variant.compareAt && { compareAt: variant.compareAt }),
    sku: variant.sku,
    url: product.url,
    ...(image && { image: image.url }),
    ...(Object.keys(variant.options).length > 0 && { options: variant.options }),
    brand: product.brand,
    category: product.category,
  };
}

/** What is wrong with the outer shape of an order request, or `''`: a client bug, answered 400. */
function shapeProblem(o: Json): string {
  const key = o['idempotencyKey'];
  if (typeof key !== 'string' || !key || key.length > 255) return 'idempotencyKey';
  if (typeof o['currency'] !== 'string') return 'currency';
  if (!Array.isArray(o['lines'])) return 'lines';
  if (!Array.isArray(o['codes']) || o['codes'].length > 20 || !o['codes'].every((c) => typeof c === 'string'))
    return 'codes';
  if (!isObject(o['contact'])) return 'contact';
  if (!isObject(o['shipping'])) return 'shipping';
  if (o['billing'] !== undefined && !isObject(o['billing'])) return 'billing';
  if (!isObject(o['delivery']) || typeof o['delivery']['id'] !== 'string') return 'delivery';
  const payment = o['payment'];
  if (!isObject(payment) || typeof payment['method'] !== 'string' || typeof payment['token'] !== 'string')
    return 'payment';
  for (const name of ['total', 'discounts', 'shippingCost']) if (!isMoney(o[name])) return name;
  return '';
}

/** How the demo's simulated providers treat a payment token; null for a token they don't issue. */
function readToken(token: string) {
  if (token.length > 500) return null;
  if (/^demo_ok_./.test(token)) return { kind: 'card', declined: false } as const;
  if (/^demo_decline_./.test(token)) return { kind: 'card', declined: true } as const;
  if (/^pr_./.test(token)) return { kind: 'payment_request', declined: false } as const;
  const redirect = /^redirect:(\w+)$/.exec(token)?.[1];
  if (redirect && Object.hasOwn(REDIRECT_METHODS, redirect))
    return { kind: 'redirect', declined: false, method: redirect } as const;
  return null;
}

/** The known fields of an address, trimmed, the country upper-cased. */
function cleanAddress(a: Json): Address {
  const address: Address = { country: str(a['country']).toUpperCase(), name: '', line1: '', city: '' };
  for (const key of ADDRESS_KEYS) {
    const value = str(a[key]);
    if (value || key === 'name' || key === 'line1' || key === 'city') address[key] = value;
  }
  return address;
}

function confirmationOf(order: StoredOrder): OrderConfirmation {
  const { payment, price } = order.body;
  return {
    orderId: order.id,
    status: order.status,
    total: price.total,
    ...(order.status === 'pending' &&
      payment.kind === 'redirect' && {
        redirectUrl: `/pay/simulated?order=${encodeURIComponent(order.id)}&method=${encodeURIComponent(payment.method)}`,
      }),
  };
}

/**
 * The demo shop's checkout endpoints over an {@link OrderStore}:
 *
 * - `GET /api/checkout/config?lang=` — the {@link checkoutConfig} of that shop, priced now;
 * - `POST /api/orders` — places an `OrderRequest` once per idempotency key, re-priced from the
 *   server's catalog (201, or 200 with the same confirmation for a retry);
 * - `GET /api/orders/:id` — an order's status, total and lines, without contact or address;
 * - `GET|POST /pay/simulated` — the stand-in page of the redirect payment methods;
 * - `POST /api/cart/validate` — current availability and price of cart lines;
 * - `POST /api/checkout/abandon`, `GET /api/checkout/recover/:id` — a cart kept for a reminder,
 *   with the shopper's consent, and restored from the reminder's link.
 */
export function orderRoutes(options: OrderRoutesOptions): OrderRoutes {
  const { catalogs, store } = options;
  const now = options.now ?? Date.now;

  const run = (req: IncomingMessage, res: ServerResponse, task: Promise<void>) => {
    task.catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        const locale = toLocale(req.headers['accept-language']);
        refuse(res, 413, { code: ORDER_ERRORS.invalid, message: orderMessage('tooLarge', locale) });
        return;
      }
      console.error(`shop: ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'Internal error' } });
      else res.end();
    });
    return true;
  };

  /** Parses a JSON body; answers 400 and returns null when it isn't a JSON object. */
  const readJson = async (req: IncomingMessage, res: ServerResponse, limit: number): Promise<Json | null> => {
    const text = await readBody(req, limit);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (isObject(value)) return value;
    const locale = toLocale(req.headers['accept-language']);
    refuse(res, 400, { code: ORDER_ERRORS.invalid, message: orderMessage('badJson', locale) });
    return null;
  };

  async function placeOrder(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      await readBody(req, ORDER_LIMIT).catch(() => '');
      const message = orderMessage('notJson', toLocale(req.headers['accept-language']));
      refuse(res, 415, { code: ORDER_ERRORS.invalid, message });
      return;
    }
    const body = await readJson(req, res, ORDER_LIMIT);
    if (!body) return;
    const locale = toLocale(body['locale']);
    const t = (key: OrderMessageKey, vars?: Record<string, string>) => orderMessage(key, locale, vars);
    const shape = shapeProblem(body);
    if (shape) {
      refuse(res, 400, { code: ORDER_ERRORS.invalid, message: t('badShape', { detail: shape }) });
      return;
    }
    const order = body as unknown as OrderRequest;
    if (req.headers['idempotency-key'] !== order.idempotencyKey) {
      refuse(res, 400, { code: ORDER_ERRORS.invalid, message: t('keyMismatch') });
      return;
    }
    const requestHash = createHash('sha256').update(canonical(body)).digest('hex');
    const answerExisting = (existing: StoredOrder) => {
      if (existing.requestHash === requestHash) sendJson(res, 200, confirmationOf(existing));
      else refuse(res, 409, { code: ORDER_ERRORS.idempotencyConflict, message: t('conflict') });
    };
    // A retry of a placed order gets that order even if prices or stock changed since.
    const existing = await store.orderByKey(order.idempotencyKey);
    if (existing) {
      answerExisting(existing);
      return;
    }

    // The lines, from the server's catalog.
    const catalog = catalogs[locale];
    const fields: Record<string, string> = {};
    if (order.currency !== catalog.currency)
      fields['currency'] = t('currency', { currency: catalog.currency });
    if (order.lines.length === 0) fields['lines'] = t('linesEmpty');
    const found: { product: Product; variant: Variant; quantity: number }[] = [];
    order.lines.slice(0, MAX_LINES).forEach((line: unknown, i) => {
      const l = isObject(line) ? line : {};
      const hit = findVariant(catalog, l['productId'], l['variantId']);
      const quantity = l['quantity'];
      if (!hit) fields[`lines[${i}]`] = t('lineUnknown');
      else if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > MAX_QUANTITY)
        fields[`lines[${i}]`] = t('lineQuantity');
      else found.push({ ...hit, quantity: quantity as number });
    });
    if (order.lines.length > MAX_LINES) fields['lines'] = t('tooManyLines', { max: String(MAX_LINES) });
    if (Object.keys(fields).length) {
      refuse(res, 422, { code: ORDER_ERRORS.invalid, message: t('invalid'), fields });
      return;
    }
    const soldOut = found.filter((f) => f.variant.availability === 'out_of_stock');
    if (soldOut.length) {
      refuse(res, 409, {
        code: ORDER_ERRORS.unavailable,
        message: t('unavailable', {
          titles: soldOut.map((f) => f.product.title).join(locale === 'zh-CN' ? '、' : ', '),
        }),
        lines: soldOut.map((f) => f.variant.id),
      });
      return;
    }

    // Contact, addresses, delivery and payment.
    const at = now();
    const config = checkoutConfig(catalog, at);
    const shipping = cleanAddress(order.shipping as unknown as Json);
    const billing = order.billing && cleanAddress(order.billing as unknown as Json);
    const country = shipping.country;
    const email = str(order.contact.email);
    const contactPhone = str(order.contact.phone);
    if (country === 'CN') {
      const problem = contactPhone ? await checkPhone(contactPhone, 'CN', locale) : t('mobileMissing');
      if (problem) fields['contact.phone'] = problem;
      if (email && checkEmail(email, locale)) fields['contact.email'] = checkEmail(email, locale);
    } else {
      const problem = checkEmail(email, locale);
      if (problem) fields['contact.email'] = problem;
    }
    const shippingProblems = await checkAddress(shipping, locale);
    if (!shippingProblems.country && !config.countries.includes(country))
      shippingProblems.country = t('country');
    for (const [key, message] of Object.entries(shippingProblems)) fields[`shipping.${key}`] = message;
    if (billing)
      for (const [key, message] of Object.entries(await checkAddress(billing, locale)))
        fields[`billing.${key}`] = message;
    if (
      !shippingProblems.country &&
      !deliveryOptionsFor(config, country).some((o) => o.id === order.delivery.id)
    )
      fields['delivery.id'] = t('delivery');
    const payment = readToken(order.payment.token);
    if (!payment) fields['payment.token'] = t('paymentToken');
    if (Object.keys(fields).length || !payment) {
      refuse(res, 422, { code: ORDER_ERRORS.invalid, message: t('invalid'), fields });
      return;
    }

    // Re-priced from the server's catalog: the client's line prices are only what it showed. The
    // fields are those `<vt-add-to-cart>` puts in a cart line, so promotions match as in the cart.
    const lines: CartLine[] = found.map(({ product, variant, quantity }) => ({
      variantId: variant.id,
      productId: product.id,
      quantity,
      price: variant.price,
      sku: variant.sku,
      category: product.category,
      brand: product.brand,
    }));
    const priced = priceOrder({
      lines,
      codes: order.codes,
      config,
      deliveryId: order.delivery.id,
      country,
      now: at,
      currency: catalog.currency,
    });
    if (priced.price.problems.length || !priced.delivery)
      throw new Error(`the shop's own order did not price: ${priced.price.problems.join('; ')}`);
    const { price } = priced;
    if (
      !sameMoney(order.total, price.total) ||
      !sameMoney(order.discounts, price.discounts) ||
      !sameMoney(order.shippingCost, price.shipping)
    ) {
      refuse(res, 409, {
        code: ORDER_ERRORS.totalChanged,
        message: t('totalChanged', { total: formatAmount(price.total, locale) }),
        expected: {
          total: price.total,
          lines: found.map((f) => ({ variantId: f.variant.id, price: f.variant.price })),
        },
      });
      return;
    }

    const phoneOf = async (phone: string, c: string) =>
      phone ? ((await normalizePhone(phone, c)) ?? phone) : '';
    const shippingPhone = await phoneOf(shipping.phone ?? '', country);
    if (shippingPhone) shipping.phone = shippingPhone;
    if (billing?.phone) billing.phone = await phoneOf(billing.phone, billing.country);
    const phone = await phoneOf(contactPhone, country);
    const deliveryTitle = priced.delivery.option.title;
    const record: OrderRecord = {
      locale,
      lines: found.map(({ product, variant, quantity }) => ({
        variantId: variant.id,
        productId: product.id,
        quantity,
        price: variant.price,
        title: product.title,
      })),
      codes: order.codes,
      contact: {
        ...(email && { email }),
        ...(phone && { phone }),
        ...(order.contact.remindMe === true && { remindMe: true }),
      },
      shipping,
      ...(billing && { billing }),
      delivery: {
        id: priced.delivery.option.id,
        title: typeof deliveryTitle === 'string' ? deliveryTitle : deliveryTitle[locale],
        cost: price.shipping,
      },
      payment: {
        method: payment.kind === 'redirect' ? payment.method : order.payment.method.slice(0, 40),
        kind: payment.kind,
      },
      price: {
        subtotal: price.subtotal,
        discounts: price.discounts,
        shippingDiscount: price.shippingDiscount,
        shipping: price.shipping,
        total: price.total,
      },
      promotions: price.applied.map((a) => a.id),
    };

    let placed: { order: StoredOrder; created: boolean };
    try {
      placed = await store.placeOnce(order.idempotencyKey, (): NewOrder => {
        // The simulated provider "charges" here, once per key; a real one would be called here too.
        if (payment.declined)
          throw new OrderRefusal(402, {
            error: { code: ORDER_ERRORS.paymentFailed, message: t('declined') },
          });
        return {
          requestHash,
          status: payment.kind === 'redirect' ? 'pending' : 'paid',
          currency: price.total.currency,
          total: price.total.amount,
          body: record,
        };
      });
    } catch (error) {
      if (!(error instanceof OrderRefusal)) throw error;
      sendJson(res, error.status, error.body);
      return;
    }
    if (!placed.created) answerExisting(placed.order);
    else sendJson(res, 201, confirmationOf(placed.order));
  }

  async function showOrder(res: ServerResponse, id: string, locale: ShopLocale): Promise<void> {
    const order = await store.order(id);
    if (!order) {
      sendJson(res, 404, { error: { code: 'not_found', message: orderMessage('orderNotFound', locale) } });
      return;
    }
    const { body } = order;
    sendJson(res, 200, {
      orderId: order.id,
      status: order.status,
      total: body.price.total,
      currency: order.currency,
      lines: body.lines.map(({ variantId, productId, quantity }) => ({ variantId, productId, quantity })),
      delivery: body.delivery,
      createdAt: order.createdAt,
    });
  }

  async function payPage(res: ServerResponse, id: string): Promise<void> {
    const order = id ? await store.order(id) : null;
    if (!order) {
      send(res, 404, HTML, '<!doctype html><title>Not found</title><p>No such order. <a href="/">Home</a>');
      return;
    }
    send(res, 200, HTML, simulatedPayPage(order));
  }

  async function pay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = new URLSearchParams(await readBody(req, 4 * KB)).get('order') ?? '';
    const order = id ? await store.order(id) : null;
    if (!order) {
      send(res, 404, HTML, '<!doctype html><title>Not found</title><p>No such order. <a href="/">Home</a>');
      return;
    }
    if (order.status === 'pending') await store.setStatus(order.id, 'paid');
    res.writeHead(303, {
      location: `/checkout.html?order=${encodeURIComponent(order.id)}`,
      'cache-control': 'no-store',
    });
    res.end();
  }

  async function validateCart(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, res, SMALL_LIMIT);
    if (!body) return;
    const locale = toLocale(body['locale']);
    const lines = body['lines'];
    if (!Array.isArray(lines) || lines.length > 200) {
      refuse(res, 400, {
        code: ORDER_ERRORS.invalid,
        message: orderMessage('badShape', locale, { detail: 'lines' }),
      });
      return;
    }
    const catalog = catalogs[locale];
    sendJson(res, 200, {
      lines: lines.map((line: unknown) => {
        const l = isObject(line) ? line : {};
        const hit = findVariant(catalog, l['productId'], l['variantId']);
        if (!hit) return { variantId: String(l['variantId'] ?? ''), available: false };
        return {
          variantId: hit.variant.id,
          available: hit.variant.availability !== 'out_of_stock',
          price: hit.variant.price,
          title: hit.product.title,
        };
      }),
    });
  }

  async function abandon(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // navigator.sendBeacon posts text/plain (or whatever Blob type it was given): any type is read as JSON.
    const body = await readJson(req, res, ABANDON_LIMIT);
    if (!body) return;
    const locale = toLocale(body['locale']);
    const no = (reason: string, key: OrderMessageKey) =>
      sendJson(res, 422, {
        error: { code: ORDER_ERRORS.invalid, reason, message: orderMessage(key, locale) },
      });
    const contact = isObject(body['contact']) ? body['contact'] : {};
    if (contact['remindMe'] !== true) return no('no_consent', 'noConsent');
    const email = str(contact['email']);
    const country = locale === 'zh-CN' ? 'CN' : 'US';
    const phone = str(contact['phone']) && (await normalizePhone(str(contact['phone']), country));
    const validEmail = email && !checkEmail(email, locale) ? email : '';
    if (!validEmail && !phone) return no('no_contact', 'noContact');

    const catalog = catalogs[locale];
    const cart = isObject(body['cart']) ? body['cart'] : {};
    const lines = Array.isArray(cart['lines']) ? (cart['lines'] as unknown[]) : [];
    const codes = Array.isArray(cart['codes'])
      ? cart['codes'].filter((c) => typeof c === 'string').slice(0, 20)
      : [];
    const kept: AbandonedCart['lines'] = [];
    for (const line of lines.slice(0, MAX_LINES)) {
      const l = isObject(line) ? line : {};
      const hit = findVariant(catalog, l['productId'], l['variantId']);
      const quantity = l['quantity'];
      if (
        hit &&
        Number.isInteger(quantity) &&
        (quantity as number) >= 1 &&
        (quantity as number) <= MAX_QUANTITY
      )
        kept.push({ variantId: hit.variant.id, productId: hit.product.id, quantity: quantity as number });
    }
    if (cart['currency'] !== catalog.currency || kept.length === 0) return no('bad_cart', 'badCart');
    const id = await store.saveAbandoned({
      contact: { ...(validEmail && { email: validEmail }), ...(phone && { phone }) },
      cart: { currency: catalog.currency, lines: kept, codes: codes as string[] },
      locale,
    });
    sendJson(res, 202, { id, returnUrl: `/checkout.html?recover=${encodeURIComponent(id)}` });
  }

  async function recover(res: ServerResponse, id: string, lang: ShopLocale): Promise<void> {
    const entry = await store.recoverAbandoned(id);
    if (!entry) {
      sendJson(res, 404, { error: { code: 'not_found', message: orderMessage('cartNotFound', lang) } });
      return;
    }
    const catalog = catalogs[entry.locale];
    const lines = entry.cart.lines.flatMap((l) => {
      const hit = findVariant(catalog, l.productId, l.variantId);
      return hit ? [cartLineFor(hit.product, hit.variant, l.quantity)] : [];
    });
    sendJson(res, 200, {
      cart: { currency: entry.cart.currency, codes: entry.cart.codes, lines },
      locale: entry.locale,
    });
  }

  return (req, res, url, path) => {
    const get = req.method === 'GET' || req.method === 'HEAD';
    const post = req.method === 'POST';
    const lang = toLocale(url.searchParams.get('lang') ?? req.headers['accept-language']);
    if (get && path === '/api/checkout/config') {
      sendJson(res, 200, checkoutConfig(catalogs[toLocale(url.searchParams.get('lang'))], now()));
      return true;
    }
    if (post && path === '/api/orders') return run(req, res, placeOrder(req, res));
    const orderMatch = get && /^\/api\/orders\/([^/]+)$/.exec(path);
    if (orderMatch) return run(req, res, showOrder(res, orderMatch[1]!, lang));
    if (get && path === '/pay/simulated')
      return run(req, res, payPage(res, url.searchParams.get('order') ?? ''));
    if (post && path === '/pay/simulated') return run(req, res, pay(req, res));
    if (post && path === '/api/cart/validate') return run(req, res, validateCart(req, res));
    if (post && path === '/api/checkout/abandon') return run(req, res, abandon(req, res));
    const recoverMatch = get && /^\/api\/checkout\/recover\/([^/]+)$/.exec(path);
    if (recoverMatch) return run(req, res, recover(res, recoverMatch[1]!, lang));
    return false;
  };
}
