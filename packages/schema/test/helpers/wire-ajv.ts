// Loads wire.schema.json the way a backend does (through the package's `./wire.schema.json`
// export) and compiles it with Ajv 2020 in strict mode plus ajv-formats.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { WIRE_SCHEMA_ID } from '../../src/wire.js';

/** The parts of wire.schema.json the tests read. */
export interface WireSchemaJson {
  $schema: string;
  $id: string;
  properties: { schema: { const: string }; events: { maxItems: number } };
  $defs: {
    event: {
      properties: { schema: { const: string }; type: { enum: string[] } };
      allOf: { if: { properties: { type: { const: string } } } }[];
    };
    funnelData: {
      properties: { name: { enum: string[] } };
      allOf: { if: { properties: { name: { const: string } } } }[];
    };
  } & Record<string, unknown>;
}

/** Absolute path of the schema file, resolved through `@vitrine/schema/wire.schema.json`. */
export const schemaPath = createRequire(import.meta.url).resolve('@vitrine/schema/wire.schema.json');

/** A fresh parse of the schema file. */
export function loadSchema(): WireSchemaJson {
  return JSON.parse(readFileSync(schemaPath, 'utf8')) as WireSchemaJson;
}

/** A strict Ajv 2020 instance with formats and the wire schema added. */
export function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(loadSchema());
  return ajv;
}

const ajv = makeAjv();

function validator(ref: string): ValidateFunction {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`wire.schema.json has nothing at ${ref}`);
  return validate;
}

/** Validates a batch (the schema root). */
export const validateBatch = validator(WIRE_SCHEMA_ID);

/** Validates one event (`#/$defs/event`). */
export const validateEvent = validator(`${WIRE_SCHEMA_ID}#/$defs/event`);

const escape = (segment: unknown): string => String(segment).replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The JSON Pointer an Ajv error blames. Errors about a missing, extra or badly named property
 * are reported on the parent object; this points at the property itself.
 */
export function blamed(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return `${error.instancePath}/${escape(params.missingProperty)}`;
    case 'additionalProperties':
      return `${error.instancePath}/${escape(params.additionalProperty)}`;
    case 'propertyNames':
      return `${error.instancePath}/${escape(params.propertyName)}`;
    default:
      return error.propertyName === undefined
        ? error.instancePath
        : `${error.instancePath}/${escape(error.propertyName)}`;
  }
}
