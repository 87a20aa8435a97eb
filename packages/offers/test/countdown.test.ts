import { expect } from '@esm-bundle/chai';
import FakeTimers from '@sinonjs/fake-timers';
import {
  captureConsole,
  cleanupFixtures,
  expectAccessible,
  fixture,
  nextEvent,
  recordEvents,
} from '@vitrine/testing';
import { getServerClock } from '@vitrine/core';
import type { VtCountdown } from '@vitrine/offers';
import '@vitrine/offers/countdown';
import type { SaleChangeDetail, VtErrorDetail } from '@vitrine/schema';
import { countdownCatalogs } from '../src/components/countdown/countdown.messages.js';

type FakeClock = ReturnType<typeof FakeTimers.install>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** The shopper's clock in most tests: 11 Nov 2026, 00:00 UTC. */
const T0 = Date.parse('2026-11-11T00:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}
/** The visible countdown ("Starts in 00:00:05"), whitespace collapsed. */
function timerText(el: Element): string {
  return (shadow(el).querySelector('[part="base"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** What the polite live region currently says. */
function announced(el: Element): string {
  return shadow(el).querySelector('.sr[role="status"]')?.textContent?.trim() ?? '';
}
function statusText(el: Element): string {
  return shadow(el).querySelector('[part="status"]')?.textContent?.trim() ?? '';
}
/** Which of the three light-DOM prices the shopper can see. */
function visiblePrices(el: Element): string[] {
  return [...el.querySelectorAll('[slot]')].filter((n) => n.checkVisibility()).map((n) => n.textContent!);
}
const PRICES = '<span slot="upcoming">$20</span><span slot="live">$12</span><span slot="ended">$20</span>';

function resetServerClock(): void {
  getServerClock().set(Date.now());
}

/** Collects every `type` event that reaches `document`, until `stop()`. */
describe('<vt-countdown>', () => {
  describe('accessibility (real clock)', () => {
    beforeEach(resetServerClock);

    it('passes axe before, during and after the sale, and in the error state, in both languages', async () => {
      const now = Date.now();
      for (const lang of ['en', 'zh-CN']) {
        const upcoming = await fixture<VtCountdown>(
          `<vt-countdown starts-at="${iso(now + 26 * HOUR)}" ends-at="${iso(now + 48 * HOUR)}">${PRICES}</vt-countdown>`,
          { lang },
        );
        expect(upcoming.phase).to.equal('upcoming');
        await expectAccessible(upcoming);
        const live = await fixture<VtCountdown>(
          `<vt-countdown ends-at="${iso(now + HOUR)}">${PRICES}</vt-countdown>`,
          { lang },
        );
        expect(live.phase).to.equal('live');
        await expectAccessible(live);
        const ended = await fixture<VtCountdown>(
          `<vt-countdown ends-at="${iso(now - HOUR)}">${PRICES}</vt-countdown>`,
          { lang },
        );
        expect(ended.phase).to.equal('ended');
        await expectAccessible(ended);
      }
      const console = captureConsole('error');
      try {
        const broken = await fixture<VtCountdown>('<vt-countdown ends-at="soon"></vt-countdown>');
        expect(broken.status).to.equal('error');
        await expectAccessible(broken);
      } finally {
        console.restore();
      }
    });

    it('uses a silent timer and a separate polite status region', async () => {
      const el = await fixture(`<vt-countdown ends-at="${iso(Date.now() + HOUR)}"></vt-countdown>`);
      const timer = shadow(el).querySelector('[part="base"]')!;
      expect(timer.getAttribute('role')).to.equal('timer');
      expect(timer.hasAttribute('aria-live')).to.equal(false);
      const status = shadow(el).querySelector('[role="status"]')!;
      expect(timer.contains(status)).to.equal(false);
      // Nothing is spoken just because the countdown appeared.
      expect(status.textContent!.trim()).to.equal('');
    });
  });

  describe('on a fake clock', () => {
    let clock: FakeClock;
    let errors: ReturnType<typeof captureConsole> | null = null;

    beforeEach(() => {
      clock = FakeTimers.install({
        now: T0,
        toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      });
      resetServerClock();
    });
    afterEach(() => {
      errors?.restore();
      errors = null;
      // Disconnect the elements while their timers are still the fake ones.
      cleanupFixtures();
      clock.uninstall();
      resetServerClock();
    });

    async function advance(el: VtCountdown, ms: number): Promise<void> {
      clock.tick(ms);
      await el.updateComplete;
    }

    it('counts down to the start, then to the end, and says when the sale is over', async () => {
      const el = await fixture<VtCountdown>(
        `<vt-countdown starts-at="${iso(T0 + 26 * HOUR + 3 * MINUTE + 4 * SECOND)}" ends-at="${iso(T0 + 30 * HOUR)}"></vt-countdown>`,
      );
      expect(timerText(el)).to.equal('Starts in 1 d 02:03:04');
      expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal('P1DT2H3M4S');
      expect(el.getAttribute('phase')).to.equal('upcoming');
      await advance(el, SECOND);
      expect(timerText(el)).to.equal('Starts in 1 d 02:03:03');
      await advance(el, 26 * HOUR + 3 * MINUTE + 3 * SECOND);
      expect(timerText(el)).to.equal('Ends in 03:56:56');
      expect(el.getAttribute('phase')).to.equal('live');
      await advance(el, 4 * HOUR);
      expect(timerText(el)).to.equal('Sale ended');
      expect(el.getAttribute('phase')).to.equal('ended');
      expect(shadow(el).querySelector('[part="base"]')!.hasAttribute('role')).to.equal(false);
    });

    it('switches phase exactly at the boundaries, fires vt-sale-change once for each and shows that phase’s slot', async () => {
      const start = T0 + 10 * SECOND;
      const end = T0 + 20 * SECOND;
      const changes = recordEvents<SaleChangeDetail>('vt-sale-change');
      try {
        const el = await fixture<VtCountdown>(
          `<vt-countdown promotion-id="double-11" starts-at="${start}" ends-at="${iso(end)}">${PRICES}</vt-countdown>`,
        );
        expect(visiblePrices(el)).to.deep.equal(['$20']);
        expect(el.querySelector('[slot="upcoming"]')!.checkVisibility()).to.equal(true);
        await advance(el, start - T0 - 1);
        expect(el.phase).to.equal('upcoming');
        expect(timerText(el)).to.equal('Starts in 00:00:01');
        expect(changes.list).to.deep.equal([]);

        await advance(el, 1);
        expect(el.phase).to.equal('live');
        expect(timerText(el)).to.equal('Ends in 00:00:10');
        expect(el.querySelector('[slot="live"]')!.checkVisibility()).to.equal(true);
        expect(visiblePrices(el)).to.deep.equal(['$12']);
        expect(changes.list).to.deep.equal([{ promotionId: 'double-11', phase: 'live', at: start }]);

        await advance(el, end - start - 1);
        expect(el.phase).to.equal('live');
        expect(timerText(el)).to.equal('Ends in 00:00:01');
        await advance(el, 1);
        expect(el.phase).to.equal('ended');
        expect(el.querySelector('[slot="ended"]')!.checkVisibility()).to.equal(true);
        expect(visiblePrices(el)).to.deep.equal(['$20']);
        expect(changes.list).to.deep.equal([
          { promotionId: 'double-11', phase: 'live', at: start },
          { promotionId: 'double-11', phase: 'ended', at: end },
        ]);

        // Nothing more happens once the sale is over: no ticks, no events.
        expect(clock.countTimers()).to.equal(0);
        await advance(el, HOUR);
        expect(changes.list).to.have.length(2);
      } finally {
        changes.stop();
      }
    });

    it('does not fire vt-sale-change on first render, and leaves promotionId out when there is none', async () => {
      const changes = recordEvents<SaleChangeDetail>('vt-sale-change');
      try {
        const el = await fixture<VtCountdown>(`<vt-countdown ends-at="${T0 + 2 * SECOND}"></vt-countdown>`);
        expect(el.phase).to.equal('live');
        expect(changes.list).to.deep.equal([]);
        await advance(el, 2 * SECOND);
        expect(changes.list).to.deep.equal([{ phase: 'ended', at: T0 + 2 * SECOND }]);
        expect(changes.list[0]).to.not.have.property('promotionId');
      } finally {
        changes.stop();
      }
    });

    it('follows the server clock: live by server-time although the shopper’s clock says upcoming', async () => {
      const el = await fixture<VtCountdown>(
        `<vt-countdown server-time="${iso(T0 + HOUR)}" starts-at="${iso(T0 + 30 * MINUTE)}" ends-at="${iso(T0 + 2 * HOUR)}">${PRICES}</vt-countdown>`,
      );
      expect(Date.now()).to.be.below(T0 + 30 * MINUTE);
      expect(el.phase).to.equal('live');
      expect(timerText(el)).to.equal('Ends in 01:00:00');
      expect(visiblePrices(el)).to.deep.equal(['$12']);
      await advance(el, HOUR);
      expect(el.phase).to.equal('ended');
      expect(Date.now()).to.equal(T0 + HOUR);
    });

    it('follows the server clock: still upcoming by server-time although the shopper’s clock says live', async () => {
      const changes = recordEvents<SaleChangeDetail>('vt-sale-change');
      try {
        const start = T0 - 10 * MINUTE;
        const el = await fixture<VtCountdown>(
          `<vt-countdown server-time="${T0 - 30 * MINUTE}" starts-at="${iso(start)}" ends-at="${iso(T0 + HOUR)}">${PRICES}</vt-countdown>`,
        );
        expect(el.phase).to.equal('upcoming');
        expect(timerText(el)).to.equal('Starts in 00:20:00');
        expect(visiblePrices(el)).to.deep.equal(['$20']);
        await advance(el, 20 * MINUTE - 1);
        expect(el.phase).to.equal('upcoming');
        await advance(el, 1);
        expect(el.phase).to.equal('live');
        expect(changes.list).to.deep.equal([{ phase: 'live', at: start }]);
      } finally {
        changes.stop();
      }
    });

    it('announces only phase changes and a few thresholds, not every second', async () => {
      const el = await fixture<VtCountdown>(
        `<vt-countdown ends-at="${iso(T0 + 4 * MINUTE + 30 * SECOND)}"></vt-countdown>`,
      );
      const spoken: string[] = [];
      const shown = new Set<string>();
      for (let s = 0; s < 5 * 60; s++) {
        await advance(el, SECOND);
        shown.add(timerText(el));
        const text = announced(el);
        if (text !== (spoken.at(-1) ?? '')) spoken.push(text);
      }
      // The visible timer changed every second until the end...
      expect(shown.size).to.equal(4 * 60 + 30);
      // ...while the live region spoke twice in five minutes.
      expect(spoken).to.deep.equal(['The sale ends in 1 minute.', 'The sale has ended.']);
    });

    it('announces the start, one hour and ten minutes before, in Chinese too', async () => {
      const el = await fixture<VtCountdown>(
        `<vt-countdown starts-at="${iso(T0 + HOUR + 2 * SECOND)}" ends-at="${iso(T0 + 3 * HOUR)}"></vt-countdown>`,
        { lang: 'zh-CN' },
      );
      expect(announced(el)).to.equal('');
      await advance(el, 2 * SECOND);
      expect(announced(el)).to.equal('距秒杀开始还有1小时。');
      await advance(el, 50 * MINUTE);
      expect(announced(el)).to.equal('距秒杀开始还有10分钟。');
      await advance(el, 10 * MINUTE);
      expect(announced(el)).to.equal('秒杀已开始。');
      await advance(el, HOUR);
      expect(announced(el)).to.equal('距秒杀结束还有1小时。');
    });

    it('speaks Chinese under lang="zh-CN"', async () => {
      const upcoming = await fixture<VtCountdown>(
        `<vt-countdown starts-at="${iso(T0 + 26 * HOUR + 3 * MINUTE + 4 * SECOND)}" ends-at="${iso(T0 + 30 * HOUR)}"></vt-countdown>`,
        { lang: 'zh-CN' },
      );
      expect(timerText(upcoming)).to.equal('距开始 1天 02:03:04');
      const live = await fixture<VtCountdown>(`<vt-countdown ends-at="${T0 + 5 * SECOND}"></vt-countdown>`, {
        lang: 'zh-CN',
      });
      expect(timerText(live)).to.equal('距结束 00:00:05');
      await advance(live, 5 * SECOND);
      expect(timerText(live)).to.equal('已结束');
      expect(announced(live)).to.equal('秒杀已结束。');
    });

    it('keeps its size when the phase changes', async () => {
      const el = await fixture<VtCountdown>(
        `<vt-countdown starts-at="${T0 + SECOND}" ends-at="${T0 + 2 * SECOND}"></vt-countdown>`,
      );
      const heights: number[] = [el.getBoundingClientRect().height];
      // Equal-width digits: the time does not jiggle from one second to the next.
      expect(getComputedStyle(shadow(el).querySelector('[part="time"]')!).fontVariantNumeric).to.equal(
        'tabular-nums',
      );
      await advance(el, SECOND);
      heights.push(el.getBoundingClientRect().height);
      await advance(el, SECOND);
      expect(el.phase).to.equal('ended');
      heights.push(el.getBoundingClientRect().height);
      expect(heights[0]).to.be.at.least(24);
      expect(new Set(heights).size).to.equal(1);
    });

    for (const [name, attributes, attribute] of [
      ['no ends-at', '', 'ends-at'],
      ['an unreadable ends-at', 'ends-at="next friday"', 'ends-at'],
      ['starts-at without ends-at', `starts-at="${T0}"`, 'ends-at'],
      ['an unreadable starts-at', `starts-at="soon" ends-at="${T0 + HOUR}"`, 'starts-at'],
      ['starts-at after ends-at', `starts-at="${T0 + HOUR}" ends-at="${T0}"`, 'starts-at'],
      ['an unreadable server-time', `server-time="noon" ends-at="${T0 + HOUR}"`, 'server-time'],
    ] as const) {
      it(`shows the error state for ${name}: one console error, one vt-error, no throw`, async () => {
        errors = captureConsole('error');
        const reported = recordEvents<VtErrorDetail>('vt-error');
        try {
          const el = await fixture<VtCountdown>(`<vt-countdown ${attributes}>${PRICES}</vt-countdown>`);
          await advance(el, 5 * SECOND);
          expect(el.status).to.equal('error');
          expect(el.hasAttribute('phase')).to.equal(false);
          expect(statusText(el)).to.equal('The sale countdown is unavailable.');
          expect(visiblePrices(el)).to.deep.equal([]);
          expect(errors.calls).to.have.length(1);
          expect(errors.calls[0]).to.contain(`<vt-countdown>: attribute "${attribute}"`);
          expect(reported.list).to.have.length(1);
          expect(reported.list[0]).to.include({ tag: 'vt-countdown', attribute });
        } finally {
          reported.stop();
        }
      });
    }

    it('recovers when a bad ends-at is fixed, with the error in Chinese meanwhile', async () => {
      errors = captureConsole('error');
      const el = await fixture<VtCountdown>('<vt-countdown ends-at="later"></vt-countdown>', {
        lang: 'zh-CN',
      });
      expect(statusText(el)).to.equal('限时秒杀倒计时暂不可用。');
      el.endsAt = T0 + 3 * SECOND;
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(timerText(el)).to.equal('距结束 00:00:03');
      await advance(el, SECOND);
      expect(timerText(el)).to.equal('距结束 00:00:02');
      expect(errors.calls).to.have.length(1);
    });

    it('recovers when an unreadable server-time is corrected, and then counts on it', async () => {
      errors = captureConsole('error');
      const el = await fixture<VtCountdown>(
        `<vt-countdown server-time="noon" starts-at="${T0 + 30 * MINUTE}" ends-at="${T0 + 2 * HOUR}"></vt-countdown>`,
      );
      expect(el.status).to.equal('error');
      el.serverTime = String(T0 + HOUR);
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(el.phase).to.equal('live');
      expect(timerText(el)).to.equal('Ends in 01:00:00');
      expect(errors.calls).to.have.length(1);
    });

    it('stops its timers when removed and catches up when put back, without firing for the missed boundary', async () => {
      const changes = recordEvents<SaleChangeDetail>('vt-sale-change');
      try {
        const el = await fixture<VtCountdown>(
          `<vt-countdown starts-at="${T0 + 5 * SECOND}" ends-at="${T0 + HOUR}"></vt-countdown>`,
        );
        expect(clock.countTimers()).to.equal(1);
        const parent = el.parentElement!;
        el.remove();
        expect(clock.countTimers()).to.equal(0);
        await advance(el, 10 * SECOND);
        expect(timerText(el)).to.equal('Starts in 00:00:05');
        parent.append(el);
        await el.updateComplete;
        expect(el.phase).to.equal('live');
        expect(timerText(el)).to.equal('Ends in 00:59:50');
        await advance(el, SECOND);
        expect(timerText(el)).to.equal('Ends in 00:59:49');
        expect(clock.countTimers()).to.equal(1);
        expect(changes.list).to.deep.equal([]);
      } finally {
        changes.stop();
      }
    });
  });

  describe('time-src', () => {
    let clock: FakeClock | null = null;
    afterEach(() => {
      cleanupFixtures();
      clock?.uninstall();
      clock = null;
      resetServerClock();
    });

    it('sets the server clock from the Date header of a real response', async () => {
      const real = Date.now();
      // The shopper's clock is 20 years off; the server's Date header is right.
      clock = FakeTimers.install({
        now: Date.parse('2006-01-01T00:00:00Z'),
        toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      });
      resetServerClock();
      const container = document.createElement('div');
      container.innerHTML = `<vt-countdown promotion-id="p1" starts-at="${iso(real - HOUR)}" ends-at="${iso(real + HOUR)}"></vt-countdown>`;
      const el = container.firstElementChild as VtCountdown;
      el.timeSrc = new URL(import.meta.url).pathname;
      const change = nextEvent<CustomEvent<SaleChangeDetail>>(el, 'vt-sale-change');
      document.body.append(container);
      try {
        await el.updateComplete;
        expect(el.phase).to.equal('upcoming');
        const { detail } = await change;
        expect(detail).to.deep.equal({ promotionId: 'p1', phase: 'live', at: real - HOUR });
        expect(el.phase).to.equal('live');
        expect(Math.abs(getServerClock().now() - real)).to.be.below(10 * SECOND);
        await el.updateComplete;
        expect(timerText(el)).to.match(/^Ends in (00:59:[45]\d|01:00:0[01])$/);
      } finally {
        container.remove();
      }
    });

    it('keeps counting on the current clock when the URL gives no time, with one console error and vt-error', async () => {
      resetServerClock();
      const errors = captureConsole('error');
      try {
        const container = document.createElement('div');
        container.innerHTML = `<vt-countdown time-src="http://127.0.0.1:9/time" ends-at="${Date.now() + HOUR}"></vt-countdown>`;
        const el = container.firstElementChild as VtCountdown;
        const failed = nextEvent<CustomEvent<VtErrorDetail>>(el, 'vt-error');
        document.body.append(container);
        const { detail } = await failed;
        await el.updateComplete;
        container.remove();
        expect(detail).to.include({ tag: 'vt-countdown', attribute: 'time-src' });
        expect(errors.calls).to.have.length(1);
        expect(errors.calls[0]).to.contain('<vt-countdown>: attribute "time-src"');
        expect(el.status).to.equal('ready');
        expect(el.phase).to.equal('live');
        expect(getServerClock().offset).to.equal(0);
        expect(timerText(el)).to.match(/^Ends in 0[01]:\d\d:\d\d$/);
      } finally {
        errors.restore();
      }
    });
  });

  it('ships every countdown string in English and Chinese, with the same placeholders', () => {
    const keys = Object.keys(countdownCatalogs.en).sort();
    expect(Object.keys(countdownCatalogs['zh-CN']).sort()).to.deep.equal(keys);
    const placeholders = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort().join();
    for (const key of keys as (keyof typeof countdownCatalogs.en)[])
      expect(placeholders(countdownCatalogs['zh-CN'][key]), key).to.equal(
        placeholders(countdownCatalogs.en[key]),
      );
  });
});
