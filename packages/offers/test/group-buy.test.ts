import { expect } from '@esm-bundle/chai';
import FakeTimers from '@sinonjs/fake-timers';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, cleanupFixtures, expectAccessible, recordEvents } from '@vitrine/testing';
import { getServerClock } from '@vitrine/core';
import type { VtGroupBuy } from '@vitrine/offers';
import '@vitrine/offers/group-buy';
import type { FunnelDetail, GroupBuyDetail, SaleChangeDetail, VtErrorDetail } from '@vitrine/schema';
import { groupBuyCatalogs } from '../src/components/group-buy/group-buy.messages.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function teaGroupBuy(overrides: Record<string, unknown> = {}) {
  return {
    id: 'gb-tea',
    kind: 'group_buy',
    title: { en: 'Tea group buy', 'zh-CN': '龙井拼团' },
    price: { amount: 9900, currency: 'CNY' },
    minGroupSize: 3,
    endsAt: new Date(Date.now() + 2 * DAY).toISOString(),
    eligibility: { products: ['tea'] },
    ...overrides,
  };
}

/** The shop's promotions: a coupon, a group buy for another product, then the tea group buy. */
function promotions(overrides: Record<string, unknown> = {}) {
  return [
    { id: 'save-10', kind: 'percent_off', title: '10% off', percent: 10 },
    {
      id: 'gb-cup',
      kind: 'group_buy',
      title: 'Cup group buy',
      price: { amount: 1500, currency: 'CNY' },
      minGroupSize: 2,
      eligibility: { products: ['cup'] },
    },
    teaGroupBuy(overrides),
  ];
}

/**
 * Creates `<vt-group-buy ATTRIBUTES>` with `promotions` set before it connects (inside a container
 * with `lang`, after a focusable button) and waits for its first render.
 */
async function mount(attributes: string, promos: unknown = promotions(), lang = 'en'): Promise<VtGroupBuy> {
  const container = document.createElement('div');
  container.lang = lang;
  container.innerHTML = `<button id="before">Before</button><vt-group-buy ${attributes}></vt-group-buy>`;
  const el = container.querySelector('vt-group-buy')!;
  el.promotions = promos;
  document.body.append(container);
  await el.updateComplete;
  return el;
}

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part="${name}"]`);
}
function text(el: Element, name: string): string {
  return (part(el, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** The embedded countdown's visible text, whitespace collapsed. */
function countdownText(el: Element): string {
  return (part(el, 'countdown')?.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}
function buttons(el: Element): string[] {
  return [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
}

/** Collects every `type` event that reaches `document`, until `stop()`. */
const TEA_ITEM = {
  item_id: 'tea-250g',
  item_name: 'Longjing tea 250 g',
  price: 9900,
  discount: 10000,
  quantity: 1,
  promotion_id: 'gb-tea',
  promotion_name: 'Tea group buy',
};
const TEA =
  'product-id="tea" variant-id="tea-250g" product-name="Longjing tea 250 g" regular-price="19900" currency="CNY"';

describe('<vt-group-buy>', () => {
  let funnel: ReturnType<typeof recordEvents<FunnelDetail>>;
  let groupBuys: ReturnType<typeof recordEvents<GroupBuyDetail>>;
  beforeEach(() => {
    getServerClock().set(Date.now());
    funnel = recordEvents<FunnelDetail>('vt-funnel');
    groupBuys = recordEvents<GroupBuyDetail>('vt-group-buy');
  });
  afterEach(() => {
    funnel.stop();
    groupBuys.stop();
    cleanupFixtures();
    document.querySelectorAll('body > div').forEach((d) => d.remove());
  });

  it('passes axe when open, with a group to join, not started, ended, empty and broken, in both languages', async () => {
    const errors = captureConsole('error');
    try {
      for (const lang of ['en', 'zh-CN']) {
        await expectAccessible(await mount(TEA, promotions(), lang));
        await expectAccessible(await mount(`${TEA} group-id="G42" group-size="1"`, promotions(), lang));
        const upcoming = await mount(TEA, promotions({ startsAt: Date.now() + DAY }), lang);
        await expectAccessible(upcoming);
        const ended = await mount(TEA, promotions({ endsAt: Date.now() - DAY }), lang);
        await expectAccessible(ended);
        const empty = await mount('product-id="kettle"', promotions(), lang);
        expect(empty.status).to.equal('empty');
        await expectAccessible(empty);
        const broken = await mount(`${TEA} promotion-id="gb-gone"`, promotions(), lang);
        expect(broken.status).to.equal('error');
        await expectAccessible(broken);
      }
    } finally {
      errors.restore();
    }
  });

  it('shows the group price, the regular price struck through, the saving, the group size and the time left', async () => {
    const el = await mount(TEA);
    expect(el.status).to.equal('ready');
    expect(text(el, 'title')).to.equal('Tea group buy');
    expect(text(el, 'group-price')).to.equal('CN¥99.00');
    const regular = part(el, 'regular-price')!;
    expect(regular.localName).to.equal('s');
    expect(getComputedStyle(regular).textDecorationLine).to.equal('line-through');
    // Strike-through is not spoken: the regular price says what it is.
    expect(text(el, 'regular-price')).to.equal('Regular price CN¥199.00');
    expect(text(el, 'savings')).to.equal('Save CN¥100.00');
    expect(text(el, 'size')).to.equal('3-person group · Start a group and invite 2 more people');
    const countdown = part(el, 'countdown')!;
    expect(countdown.localName).to.equal('vt-countdown');
    expect(countdown.getAttribute('phase')).to.equal('live');
    expect(countdownText(el)).to.match(/^Ends in (2 d 00:00:00|1 d 23:59:[0-5]\d)$/);
    expect(buttons(el)).to.deep.equal(['Start a group']);
  });

  it('says how many have joined and how many more are needed for the group in group-id', async () => {
    const el = await mount(`${TEA} group-id="G42" group-size="1"`);
    expect(text(el, 'size')).to.equal('3-person group · 1 person has joined · 2 more people needed');
    expect(buttons(el)).to.deep.equal(['Join this group', 'Start a group']);
    el.groupSize = 2;
    await el.updateComplete;
    expect(text(el, 'size')).to.equal('3-person group · 2 people have joined · 1 more person needed');
    el.groupSize = 3;
    await el.updateComplete;
    expect(text(el, 'size')).to.equal('3-person group · 3 people have joined · The group is complete');
  });

  it('speaks Chinese under lang="zh-CN"', async () => {
    const el = await mount(`${TEA} group-id="G42" group-size="1"`, promotions(), 'zh-CN');
    expect(text(el, 'title')).to.equal('龙井拼团');
    expect(text(el, 'group-price')).to.equal('¥99.00');
    expect(text(el, 'regular-price')).to.equal('原价 ¥199.00');
    expect(text(el, 'savings')).to.equal('省¥100.00');
    expect(text(el, 'size')).to.equal('3人团 · 已有1人参团 · 还差2人成团');
    expect(buttons(el)).to.deep.equal(['参与此团', '发起拼团']);
    expect(countdownText(el)).to.contain('距结束');
    const start = await mount(TEA, promotions(), 'zh-CN');
    expect(text(start, 'size')).to.equal('3人团 · 开团后再邀请2人即可成团');
  });

  it('sends view_promotion once, with the item, when the promotion is first shown', async () => {
    const el = await mount(TEA);
    expect(funnel.list).to.deep.equal([
      {
        name: 'view_promotion',
        params: {
          promotion_id: 'gb-tea',
          promotion_name: 'Tea group buy',
          currency: 'CNY',
          items: [TEA_ITEM],
        },
      },
    ]);
    el.groupSize = 2;
    el.groupId = 'G1';
    await el.updateComplete;
    const container = el.parentElement!;
    el.remove();
    container.append(el);
    await el.updateComplete;
    expect(funnel.list).to.have.length(1);
  });

  it('starts a group: vt-group-buy with the exact detail, then GA4 select_promotion', async () => {
    const el = await mount(TEA);
    part(el, 'start-button')!.click();
    expect(groupBuys.list).to.deep.equal([
      {
        action: 'start',
        promotionId: 'gb-tea',
        productId: 'tea',
        variantId: 'tea-250g',
        price: { amount: 9900, currency: 'CNY' },
        minGroupSize: 3,
      },
    ]);
    expect(funnel.list.map((d) => d.name)).to.deep.equal(['view_promotion', 'select_promotion']);
    expect(funnel.list[1]).to.deep.equal({
      name: 'select_promotion',
      params: { promotion_id: 'gb-tea', promotion_name: 'Tea group buy', currency: 'CNY', items: [TEA_ITEM] },
    });
  });

  it('joins the group in group-id, and can still start a new one', async () => {
    const el = await mount('product-id="tea" group-id="G42" group-size="2"');
    part(el, 'join-button')!.click();
    part(el, 'start-button')!.click();
    expect(groupBuys.list).to.deep.equal([
      {
        action: 'join',
        promotionId: 'gb-tea',
        productId: 'tea',
        price: { amount: 9900, currency: 'CNY' },
        minGroupSize: 3,
        groupId: 'G42',
      },
      {
        action: 'start',
        promotionId: 'gb-tea',
        productId: 'tea',
        price: { amount: 9900, currency: 'CNY' },
        minGroupSize: 3,
      },
    ]);
    // Without variant-id or product-name, GA4 gets the product id for both.
    const select = funnel.list.filter((d) => d.name === 'select_promotion');
    expect(select).to.have.length(2);
    expect(select[0]!.params.items![0]).to.deep.equal({
      item_id: 'tea',
      item_name: 'tea',
      price: 9900,
      quantity: 1,
      promotion_id: 'gb-tea',
      promotion_name: 'Tea group buy',
    });
  });

  it('is reachable and activatable with the keyboard (Tab, Enter, Space)', async () => {
    const el = await mount(`${TEA} group-id="G42" group-size="1"`);
    el.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('join-button');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('start-button');
    await sendKeys({ press: 'Space' });
    expect(groupBuys.list.map((d) => d.action)).to.deep.equal(['join', 'start']);
  });

  for (const [name, overrides, reason] of [
    ['has ended', { endsAt: new Date(Date.now() - HOUR).toISOString() }, 'This group buy has ended.'],
    ['has not started', { startsAt: Date.now() + HOUR }, 'This group buy has not started yet.'],
  ] as const) {
    it(`stays visible but unavailable when the promotion ${name}: buttons disabled with the reason, no events`, async () => {
      const el = await mount(`${TEA} group-id="G42" group-size="1"`, promotions(overrides));
      expect(el.status).to.equal('ready');
      expect(text(el, 'group-price')).to.equal('CN¥99.00');
      expect(text(el, 'reason')).to.equal(reason);
      for (const button of el.shadowRoot!.querySelectorAll('button')) {
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(button.getAttribute('aria-describedby')).to.equal('reason');
        button.click();
      }
      expect(groupBuys.list).to.deep.equal([]);
      expect(funnel.list.filter((d) => d.name === 'select_promotion')).to.deep.equal([]);
    });
  }

  it('shows when a not-yet-started group buy starts, and sends no view_promotion for an ended one', async () => {
    const upcoming = await mount(TEA, promotions({ startsAt: Date.now() + HOUR }));
    expect(countdownText(upcoming)).to.match(/Starts in 0[01]:\d\d:\d\d/);
    expect(funnel.list.map((d) => d.name)).to.deep.equal(['view_promotion']);
    funnel.list.length = 0;
    const ended = await mount(TEA, promotions({ endsAt: Date.now() - HOUR }));
    expect(part(ended, 'countdown')).to.equal(null);
    expect(funnel.list).to.deep.equal([]);
  });

  it('becomes unavailable by itself when the group buy ends on the server clock', async () => {
    const clock = FakeTimers.install({
      now: Date.parse('2026-11-11T12:00:00Z'),
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    const changes = recordEvents<SaleChangeDetail>('vt-sale-change');
    try {
      // The shopper's clock is an hour slow: by the server, 5 s are left.
      const el = await mount(
        `${TEA} server-time="${Date.now() + HOUR}"`,
        promotions({ endsAt: Date.now() + HOUR + 5000 }),
      );
      expect(part(el, 'start-button')!.getAttribute('aria-disabled')).to.equal('false');
      expect(countdownText(el)).to.contain('Ends in 00:00:05');
      clock.tick(4999);
      await el.updateComplete;
      expect(part(el, 'start-button')!.getAttribute('aria-disabled')).to.equal('false');
      clock.tick(1);
      await el.updateComplete;
      expect(part(el, 'start-button')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, 'reason')).to.equal('This group buy has ended.');
      expect(changes.list).to.deep.equal([{ promotionId: 'gb-tea', phase: 'ended', at: Date.now() + HOUR }]);
      cleanupFixtures();
      el.parentElement!.remove();
      expect(clock.countTimers()).to.equal(0);
    } finally {
      changes.stop();
      clock.uninstall();
      getServerClock().set(Date.now());
    }
  });

  it('picks the first group buy for product-id, skipping other kinds and other products', async () => {
    const el = await mount('product-id="cup"');
    expect(text(el, 'title')).to.equal('Cup group buy');
    expect(text(el, 'group-price')).to.equal('CN¥15.00');
    expect(text(el, 'size')).to.equal('2-person group · Start a group and invite 1 more person');
    // A group buy without a product restriction is for every product.
    const open = await mount('product-id="kettle"', [teaGroupBuy({ eligibility: undefined })]);
    expect(open.status).to.equal('ready');
    expect(text(open, 'title')).to.equal('Tea group buy');
  });

  it('shows the empty state when no group buy is for the product', async () => {
    const el = await mount('product-id="kettle"', promotions(), 'zh-CN');
    expect(el.status).to.equal('empty');
    expect(text(el, 'status')).to.equal('该商品暂无拼团活动。');
    expect(buttons(el)).to.deep.equal([]);
  });

  it('reads the promotions from an inline JSON script', async () => {
    const container = document.createElement('div');
    container.innerHTML = `<vt-group-buy product-id="tea"><script type="application/json">${JSON.stringify(promotions())}</script></vt-group-buy>`;
    document.body.append(container);
    const el = container.querySelector('vt-group-buy')!;
    await el.updateComplete;
    expect(text(el, 'group-price')).to.equal('CN¥99.00');
  });

  for (const [name, attributes, promos, attribute, message] of [
    [
      'a promotion-id that is not in the list',
      'product-id="tea" promotion-id="gb-gone"',
      promotions(),
      'promotion-id',
      '"gb-gone" is not in the promotions list',
    ],
    [
      'a promotion-id that is not a group buy',
      'product-id="tea" promotion-id="save-10"',
      promotions(),
      'promotion-id',
      '"save-10" is a percent_off promotion, not group_buy',
    ],
    ['no product-id', 'promotion-id="gb-tea"', promotions(), 'product-id', 'is missing'],
    [
      'a product the group buy is not for',
      'product-id="cup" promotion-id="gb-tea"',
      promotions(),
      'product-id',
      '"cup" is not eligible for group buy "gb-tea"',
    ],
    [
      'a regular price that is not minor units',
      'product-id="tea" regular-price="199.5"',
      promotions(),
      'regular-price',
      '"199.5"',
    ],
    [
      'a currency unlike the group price’s',
      'product-id="tea" regular-price="19900" currency="USD"',
      promotions(),
      'currency',
      '"USD"',
    ],
    [
      'a negative group-size',
      'product-id="tea" group-id="G1" group-size="-1"',
      promotions(),
      'group-size',
      '"-1"',
    ],
    [
      'a group buy without a valid price',
      'product-id="tea"',
      promotions({ price: { amount: 99.5, currency: 'CNY' } }),
      'promotions',
      'group buy "gb-tea": price',
    ],
    [
      'a group buy of one person',
      'product-id="tea"',
      promotions({ minGroupSize: 1 }),
      'promotions',
      'minGroupSize',
    ],
    [
      'an unreadable endsAt',
      'product-id="tea"',
      promotions({ endsAt: 'Singles day' }),
      'promotions',
      'endsAt "Singles day"',
    ],
    [
      'promotions that are not a list',
      'product-id="tea"',
      { id: 'gb-tea' },
      'promotions',
      'must be a JSON array',
    ],
  ] as const) {
    it(`shows the error state for ${name}: one console error naming it, one vt-error, no throw`, async () => {
      const errors = captureConsole('error');
      const reported = recordEvents<VtErrorDetail>('vt-error');
      try {
        const el = await mount(attributes, promos);
        expect(el.status).to.equal('error');
        expect(text(el, 'status')).to.equal('The group buy is unavailable.');
        expect(buttons(el)).to.deep.equal([]);
        expect(errors.calls).to.have.length(1);
        expect(errors.calls[0]).to.contain(`<vt-group-buy>: attribute "${attribute}"`);
        expect(errors.calls[0]).to.contain(message);
        expect(reported.list).to.have.length(1);
        expect(reported.list[0]).to.include({ tag: 'vt-group-buy', attribute });
        expect(groupBuys.list).to.deep.equal([]);
        expect(funnel.list).to.deep.equal([]);
      } finally {
        reported.stop();
        errors.restore();
      }
    });
  }

  it('leaves the error state when the promotion-id is corrected', async () => {
    const errors = captureConsole('error');
    try {
      const el = await mount('product-id="tea" promotion-id="gb-gone"', promotions(), 'zh-CN');
      expect(text(el, 'status')).to.equal('拼团活动暂不可用。');
      el.promotionId = 'gb-tea';
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(text(el, 'group-price')).to.equal('¥99.00');
      expect(errors.calls).to.have.length(1);
    } finally {
      errors.restore();
    }
  });

  it('ships every group buy string in English and Chinese, with the same placeholders', () => {
    const keys = Object.keys(groupBuyCatalogs.en).sort();
    expect(Object.keys(groupBuyCatalogs['zh-CN']).sort()).to.deep.equal(keys);
    const placeholders = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort().join();
    for (const key of keys as (keyof typeof groupBuyCatalogs.en)[])
      expect(placeholders(groupBuyCatalogs['zh-CN'][key]), key).to.equal(
        placeholders(groupBuyCatalogs.en[key]),
      );
  });
});
