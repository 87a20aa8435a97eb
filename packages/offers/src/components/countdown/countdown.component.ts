import { html, nothing, type PropertyValues } from 'lit';
import { STATUS, reportError, type Locale } from '@vitrine/core';
import { vtEvent, type SalePhase } from '@vitrine/schema';
import { OffersElement } from '../../shared/offers-element.js';
import { parseInstant, syncFromDateHeader } from '@vitrine/core';
import { countdownMsg, type CountdownMessageKey } from './countdown.messages.js';
import { salePhase } from './sale-phase.js';
import { countdownStyles } from './countdown.styles.js';

/**
 * Remaining times (seconds) at which the live region speaks: one hour, ten minutes and one minute
 * before the next boundary. Anything more often is noise for a screen reader user, who can read
 * the timer itself whenever they like (role="timer" is not live).
 */
const THRESHOLDS = [3600, 600, 60] as const;

const DAY = 86_400;

const twoDigits = new Map<Locale, Intl.NumberFormat>();

/**
 * A flash-sale countdown (限时秒杀) on the **server's** clock: "Starts in 1 d 02:03:04" before
 * the sale, "Ends in 00:12:09" during it, "Sale ended" after. The shopper's own clock may be wrong;
 * the page's server clock (set by `server-time` on any offers element, or by `time-src`) is not.
 *
 * Only the slot of the current phase is shown, so a shop puts its regular price in `upcoming` and
 * `ended` and the sale price in `live`, and the price switches the moment the sale starts or ends.
 * The visible time updates once a second (`role="timer"`, not announced); a separate polite live
 * region speaks only when the sale starts or ends and one hour, ten minutes and one minute before.
 *
 * Invalid or missing times give the error state with one console error and `vt-error`.
 *
 * @tag vt-countdown
 *
 * @event vt-sale-change - The sale started or ended by the server clock while the countdown was on the page; detail `{promotionId?, phase, at}` (`at`: the server time of the boundary). Not fired on first render nor when `starts-at`/`ends-at` change.
 * @event vt-error - `starts-at`, `ends-at` or `server-time` is unusable (error state), or `time-src` gave no server time (the countdown keeps counting on the current clock); detail `{tag, attribute, message}`.
 *
 * @slot upcoming - Shown before the sale starts, e.g. the regular price.
 * @slot live - Shown while the sale is on, e.g. the sale price.
 * @slot ended - Shown after the sale ended, e.g. the regular price again.
 *
 * @csspart base - The timer: label and time (`role="timer"`).
 * @csspart label - "Starts in", "Ends in" or "Sale ended".
 * @csspart time - The remaining time (`<time>` with an ISO 8601 duration).
 * @csspart content - The wrapper of the shown slot (`display: contents`: the slotted content sits in the countdown's row).
 * @csspart status - The error message shown instead of the countdown.
 *
 * @cssproperty --vt-countdown-color - Colour of the time while the sale is live. Defaults to `--vt-color-sale`.
 * @cssproperty --vt-countdown-min-height - Reserved block size, so nothing shifts when the countdown renders (1.5rem).
 * @cssproperty --vt-countdown-gap - Space between the slot content and the timer. Defaults to `--vt-space-2`.
 */
export class VtCountdown extends OffersElement {
  static override styles = [...OffersElement.styles, countdownStyles];

  static override properties = {
    startsAt: { attribute: 'starts-at' },
    endsAt: { attribute: 'ends-at' },
    promotionId: { attribute: 'promotion-id' },
    timeSrc: { attribute: 'time-src' },
    phase: { reflect: true },
    _now: { state: true },
    _announcement: { state: true },
  };

  /** When the sale starts: ISO 8601 date-time or epoch milliseconds. Absent: the sale is on until `ends-at`. */
  declare startsAt: string | number | undefined;
  /** When the sale ends (required): ISO 8601 date-time or epoch milliseconds. */
  declare endsAt: string | number | undefined;
  /** Id of the promotion, passed on in `vt-sale-change`. */
  declare promotionId: string | undefined;
  /** URL whose HTTP `Date` header sets the page's server clock when the countdown connects (same origin, or one exposing `Date` through CORS). */
  declare timeSrc: string | undefined;
  /** The sale's phase by the server clock: `upcoming`, `live` or `ended`. Set by the element; absent in the error state. */
  declare phase: SalePhase | undefined;
  declare _now: number;
  declare _announcement: string;

  protected override needsPromotions = false;

  private _start = NaN;
  private _end = NaN;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  /** True while the element is on the page and has shown a phase: transitions are real. */
  private _shown = false;
  private _invalid = false;

  constructor() {
    super();
    this._now = 0;
    this._announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A reconnect restarts the ticks a removal stopped, and resyncs the clock.
    if (this.hasUpdated) {
      this._evaluate(false);
      if (this.timeSrc) void this._sync(this.timeSrc);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._timer = undefined;
    this._shown = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('startsAt') || changed.has('endsAt')) {
      this._readTimes();
      // New times are the integrator's doing, not the sale moving on: no event for them.
      this._shown = false;
      this._evaluate(false);
    } else if (changed.has('serverTime')) {
      // A corrected server-time ends its error state (the base class only enters it).
      if (this.status === STATUS.error && !this._invalid && this._serverTimeOk()) this.succeed();
      // The server clock moved: a phase change now is one the shopper sees.
      this._evaluate(true);
    }
    if (changed.has('timeSrc') && this.timeSrc && this.isConnected) void this._sync(this.timeSrc);
  }

  protected override errorMessage(): string {
    return this._msg('countdown.error');
  }

  private _msg(key: CountdownMessageKey, values?: Record<string, string | number>): string {
    return countdownMsg(this.locale, key, values);
  }

  /** Parses and checks `starts-at` and `ends-at`; a problem gives the error state. */
  private _readTimes(): void {
    const start = parseInstant(this.startsAt);
    const end = parseInstant(this.endsAt);
    let problem: [string, string] | null = null;
    if (this.endsAt === undefined || this.endsAt === null || this.endsAt === '')
      problem = [
        'ends-at',
        this.startsAt
          ? 'is missing: a sale with starts-at needs ends-at too (ISO 8601 or epoch milliseconds)'
          : 'is missing: set it to the end of the sale (ISO 8601 or epoch milliseconds)',
      ];
    else if (Number.isNaN(end))
      problem = ['ends-at', `"${this.endsAt}" is not an ISO 8601 date-time or epoch milliseconds`];
    else if (this.startsAt !== undefined && this.startsAt !== null && Number.isNaN(start))
      problem = ['starts-at', `"${this.startsAt}" is not an ISO 8601 date-time or epoch milliseconds`];
    else if (start >= end)
      problem = ['starts-at', `"${this.startsAt}" must be before ends-at "${this.endsAt}"`];
    this._start = start;
    this._end = end;
    if (problem) {
      this._invalid = true;
      this.fail(...problem);
    } else if (this._invalid) {
      this._invalid = false;
      // Leave the error state only if nothing else (an unreadable server-time) keeps it.
      if (this._serverTimeOk()) this.succeed();
    }
  }

  private _serverTimeOk(): boolean {
    return (
      this.serverTime === undefined ||
      this.serverTime === null ||
      !Number.isNaN(parseInstant(this.serverTime))
    );
  }

  /**
   * Reads the server clock, updates the phase and schedules the next tick. With `announce`, a
   * phase change fires `vt-sale-change` and a crossed threshold or phase change is spoken.
   */
  private _evaluate(announce: boolean): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    if (this._invalid || this.status === STATUS.error) {
      this.phase = undefined;
      return;
    }
    const now = this.clock.now();
    const phase = salePhase(now, this._start, this._end);
    const previous = this.phase;
    const before = this._remaining(this._now, previous);
    this._now = now;
    this.phase = phase;
    if (announce && this._shown && previous !== undefined) {
      if (phase !== previous) {
        this._announcement =
          phase === 'live'
            ? this._msg('countdown.announceStarted')
            : phase === 'ended'
              ? this._msg('countdown.announceEnded')
              : '';
        const at =
          phase === 'live' && !Number.isNaN(this._start) ? this._start : phase === 'ended' ? this._end : now;
        this.dispatchEvent(
          vtEvent('vt-sale-change', {
            ...(this.promotionId ? { promotionId: this.promotionId } : {}),
            phase,
            at,
          }),
        );
      } else {
        const left = this._remaining(now, phase);
        // The smallest threshold crossed since the last tick (a sleeping tab may cross several).
        const crossed = THRESHOLDS.filter((t) => before > t && left <= t).pop();
        if (crossed !== undefined) {
          const duration =
            crossed % 3600 === 0
              ? this._msg('countdown.hours', { count: crossed / 3600 })
              : this._msg('countdown.minutes', { count: crossed / 60 });
          this._announcement = this._msg(
            phase === 'upcoming' ? 'countdown.announceStartsIn' : 'countdown.announceEndsIn',
            { duration },
          );
        }
      }
    }
    this._shown = this.isConnected;
    if (phase === 'ended' || !this.isConnected) return;
    // Next tick when the shown seconds change: whole seconds before the next boundary, so the
    // boundary itself is hit exactly.
    const target = phase === 'upcoming' ? this._start : this._end;
    const delay = Math.ceil((target - now) % 1000) || 1000;
    this._timer = setTimeout(() => this._evaluate(true), delay);
  }

  /** Whole seconds left until the next boundary of `phase` at `now`, rounded up (0 when ended). */
  private _remaining(now: number, phase: SalePhase | undefined): number {
    if (phase === 'upcoming') return Math.ceil((this._start - now) / 1000);
    if (phase === 'live') return Math.ceil((this._end - now) / 1000);
    return 0;
  }

  private async _sync(url: string): Promise<void> {
    try {
      await syncFromDateHeader(url, this.clock);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      reportError(this, {
        attribute: 'time-src',
        message: `gave no server time (${reason}); counting on the current clock`,
      });
      return;
    }
    if (this.isConnected && this.hasUpdated) this._evaluate(true);
  }

  protected override renderReady() {
    const phase = this.phase ?? 'live';
    const left = this._remaining(this._now, phase);
    const label =
      phase === 'upcoming'
        ? this._msg('countdown.startsIn')
        : phase === 'live'
          ? this._msg('countdown.endsIn')
          : this._msg('countdown.ended');
    return html`<div part="content"><slot name=${phase}></slot></div>
      <div part="base" class=${phase} role=${phase === 'ended' ? nothing : 'timer'}>
        <span part="label">${label}</span>
        ${
          phase === 'ended'
            ? nothing
            : html`<time part="time" datetime=${isoDuration(left)}
                >${formatRemaining(left, this.locale)}</time
              >`
        }
      </div>
      <span class="sr" role="status">${this._announcement}</span>`;
  }
}

/** "1 d 02:03:04" / "1天 02:03:04" for `seconds`, digits through `Intl.NumberFormat`. */
function formatRemaining(seconds: number, locale: Locale): string {
  let nf = twoDigits.get(locale);
  if (!nf)
    twoDigits.set(
      locale,
      (nf = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false })),
    );
  const s = Math.max(0, seconds);
  const days = Math.floor(s / DAY);
  const clock = [Math.floor((s % DAY) / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((n) => nf.format(n))
    .join(':');
  return days > 0 ? `${countdownMsg(locale, 'countdown.days', { count: days })} ${clock}` : clock;
}

/** An HTML valid duration string (`P1DT2H3M4S`) for `<time datetime>`. */
function isoDuration(seconds: number): string {
  const s = Math.max(0, seconds);
  const days = Math.floor(s / DAY);
  return `P${days ? `${days}D` : ''}T${Math.floor((s % DAY) / 3600)}H${Math.floor((s % 3600) / 60)}M${s % 60}S`;
}
