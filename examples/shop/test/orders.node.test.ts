import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  priceOrder,
  type Address,
  type CheckoutConfig,
  type Contact,
  type OrderConfirmation,
  type OrderErrorBody,
  type OrderRequest,
} from '@vitrine/checkout/order';
import type { CartLine, Money } from '@vitrine/pricing';
import { listAbandonedCheckouts } from '../server/order-store.js';
import { startShop, type ShopServer } from '../server/shop-server.js';
import { generateCatalog } from '../src/catalog.js';
import type { Catalog, ShopLocale } from '../src/catalog-types.js';

const catalogs: Record<ShopLocale, Catalog> = {
  en: generateCatalog('en'),
  'zh-CN': generateCatalog('zh-CN'),
};

const US_ADDRESS: Address = {
  country: 'US',
  name: 'Ada Lovelace',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
};
const CN_ADDRESS: Address = {
  country: 'CN',
  name: '王小明',
  phone: '138 0013 8000',
  region: '广东省',
  city: '深圳市',
  district: '南山区',
  line1: '科技园路1号2栋301室',
};

function variant(locale: ShopLocale, variantId: string) {
  for (const product of catalogs[locale].products) {
    const v = product.variants.find((x) => x.id === variantId);
    if (v) return { product, variant: v };
  }
  throw new Error(`no variant ${variantId}`);
}

/** The first variant of the catalog with this availability, from the given product position on. */
function pick(locale: ShopLocale, availability: 'in_stock' | 'out_of_stock', from = 0) {
  for (const product of catalogs[locale].products.slice(from))
    for (const v of product.variants) if (v.availability === availability) return { product, variant: v };
  throw new Error(`no ${availability} variant`);
}

/** A cart line as `<vt-add-to-cart>` stores it (what the checkout prices on the client). */
function cartLine(locale: ShopLocale, variantId: string, quantity: number): CartLine {
  const { product, variant: v } = variant(locale, variantId);
  return {
    variantId,
    productId: product.id,
    quantity,
    price: v.price,
    sku: v.sku,
    brand: product.brand,
    category: product.category,
  };
}

interface Draft {
  locale?: ShopLocale;
  lines: { variantId: string; quantity: number; price?: Money }[];
  contact?: Contact;
  shipping?: Address;
  billing?: Address;
  deliveryId?: string;
  token?: string;
  method?: string;
  codes?: string[];
}

describe('demo shop checkout API', () => {
  let shop: ShopServer;
  let dataDir: string;
  const url = (path: string) => new URL(path, shop.url).href;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vt-shop-orders-'));
    shop = await startShop({ port: 0, dataDir });
  });

  after(async () => {
    await shop?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const config = async (locale: ShopLocale): Promise<CheckoutConfig> =>
    (await (await fetch(url(`/api/checkout/config?lang=${locale}`))).json()) as CheckoutConfig;

  /** An order as `<vt-checkout>` sends it, priced on the "client" with the server's config. */
  async function draft(d: Draft): Promise<OrderRequest> {
    const locale = d.locale ?? 'en';
    const shipping = d.shipping ?? (locale === 'zh-CN' ? CN_ADDRESS : US_ADDRESS);
    const lines = d.lines.map((l) => cartLine(locale, l.variantId, l.quantity));
    const codes = d.codes ?? [];
    const deliveryId = d.deliveryId ?? 'standard';
    const { price } = priceOrder({
      lines,
      codes,
      config: await config(locale),
      deliveryId,
      country: shipping.country,
      now: Date.now(),
    });
    return {
      idempotencyKey: randomUUID(),
      locale,
      currency: catalogs[locale].currency,
      lines: lines.map((l, i) => ({
        variantId: l.variantId,
        productId: l.productId,
        quantity: l.quantity,
        price: d.lines[i]!.price ?? l.price,
      })),
      codes,
      contact:
        d.contact ?? (locale === 'zh-CN' ? { phone: CN_ADDRESS.phone! } : { email: 'ada@example.com' }),
      shipping,
      ...(d.billing && { billing: d.billing }),
      delivery: { id: deliveryId },
      payment: { method: d.method ?? 'card', token: d.token ?? `demo_ok_${randomUUID()}` },
      total: price.total,
      discounts: price.discounts,
      shippingCost: price.shipping,
    };
  }

  async function post(order: OrderRequest, key = order.idempotencyKey) {
    const res = await fetch(url('/api/orders'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(order),
    });
    return { status: res.status, body: (await res.json()) as OrderConfirmation & OrderErrorBody };
  }

  const getOrder = async (id: string) => {
    const res = await fetch(url(`/api/orders/${id}`));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const inStock = pick('en', 'in_stock', 20);
  const inStock2 = pick('en', 'in_stock', 40);

  it('places a guest order in USD and shows it, without contact or address data', async () => {
    const order = await draft({ lines: [{ variantId: inStock.variant.id, quantity: 2 }] });
    const placed = await post(order);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.match(placed.body.orderId, /^VT-[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(placed.body.status, 'paid');
    assert.deepEqual(placed.body.total, order.total);
    assert.equal(placed.body.redirectUrl, undefined);

    const shown = await getOrder(placed.body.orderId);
    assert.equal(shown.status, 200);
    assert.equal(shown.body['status'], 'paid');
    assert.equal(shown.body['currency'], 'USD');
    assert.deepEqual(shown.body['total'], order.total);
    assert.deepEqual(shown.body['lines'], [
      { variantId: inStock.variant.id, productId: inStock.product.id, quantity: 2 },
    ]);
    assert.equal((shown.body['delivery'] as { id: string }).id, 'standard');
    assert.ok(Math.abs(Date.parse(shown.body['createdAt'] as string) - Date.now()) < 60_000);
    const text = JSON.stringify(shown.body);
    assert.doesNotMatch(text, /ada@example\.com|Market St|Lovelace/);
    assert.equal((await getOrder('VT-NOTAREAL')).status, 404);
  });

  it('places one order for two simultaneous requests with one key, and answers a retry with it', async () => {
    const order = await draft({ lines: [{ variantId: inStock2.variant.id, quantity: 1 }] });
    const both = await Promise.all([post(order), post(order)]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 201]);
    assert.equal(both[0].body.orderId, both[1].body.orderId);
    const retry = await post(order);
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, both.find((r) => r.status === 201)!.body);

    const changed = await post({ ...order, lines: [{ ...order.lines[0]!, quantity: 3 }] });
    assert.equal(changed.status, 409);
    assert.equal(changed.body.error.code, 'idempotency_conflict');
  });

  it('refuses a key header that differs from the body, and a body that is not JSON', async () => {
    const order = await draft({ lines: [{ variantId: inStock.variant.id, quantity: 1 }] });
    const mismatch = await post(order, 'another-key');
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.error.code, 'invalid');
    const res = await fetch(url('/api/orders'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
      body: '{"idempotencyKey": ',
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as OrderErrorBody).error.code, 'invalid');
  });

  it('refuses a tampered total with total_changed and the server total, in the shopper language', async () => {
    const order = await draft({ lines: [{ variantId: inStock.variant.id, quantity: 3 }] });
    const tampered = { ...order, total: { ...order.total, amount: order.total.amount - 500 } };
    const answer = await post(tampered);
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error.code, 'total_changed');
    assert.deepEqual(answer.body.error.expected?.total, order.total);
    const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(
      order.total.amount / 100,
    );
    assert.equal(
      answer.body.error.message,
      `The total changed to ${usd}: prices or offers changed. Review your order and place it again.`,
    );
    // Nothing was placed: the same key still places the honest order.
    assert.equal((await post({ ...order, idempotencyKey: tampered.idempotencyKey })).status, 201);
  });

  it('charges catalog prices whatever unit price the client sends', async () => {
    const cheap = { amount: 1, currency: 'USD' };
    const honest = await draft({ lines: [{ variantId: inStock.variant.id, quantity: 2, price: cheap }] });
    const placed = await post(honest);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.ok(placed.body.total.amount > 2 * cheap.amount);

    // A total computed from the lowered price is refused with the catalog's total and unit price.
    const lowered = await draft({ lines: [{ variantId: inStock.variant.id, quantity: 2 }] });
    const { price } = priceOrder({
      lines: [{ ...cartLine('en', inStock.variant.id, 2), price: cheap }],
      codes: [],
      config: await config('en'),
      deliveryId: 'standard',
      country: 'US',
      now: Date.now(),
    });
    const answer = await post({
      ...lowered,
      lines: [{ ...lowered.lines[0]!, price: cheap }],
      total: price.total,
      discounts: price.discounts,
      shippingCost: price.shipping,
    });
    assert.equal(answer.status, 409);
    assert.deepEqual(answer.body.error.expected?.total, lowered.total);
    assert.deepEqual(answer.body.error.expected?.lines, [
      { variantId: inStock.variant.id, price: inStock.variant.price },
    ]);
  });

  it('names bad fields for the form, in English and in Chinese', async () => {
    const en = await draft({
      lines: [{ variantId: inStock.variant.id, quantity: 1 }],
      contact: {},
      shipping: { ...US_ADDRESS, postalCode: '9410' },
    });
    const answer = await post(en);
    assert.equal(answer.status, 422);
    assert.equal(answer.body.error.code, 'invalid');
    assert.equal(answer.body.error.fields?.['contact.email'], 'Enter your email');
    assert.match(answer.body.error.fields?.['shipping.postalCode'] ?? '', /^Enter a 5-digit ZIP code/);

    const abroad = await post(
      await draft({
        lines: [{ variantId: inStock.variant.id, quantity: 1 }],
        shipping: {
          country: 'GB',
          name: 'Ada Lovelace',
          line1: '10 Downing St',
          city: 'London',
          postalCode: 'SW1A 2AA',
        },
      }),
    );
    assert.equal(abroad.status, 422, 'standard delivery is US only');
    assert.deepEqual(Object.keys(abroad.body.error.fields ?? {}), ['delivery.id']);

    const cnVariant = pick('zh-CN', 'in_stock', 20).variant.id;
    const zh = await draft({
      locale: 'zh-CN',
      lines: [{ variantId: cnVariant, quantity: 1 }],
      contact: { phone: CN_ADDRESS.phone!, email: 'not-an-email' },
      shipping: { ...CN_ADDRESS, postalCode: '5180' },
    });
    const zhAnswer = await post(zh);
    assert.equal(zhAnswer.status, 422);
    assert.equal(zhAnswer.body.error.message, '部分信息有误，请检查标出的内容。');
    assert.match(zhAnswer.body.error.fields?.['shipping.postalCode'] ?? '', /^请输入6位邮政编码/);
    assert.match(zhAnswer.body.error.fields?.['contact.email'] ?? '', /^请输入有效的电子邮箱/);

    const noPhone = await post({ ...zh, contact: {}, shipping: CN_ADDRESS, idempotencyKey: randomUUID() });
    assert.equal(noPhone.status, 422);
    assert.equal(noPhone.body.error.fields?.['contact.phone'], '请输入手机号码');
  });

  it('refuses a sold-out variant with unavailable and its id, and an unknown one as a bad line', async () => {
    const soldOut = pick('en', 'out_of_stock');
    const order = await draft({
      lines: [
        { variantId: inStock.variant.id, quantity: 1 },
        { variantId: soldOut.variant.id, quantity: 1 },
      ],
    });
    const answer = await post(order);
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error.code, 'unavailable');
    assert.deepEqual(answer.body.error.lines, [soldOut.variant.id]);
    assert.ok(answer.body.error.message.includes(soldOut.product.title));

    const unknown = await post({
      ...order,
      idempotencyKey: randomUUID(),
      lines: [
        order.lines[0]!,
        { ...order.lines[0]!, variantId: 'p0001-v99' },
        { ...order.lines[0]!, quantity: 100 },
      ],
    });
    assert.equal(unknown.status, 422);
    assert.deepEqual(Object.keys(unknown.body.error.fields ?? {}), ['lines[1]', 'lines[2]']);
  });

  it('places a Chinese order in CNY with a mobile number as the contact', async () => {
    const cn = pick('zh-CN', 'in_stock', 30);
    const order = await draft({
      locale: 'zh-CN',
      lines: [{ variantId: cn.variant.id, quantity: 1 }],
      deliveryId: 'express',
    });
    assert.equal(order.total.currency, 'CNY');
    const placed = await post(order);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.deepEqual(placed.body.total, order.total);
    const shown = await getOrder(placed.body.orderId);
    assert.equal(shown.body['currency'], 'CNY');
    assert.equal((shown.body['delivery'] as { title: string }).title, '顺丰次日达');

    const usd = await post({ ...order, idempotencyKey: randomUUID(), currency: 'USD' });
    assert.equal(usd.status, 422);
    assert.ok(usd.body.error.fields?.['currency']);
  });

  it('answers a declined card with 402 and keeps the key usable for another card', async () => {
    const order = await draft({
      lines: [{ variantId: inStock.variant.id, quantity: 1 }],
      token: 'demo_decline_abc',
    });
    const declined = await post(order);
    assert.equal(declined.status, 402);
    assert.equal(declined.body.error.code, 'payment_failed');
    assert.match(declined.body.error.message, /^Your card was declined/);
    const retry = await post({ ...order, payment: { method: 'card', token: 'demo_ok_def' } });
    assert.equal(retry.status, 201);

    const bogus = await post({
      ...order,
      idempotencyKey: randomUUID(),
      payment: { method: 'card', token: 'tok_visa' },
    });
    assert.equal(bogus.status, 422);
    assert.ok(bogus.body.error.fields?.['payment.token']);
    const express = await post({
      ...order,
      idempotencyKey: randomUUID(),
      payment: { method: 'payment-request', token: 'pr_1' },
    });
    assert.equal(express.status, 201);
    assert.equal(express.body.status, 'paid');
  });

  it('leaves a redirect order pending until the simulated payment page is paid', async () => {
    const order = await draft({
      locale: 'zh-CN',
      lines: [{ variantId: pick('zh-CN', 'in_stock', 50).variant.id, quantity: 1 }],
      method: 'alipay',
      token: 'redirect:alipay',
    });
    const placed = await post(order);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.equal(placed.body.status, 'pending');
    const id = placed.body.orderId;
    assert.equal(placed.body.redirectUrl, `/pay/simulated?order=${id}&method=alipay`);

    const page = await fetch(url(placed.body.redirectUrl!));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await page.text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /模拟支付宝支付/);
    assert.match(html, /不会进行真实支付/);
    assert.match(html, /<form method="post" action="\/pay\/simulated">/);
    assert.ok(html.includes(`name="order" value="${id}"`));
    assert.doesNotMatch(html, /<script|https?:\/\//);
    assert.equal((await getOrder(id)).body['status'], 'pending');

    const paid = await fetch(url('/pay/simulated'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ order: id }).toString(),
      redirect: 'manual',
    });
    assert.equal(paid.status, 303);
    assert.equal(paid.headers.get('location'), `/checkout.html?order=${id}`);
    assert.equal((await getOrder(id)).body['status'], 'paid');
    // A retry of the placed order now reports it paid, with nowhere left to go.
    const retry = await post(order);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.status, 'paid');
    assert.equal(retry.body.redirectUrl, undefined);
  });

  it('keeps orders across a restart with the same data folder', async () => {
    const order = await draft({ lines: [{ variantId: inStock.variant.id, quantity: 1 }] });
    const placed = await post(order);
    assert.equal(placed.status, 201);
    await shop.close();
    shop = await startShop({ port: 0, dataDir });
    const shown = await getOrder(placed.body.orderId);
    assert.equal(shown.status, 200);
    assert.deepEqual(shown.body['total'], order.total);
    const retry = await post(order);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.orderId, placed.body.orderId);
  });

  it('keeps an abandoned cart only with consent, and restores it from the reminder link', async () => {
    const lines = [
      { variantId: inStock.variant.id, productId: inStock.product.id, quantity: 2 },
      { variantId: inStock2.variant.id, productId: inStock2.product.id, quantity: 1 },
    ];
    const beacon = (body: unknown) =>
      fetch(url('/api/checkout/abandon'), {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' }, // what sendBeacon sends for a string
        body: JSON.stringify(body),
      });
    const cart = { currency: 'USD', lines, codes: ['WINTER10'] };

    const noConsent = await beacon({
      locale: 'en',
      contact: { email: 'ada@example.com', remindMe: false },
      cart,
    });
    assert.equal(noConsent.status, 422);
    assert.equal(((await noConsent.json()) as { error: { reason: string } }).error.reason, 'no_consent');
    const noContact = await beacon({ locale: 'en', contact: { email: 'ada@', remindMe: true }, cart });
    assert.equal(noContact.status, 422);
    assert.equal(((await noContact.json()) as { error: { reason: string } }).error.reason, 'no_contact');

    const kept = await beacon({ locale: 'en', contact: { email: 'ada@example.com', remindMe: true }, cart });
    assert.equal(kept.status, 202);
    const { id, returnUrl } = (await kept.json()) as { id: string; returnUrl: string };
    assert.equal(returnUrl, `/checkout.html?recover=${id}`);
    const waiting = await listAbandonedCheckouts(dataDir);
    const mine = waiting.find((a) => a.id === id);
    assert.ok(mine, 'listed for a reminder');
    assert.equal(mine.contact.email, 'ada@example.com');
    assert.equal(mine.recoveredAt, null);

    const res = await fetch(url(`/api/checkout/recover/${id}`));
    assert.equal(res.status, 200);
    const restored = (await res.json()) as {
      cart: { currency: string; codes: string[]; lines: Record<string, unknown>[] };
    };
    assert.equal(restored.cart.currency, 'USD');
    assert.deepEqual(restored.cart.codes, ['WINTER10']);
    assert.deepEqual(
      restored.cart.lines.map((l) => [l['variantId'], l['quantity'], l['title'], l['price'], l['url']]),
      [
        [inStock.variant.id, 2, inStock.product.title, inStock.variant.price, inStock.product.url],
        [inStock2.variant.id, 1, inStock2.product.title, inStock2.variant.price, inStock2.product.url],
      ],
    );
    assert.match(String(restored.cart.lines[0]!['image']), /^\/img\/p\d+-\d+\.svg$/);
    assert.equal(
      (await listAbandonedCheckouts(dataDir)).find((a) => a.id === id),
      undefined,
      'a recovered cart gets no reminder',
    );
    assert.equal((await fetch(url('/api/checkout/recover/nope'))).status, 404);
  });

  it('validates a cart against current stock and prices', async () => {
    const soldOut = pick('en', 'out_of_stock');
    const res = await fetch(url('/api/cart/validate'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        locale: 'en',
        lines: [
          {
            variantId: inStock.variant.id,
            productId: inStock.product.id,
            quantity: 1,
            price: { amount: 1, currency: 'USD' },
          },
          {
            variantId: soldOut.variant.id,
            productId: soldOut.product.id,
            quantity: 1,
            price: soldOut.variant.price,
          },
          { variantId: 'p0001-v99', productId: 'p0001', quantity: 1, price: { amount: 1, currency: 'USD' } },
        ],
      }),
    });
    assert.equal(res.status, 200);
    const { lines } = (await res.json()) as {
      lines: { variantId: string; available: boolean; price?: Money; title?: string }[];
    };
    assert.deepEqual(lines, [
      {
        variantId: inStock.variant.id,
        available: true,
        price: inStock.variant.price,
        title: inStock.product.title,
      },
      {
        variantId: soldOut.variant.id,
        available: false,
        price: soldOut.variant.price,
        title: soldOut.product.title,
      },
      { variantId: 'p0001-v99', available: false },
    ]);
  });

  it('serves a checkout config per shop whose amounts are in the catalog currency', async () => {
    for (const [locale, currency, countries] of [
      ['en', 'USD', ['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'AU']],
      ['zh-CN', 'CNY', ['CN']],
    ] as const) {
      const c = await config(locale);
      assert.deepEqual(c.countries, countries);
      assert.ok(c.promotions.length > 0);
      for (const o of c.delivery) {
        assert.equal(o.price.currency, currency, `${locale} ${o.id}`);
        if (o.freeOver) assert.equal(o.freeOver.currency, currency);
        assert.ok(
          o.countries?.every((x) => countries.includes(x as never)),
          `${o.id} ships to shop countries`,
        );
      }
      for (const country of countries)
        assert.ok(
          c.delivery.some((o) => o.countries?.includes(country)),
          `${locale}: something ships to ${country}`,
        );
    }
    const en = await config('en');
    assert.deepEqual(
      en.delivery.map((o) => [o.id, o.price.amount, o.freeOver?.amount]),
      [
        ['standard', 599, 5000],
        ['express', 1499, undefined],
        ['international', 1999, undefined],
      ],
    );
  });

  it('still answers other methods with 405', async () => {
    assert.equal((await fetch(url('/api/orders'), { method: 'PUT' })).status, 405);
    assert.equal((await fetch(url('/api/checkout/config'), { method: 'DELETE' })).status, 405);
  });
});
