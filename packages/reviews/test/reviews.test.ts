import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, until, recordEvents } from '@vitrine/testing';
import type { Review, VtErrorDetail } from '@vitrine/core';
import type { MediaOpenDetail, ReviewFilterDetail, ReviewHelpfulDetail } from '@vitrine/schema';
import '@vitrine/reviews/reviews';
import type { VtReviews } from '@vitrine/reviews';
import { resetVotesCache } from '../src/components/reviews/review-votes.js';
import { XSS_PAYLOADS, hostileReviews } from './fixtures/xss-corpus.js';

const IMG = (n: number) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="hsl(${n * 40} 50% 60%)"/></svg>`)}`;
const day = (n: number) => new Date(Date.UTC(2026, 10, 28 - n)).toISOString().slice(0, 10);

/** 25 reviews: ratings 5,4,3,2,1 repeating; every 3rd verified; every 4th with a photo; tags by rating. */
function sample(n = 25): Review[] {
  return Array.from({ length: n }, (_, i) => {
    const rating = 5 - (i % 5);
    return {
      id: `r${i}`,
      rating,
      title: `Review ${i}`,
      body: `Body of review ${i}`,
      author: `Author ${i}`,
      date: day(i),
      helpful: i,
      verified: i % 3 === 0,
      tags: rating >= 4 ? ['true to size', 'soft'] : ['runs small'],
      variant: { Colour: i % 2 ? 'Red' : 'Blue' },
      ...(i % 4 === 0 && { media: [{ type: 'image' as const, url: IMG(i), alt: `Photo by author ${i}` }] }),
    };
  });
}

async function mount(setup: (el: VtReviews) => void = (el) => (el.reviews = sample()), lang = 'en') {
  const container = document.createElement('div');
  container.lang = lang;
  container.style.inlineSize = '40rem';
  const el = document.createElement('vt-reviews');
  setup(el);
  container.append(el);
  document.body.append(container);
  await until(() => el.status !== 'loading');
  await el.updateComplete;
  return el;
}

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ids = (el: Element) => $$(el, '[part="title"]').map((h) => h.id.slice(2));

describe('<vt-reviews>', () => {
  beforeEach(() => {
    localStorage.removeItem('vitrine-review-votes.v1');
    resetVotesCache();
  });
  afterEach(() => {
    for (const c of document.body.querySelectorAll(':scope > div, :scope > vt-lightbox, :scope > iframe'))
      c.remove();
  });

  it('is accessible in English and Chinese', async () => {
    await expectAccessible(await mount());
    await expectAccessible(await mount(undefined, 'zh-CN'));
  });

  it('summarises: average, count and a star histogram', async () => {
    const el = await mount();
    expect(text($(el, '[part="average"]'))).to.equal('3.0');
    expect(text($(el, '.overall'))).to.contain('25 reviews');
    // 25 reviews, ratings cycling 5..1: five of each.
    expect($$(el, '[part~="bar"]').map(text)).to.deep.equal([
      '5 stars 5 (20%)',
      '4 stars 5 (20%)',
      '3 stars 5 (20%)',
      '2 stars 5 (20%)',
      '1 star 5 (20%)',
    ]);
    expect(text($(el, '[part="count"]'))).to.equal('Showing 10 of 25 reviews');
  });

  it('filters by a star bar, reports the filter and clears it', async () => {
    const events = recordEvents<ReviewFilterDetail>('vt-review-filter');
    try {
      const el = await mount((el) => {
        el.reviews = sample();
        el.productId = 'tee';
      });
      $$(el, '[part~="bar"]')[4]!.click(); // 1 star
      await el.updateComplete;
      expect($$(el, '[part~="bar"]')[4]!.getAttribute('aria-pressed')).to.equal('true');
      expect(text($(el, '[part="count"]'))).to.equal('Showing 5 of 5 reviews');
      expect(ids(el)).to.deep.equal(['r24', 'r19', 'r14', 'r9', 'r4']);
      expect(events.list).to.deep.equal([
        {
          productId: 'tee',
          query: { stars: [1], withMedia: false, verified: false, sort: 'helpful' },
          count: 5,
        },
      ]);
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')]
        .find((b) => text(b) === 'Clear filters')!
        .click();
      await el.updateComplete;
      expect(text($(el, '[part="count"]'))).to.equal('Showing 10 of 25 reviews');
    } finally {
      events.stop();
    }
  });

  it('offers the most mentioned tags as chips that filter', async () => {
    const el = await mount();
    expect($$(el, '[part~="tag"]').map(text)).to.deep.equal(['runs small 15', 'soft 10', 'true to size 10']);
    $$(el, '[part~="tag"]')
      .find((b) => text(b).startsWith('runs small'))!
      .click();
    await el.updateComplete;
    expect(text($(el, '[part="count"]'))).to.equal('Showing 10 of 15 reviews');
  });

  it('sorts newest, lowest and with photos first', async () => {
    const el = await mount();
    const select = $(el, 'select') as HTMLSelectElement;
    const sortBy = async (value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await sortBy('newest');
    expect(ids(el).slice(0, 3)).to.deep.equal(['r0', 'r1', 'r2']);
    await sortBy('lowest');
    expect(ids(el).slice(0, 3)).to.deep.equal(['r4', 'r9', 'r14']);
    await sortBy('media');
    expect(ids(el).slice(0, 7)).to.deep.equal(['r0', 'r4', 'r8', 'r12', 'r16', 'r20', 'r24']);
    // Default: most helpful (helpful = index here).
    await sortBy('helpful');
    expect(ids(el)[0]).to.equal('r24');
  });

  it('filters with photos and verified buyers, and by variant', async () => {
    const el = await mount();
    const boxes = $$(el, 'input[type="checkbox"]') as HTMLInputElement[];
    boxes[0]!.click();
    await el.updateComplete;
    expect(text($(el, '[part="count"]'))).to.equal('Showing 7 of 7 reviews');
    boxes[1]!.click();
    await el.updateComplete;
    // With a photo (i % 4 == 0) and verified (i % 3 == 0): 0, 12, 24.
    expect(ids(el).sort()).to.deep.equal(['r0', 'r12', 'r24']);
    const variant = $$(el, 'select')[1] as HTMLSelectElement;
    variant.value = 'Colour: Blue';
    variant.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ids(el).sort()).to.deep.equal(['r0', 'r12', 'r24']);
    variant.value = 'Colour: Red';
    variant.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '[part="count"]'))).to.equal('No reviews match these filters.');
  });

  it('shows ten at a time', async () => {
    const el = await mount();
    const more = () => $(el, '[part="more"]') as HTMLButtonElement | null;
    expect(text(more())).to.equal('Show 10 more reviews');
    more()!.click();
    await el.updateComplete;
    expect($$(el, '[part="review"]')).to.have.length(20);
    expect(text(more())).to.equal('Show 5 more reviews');
    more()!.click();
    await el.updateComplete;
    expect($$(el, '[part="review"]')).to.have.length(25);
    expect(more()).to.equal(null);
  });

  it('collapses a long body behind "Read more" and keeps line breaks as text', async () => {
    const body = `First line\nSecond line\n${'word '.repeat(150)}`;
    const el = await mount((el) => (el.reviews = [{ ...sample(1)[0]!, body }]));
    const p = $(el, '[part="body"]')!;
    expect(p.textContent).to.equal(body.trim());
    expect(p.classList.contains('clamped')).to.equal(true);
    const toggle = $(el, 'button[aria-controls]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect($(el, 'button[aria-controls]')!.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '[part="body"]')!.classList.contains('clamped')).to.equal(false);
  });

  it('shows author, date, variant, verified badge and the shop reply', async () => {
    const el = await mount((el) => {
      el.reviews = [
        {
          ...sample(1)[0]!,
          date: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          reply: { body: 'Thanks, Ann!' },
        },
      ];
    });
    expect(text($(el, '[part="meta"]'))).to.equal('Author 0 3 days ago Verified buyer Bought: Colour: Blue');
    expect(text($(el, '[part="reply"]'))).to.equal('Reply from the shop Thanks, Ann!');
  });

  it('counts one vote per shopper, reports it, and keeps it across a reload', async () => {
    const votes = recordEvents<ReviewHelpfulDetail>('vt-review-helpful');
    try {
      const frame = document.createElement('iframe');
      frame.title = 'reviews page';
      const loaded = new Promise((ok) => frame.addEventListener('load', ok, { once: true }));
      frame.src = new URL('./fixtures/reviews-page.html', import.meta.url).href;
      document.body.append(frame);
      await loaded;
      type Win = Window & { reviewsReady: Promise<void> };
      await (frame.contentWindow as Win).reviewsReady;
      const inner = () => frame.contentDocument!.querySelector('vt-reviews')!;
      const helpful = () => inner().shadowRoot!.querySelector<HTMLButtonElement>('[part="votes"] button')!;
      expect(text(helpful())).to.equal('Helpful (3)');
      const got: ReviewHelpfulDetail[] = [];
      frame.contentDocument!.addEventListener('vt-review-helpful', (e) =>
        got.push((e as CustomEvent).detail),
      );
      helpful().click();
      await until(() => text(helpful()) === 'Helpful (4)');
      helpful().click(); // a second vote is refused
      await new Promise((r) => setTimeout(r, 50));
      expect(got).to.deep.equal([{ productId: 'tee', reviewId: 'a', helpful: true }]);
      expect(helpful().getAttribute('aria-pressed')).to.equal('true');

      const reloaded = new Promise((ok) => frame.addEventListener('load', ok, { once: true }));
      frame.contentWindow!.location.reload();
      await reloaded;
      await (frame.contentWindow as Win).reviewsReady;
      expect(text(helpful())).to.equal('Helpful (4)');
      expect(helpful().getAttribute('aria-disabled')).to.equal('true');
      expect(votes.list).to.have.length(0); // the iframe's events stay in the iframe
    } finally {
      votes.stop();
    }
  });

  it('opens a review photo in the lightbox and reports it', async () => {
    const opened = recordEvents<MediaOpenDetail>('vt-media-open');
    try {
      const el = await mount((el) => {
        el.reviews = sample(1);
        el.productId = 'tee';
      });
      const thumb = $(el, '[part="media"] button') as HTMLButtonElement;
      expect(thumb.getAttribute('aria-label')).to.equal('Open photo 1 of 1');
      thumb.click();
      await until(() => opened.list.length > 0);
      expect(opened.list[0]).to.include({
        tag: 'vt-reviews',
        reviewId: 'r0',
        productId: 'tee',
        index: 0,
        type: 'image',
      });
      const box = document.querySelector('vt-lightbox') as HTMLElement & { opened: boolean };
      expect(box.opened).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await until(() => !box.opened);
    } finally {
      opened.stop();
    }
  });

  it('shows review media only from this origin, media-hosts or inline images', async () => {
    const warn = captureConsole('warn');
    try {
      const base = sample(1)[0]!;
      const media = [
        { type: 'image' as const, url: `${location.origin}/same.png`, alt: 'same origin' },
        { type: 'image' as const, url: 'https://img.example.com/ok.jpg', alt: 'allowed host' },
        { type: 'image' as const, url: 'https://evil.example.net/x.jpg', alt: 'other host' },
        { type: 'image' as const, url: IMG(1), alt: 'inline' },
      ];
      const el = await mount((el) => {
        el.reviews = [{ ...base, media }];
        el.setAttribute('media-hosts', 'https://img.example.com');
      });
      expect($$(el, '[part="media"] img').map((i) => i.getAttribute('alt'))).to.deep.equal([
        'same origin',
        'allowed host',
        'inline',
      ]);
      expect(warn.calls.filter((c) => c.includes('evil.example.net'))).to.have.length(1);
    } finally {
      warn.restore();
    }
  });

  it('renders every hostile payload as inert text, within its box', async () => {
    const w = window as Window & { __vtPwned?: string };
    delete w.__vtPwned;
    const reviews = hostileReviews();
    const el = await mount((el) => (el.reviews = reviews));
    // Show them all, expanded.
    while ($(el, '[part="more"]')) {
      $(el, '[part="more"]')!.click();
      await el.updateComplete;
    }
    for (const b of $$(el, 'button[aria-controls]')) b.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300)); // time for any onerror/onload to fire
    expect(w.__vtPwned).to.equal(undefined);
    expect(
      el.shadowRoot!.querySelectorAll(
        'script, iframe, object, embed, form, style:not([data-lit]), svg foreignObject',
      ),
    ).to.have.length(0);
    for (const node of el.shadowRoot!.querySelectorAll('*'))
      for (const attr of node.getAttributeNames())
        expect(attr.startsWith('on'), `${node.localName}[${attr}]`).to.equal(false);
    for (const img of el.shadowRoot!.querySelectorAll('img'))
      expect(img.getAttribute('src')).to.match(/^(data:image\/|https?:|\/)/);
    // Text went in as text: the first payload's markup is visible as characters.
    expect(el.shadowRoot!.textContent).to.contain(XSS_PAYLOADS[0]!.text.slice(0, 20));
    // Nothing overflows the 40rem column, however long the words.
    const right = el.getBoundingClientRect().right + 1;
    const wide = [...el.shadowRoot!.querySelectorAll('*')]
      .filter((n) => n.getBoundingClientRect().right > right)
      .map((n) => `${n.localName}.${n.getAttribute('part') ?? n.className}`);
    const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      // Glyph ink (stacked combining marks) may reach further inside a clipping review.
      const clipped = n.parentElement?.closest('[part="review"]');
      if (clipped && getComputedStyle(clipped).overflowX === 'clip') continue;
      if (range.getBoundingClientRect().right > right)
        wide.push(
          `text in ${n.parentElement?.localName}: ${JSON.stringify(n.textContent!.slice(0, 60))} w=${Math.round(range.getBoundingClientRect().width)}`,
        );
    }
    expect(wide).to.deep.equal([]);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expectAccessible(el);
  });

  it('shows a translated error, logs once and fires vt-error on unusable data', async () => {
    const errors = captureConsole('error');
    const vtErrors = recordEvents<VtErrorDetail>('vt-error');
    try {
      const el = await mount((el) => (el.reviews = 'not reviews'), 'zh-CN');
      expect(el.status).to.equal('error');
      expect(text($(el, '[part="status"]'))).to.equal('评价加载失败。');
      expect(errors.calls).to.have.length(1);
      expect(vtErrors.list.map((e) => e.attribute)).to.deep.equal(['reviews']);
    } finally {
      errors.restore();
      vtErrors.stop();
    }
  });

  it('shows the empty state for no reviews', async () => {
    const el = await mount((el) => (el.reviews = []));
    expect(el.status).to.equal('empty');
    expect(text($(el, '[part="status"]'))).to.equal('No reviews yet. Be the first to share your thoughts.');
  });

  it('pages through a src endpoint with the server totals', async () => {
    const all = sample(14);
    const key = `rv-${Date.now()}`;
    const page2 = `/__test__/flaky/${key}-2?body=${encodeURIComponent(JSON.stringify({ reviews: all.slice(10) }))}`;
    const page1 = {
      reviews: all.slice(0, 10),
      total: 14,
      average: 3.2,
      histogram: [2, 3, 3, 3, 3],
      next: page2,
    };
    const el = await mount(
      (el) => (el.src = `/__test__/flaky/${key}-1?body=${encodeURIComponent(JSON.stringify(page1))}`),
    );
    expect(text($(el, '.overall'))).to.contain('14 reviews');
    expect(text($(el, '[part="average"]'))).to.equal('3.2');
    ($(el, '[part="more"]') as HTMLButtonElement).click();
    await until(() => $$(el, '[part="review"]').length === 14);
    expect($(el, '[part="more"]')).to.equal(null);
  });

  it('writes schema.org JSON-LD into the page when asked', async () => {
    const el = await mount((el) => {
      el.reviews = sample(3);
      el.jsonld = true;
      el.productName = 'Organic tee';
    });
    await until(() => el.querySelector('script[type="application/ld+json"]') !== null);
    const data = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(data['@type']).to.equal('Product');
    expect(data.name).to.equal('Organic tee');
    expect(data.aggregateRating).to.include({ '@type': 'AggregateRating', reviewCount: 3 });
    expect(data.review).to.have.length(3);
  });

  it('reads the reviews of the page’s schema.org Product (source="jsonld")', async () => {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Organic tee',
      sku: 'tee',
      review: [
        {
          '@type': 'Review',
          author: { '@type': 'Person', name: 'Ann' },
          datePublished: '2026-10-01',
          reviewBody: 'Lovely.',
          reviewRating: { '@type': 'Rating', ratingValue: 5 },
        },
        {
          '@type': 'Review',
          author: { '@type': 'Person', name: '小王' },
          datePublished: '2026-09-01',
          reviewBody: '偏小一码。',
          reviewRating: { '@type': 'Rating', ratingValue: 3 },
        },
      ],
    });
    document.head.append(script);
    try {
      const el = await mount((el) => el.setAttribute('source', 'jsonld'));
      expect(el.status).to.equal('ready');
      expect($$(el, '[part="body"]').map(text)).to.have.members(['Lovely.', '偏小一码。']);
      expect(text($(el, '[part="average"]'))).to.equal('4.0');
    } finally {
      script.remove();
    }
  });

  it('speaks Chinese', async () => {
    const el = await mount(undefined, 'zh-CN');
    expect(text($(el, 'h2'))).to.equal('商品评价');
    expect(text($(el, '[part="count"]'))).to.equal('显示 10 / 25 条评价');
  });
});
