import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { WireBatch, WireEvent } from '../src/wire.js';
import { WIRE_SCHEMA } from '../src/wire.js';
import { RUNTIME_INVALID, TYPED_INVALID, type InvalidCase } from './fixtures/invalid-events.js';
import { VALID_EVENTS, envelope } from './fixtures/valid-events.js';
import { blamed, loadSchema, validateBatch, validateEvent } from './helpers/wire-ajv.js';

/** `count` valid events with distinct ids. */
function events(count: number): WireEvent[] {
  return Array.from({ length: count }, (_, i) => ({ ...envelope(i), type: 'pageview', data: {} }));
}

function batch(list: unknown[]): WireBatch {
  return { schema: WIRE_SCHEMA, sentAt: 1_764_300_100_000, events: list as WireEvent[] };
}

/** Ajv's errors for `data` as "pointer keyword" lines, for readable assertion messages. */
function describeErrors(validate: typeof validateEvent): string {
  return (validate.errors ?? []).map((e) => `${blamed(e)} ${e.keyword} (${e.message})`).join('\n');
}

describe('wire.schema.json compiles', () => {
  test('with Ajv 2020 in strict mode plus ajv-formats', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    assert.doesNotThrow(() => ajv.compile(loadSchema()));
  });

  test('and strict mode refuses it without ajv-formats (backends must add formats)', () => {
    const ajv = new Ajv2020({ strict: true });
    assert.throws(() => ajv.compile(loadSchema()), /unknown format "uri"/);
  });

  test('is draft 2020-12 and describes every property', () => {
    const schema = loadSchema();
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const obj = node as Record<string, unknown>;
      if (typeof obj.properties === 'object' && obj.properties !== null) {
        for (const [name, sub] of Object.entries(obj.properties)) {
          if (typeof sub === 'object' && sub !== null && !('description' in sub)) {
            undocumented.push(`${path}/properties/${name}`);
          }
        }
      }
      for (const [key, value] of Object.entries(obj)) if (key !== 'if') walk(value, `${path}/${key}`);
    };
    walk(schema, '#');
    assert.deepEqual(undocumented, []);
  });
});

describe('valid events are accepted', () => {
  for (const { name, event } of VALID_EVENTS) {
    test(name, () => {
      assert.equal(validateEvent(event), true, describeErrors(validateEvent));
    });
  }
});

function rejectsAt({ at, event }: InvalidCase): void {
  assert.equal(validateEvent(event), false, `accepted, expected an error at ${at}`);
  const pointers = (validateEvent.errors ?? []).map(blamed);
  const message = `expected an error at ${at}, got:\n${describeErrors(validateEvent)}`;
  // Blames the expected value (or something inside it)…
  assert.ok(
    pointers.some((p) => p === at || p.startsWith(`${at}/`)),
    message,
  );
  // …and nothing unrelated: every other error is an enclosing if/then or allOf report.
  assert.ok(
    pointers.every((p) => p === at || p.startsWith(`${at}/`) || at.startsWith(`${p}/`)),
    message,
  );
}

describe('invalid events the types also reject', () => {
  test('there are at least 12', () => assert.ok(TYPED_INVALID.length >= 12, String(TYPED_INVALID.length)));
  for (const c of TYPED_INVALID) test(`${c.name} → ${c.at}`, () => rejectsAt(c));
});

describe('invalid events only the schema rejects', () => {
  for (const c of RUNTIME_INVALID) test(`${c.name} → ${c.at}`, () => rejectsAt(c));
});

describe('batches', () => {
  test('every valid fixture in one batch is accepted', () => {
    const ok = validateBatch(batch(VALID_EVENTS.map((v) => v.event)));
    assert.equal(ok, true, describeErrors(validateBatch));
  });

  test('500 events are accepted', () => {
    assert.equal(validateBatch(batch(events(500))), true, describeErrors(validateBatch));
  });

  test('501 events are rejected at /events', () => {
    assert.equal(validateBatch(batch(events(501))), false);
    assert.deepEqual(
      validateBatch.errors?.map((e) => [e.instancePath, e.keyword]),
      [['/events', 'maxItems']],
    );
  });

  test('an empty batch is rejected', () => {
    assert.equal(validateBatch(batch([])), false);
    assert.deepEqual(
      validateBatch.errors?.map((e) => [e.instancePath, e.keyword]),
      [['/events', 'minItems']],
    );
  });

  test('an unknown schema version is rejected', () => {
    assert.equal(validateBatch({ ...batch(events(1)), schema: 'vitrine.event/2' }), false);
    assert.deepEqual(
      validateBatch.errors?.map((e) => [e.instancePath, e.keyword]),
      [['/schema', 'const']],
    );
  });

  test('an event of an unknown schema version inside a batch is rejected', () => {
    const stale = { ...envelope(0), schema: 'vitrine.event/0', type: 'pageview', data: {} };
    assert.equal(validateBatch(batch([...events(2).slice(1), stale])), false);
    assert.deepEqual(
      validateBatch.errors?.map((e) => [e.instancePath, e.keyword]),
      [['/events/1/schema', 'const']],
    );
  });

  test('one invalid event fails the batch and is located by index', () => {
    const bad = RUNTIME_INVALID[0]!;
    assert.equal(validateBatch(batch([...events(3), bad.event])), false);
    assert.ok(
      validateBatch.errors?.some((e) => blamed(e) === `/events/3${bad.at}`),
      describeErrors(validateBatch),
    );
  });

  test('a batch without sentAt or with extra properties is rejected', () => {
    const { sentAt: _sentAt, ...noSentAt } = batch(events(1));
    assert.equal(validateBatch(noSentAt), false);
    assert.deepEqual(validateBatch.errors?.map(blamed), ['/sentAt']);
    assert.equal(validateBatch({ ...batch(events(1)), source: 'tracker' }), false);
    assert.deepEqual(validateBatch.errors?.map(blamed), ['/source']);
  });
});
