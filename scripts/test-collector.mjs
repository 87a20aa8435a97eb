// A real local collector for the tracker's browser tests, served by web-test-runner (a Koa
// middleware): it accepts `vitrine.event/1` batches the way the reference collector does —
// plain or gzip JSON, validated against wire.schema.json with Ajv, duplicates (same event id)
// stored once — and lets a test break the network on purpose.
//
//   POST /__test__/collect/<key>            a WireBatch (Content-Encoding: gzip optional);
//                                           200 {accepted, duplicates} | 400 {error, problems}
//   GET  /__test__/collected/<key>          {events, posts, failures, duplicates, invalid, encodings}
//   POST /__test__/collect-mode/<key>?fail=0.3&offline=1&status=500
//        fail: fraction of POSTs answered 503 (a fixed pseudo-random sequence per key);
//        offline=1: every POST is dropped (the socket is destroyed) until offline=0;
//        status: every POST answers this status.
//   POST /__test__/collect-reset/<key>      forgets the key.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@vitrine/schema/wire.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addSchema(schema);
const validateBatch = ajv.getSchema(schema.$id);

const keys = new Map();
function state(key) {
  if (!keys.has(key))
    keys.set(key, {
      events: new Map(),
      posts: 0,
      failures: 0,
      duplicates: 0,
      invalid: [],
      encodings: [],
      mode: { fail: 0, offline: false, status: 0 },
      rng: 1,
    });
  return keys.get(key);
}

/** A small deterministic generator, so a failing run can be repeated. */
function next(s) {
  s.rng = (s.rng * 1103515245 + 12345) % 2147483648;
  return s.rng / 2147483648;
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('access-control-allow-origin', '*');
  ctx.body = JSON.stringify(body);
}

export async function testCollector(ctx, next_) {
  const m = /^\/__test__\/(collect|collected|collect-mode|collect-reset)\/([\w-]+)$/.exec(ctx.path);
  if (!m) return next_();
  const [, kind, key] = m;
  if (kind === 'collect-reset') {
    keys.delete(key);
    return json(ctx, 200, { ok: true });
  }
  const s = state(key);
  if (kind === 'collect-mode') {
    s.mode = {
      fail: Number(ctx.query.fail ?? 0),
      offline: ctx.query.offline === '1',
      status: Number(ctx.query.status ?? 0),
    };
    return json(ctx, 200, s.mode);
  }
  if (kind === 'collected') {
    return json(ctx, 200, {
      events: [...s.events.values()],
      posts: s.posts,
      failures: s.failures,
      duplicates: s.duplicates,
      invalid: s.invalid,
      encodings: s.encodings,
    });
  }
  if (ctx.method === 'OPTIONS') {
    ctx.status = 204;
    ctx.set('access-control-allow-origin', '*');
    ctx.set('access-control-allow-headers', 'content-type, content-encoding, x-vitrine-site');
    return undefined;
  }
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  s.posts++;
  if (s.mode.offline) {
    s.failures++;
    ctx.req.socket.destroy();
    return undefined;
  }
  if (s.mode.status || (s.mode.fail && next(s) < s.mode.fail)) {
    s.failures++;
    return json(ctx, s.mode.status || 503, { error: 'injected failure' });
  }
  let body = Buffer.concat(chunks);
  const encoding = ctx.get('content-encoding') || 'identity';
  s.encodings.push({ encoding, bytes: body.length });
  try {
    if (encoding === 'gzip') body = gunzipSync(body);
    const batch = JSON.parse(body.toString('utf8'));
    if (!validateBatch(batch)) {
      s.invalid.push({ problems: validateBatch.errors, batch });
      return json(ctx, 400, { error: 'invalid batch', problems: validateBatch.errors });
    }
    let accepted = 0;
    let duplicates = 0;
    for (const event of batch.events) {
      if (s.events.has(event.id)) duplicates++;
      else {
        s.events.set(event.id, event);
        accepted++;
      }
    }
    s.duplicates += duplicates;
    return json(ctx, 200, { accepted, duplicates });
  } catch (error) {
    s.invalid.push({ problems: String(error) });
    return json(ctx, 400, { error: String(error) });
  }
}
