// The sources the search elements read from, as an integrator meets them in Chromium: the local
// engine, the same engine in a real module worker, and the remote client against the real Node
// handler (served by the test runner, see `searchApi` in web-test-runner.config.mjs).
import { expect } from '@esm-bundle/chai';
import { createSearchIndex } from '../src/engine/index.js';
import { getSource } from '../src/source/get-source.js';
import { createLocalSource } from '../src/source/local-source.js';
import { createRemoteSource } from '../src/source/remote-source.js';
import { createWorkerSource, type WorkerSearchSource } from '../src/source/worker-source.js';
import type { SearchOptions, SearchResponse, SearchSource } from '../src/types.js';
import { catalog, syntheticCatalog } from './fixtures/catalog.js';

let serial = 0;
/** A fresh server-side request counter for one test. */
const key = (prefix = 'k') => `${prefix}-${Date.now()}-${++serial}`;

interface Stats {
  requests: number;
  aborted: number;
  queries: string[];
}
const stats = (name: string): Promise<Stats> => fetch(`/__search__/${name}/count`).then((res) => res.json());

/** Polls the server-side counters of `name` until `check` holds. */
async function serverSaw(name: string, check: (seen: Stats) => boolean): Promise<Stats> {
  let seen = await stats(name);
  const end = performance.now() + 5000;
  while (!check(seen)) {
    if (performance.now() > end) throw new Error(`the search server saw ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen = await stats(name);
  }
  return seen;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

const ids = (response: { hits: { id: string }[] }) => response.hits.map((hit) => hit.id);

describe('local and worker sources', function () {
  this.timeout(60_000);
  let local: SearchSource;
  let worker: WorkerSearchSource;
  before(() => {
    const products = syntheticCatalog(3000);
    local = createLocalSource(createSearchIndex(products));
    worker = createWorkerSource(products);
  });
  after(() => worker.terminate());

  const queries: [string, SearchOptions][] = [
    ['wireless headphones', {}],
    ['wirless', {}],
    ['kettle', { sort: 'price-asc', limit: 5 }],
    ['耳机', {}],
    ['erji', {}],
    ['', { filters: { brand: ['Acme'] }, limit: 10, offset: 10 }],
    ['jacket', { filters: { options: { Color: ['Red'] }, availability: ['in_stock'] } }],
    ['watch', { filters: { category: ['Accessories'], price: { min: 10000, max: 90000 } }, sort: 'rating' }],
    ['qqqzzz', {}],
  ];

  it('runs in a worker once the catalog is indexed', async () => {
    expect(await worker.ready).to.equal(3000);
    expect(worker.mode).to.equal('worker');
  });

  for (const [query, options] of queries) {
    it(`return the same for "${query}" ${JSON.stringify(options)}`, async () => {
      const [a, b] = await Promise.all([worker.search(query, options), local.search(query, options)]);
      expect(a).to.deep.equal(b);
      expect(a.query).to.equal(query);
      for (const hit of a.hits) expect(hit.product.id).to.equal(hit.id);
    });
  }

  for (const query of ['wire', '智能', 'ac', 'zhin']) {
    it(`suggest the same for "${query}"`, async () => {
      const [a, b] = await Promise.all([worker.suggest(query), local.suggest(query, { limit: 5 })]);
      expect(a).to.deep.equal(b);
      expect(a.hits.length).to.be.at.most(5);
    });
  }

  it('worker: a superseded query rejects with AbortError and the last one answers', async () => {
    const typed = ['w', 'wi', 'wir', 'wire', 'wirel', 'wirele', 'wireles', 'wireless'];
    let controller: AbortController | null = null;
    const calls = typed.map((text) => {
      controller?.abort();
      controller = new AbortController();
      return worker.suggest(text, { signal: controller.signal }).then(
        (value) => ({ value }),
        (error: Error) => ({ error }),
      );
    });
    const settled = await Promise.all(calls);
    for (const result of settled.slice(0, -1))
      expect((result as { error: Error }).error.name).to.equal('AbortError');
    const last = settled.at(-1) as { value: Awaited<ReturnType<SearchSource['suggest']>> };
    expect(last.value).to.deep.equal(await local.suggest('wireless', { limit: 5 }));
  });

  it('worker: a call aborted before it is made rejects at once', async () => {
    const error = await rejection(worker.search('kettle', { signal: AbortSignal.abort() }));
    expect(error.name).to.equal('AbortError');
  });
});

describe('worker source with a large catalog URL', function () {
  this.timeout(120_000);

  it('keeps the main thread painting while 20,000 products are fetched, parsed and indexed', async () => {
    let frames = 0;
    let counting = true;
    const tick = () => {
      frames++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const source = createWorkerSource('/__search__/catalog/20000.json', { handoffAtMost: 2000 });
    const startFrames = frames;
    try {
      expect(await source.ready).to.equal(20000);
      counting = false;
      expect(source.mode).to.equal('worker');
      // Frames delivered while the worker was busy: the main thread was free to paint.
      expect(frames - startFrames).to.be.at.least(3);
      const found = await source.search('wireless headphones', { limit: 3 });
      expect(found.total).to.be.greaterThan(0);
      expect(found.hits).to.have.length(3);
    } finally {
      counting = false;
      source.terminate();
    }
  });

  it('hands a small catalog URL back to the main thread, with the same answers', async () => {
    const source = createWorkerSource('/__search__/catalog/200.json', { handoffAtMost: 2000 });
    const pending = source.search('lamp');
    expect(await source.ready).to.equal(200);
    expect(source.mode).to.equal('local');
    const local = createLocalSource(createSearchIndex(syntheticCatalog(200)));
    expect(await pending).to.deep.equal(await local.search('lamp'));
  });

  it('loads a prebuilt index', async () => {
    const json = createSearchIndex(syntheticCatalog(300)).toJSON();
    const source = createWorkerSource(json);
    expect(await source.ready).to.equal(300);
    const local = createLocalSource(createSearchIndex(syntheticCatalog(300)));
    expect(await source.search('tent')).to.deep.equal(await local.search('tent'));
    source.terminate();
  });

  it('rejects every call with a clear error when the catalog cannot be fetched', async () => {
    const source = createWorkerSource('/__test__/status/search-missing-catalog?code=404');
    const error = await rejection(source.search('lamp'));
    expect(error.message).to.match(/search-missing-catalog\?code=404 answered HTTP 404/);
    expect((await rejection(source.ready)).message).to.equal(error.message);
    expect((await rejection(source.suggest('l'))).message).to.equal(error.message);
  });
});

describe('getSource', function () {
  this.timeout(60_000);

  it('shares one source per catalog or endpoint on a page', () => {
    const products = catalog();
    expect(getSource({ products })).to.equal(getSource({ products }));
    expect(getSource({ src: '/__search__/catalog/40.json' })).to.equal(
      getSource({ src: `${location.origin}/__search__/catalog/40.json` }),
    );
    expect(getSource({ endpoint: '/__search__/shared/search' })).to.equal(
      getSource({ endpoint: '/__search__/shared/search' }),
    );
    expect(getSource({ endpoint: '/__search__/shared/search' })).not.to.equal(getSource({ products }));
  });

  it('indexes a small catalog on the main thread and a large one in a worker', async () => {
    const small = catalog();
    const a = getSource({ products: small }) as SearchSource & { ready: Promise<number>; mode?: string };
    expect(await a.ready).to.equal(30);
    expect(a.mode).to.equal(undefined);
    expect(ids(await a.search('耳机'))).to.deep.equal(
      ids(await createLocalSource(createSearchIndex(small)).search('耳机')),
    );
    const large = syntheticCatalog(2500);
    const b = getSource({ products: large }) as SearchSource & { ready: Promise<number>; mode?: string };
    expect(await b.ready).to.equal(2500);
    expect(b.mode).to.equal('worker');
    const c = getSource({ products: syntheticCatalog(50), workerThreshold: 10 }) as SearchSource & {
      mode?: string;
    };
    expect(c.mode).to.be.oneOf(['pending', 'worker']);
  });

  it('throws a TypeError without a catalog or endpoint', () => {
    expect(() => getSource({})).to.throw(TypeError, /endpoint, a src URL or products/);
  });
});

describe('remote source against the real search server', function () {
  this.timeout(30_000);
  const local = createLocalSource(createSearchIndex(catalog()));

  const cases: [string, SearchOptions][] = [
    ['headphones', {}],
    ['wireles', {}],
    ['蓝牙耳机', {}],
    ['', { filters: { category: ['Apparel'], options: { Size: ['M'] } }, sort: 'price-desc' }],
    ['phone', { limit: 2, offset: 2 }],
  ];
  for (const [query, options] of cases) {
    it(`answers like the local engine for "${query}" ${JSON.stringify(options)}`, async () => {
      const remote = createRemoteSource(`/__search__/${key()}/search`);
      const [a, b] = await Promise.all([remote.search(query, options), local.search(query, options)]);
      const strip = (r: SearchResponse) => ({ ...r, hits: r.hits.map(({ product: _p, ...hit }) => hit) });
      expect(strip(a)).to.deep.equal(strip(b));
      expect(a.hits.map((hit) => hit.product.title)).to.deep.equal(b.hits.map((hit) => hit.product.title));
    });
  }

  it('suggests like the local engine', async () => {
    const remote = createRemoteSource(`/__search__/${key()}/search`, { debounce: 0 });
    const [a, b] = await Promise.all([remote.suggest('head'), local.suggest('head')]);
    expect(a.queries).to.deep.equal(b.queries);
    expect(a.categories).to.deep.equal(b.categories);
    expect(ids(a)).to.deep.equal(ids(b));
    expect(a.total).to.equal(b.total);
  });

  it('debounces typing: only the last of quick suggestion calls reaches the server', async () => {
    const name = key();
    const remote = createRemoteSource(`/__search__/${name}/search`);
    const calls = ['h', 'he', 'hea', 'head'].map((text) =>
      remote.suggest(text).then(
        (value) => ({ value }),
        (error: Error) => ({ error }),
      ),
    );
    const settled = await Promise.all(calls);
    for (const result of settled.slice(0, -1))
      expect((result as { error: Error }).error.name).to.equal('AbortError');
    expect((settled.at(-1) as { value: { query: string } }).value.query).to.equal('head');
    const seen = await stats(name);
    expect(seen.requests).to.equal(1);
    expect(seen.queries).to.deep.equal(['/search/suggest?q=head']);
  });

  it('does not delay a search, and aborts its request in flight when its signal aborts', async () => {
    const name = key('held');
    const remote = createRemoteSource(`/__search__/${name}/search`, { debounce: 10_000 });
    const controller = new AbortController();
    const pending = remote.search('headphones', { signal: controller.signal });
    // Reaches the server although the debounce is 10 s: searches are not debounced.
    await serverSaw(name, (seen) => seen.requests === 1);
    controller.abort();
    expect((await rejection(pending)).name).to.equal('AbortError');
    const seen = await serverSaw(name, (seen) => seen.aborted === 1);
    await fetch(`/__search__/${name}/release`);
    expect(seen).to.include({ requests: 1, aborted: 1 });
  });

  it('a newer suggestion supersedes one in flight: its request is aborted', async () => {
    const name = key('held');
    const remote = createRemoteSource(`/__search__/${name}/search`, { debounce: 0 });
    const first = remote.suggest('a');
    await serverSaw(name, (seen) => seen.requests === 1);
    const second = remote.suggest('ab');
    expect((await rejection(first)).name).to.equal('AbortError');
    const seen = await serverSaw(name, (seen) => seen.requests === 2 && seen.aborted === 1);
    await fetch(`/__search__/${name}/release`);
    expect((await second).query).to.equal('ab');
    expect(seen).to.include({ requests: 2, aborted: 1 });
  });

  it('caches per query and options: the same search twice is one request', async () => {
    const name = key();
    const remote = createRemoteSource(`/__search__/${name}/search`);
    const options: SearchOptions = { filters: { brand: ['Sony', 'JBL'] }, sort: 'price-asc' };
    const first = await remote.search('speaker', options);
    const again = await remote.search('speaker', { sort: 'price-asc', filters: { brand: ['JBL', 'Sony'] } });
    expect(again).to.deep.equal(first);
    const [x, y] = await Promise.all([remote.search('mouse'), remote.search('mouse')]);
    expect(x).to.deep.equal(y);
    await remote.search('mouse', { sort: 'rating' });
    expect((await stats(name)).requests).to.equal(3);
  });

  it('rejects with the status and the reason when the server answers 500, and does not cache it', async () => {
    const name = key('fail');
    const remote = createRemoteSource(`/__search__/${name}/search`, { debounce: 0 });
    const error = await rejection(remote.search('headphones'));
    expect(error.name).to.equal('RemoteSearchError');
    expect((error as Error & { status: number }).status).to.equal(500);
    expect(error.message).to.equal('the search server answered HTTP 500: the index is being rebuilt');
    const suggestError = await rejection(remote.suggest('head'));
    expect(suggestError.message).to.match(/HTTP 500/);
    await rejection(remote.search('headphones'));
    expect((await stats(name)).requests).to.equal(3);
  });

  it('rejects with the server reason for a bad request', async () => {
    const remote = createRemoteSource(`/__search__/${key()}/search`);
    const error = await rejection(remote.search('a', { limit: 500 }));
    expect(error.message).to.match(
      /^the search server answered HTTP 400: limit must be a whole number from 1 to 100/,
    );
  });

  it('rejects clearly when the server answers something else than the protocol', async () => {
    const remote = createRemoteSource('/__test__/status/search-not-json?code=502');
    const error = await rejection(remote.search('a'));
    expect(error.message).to.equal('the search server answered HTTP 502: status 502');
  });
});
