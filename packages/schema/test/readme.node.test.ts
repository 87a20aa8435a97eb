// The JSON examples in README.md are what integrators copy; they must validate.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WIRE_EVENT_TYPES } from '../src/wire.js';
import { validateBatch, validateEvent } from './helpers/wire-ajv.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (m) => JSON.parse(m[1]!) as Record<string, unknown>,
);
const batches = blocks.filter((b) => 'events' in b);
const examples = blocks.filter((b) => !('events' in b));
const errors = (v: typeof validateEvent): string => JSON.stringify(v.errors, null, 2);

test('the batch example validates', () => {
  assert.equal(batches.length, 1);
  assert.equal(validateBatch(batches[0]), true, errors(validateBatch));
});

test('there is an example of every event type', () => {
  assert.deepEqual(examples.map((e) => e.type).sort(), [...WIRE_EVENT_TYPES].sort());
});

const envelope = (batches[0]?.events as Record<string, unknown>[] | undefined)?.[0];
for (const example of examples) {
  test(`the ${String(example.type)} example validates inside the envelope`, () => {
    assert.deepEqual(Object.keys(example).sort(), ['data', 'type']);
    assert.equal(validateEvent({ ...envelope, ...example }), true, errors(validateEvent));
  });
}
