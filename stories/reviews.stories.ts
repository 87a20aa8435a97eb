import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/reviews/reviews';
import type { Review } from '@vitrine/core';

/** A local placeholder photo (no network). */
const photo = (hue: number) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160"><rect width="160" height="160" fill="hsl(${hue} 40% 75%)"/><circle cx="80" cy="70" r="34" fill="hsl(${hue} 40% 45%)"/></svg>`,
  )}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const EN = [
  [
    'Fits perfectly',
    'Soft fabric, true to size. Washed three times and still looks new.',
    ['true to size', 'soft fabric'],
  ],
  [
    'Good value',
    'Nice tee for the price.\nThe colour is a little lighter than the photo.',
    ['good value', 'colour as pictured'],
  ],
  ['Runs small', 'I usually wear M but needed an L. Exchange was quick.', ['runs small']],
  ['Not for me', 'The collar stretched after one wash.', ['quality issue']],
  ['Love it', 'Bought two more in other colours!', ['soft fabric', 'good value']],
] as const;
const ZH = [
  ['面料很舒服', '面料舒适，尺码标准，洗了三次也没变形。', ['面料舒适', '尺码标准']],
  ['性价比高', '这个价格很值。\n颜色比图片稍浅一点。', ['性价比高', '颜色正']],
  ['偏小', '平时穿 M，这件要买 L，换货很快。', ['尺码偏小']],
  ['不太满意', '洗了一次领口就松了。', ['质量问题']],
  ['非常喜欢', '又买了两件其他颜色！', ['面料舒适', '性价比高']],
] as const;

/** `n` reviews cycling through five texts; ratings 5,4,3,2,1 … */
function reviews(n: number, opts: { media?: boolean; replies?: boolean; rating?: number } = {}): Review[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i % 5;
    const zh = i % 3 === 2;
    const [title, body, tags] = (zh ? ZH : EN)[k]!;
    const rating = opts.rating ?? 5 - k;
    return {
      id: `sb-${i}`,
      rating,
      title,
      body,
      author: zh ? `用户${i}` : `Shopper ${i}`,
      date: daysAgo(i * 3 + 1),
      verified: i % 2 === 0,
      tags: [...tags],
      variant: { Colour: i % 2 ? 'Navy' : 'Sand', Size: ['S', 'M', 'L'][i % 3]! },
      helpful: (n - i) % 17,
      notHelpful: i % 4,
      ...(zh && { lang: 'zh-CN' }),
      ...(opts.media &&
        i % 2 === 0 && {
          media: [
            {
              type: 'image' as const,
              url: photo(i * 37),
              alt: `Photo ${i + 1} from ${zh ? `用户${i}` : `Shopper ${i}`}`,
            },
            { type: 'image' as const, url: photo(i * 37 + 90), alt: `Second photo ${i + 1}` },
          ],
        }),
      ...(opts.replies &&
        rating <= 3 && {
          reply: {
            body: zh
              ? '非常抱歉给您带来不便，我们已联系您安排换货。'
              : 'We are sorry about this. Our team has contacted you to arrange an exchange.',
          },
        }),
    };
  });
}

interface Args {
  reviews: unknown;
}

/**
 * `<vt-reviews>`: summary with a filtering histogram and tag chips, sort and filters, reviews in
 * English and Chinese in one list. Language and theme follow the toolbar; "Chinese" and "Dark"
 * set them for you.
 */
const meta: Meta<Args> = {
  title: 'Reviews/Reviews',
  component: 'vt-reviews',
  args: { reviews: reviews(12) },
  argTypes: { reviews: { control: false } },
  render: ({ reviews }) => html`<vt-reviews product-id="sb-tee" .reviews=${reviews}></vt-reviews>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Few: Story = { args: { reviews: reviews(3) } };

/** 5,000 reviews: filters and sort stay instant; ten are rendered at a time. */
export const Many: Story = { args: { reviews: reviews(5000) } };

export const WithMedia: Story = { args: { reviews: reviews(12, { media: true }) } };

export const WithReplies: Story = { args: { reviews: reviews(12, { replies: true }) } };

export const OnlyNegative: Story = { args: { reviews: reviews(8, { rating: 1, replies: true }) } };

export const Chinese: Story = {
  args: { reviews: reviews(12, { media: true }) },
  globals: { locale: 'zh-CN' },
};

export const Dark: Story = {
  args: { reviews: reviews(12, { media: true, replies: true }) },
  globals: { theme: 'dark' },
};

export const Empty: Story = { args: { reviews: [] } };

/** Unusable data: translated message, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { reviews: 'not reviews' } };
