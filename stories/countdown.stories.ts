import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@vitrine/core/price';
import '@vitrine/offers/countdown';

const MINUTE = 60_000;

interface Args {
  /** Minutes from now until the sale starts; empty: already started. */
  startsInMinutes?: number;
  /** Minutes from now until the sale ends (negative: it ended). */
  endsInMinutes: number;
  /** How far the server's clock is ahead of this computer's, in minutes (negative: behind). */
  serverAheadMinutes: number;
  promotionId: string;
  /** A raw `ends-at` instead of `endsInMinutes` (for the error state). */
  endsAt?: string;
  /** A URL whose `Date` header sets the server clock. */
  timeSrc?: string;
}

/**
 * `<vt-countdown>`: a flash sale (限时秒杀) on the server's clock. The slotted prices switch the
 * moment the sale starts or ends; a polite live region speaks only then and one hour, ten minutes
 * and one minute before. Times are relative to when the story renders; `server-time` is set on
 * every story so the page's server clock never carries over from one story to the next.
 * Language and theme follow the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Offers/Countdown',
  component: 'vt-countdown',
  args: { endsInMinutes: 120, serverAheadMinutes: 0, promotionId: 'double-11' },
  argTypes: {
    startsInMinutes: { control: 'number' },
    endsInMinutes: { control: 'number' },
    serverAheadMinutes: { control: 'number' },
    endsAt: { control: 'text' },
    timeSrc: { control: 'text' },
  },
  render: ({ startsInMinutes, endsInMinutes, serverAheadMinutes, promotionId, endsAt, timeSrc }) => {
    const now = Date.now();
    return html`<vt-countdown
      promotion-id=${promotionId}
      server-time=${now + serverAheadMinutes * MINUTE}
      starts-at=${startsInMinutes === undefined ? nothing : new Date(now + startsInMinutes * MINUTE).toISOString()}
      ends-at=${endsAt ?? new Date(now + endsInMinutes * MINUTE).toISOString()}
      time-src=${timeSrc ?? nothing}
    >
      <vt-price slot="upcoming" amount="19900" currency="CNY"></vt-price>
      <vt-price slot="live" amount="9900" currency="CNY" compare-at="19900"></vt-price>
      <vt-price slot="ended" amount="19900" currency="CNY"></vt-price>
    </vt-countdown>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Before the sale: the regular price and "Starts in 1 d 02:03:04". */
export const Upcoming: Story = { args: { startsInMinutes: 26 * 60 + 3 + 4 / 60, endsInMinutes: 30 * 60 } };

/** During the sale: the sale price and "Ends in …". */
export const Live: Story = {};

/** Starts 15 seconds after rendering: watch the price switch and hear "The sale has started." */
export const StartsSoon: Story = { args: { startsInMinutes: 0.25, endsInMinutes: 60 } };

/** Ends 65 seconds after rendering: the live region says "1 minute" once, then "The sale has ended." */
export const EndsSoon: Story = { args: { endsInMinutes: 65 / 60 } };

/** After the sale: the regular price again and "Sale ended". */
export const Ended: Story = { args: { startsInMinutes: -120, endsInMinutes: -60 } };

/**
 * The sale starts in 30 minutes by this computer's clock, but the server's clock is an hour
 * ahead: the sale is live.
 */
export const ServerClockAhead: Story = {
  args: { startsInMinutes: 30, endsInMinutes: 120, serverAheadMinutes: 60 },
};

/** The server clock taken from the `Date` header of this Storybook's own page. */
export const TimeFromDateHeader: Story = { args: { timeSrc: 'iframe.html' } };

/** An unreadable `ends-at`: translated message, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { endsAt: 'next Friday' } };
