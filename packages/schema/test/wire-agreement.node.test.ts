// The hand-kept TypeScript constants and the JSON Schema must say the same thing. Values are
// read from wire.schema.json, never restated here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FUNNEL_EVENTS } from '../src/ga4.js';
import * as api from '../src/index.js';
import { WIRE_BATCH_MAX_EVENTS, WIRE_EVENT_TYPES, WIRE_SCHEMA, WIRE_SCHEMA_ID } from '../src/wire.js';
import { VALID_EVENTS } from './fixtures/valid-events.js';
import { loadSchema, schemaPath } from './helpers/wire-ajv.js';

const schema = loadSchema();
const sorted = (list: readonly string[]): string[] => [...list].sort();

test('WIRE_EVENT_TYPES equals the type enum of the schema', () => {
  assert.deepEqual(sorted(WIRE_EVENT_TYPES), sorted(schema.$defs.event.properties.type.enum));
  assert.equal(new Set(WIRE_EVENT_TYPES).size, WIRE_EVENT_TYPES.length);
});

test('every event type has exactly one data branch in the schema, and no branch is orphaned', () => {
  const branches = schema.$defs.event.allOf.map((b) => b.if.properties.type.const);
  assert.deepEqual(sorted(branches), sorted(WIRE_EVENT_TYPES));
});

test('FUNNEL_EVENTS equals the funnel name enum of the schema, in the same order', () => {
  assert.deepEqual([...FUNNEL_EVENTS], schema.$defs.funnelData.properties.name.enum);
  assert.equal(FUNNEL_EVENTS.length, 13);
});

test('every funnel name with required params names a GA4 event', () => {
  const constrained = schema.$defs.funnelData.allOf.map((b) => b.if.properties.name.const);
  const known = new Set<string>(FUNNEL_EVENTS);
  assert.deepEqual(
    constrained.filter((name) => !known.has(name)),
    [],
  );
  // select_promotion is the only GA4 e-commerce event with no required parameter.
  assert.deepEqual(
    FUNNEL_EVENTS.filter((name) => !constrained.includes(name)),
    ['select_promotion'],
  );
});

test('WIRE_SCHEMA, WIRE_SCHEMA_ID and WIRE_BATCH_MAX_EVENTS match the schema', () => {
  assert.equal(schema.$id, WIRE_SCHEMA_ID);
  assert.equal(schema.properties.schema.const, WIRE_SCHEMA);
  assert.equal(schema.$defs.event.properties.schema.const, WIRE_SCHEMA);
  assert.equal(schema.properties.events.maxItems, WIRE_BATCH_MAX_EVENTS);
  // The $id carries the version, so a vitrine.event/2 schema can be loaded beside this one.
  assert.ok(WIRE_SCHEMA_ID.includes(WIRE_SCHEMA), WIRE_SCHEMA_ID);
});

test('the valid fixtures cover every event type and every funnel name', () => {
  const types = new Set(VALID_EVENTS.map((v) => v.event.type));
  assert.deepEqual(sorted([...types]), sorted(WIRE_EVENT_TYPES));
  const names = new Set(VALID_EVENTS.flatMap((v) => (v.event.type === 'funnel' ? [v.event.data.name] : [])));
  assert.deepEqual(sorted([...names]), sorted(FUNNEL_EVENTS));
});

test('@vitrine/schema/wire.schema.json resolves to the source file', () => {
  const source = fileURLToPath(new URL('../src/wire.schema.json', import.meta.url));
  assert.equal(readFileSync(schemaPath, 'utf8'), readFileSync(source, 'utf8'));
});

test('the entry point exports only constants and vtEvent at runtime', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'FUNNEL_EVENTS',
    'VT_EVENTS',
    'WIRE_BATCH_MAX_EVENTS',
    'WIRE_EVENT_TYPES',
    'WIRE_SCHEMA',
    'WIRE_SCHEMA_ID',
    'vtEvent',
  ]);
});
