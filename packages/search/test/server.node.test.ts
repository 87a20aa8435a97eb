// The remote search server as a shop's front end (or a hostile client) meets it: a real HTTP
// server on 127.0.0.1, real requests, answers compared with the engine's own.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSearchHandler, createSearchServer, type SearchServer } from '../src/server/index.js';
import { createLocalSource } from '../src/source/local-source.js';
import { encodeSearch } from '../src/source/protocol.js';
import { createRemoteSource } from '../src/source/remote-source.js';
import type { SearchIndex, SearchOptions, SearchResult } from '../src/types.js';
import { catalog } from './fixtures/catalog.js';

let server: SearchServer;
let index: SearchIndex;

before(async () => {
  server = await createSearchServer({ products: catalog() });
  index = server.index;
});
after(() => server.close());

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { v?: number; error?: { message: string; param?: string } };
}

async function get(pathAndQuery: string, init: RequestInit = {}): Promise<Answer> {
  const origin = new URL(server.endpoint).origin;
  const res = await fetch(`${origin}${pathAndQuery}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

const search = (query: string, options: SearchOptions = {}) => get(`/search?${encodeSearch(query, options)}`);

/** What the engine itself answers, as it should appear on the wire (products aside). */
function wire(result: SearchResult) {
  return {
    hits: result.hits.map(({ id, score, highlights }) => ({ id, score, highlights })),
    facets: result.facets,
    total: result.total,
    correctedQuery: result.correctedQuery,
    fallback: result.fallback,
  };
}
function fromAnswer(body: Answer['body']) {
  const hits = body.hits as { id: string; score: number; highlights: unknown }[];
  return {
    hits: hits.map(({ id, score, highlights }) => ({ id, score, highlights })),
    facets: body.facets,
    total: body.total,
    correctedQuery: body.correctedQuery,
    fallback: body.fallback,
  };
}

describe('search server: answers equal the engine', () => {
  const queries = ['headphones', 'wireles headphnes', 'Sony', '耳机', 'erji', 'lanya', '', 'zzqxv', 'shoes'];
  for (const query of queries) {
    it(`"${query}"`, async () => {
      const answer = await search(query);
      assert.equal(answer.status, 200);
      assert.equal(answer.body.v, 1);
      assert.equal(answer.body.query, query);
      assert.deepEqual(fromAnswer(answer.body), wire(await index.search(query)));
    });
  }

  const cases: [string, SearchOptions][] = [
    ['sorted by price', { sort: 'price-asc' }],
    ['newest first', { sort: 'newest' }],
    ['second page of 5', { limit: 5, offset: 5 }],
    ['an offset that is no whole page', { limit: 4, offset: 3 }],
    ['a category path', { filters: { category: ['Audio > Headphones'] } }],
    ['two brands', { filters: { brand: ['Sony', 'JBL'] } }],
    ['a price range', { filters: { price: { min: 5000, max: 30000 } } }],
    ['a price floor only', { filters: { price: { min: 50000 } } }],
    ['stock states', { filters: { availability: ['out_of_stock', 'preorder'] } }],
    ['an option', { filters: { options: { Color: ['Black'] } } }],
    ['a Chinese option', { filters: { options: { 颜色: ['黑色'] } } }],
    [
      'everything at once',
      {
        sort: 'rating',
        limit: 3,
        offset: 3,
        filters: { category: ['Audio'], price: { max: 30000 }, options: { Color: ['Black', 'White'] } },
      },
    ],
  ];
  for (const [name, options] of cases) {
    for (const query of ['', 'wireless']) {
      it(`${name}, q="${query}"`, async () => {
        const answer = await search(query, options);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.deepEqual(fromAnswer(answer.body), wire(await index.search(query, options)));
      });
    }
  }

  it('honours correct=false', async () => {
    const answer = await search('wireles headphnes', { correct: false });
    assert.deepEqual(
      fromAnswer(answer.body),
      wire(await index.search('wireles headphnes', { correct: false })),
    );
  });

  it('reads filters written by hand, `+` for spaces', async () => {
    const answer = await get(
      '/search?q=&category=Audio+%3E+Headphones&price=-20000&option.Color=Black&page=1',
    );
    assert.equal(answer.status, 200);
    const options: SearchOptions = {
      filters: { category: ['Audio > Headphones'], price: { max: 20000 }, options: { Color: ['Black'] } },
    };
    assert.deepEqual(fromAnswer(answer.body), wire(await index.search('', options)));
  });

  it('sends products trimmed to what a result list needs', async () => {
    const answer = await search('headphones');
    const hits = answer.body.hits as { id: string; product: Record<string, unknown> }[];
    assert.ok(hits.length > 0);
    for (const { id, product } of hits) {
      const full = index.product(id)!;
      assert.equal(product.id, id);
      assert.equal(product.title, full.title);
      assert.deepEqual(product.price, full.price);
      assert.equal(product.description, undefined);
      assert.deepEqual(product.media, full.media.slice(0, 1));
      assert.equal((product.variants as unknown[]).length, 1);
    }
  });
});

describe('search server: suggestions', () => {
  for (const query of ['head', 'wi', '蓝牙', 'xiaomi', '']) {
    it(`"${query}" equals the local source's suggestions`, async () => {
      const answer = await get(`/search/suggest?q=${encodeURIComponent(query)}`);
      assert.equal(answer.status, 200);
      const local = await createLocalSource(index).suggest(query);
      assert.equal(answer.body.query, query);
      assert.deepEqual(answer.body.queries, local.queries);
      assert.deepEqual(answer.body.categories, local.categories);
      assert.deepEqual(answer.body.brands, local.brands);
      assert.equal(answer.body.total, local.total);
      assert.deepEqual(
        (answer.body.hits as { id: string }[]).map((hit) => hit.id),
        local.hits.map((hit) => hit.id),
      );
    });
  }

  it('honours limit', async () => {
    const answer = await get('/search/suggest?q=s&limit=2');
    assert.equal(answer.status, 200);
    assert.ok((answer.body.hits as unknown[]).length <= 2);
    assert.ok((answer.body.queries as unknown[]).length <= 2);
  });
});

describe('search server: refuses bad requests with the reason', () => {
  const bad: [string, string, RegExp][] = [
    ['limit=0', 'limit', /1 to 100/],
    ['limit=101', 'limit', /1 to 100/],
    ['limit=ten', 'limit', /whole number/],
    ['limit=1e2', 'limit', /whole number/],
    ['sort=cheapest', 'sort', /relevance/],
    ['page=0', 'page', /whole number/],
    ['page=2&offset=20', 'offset', /not both/],
    ['page=101&limit=100', 'page', /10000/],
    ['offset=9999&limit=2', 'offset', /10000/],
    ['price=cheap', 'price', /min-max/],
    ['price=5000-100', 'price', /min ≤ max/],
    ['price=-', 'price', /min-max/],
    ['availability=sold', 'availability', /in_stock/],
    ['categroy=Audio', 'categroy', /unknown parameter/],
    ['q=a&q=b', 'q', /2 times/],
    ['sort=rating&sort=newest', 'sort', /2 times/],
    ['option.=Red', 'option.', /option names/],
    ['correct=no', 'correct', /true or false/],
    [`q=${'a'.repeat(201)}`, 'q', /longer than 200/],
    [`brand=${'b'.repeat(201)}`, 'brand', /longer than 200/],
    [Array.from({ length: 51 }, (_, i) => `brand=b${i}`).join('&'), 'brand', /more than 50/],
  ];
  for (const [query, param, reason] of bad) {
    it(`${query.slice(0, 60)} → 400 (${param})`, async () => {
      const answer = await get(`/search?${query}`);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.v, 1);
      assert.equal(answer.body.error?.param, param);
      assert.match(answer.body.error!.message, reason);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    });
  }

  it('suggest limit beyond 20 → 400', async () => {
    const answer = await get('/search/suggest?q=a&limit=21');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error?.param, 'limit');
  });

  it('other paths → 404, other methods → 405 with allow', async () => {
    assert.equal((await get('/nothing?q=a')).status, 404);
    assert.equal((await get('/search/suggest/more')).status, 404);
    const post = await get('/search?q=a', { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.match(post.headers.get('allow')!, /GET/);
  });
});

describe('search server: hostile and odd queries never break it', () => {
  const hostile = [
    '.*+?^${}()|[]\\',
    '"; DROP TABLE products; --',
    '<script>alert(1)</script>',
    '%00%ff%',
    '\u0000\u0001\u001f',
    '🎧'.repeat(100),
    'a\u0301'.repeat(100),
    'x'.repeat(200),
    'a '.repeat(100),
    '\ud800 lone surrogate',
    '耳'.repeat(200),
    '*'.repeat(200),
    'constructor __proto__ prototype',
  ];
  for (const query of hostile) {
    it(`${JSON.stringify(query.slice(0, 30))}`, async () => {
      const [found, suggested] = await Promise.all([
        get(`/search?${new URLSearchParams({ q: query.slice(0, 200) })}`),
        get(`/search/suggest?${new URLSearchParams({ q: query.slice(0, 200) })}`),
      ]);
      assert.equal(found.status, 200, JSON.stringify(found.body));
      assert.equal(suggested.status, 200, JSON.stringify(suggested.body));
      assert.ok(Array.isArray(found.body.hits));
    });
  }

  it('malformed percent-encoding and a raw `//` path', async () => {
    assert.equal((await get('/search?q=%E0%A4%A&brand=%')).status, 200);
    assert.equal((await get('/search?q=%ED%A0%80%C0%AF')).status, 200);
    assert.equal((await get('//search?q=a')).status, 404);
  });

  it('an option filter named like an Object property', async () => {
    const answer = await get('/search?q=&option.__proto__=x&option.constructor=y');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.total, 0);
  });
});

describe('search server: HTTP behaviour', () => {
  it('sends CORS and cache headers, and 304 for a matching ETag', async () => {
    const first = await search('headphones');
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
    assert.match(first.headers.get('content-type')!, /^application\/json/);
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    const origin = new URL(server.endpoint).origin;
    const again = await fetch(`${origin}/search?q=headphones`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  it('answers a preflight and HEAD', async () => {
    const origin = new URL(server.endpoint).origin;
    const preflight = await fetch(`${origin}/search?q=a`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-headers': 'x-api-key' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods')!, /GET/);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'x-api-key');
    const head = await fetch(`${origin}/search?q=a`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('echoes only listed origins when given a list', async () => {
    const handler = createSearchHandler(index, { allowOrigin: ['https://shop.example'] });
    const own = createServer(handler);
    await new Promise<void>((ok) => own.listen(0, '127.0.0.1', ok));
    try {
      const base = `http://127.0.0.1:${(own.address() as AddressInfo).port}/search?q=a`;
      const listed = await fetch(base, { headers: { origin: 'https://shop.example' } });
      assert.equal(listed.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.equal(listed.headers.get('vary'), 'origin');
      const other = await fetch(base, { headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      own.closeAllConnections();
      own.close();
    }
  });

  it('answers 500 with a protocol error, logs it, and keeps serving, when the engine fails', async () => {
    // A broken index: the one boundary a test cannot reach with real data.
    const broken: SearchIndex = {
      size: index.size,
      ready: index.ready,
      search: () => Promise.reject(new Error('disk on fire')),
      suggest: (query, options) => index.suggest(query, options),
      product: (id) => index.product(id),
      toJSON: () => index.toJSON(),
    };
    const logged: unknown[] = [];
    const own = createServer(createSearchHandler(broken, { log: { error: (...args) => logged.push(args) } }));
    await new Promise<void>((ok) => own.listen(0, '127.0.0.1', ok));
    try {
      const base = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
      const failed = await fetch(`${base}/search?q=a`);
      assert.equal(failed.status, 500);
      const body = (await failed.json()) as { v: number; error: { message: string } };
      assert.equal(body.v, 1);
      assert.doesNotMatch(body.error.message, /disk/);
      assert.equal(logged.length, 1);
      assert.equal((await fetch(`${base}/search?q=a&limit=0`)).status, 400);
    } finally {
      own.closeAllConnections();
      own.close();
    }
  });
});

describe('remote source (client) against the server', () => {
  it('returns what the local source returns', async () => {
    const remote = createRemoteSource(server.endpoint, { debounce: 0 });
    const local = createLocalSource(index);
    for (const [query, options] of [
      ['headphones', {}],
      ['耳机', { sort: 'price-desc' }],
      ['', { filters: { brand: ['Apple'] }, limit: 2 }],
    ] as [string, SearchOptions][]) {
      const [a, b] = await Promise.all([remote.search(query, options), local.search(query, options)]);
      assert.deepEqual(
        a.hits.map((hit) => [hit.id, hit.score]),
        b.hits.map((hit) => [hit.id, hit.score]),
      );
      assert.deepEqual(a.facets, b.facets);
      assert.equal(a.total, b.total);
      assert.equal((a as { v?: number }).v, undefined);
    }
    const suggested = await remote.suggest('head');
    assert.deepEqual(suggested.queries, (await local.suggest('head')).queries);
  });

  it('rejects with the status and the server reason', async () => {
    const remote = createRemoteSource(server.endpoint);
    await assert.rejects(remote.search('a', { limit: 500 }), (error: Error & { status?: number }) => {
      assert.equal(error.name, 'RemoteSearchError');
      assert.equal(error.status, 400);
      assert.match(error.message, /HTTP 400: limit must be a whole number from 1 to 100/);
      return true;
    });
  });

  it('builds the same index from a prebuilt JSON', async () => {
    const prebuilt = await createSearchServer({ indexJson: index.toJSON() });
    try {
      const answer = await fetch(`${prebuilt.endpoint}?q=headphones`).then((res) => res.json());
      assert.deepEqual(fromAnswer(answer as Answer['body']), wire(await index.search('headphones')));
    } finally {
      await prebuilt.close();
    }
  });
});
