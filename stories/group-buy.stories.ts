import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@vitrine/offers/group-buy';
import type { VtGroupBuy } from '@vitrine/offers';
import type { Promotion } from '@vitrine/pricing';

const MINUTE = 60_000;

interface Args {
  productId: string;
  promotionId?: string;
  regularPrice?: number;
  groupId?: string;
  groupSize?: number;
  /** Minutes from now until the group buy starts; empty: already started. */
  startsInMinutes?: number;
  /** Minutes from now until the group buy ends (negative: it ended). */
  endsInMinutes: number;
  minGroupSize: number;
}

/** The shop's promotions, with times relative to when the story renders. */
function promotions({ startsInMinutes, endsInMinutes, minGroupSize }: Args): Promotion[] {
  const now = Date.now();
  return [
    { id: 'save-10', kind: 'percent_off', title: '10% off', percent: 10 },
    {
      id: 'gb-tea',
      kind: 'group_buy',
      title: { en: 'Longjing tea group buy', 'zh-CN': '明前龙井拼团' },
      price: { amount: 9900, currency: 'CNY' },
      minGroupSize,
      ...(startsInMinutes === undefined ? {} : { startsAt: now + startsInMinutes * MINUTE }),
      endsAt: new Date(now + endsInMinutes * MINUTE).toISOString(),
      eligibility: { products: ['tea'] },
    },
  ];
}

/**
 * `<vt-group-buy>`: a group buy (拼团) for one product. "Start a group" is always there; "Join this
 * group" when the shop passes an invitation in `group-id`. Clicks dispatch `vt-group-buy` (for the
 * shop's backend) and GA4 `select_promotion`; see the console or listen on `document`. Times are
 * relative to when the story renders. Language and theme follow the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Offers/Group buy',
  component: 'vt-group-buy',
  args: { productId: 'tea', regularPrice: 19900, endsInMinutes: 2 * 24 * 60, minGroupSize: 3 },
  argTypes: {
    regularPrice: { control: 'number', description: 'Minor units (19900 = ¥199.00)' },
    groupSize: { control: { type: 'number', min: 0, max: 10 } },
    minGroupSize: { control: { type: 'number', min: 2, max: 10 } },
  },
  render: (args) =>
    html`<vt-group-buy
      .promotions=${promotions(args)}
      server-time=${Date.now()}
      product-id=${args.productId}
      product-name="Longjing tea 250 g"
      promotion-id=${args.promotionId ?? nothing}
      regular-price=${args.regularPrice ?? nothing}
      currency="CNY"
      group-id=${args.groupId ?? nothing}
      group-size=${args.groupSize ?? nothing}
    ></vt-group-buy>`,
};
export default meta;

type Story = StoryObj<Args>;

/** No invitation: start a group and invite two more people. */
export const StartAGroup: Story = {};

/** Invited to a group with one member: two more are needed. */
export const JoinAGroup: Story = { args: { groupId: 'G42', groupSize: 1 } };

/** The invited group already has enough members. */
export const GroupComplete: Story = { args: { groupId: 'G42', groupSize: 3 } };

/** No regular price given: only the group price. */
export const WithoutRegularPrice: Story = { args: { regularPrice: undefined } };

/** Not started yet: visible, buttons disabled with the reason, and the time until it starts. */
export const NotStarted: Story = { args: { startsInMinutes: 90 } };

/** Ends 15 seconds after rendering: watch the buttons become unavailable. */
export const EndsSoon: Story = { args: { groupId: 'G42', groupSize: 2, endsInMinutes: 0.25 } };

/** Ended: visible, buttons disabled with the reason. */
export const Ended: Story = { args: { endsInMinutes: -60 } };

/** The view while a `src` request is in flight (shown here by holding the state). */
export const Loading: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtGroupBuy>('vt-group-buy')!;
    await el.updateComplete;
    el.status = 'loading';
  },
};

/** No group buy for this product. */
export const Empty: Story = { args: { productId: 'kettle' } };

/** A `promotion-id` that is not in the list: translated message, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { promotionId: 'gb-gone' } };
