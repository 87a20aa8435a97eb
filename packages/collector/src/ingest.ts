import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { WIRE_SCHEMA, WIRE_SCHEMA_ID, type WireBatch } from '@vitrine/schema';

/** Limits applied to every request body. */
export interface IngestLimits {
  /** Most bytes of a request body as sent (compressed or not). */
  maxBodyBytes: number;
  /** Most bytes of a gzip body once decompressed (a small body can inflate enormously). */
  maxDecodedBytes: number;
  /** How far after its arrival an event may claim to have happened (clock skew allowance). */
  maxFutureMs: number;
}

/** Defaults: 1 MiB sent (a lone large replay chunk fits), 8 MiB decompressed, 24 hours ahead. */
export const DEFAULT_LIMITS: IngestLimits = {
  maxBodyBytes: 1024 * 1024,
  maxDecodedBytes: 8 * 1024 * 1024,
  maxFutureMs: 24 * 3600_000,
};

/** One reason a batch was refused, with where in it. */
export interface Problem {
  /** JSON pointer into the batch, e.g. `/events/3/data/offsetX`; empty for the whole body. */
  path: string;
  message: string;
}

/** A refused body: the HTTP status to answer and why. */
export interface Refusal {
  status: 400 | 413 | 415 | 422;
  error: string;
  problems?: Problem[];
}

/** A parsed, valid batch, or why it is refused. */
export type IngestResult = { ok: true; batch: WireBatch } | ({ ok: false } & Refusal);

// ajv-formats is CommonJS with a default export; under Node's ESM loader it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** `wire.schema.json`, compiled once. */
const validateBatch = (() => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(
    readFileSync(require.resolve('@vitrine/schema/wire.schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(schema);
  const validate = ajv.getSchema(WIRE_SCHEMA_ID);
  if (!validate) throw new Error(`@vitrine/collector: ${WIRE_SCHEMA_ID} is not in wire.schema.json`);
  return validate;
})();

/** At most this many problems are reported for one body. */
const MAX_PROBLEMS = 20;

const refuse = (status: Refusal['status'], error: string, problems?: Problem[]): IngestResult => ({
  ok: false,
  status,
  error,
  ...(problems ? { problems } : {}),
});

/**
 * Ajv's errors as problems. With `allErrors`, a `oneOf`/`if` over event types reports the branch
 * errors too; the ones deepest in the document say most, so they come first.
 */
function problemsOf(errors: readonly ErrorObject[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const error of sorted) {
    const message =
      error.keyword === 'additionalProperties'
        ? `unknown property '${String(error.params['additionalProperty'])}'`
        : error.keyword === 'required'
          ? `missing property '${String(error.params['missingProperty'])}'`
          : (error.message ?? error.keyword);
    const key = `${error.instancePath} ${message}`;
    if (seen.has(key) || error.keyword === 'if' || error.keyword === 'oneOf') continue;
    seen.add(key);
    problems.push({ path: error.instancePath, message });
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}

/**
 * Reads one request body: `content-encoding` gzip or none, `content-type` JSON or plain text (the
 * tracker's page-hide send is `text/plain`, a CORS "simple" request), then checks it against
 * `vitrine.event/1` (`wire.schema.json`, Ajv). Never throws: every refusal says why.
 *
 * - 413: the body, or its decompressed form, is larger than the limits.
 * - 415: another encoding or content type.
 * - 400: not gzip, not UTF-8 JSON, or not a `vitrine.event/1` batch (`schema` says which).
 * - 422: a batch whose events break the schema (the first {@link MAX_PROBLEMS} problems, with
 *   their JSON pointers), or an event dated more than `maxFutureMs` after `now`.
 */
export function parseBatch(
  body: Buffer,
  headers: { contentType?: string; contentEncoding?: string },
  limits: IngestLimits = DEFAULT_LIMITS,
  now = Date.now(),
): IngestResult {
  if (body.length > limits.maxBodyBytes)
    return refuse(413, `the body is ${body.length} bytes; the limit is ${limits.maxBodyBytes}`);
  const type = (headers.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'application/json' && type !== 'text/plain')
    return refuse(415, `content-type ${type} is not accepted (application/json or text/plain)`);
  const encoding = (headers.contentEncoding ?? 'identity').trim().toLowerCase();
  let raw = body;
  if (encoding === 'gzip') {
    try {
      raw = gunzipSync(body, { maxOutputLength: limits.maxDecodedBytes });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE')
        return refuse(413, `the body inflates beyond ${limits.maxDecodedBytes} bytes`);
      return refuse(400, `the body is not valid gzip (${(error as Error).message})`);
    }
  } else if (encoding !== 'identity') {
    return refuse(415, `content-encoding ${encoding} is not accepted (gzip or none)`);
  }
  let batch: unknown;
  try {
    batch = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (error) {
    return refuse(400, `the body is not JSON: ${(error as Error).message}`);
  }
  const schema = (batch as { schema?: unknown } | null)?.schema;
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch))
    return refuse(400, 'the body is not a batch object');
  if (schema !== WIRE_SCHEMA)
    return refuse(
      400,
      `unknown schema ${JSON.stringify(schema ?? null)}: this collector accepts ${WIRE_SCHEMA}`,
    );
  if (!validateBatch(batch))
    return refuse(422, 'the batch breaks vitrine.event/1', problemsOf(validateBatch.errors ?? []));
  const valid = batch as WireBatch;
  const future = valid.events.findIndex((event) => event.ts > now + limits.maxFutureMs);
  if (future >= 0)
    return refuse(422, 'an event is dated in the future', [
      {
        path: `/events/${future}/ts`,
        message: `${new Date(valid.events[future]!.ts).toISOString()} is more than ${limits.maxFutureMs} ms after ${new Date(now).toISOString()}`,
      },
    ]);
  return { ok: true, batch: valid };
}
