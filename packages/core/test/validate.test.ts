import { expect } from '@esm-bundle/chai';
import type { Result } from '../src/model/types.js';
import {
  formatProblem,
  validateCart,
  validateCartLine,
  validateMoney,
  validateOffer,
  validateProduct,
  validateReview,
} from '../src/model/validate.js';

/** Every problem as the one line a shop developer reads in the console. */
function said(result: Result<unknown>): string[] {
  return result.problems.map(formatProblem);
}

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** A valid product with two options, two variants and two pictures; override what a test breaks. */
function tee(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tee',
    title: 'Organic cotton tee',
    category: ['Apparel', 'T-shirts'],
    price: usd(1999),
    availability: 'in_stock',
    options: [
      { name: 'Colour', values: ['Red', 'Blue'] },
      { name: 'Size', values: ['S', 'M'] },
    ],
    variants: [
      { id: 'tee-red-s', options: { Colour: 'Red', Size: 'S' }, price: usd(1999), availability: 'in_stock' },
      {
        id: 'tee-blue-m',
        options: { Colour: 'Blue', Size: 'M' },
        price: usd(2499),
        availability: 'out_of_stock',
        media: [1],
      },
    ],
    media: [
      { type: 'image', url: 'https://cdn.example.com/tee-red.jpg', alt: 'Red tee, front' },
      { type: 'image', url: '/img/tee-blue.jpg', alt: 'Blue tee, front', width: 800, height: 1000 },
    ],
    ...overrides,
  };
}

function variant(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'v',
    options: { Colour: 'Red', Size: 'S' },
    price: usd(1999),
    availability: 'in_stock',
    ...overrides,
  };
}

describe('validateProduct', () => {
  it('accepts a valid product unchanged, with no problems', () => {
    const input = tee();
    const result = validateProduct(input);
    expect(said(result)).to.deep.equal([]);
    expect(result.value).to.deep.equal(input);
  });

  it('requires ids to be non-empty strings (a whole number is converted and reported)', () => {
    expect(said(validateProduct(tee({ id: '' })))).to.include('id: must not be empty');
    expect(validateProduct(tee({ id: '' })).value).to.equal(null);
    expect(said(validateProduct(tee({ id: undefined })))).to.include('id: is required');
    const numeric = validateProduct(tee({ id: 7001 }));
    expect(numeric.value!.id).to.equal('7001');
    expect(said(numeric)).to.include('id: must be a string, got the number 7001; used "7001"');
    const variantId = validateProduct(tee({ variants: [variant({ id: '  ' })] }));
    expect(said(variantId)).to.include('variants[0].id: must not be empty');
  });

  it('requires a non-empty title and caps long text, reporting the cut', () => {
    expect(said(validateProduct(tee({ title: '   ' })))).to.include('title: must not be empty');
    expect(validateProduct(tee({ title: 42 })).value).to.equal(null);
    expect(said(validateProduct(tee({ title: 42 })))).to.include('title: must be a string, got 42');
    const long = validateProduct(tee({ title: 'T'.repeat(100_000), description: 'd'.repeat(25_000) }));
    expect(long.value!.title).to.have.length(500);
    expect(long.value!.description).to.have.length(20_000);
    expect(said(long)).to.include('title: was cut to 500 characters (it had 100000)');
    expect(said(long)).to.include('description: was cut to 20000 characters (it had 25000)');
  });

  it('requires integer minor units and an uppercase three-letter currency', () => {
    const fraction = validateProduct(tee({ price: { amount: 19.99, currency: 'USD' }, variants: [] }));
    expect(said(fraction)).to.include(
      'price.amount: must be an integer number of minor units (1999 for 19.99), got 19.99',
    );
    expect(fraction.value).to.equal(null);
    const words = validateProduct(tee({ price: { amount: 1999, currency: 'dollars' }, variants: [] }));
    expect(said(words)).to.include(
      'price.currency: must be a three-letter uppercase ISO 4217 code such as "USD" or "CNY", got "dollars"',
    );
    const negative = validateProduct(tee({ price: usd(-5), variants: [] }));
    expect(said(negative)).to.include('price.amount: must not be negative, got -5');
    expect(negative.value).to.equal(null);
  });

  it('keeps a compare-at price only in the same currency and reports one that is not higher', () => {
    const lower = validateProduct(tee({ compareAt: usd(999) }));
    expect(said(lower)).to.deep.equal(['compareAt: must be higher than price']);
    expect(lower.value!.compareAt).to.deep.equal(usd(999));
    const equal = validateProduct(tee({ variants: [variant({ compareAt: usd(1999) })] }));
    expect(said(equal)).to.deep.equal(['variants[0].compareAt: must be higher than price']);
    const euro = validateProduct(tee({ compareAt: { amount: 2999, currency: 'EUR' } }));
    expect(said(euro)).to.deep.equal(['compareAt.currency: must be "USD" like the price, got "EUR"']);
    expect(euro.value!.compareAt).to.equal(undefined);
    const higher = validateProduct(tee({ compareAt: usd(2999) }));
    expect(said(higher)).to.deep.equal([]);
  });

  it('accepts only the model’s availabilities', () => {
    const bad = validateProduct(tee({ availability: 'InStock' }));
    expect(said(bad)).to.include(
      'availability: must be one of in_stock, out_of_stock, preorder, backorder, limited, discontinued, got "InStock"',
    );
    // The product is as available as its best variant.
    expect(bad.value!.availability).to.equal('in_stock');
    const badVariant = validateProduct(tee({ variants: [variant({ availability: 'yes' })] }));
    expect(said(badVariant)[0]).to.match(
      /^variants\[0\]\.availability: must be one of in_stock, .*got "yes"$/,
    );
  });

  it('accepts absolute http(s) and root-relative URLs and rejects the rest', () => {
    const result = validateProduct(
      tee({
        url: 'ftp://example.com/tee',
        media: [
          { type: 'image', url: 'javascript:alert(1)', alt: 'x' },
          { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Swatch' },
          { type: 'image', url: 'images/tee.jpg', alt: 'Relative' },
          { type: 'video', url: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Not a video' },
          { type: 'image', url: '//evil.example/tee.jpg', alt: 'Other host' },
          { type: 'image', url: 'data:text/html;base64,PHNjcmlwdD4=', alt: 'HTML' },
          { type: 'image', url: 'HTTPS://CDN.EXAMPLE.COM/TEE.JPG', alt: 'Upper case' },
        ],
        variants: [variant()],
      }),
    );
    expect(said(result)).to.deep.equal([
      'media[0].url: must be an absolute or root-relative URL, not a javascript: URL, got "javascript:alert(1)"',
      'media[2].url: must be an absolute or root-relative URL, got "images/tee.jpg"',
      'media[3].url: must not be a data: URL, got "data:image/png;base64,iVBORw0KGgo="',
      'media[4].url: must be an absolute or root-relative URL (a URL starting with // points at another host), got "//evil.example/tee.jpg"',
      'media[5].url: must be an image when it is a data: URL, got "data:text/html;base64,PHNjcmlwdD4="',
      'url: must be an absolute or root-relative URL, not a ftp: URL, got "ftp://example.com/tee"',
    ]);
    expect(result.value!.media.map((m) => m.alt)).to.deep.equal(['Swatch', 'Upper case']);
    expect(result.value!.url).to.equal(undefined);
  });

  it('requires alt text on media, keeping the picture with an alt made from the title', () => {
    const result = validateProduct(
      tee({
        media: [
          { type: 'image', url: '/a.jpg' },
          { type: 'image', url: '/b.jpg', alt: '' },
        ],
      }),
    );
    expect(said(result)).to.deep.equal([
      'media[0].alt: is required (describe the image for screen readers)',
      'media[1].alt: is required (describe the image for screen readers)',
    ]);
    expect(result.value!.media.map((m) => m.alt)).to.deep.equal([
      'Organic cotton tee image 1',
      'Organic cotton tee image 2',
    ]);
  });

  it('drops one bad media item, keeps the others and re-points variant media indexes', () => {
    const result = validateProduct(
      tee({
        media: [
          { type: 'image', url: '/a.jpg', alt: 'A' },
          { type: 'gif', url: '/b.gif', alt: 'B' },
          { type: 'image', url: '/c.jpg', alt: 'C' },
        ],
        variants: [variant({ media: [2, 1, 7] })],
      }),
    );
    expect(said(result)).to.deep.equal([
      'media[1].type: must be one of image, video, model, got "gif"',
      'variants[0].media[2]: must be an index into media (0–2), got 7',
    ]);
    expect(result.value!.media.map((m) => m.url)).to.deep.equal(['/a.jpg', '/c.jpg']);
    expect(result.value!.variants[0]!.media).to.deep.equal([1]);
  });

  it('checks variant option names and values against the product options', () => {
    const result = validateProduct(
      tee({ variants: [variant({ options: { Colour: 'Green', Size: 'S', Fabric: 'Linen' } })] }),
    );
    expect(said(result)).to.deep.equal([
      'variants[0].options.Colour: "Green" is not one of the values of option "Colour" (Red, Blue)',
      'variants[0].options.Fabric: "Fabric" is not one of the product\'s options (Colour, Size)',
    ]);
    expect(result.value!.variants[0]!.options).to.deep.equal({ Size: 'S' });
    const chinese = validateProduct(
      tee({
        options: [{ name: '颜色', values: ['白色'] }],
        variants: [variant({ options: { 颜色: '黑色' } })],
      }),
    );
    expect(said(chinese)).to.include(
      'variants[0].options.颜色: "黑色" is not one of the values of option "颜色" (白色)',
    );
    const spaced = validateProduct(tee({ variants: [variant({ options: { 'Size (EU)': '42' } })] }));
    expect(said(spaced)[0]).to.equal(
      'variants[0].options["Size (EU)"]: "Size (EU)" is not one of the product\'s options (Colour, Size)',
    );
  });

  it('requires unique variant ids, dropping the repeat', () => {
    const result = validateProduct(
      tee({ variants: [variant({ id: 'a' }), variant({ id: 'b' }), variant({ id: 'a', price: usd(1) })] }),
    );
    expect(said(result)).to.deep.equal(['variants[2].id: "a" is already used by variants[0]']);
    expect(result.value!.variants.map((v) => v.id)).to.deep.equal(['a', 'b']);
  });

  it('requires every variant in the product currency', () => {
    const result = validateProduct(
      tee({
        variants: [variant({ id: 'a' }), variant({ id: 'b', price: { amount: 1800, currency: 'EUR' } })],
      }),
    );
    expect(said(result)).to.deep.equal([
      'variants[1].price.currency: must be "USD" like the product price, got "EUR"',
    ]);
    expect(result.value!.variants).to.have.length(1);
  });

  it('makes one variant from the price when there are none, and reports it', () => {
    const missing = validateProduct(tee({ variants: undefined, options: [] }));
    expect(said(missing)).to.deep.equal(['variants: is required; made one variant from the product price']);
    expect(missing.value!.variants).to.deep.equal([
      { id: 'tee', options: {}, price: usd(1999), availability: 'in_stock' },
    ]);
    const empty = validateProduct(tee({ variants: [], options: [] }));
    expect(said(empty)).to.deep.equal(['variants: has no usable variant; made one from the product price']);
    expect(empty.value!.variants).to.have.length(1);
  });

  it('derives the price from the lowest variant and the availability from the best one', () => {
    const result = validateProduct(tee({ price: undefined, availability: undefined }));
    expect(said(result)).to.deep.equal([]);
    expect(result.value!.price).to.deep.equal(usd(1999));
    expect(result.value!.availability).to.equal('in_stock');
  });

  it('returns null without an id, a title or a price, still listing every problem', () => {
    const result = validateProduct({ variants: [], media: [{ type: 'image', url: 'javascript:x' }] });
    expect(result.value).to.equal(null);
    expect(said(result)).to.deep.equal([
      'id: is required',
      'title: is required',
      'media[0].url: must be an absolute or root-relative URL, not a javascript: URL, got "javascript:x"',
      'price: is required (or give variants with prices)',
      'availability: is required; assumed "in_stock"',
    ]);
  });

  it('checks options, rating and GTIN', () => {
    const result = validateProduct(
      tee({
        options: [
          { name: 'Colour', values: ['Red', 'Blue', 'Red'] },
          { name: 'Colour', values: ['Green'] },
          { name: 'Size', values: [] },
        ],
        variants: [variant({ options: { Colour: 'Red' } })],
        rating: { average: 7, count: 2.5 },
        gtin: '12345',
      }),
    );
    expect(said(result)).to.deep.equal([
      'options[0].values[2]: "Red" is listed twice',
      'options[1].name: "Colour" is already an option',
      'options[2].values: must list at least one value',
      'gtin: must be 8, 12, 13 or 14 digits, got "12345"',
      'rating.average: must be a number from 0 to 5, got 7',
      'rating.count: must be a whole number of at least 0, got 2.5',
    ]);
    expect(result.value!.options).to.deep.equal([{ name: 'Colour', values: ['Red', 'Blue'] }]);
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = { id: 'c', title: 'Cycle', price: usd(1) };
    cyclic.media = [cyclic];
    cyclic.variants = [cyclic];
    cyclic.options = [cyclic];
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading');
        },
      },
    );
    const inputs: unknown[] = [
      null,
      undefined,
      0,
      Number.NaN,
      'product',
      'x'.repeat(1_000_000),
      true,
      [],
      [1, 2, 3],
      Symbol('s'),
      10n,
      () => 1,
      cyclic,
      hostile,
      { id: {}, title: [], price: 'cheap', variants: 'many', media: {}, options: 3, category: 'A > B' },
    ];
    for (const input of inputs) {
      let result: Result<unknown> | undefined;
      expect(() => (result = validateProduct(input))).not.to.throw();
      expect(result!.problems.length, String(typeof input)).to.be.greaterThan(0);
    }
    expect(said(validateProduct(null))).to.deep.equal(['must be a product object, got null']);
    expect(said(validateProduct([]))).to.deep.equal(['must be a product object, got an array']);
    expect(said(validateProduct(hostile))).to.deep.equal(['could not be read (no reading)']);
    expect(validateProduct(cyclic).value!.title).to.equal('Cycle');
  });
});

describe('validateMoney', () => {
  it('accepts integer minor units with an ISO 4217 code', () => {
    expect(validateMoney({ amount: 1999, currency: 'USD' })).to.deep.equal({
      value: { amount: 1999, currency: 'USD' },
      problems: [],
    });
    expect(validateMoney({ amount: -500, currency: 'JPY' }).value).to.deep.equal({
      amount: -500,
      currency: 'JPY',
    });
  });

  it('reports each part with its path', () => {
    expect(said(validateMoney({ amount: '19.99', currency: 'US' }))).to.deep.equal([
      'currency: must be a three-letter uppercase ISO 4217 code such as "USD" or "CNY", got "US"',
      'amount: must be an integer number of minor units (1999 for 19.99), got "19.99"',
    ]);
    expect(said(validateMoney(null))).to.deep.equal(['is required']);
    expect(said(validateMoney(1999))).to.deep.equal([
      'must be an object like { amount: 1999, currency: "USD" }, got 1999',
    ]);
    expect(said(validateMoney({ amount: Number.MAX_SAFE_INTEGER + 2, currency: 'USD' }))[0]).to.match(
      /^amount: must be an integer number of minor units/,
    );
  });

  it('repairs a lowercase currency and says so', () => {
    const result = validateMoney({ amount: 100, currency: 'cny' });
    expect(result.value).to.deep.equal({ amount: 100, currency: 'CNY' });
    expect(said(result)).to.deep.equal(['currency: must be three uppercase letters, got "cny"; used "CNY"']);
  });
});

describe('validateReview', () => {
  const review = {
    id: 'r1',
    rating: 4.5,
    body: 'Soft and true to size.\nWould buy again.',
    author: 'Mia',
    date: '2024-05-01',
  };

  it('accepts a valid review, halves included', () => {
    expect(validateReview(review)).to.deep.equal({ value: review, problems: [] });
    const full = {
      ...review,
      productId: 'tee',
      title: 'Great',
      verified: true,
      tags: ['fit'],
      variant: { Colour: 'Red' },
      media: [{ type: 'image', url: '/r.jpg', alt: 'Photo of the tee' }],
      reply: { body: 'Thank you!', author: 'Shop', date: '2024-05-02T09:30:00Z' },
      helpful: 3,
      notHelpful: 0,
      lang: 'en',
    };
    expect(validateReview(full)).to.deep.equal({ value: full, problems: [] });
  });

  it('requires a rating from 1 to 5 in steps of 0.5', () => {
    for (const rating of [0, 5.5, '4', Number.NaN]) {
      const result = validateReview({ ...review, rating });
      expect(result.value).to.equal(null);
      expect(said(result)[0]).to.match(/^rating: must be a number from 1 to 5 in steps of 0\.5, got /);
    }
    const between = validateReview({ ...review, rating: 4.3 });
    expect(between.value!.rating).to.equal(4.5);
    expect(said(between)).to.deep.equal([
      'rating: must be a number from 1 to 5 in steps of 0.5, got 4.3; rounded to 4.5',
    ]);
  });

  it('requires an ISO 8601 date that exists', () => {
    expect(validateReview({ ...review, date: '2024-05-01T10:00:00+08:00' }).problems).to.deep.equal([]);
    for (const date of ['yesterday', '2024-02-30', '01/05/2024', '2024-13-01']) {
      const result = validateReview({ ...review, date });
      expect(result.value).to.equal(null);
      expect(said(result)).to.deep.equal([
        `date: must be an ISO 8601 date such as "2024-05-01", got "${date}"`,
      ]);
    }
  });

  it('requires a string body (it may be empty) and reads a missing author as anonymous', () => {
    expect(validateReview({ ...review, body: '' }).value!.body).to.equal('');
    expect(said(validateReview({ ...review, body: 42 }))).to.deep.equal(['body: must be a string, got 42']);
    const anonymous = validateReview({ ...review, author: undefined });
    expect(anonymous.value!.author).to.equal('');
    expect(said(anonymous)).to.deep.equal(['author: is required; used ""']);
  });

  it('drops bad optional parts with their paths', () => {
    const result = validateReview({
      ...review,
      id: '',
      helpful: -1,
      media: [{ type: 'image', url: 'javascript:1', alt: 'x' }],
      reply: { body: 'Thanks', date: 'soon' },
    });
    expect(result.value).to.equal(null);
    expect(said(result)).to.deep.equal([
      'id: must not be empty',
      'media[0].url: must be an absolute or root-relative URL, not a javascript: URL, got "javascript:1"',
      'reply.date: must be an ISO 8601 date such as "2024-05-01", got "soon"',
      'helpful: must be a whole number of at least 0, got -1',
    ]);
  });
});

describe('validateOffer', () => {
  it('accepts an offer and requires id and title', () => {
    const offer = {
      id: 'spring',
      title: '满199减20',
      code: 'SPRING20',
      badge: '-20%',
      startsAt: '2024-03-01T00:00:00+08:00',
      endsAt: '2024-03-31T23:59:59+08:00',
    };
    expect(validateOffer(offer)).to.deep.equal({ value: offer, problems: [] });
    const bad = validateOffer({ title: '' });
    expect(bad.value).to.equal(null);
    expect(said(bad)).to.deep.equal(['id: is required', 'title: must not be empty']);
  });

  it('requires endsAt after startsAt and caps the badge', () => {
    const result = validateOffer({
      id: 'o',
      title: 'Sale',
      startsAt: '2024-03-31',
      endsAt: '2024-03-01',
      badge: 'B'.repeat(80),
    });
    expect(said(result)).to.deep.equal([
      'badge: was cut to 60 characters (it had 80)',
      'endsAt: must be after startsAt (2024-03-31), got "2024-03-01"',
    ]);
    expect(result.value!.endsAt).to.equal(undefined);
  });
});

describe('validateCartLine', () => {
  const line = { variantId: 'tee-red-s', productId: 'tee', quantity: 2, title: 'Tee', price: usd(1999) };

  it('accepts a valid line', () => {
    const full = {
      ...line,
      compareAt: usd(2499),
      image: '/tee.jpg',
      options: { Colour: 'Red' },
      category: ['A'],
    };
    expect(validateCartLine(full)).to.deep.equal({ value: full, problems: [] });
  });

  it('requires a whole quantity of at least 1', () => {
    for (const quantity of [0, -1, 1.5, '2', undefined]) {
      const result = validateCartLine({ ...line, quantity });
      expect(result.value).to.equal(null);
      expect(said(result)[0]).to.match(/^quantity: must be a whole number of at least 1, got /);
    }
  });

  it('reports ids, price and image with their paths', () => {
    const result = validateCartLine({ ...line, variantId: '', price: usd(-1), image: 'javascript:1' });
    expect(said(result)).to.deep.equal([
      'variantId: must not be empty',
      'price.amount: must not be negative, got -1',
      'image: must be an absolute or root-relative URL, not a javascript: URL, got "javascript:1"',
    ]);
  });
});

describe('validateCart', () => {
  const line = (variantId: string, currency = 'USD', quantity = 1) => ({
    variantId,
    productId: 'p',
    quantity,
    title: 'Thing',
    price: { amount: 500, currency },
  });

  it('accepts a valid cart', () => {
    const cart = {
      currency: 'USD',
      lines: [line('a'), line('b')],
      codes: ['SAVE5'],
      updatedAt: 1714550400000,
    };
    expect(validateCart(cart)).to.deep.equal({ value: cart, problems: [] });
  });

  it('drops lines in another currency and merges repeated variants', () => {
    const result = validateCart({
      currency: 'USD',
      lines: [line('a', 'USD', 1), line('b', 'EUR'), line('a', 'USD', 2), { variantId: 'c' }],
      codes: ['SAVE5', 'SAVE5', ''],
      updatedAt: 1,
    });
    expect(said(result)).to.deep.equal([
      'lines[3].productId: is required',
      'lines[3].quantity: must be a whole number of at least 1, got nothing',
      'lines[3].title: is required',
      'lines[3].price: is required',
      'lines[1].price.currency: must be "USD" like the cart, got "EUR"',
      'lines[2].variantId: "a" is already in lines[0]; the quantities were added together',
      'codes[1]: "SAVE5" is already entered',
      'codes[2]: must not be empty',
    ]);
    expect(result.value!.lines.map((l) => [l.variantId, l.quantity])).to.deep.equal([['a', 3]]);
  });

  it('reports a bad currency and time, and is null only without any currency', () => {
    const fromLine = validateCart({
      currency: 'usd$',
      lines: [line('a', 'CNY')],
      codes: [],
      updatedAt: 'now',
    });
    expect(fromLine.value!.currency).to.equal('CNY');
    expect(said(fromLine)).to.deep.equal([
      'currency: must be a three-letter uppercase ISO 4217 code such as "USD" or "CNY", got "usd$"; used "CNY" from the first line',
      'updatedAt: must be milliseconds since the epoch (Date.now()), got "now"; used 0',
    ]);
    expect(validateCart({ lines: [] }).value).to.equal(null);
    expect(said(validateCart('cart'))).to.deep.equal(['must be a cart object, got "cart"']);
  });
});
