import type { Problem, Result } from './types.js';

/**
 * Building blocks shared by the `validate-*` files and the JSON-LD readers in `../data/`. Every
 * helper here is total: it never throws, whatever it is given (cyclic objects, proxies aside —
 * those are caught by {@link guard}).
 */

/** Longest strings kept; longer ones are cut and reported. */
export const LIMITS = {
  id: 500,
  title: 500,
  short: 500,
  description: 20_000,
  body: 20_000,
  badge: 60,
  code: 100,
  url: 8_192,
  dataImageUrl: 1_000_000,
} as const;

/** Problems collected while walking one input; `add` takes the path and a short sentence. */
export class Problems {
  readonly list: Problem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** Appends `; suffix` to the last problem at `path`, or adds `fallback` when there is none. */
  amend(path: string, suffix: string, fallback: string): void {
    const last = this.list.findLast((p) => p.path === path);
    if (last) last.message += `; ${suffix}`;
    else this.add(path, fallback);
  }
}

/** `${path}: ${message}` — the one-line form used in console messages and tests. */
export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

const IDENTIFIER = /^[\p{L}_$@][\p{L}\p{N}_$@-]*$/u;

/** Joins a path: `at('media', 2)` → `media[2]`, `at('media[2]', 'url')` → `media[2].url`. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const part = IDENTIFIER.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!base) return part.startsWith('[') ? part : key;
  return part.startsWith('[') ? `${base}${part}` : `${base}.${part}`;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names a value for a message without ever throwing (no JSON.stringify of objects). */
export function describe(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? 'an array' : 'an object';
  }
}

/**
 * Runs a validator and turns anything it throws (a proxy or getter that throws, a stack overflow)
 * into a problem, so no input can make a validator throw.
 */
export function guard<T>(run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : describe(error);
    return { value: null, problems: [{ path: '', message: `could not be read (${reason})` }] };
  }
}

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Cuts and reports a string longer than `max`. */
export function capped(text: string, max: number, path: string, problems: Problems): string {
  if (text.length <= max) return text;
  problems.add(path, `was cut to ${max} characters (it had ${text.length})`);
  return cut(text, max);
}

/**
 * Reads a required non-empty string (trimmed, capped). Reports and returns null when missing
 * or not a string.
 */
export function requiredText(
  value: unknown,
  path: string,
  problems: Problems,
  max: number = LIMITS.short,
): string | null {
  if (value === undefined || value === null) {
    problems.add(path, 'is required');
    return null;
  }
  if (typeof value !== 'string') {
    problems.add(path, `must be a string, got ${describe(value)}`);
    return null;
  }
  const text = value.trim();
  if (!text) {
    problems.add(path, 'must not be empty');
    return null;
  }
  return capped(text, max, path, problems);
}

/** Reads an optional string: absent → undefined silently; wrong type or empty → reported, dropped. */
export function optionalText(
  value: unknown,
  path: string,
  problems: Problems,
  max: number = LIMITS.short,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.add(path, `must be a string, got ${describe(value)}`);
    return undefined;
  }
  const text = value.trim();
  if (!text) {
    problems.add(path, 'must not be empty when given');
    return undefined;
  }
  return capped(text, max, path, problems);
}

/**
 * Reads an id: a non-empty string. A whole number is converted (many shop APIs send numeric ids)
 * and reported.
 */
export function readId(value: unknown, path: string, problems: Problems): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    problems.add(path, `must be a string, got the number ${value}; used "${value}"`);
    return String(value);
  }
  return requiredText(value, path, problems, LIMITS.id);
}

const CURRENCY = /^[A-Z]{3}$/;

/** True for a three-letter uppercase ISO 4217 code. */
export function isCurrency(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY.test(value);
}

// Anything the URL parser would strip or that has no business in a URL we render.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

/**
 * Checks a URL for `src`/`href` use: absolute `http:`/`https:` or root-relative (`/x`, but not
 * `//host` or `/\host`, which browsers treat as another host). `data:image/` is allowed only when
 * `image` is set; `javascript:` and everything else are rejected. Returns the reason or null.
 */
export function urlProblem(value: string, image: boolean): string | null {
  const lower = value.slice(0, 16).toLowerCase();
  if (image && lower.startsWith('data:image/')) {
    if (value.length > LIMITS.dataImageUrl)
      return `is a data: URL longer than ${LIMITS.dataImageUrl} characters`;
    return null;
  }
  if (value.length > LIMITS.url) return `is longer than ${LIMITS.url} characters`;
  if (CONTROL_OR_SPACE.test(value)) return 'must not contain spaces or control characters';
  if (value.startsWith('/')) {
    if (value.startsWith('//') || value.startsWith('/\\')) {
      return 'must be an absolute or root-relative URL (a URL starting with // points at another host)';
    }
    return null;
  }
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    return 'must be an absolute or root-relative URL';
  }
  if (protocol === 'http:' || protocol === 'https:') return null;
  if (protocol === 'data:') {
    return image ? 'must be an image when it is a data: URL' : 'must not be a data: URL';
  }
  return `must be an absolute or root-relative URL, not a ${protocol} URL`;
}

/** Reads an optional URL: reports and drops a bad one; an absent one is silent. */
export function optionalUrl(
  value: unknown,
  path: string,
  problems: Problems,
  image = false,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.add(path, `must be a URL string, got ${describe(value)}`);
    return undefined;
  }
  const url = value.trim();
  const reason = urlProblem(url, image);
  if (reason) {
    problems.add(path, `${reason}, got ${describe(url)}`);
    return undefined;
  }
  return url;
}

/** Reads a required URL; reports and returns null when missing or bad. */
export function requiredUrl(value: unknown, path: string, problems: Problems, image = false): string | null {
  if (value === undefined || value === null || value === '') {
    problems.add(path, 'is required');
    return null;
  }
  return optionalUrl(value, path, problems, image) ?? null;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for an ISO 8601 date (`2024-05-01`) or date-time (`2024-05-01T10:00:00Z`) that exists. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return false;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return false;
  if (s !== undefined && Number(s) > 60) return false;
  return true;
}

/** Reads an optional ISO 8601 date; reports and drops one that does not parse. */
export function optionalDate(value: unknown, path: string, problems: Problems): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !isIsoDate(value.trim())) {
    problems.add(path, `must be an ISO 8601 date such as "2024-05-01", got ${describe(value)}`);
    return undefined;
  }
  return value.trim();
}

/** Reads an optional array; a non-array is reported and treated as empty. */
export function optionalArray(value: unknown, path: string, problems: Problems): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add(path, `must be an array, got ${describe(value)}`);
    return [];
  }
  return value;
}

/** Reads an optional list of non-empty strings, dropping (and reporting) the others. */
export function optionalStrings(
  value: unknown,
  path: string,
  problems: Problems,
  max: number = LIMITS.short,
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const out: string[] = [];
  optionalArray(value, path, problems).forEach((item, i) => {
    const text = requiredText(item, at(path, i), problems, max);
    if (text !== null) out.push(text);
  });
  return out;
}

/** Reads an optional string → string map (variant options). */
export function optionalStringMap(
  value: unknown,
  path: string,
  problems: Problems,
): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    problems.add(path, `must be an object of names to values, got ${describe(value)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(value)) {
    const key = name.trim();
    const text = requiredText(raw, at(path, name), problems);
    if (key && text !== null) out[key] = text;
  }
  return out;
}

/** Reads an optional whole number ≥ `min`; reports and drops anything else. */
export function optionalInteger(
  value: unknown,
  path: string,
  problems: Problems,
  min: number,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    problems.add(path, `must be a whole number of at least ${min}, got ${describe(value)}`);
    return undefined;
  }
  return value;
}

/** Reads an optional boolean. */
export function optionalBoolean(value: unknown, path: string, problems: Problems): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    problems.add(path, `must be true or false, got ${describe(value)}`);
    return undefined;
  }
  return value;
}

const GTIN = /^(?:\d{8}|\d{12}|\d{13}|\d{14})$/;

/** Reads an optional GTIN: 8, 12, 13 or 14 digits. */
export function optionalGtin(value: unknown, path: string, problems: Problems): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !GTIN.test(text.trim())) {
    problems.add(path, `must be 8, 12, 13 or 14 digits, got ${describe(value)}`);
    return undefined;
  }
  return text.trim();
}

/** Sets `target[key] = value` only when value is defined, so results deep-equal clean objects. */
export function assign<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}

/** Availabilities from most to least buyable; a product is as available as its best variant. */
const AVAILABILITY_RANK = [
  'in_stock',
  'limited',
  'preorder',
  'backorder',
  'out_of_stock',
  'discontinued',
] as const;

/** The most buyable of `list` (`in_stock` beats `preorder` beats `out_of_stock`), or undefined. */
export function bestAvailability<T extends string>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestRank = Infinity;
  for (const a of list) {
    const rank = (AVAILABILITY_RANK as readonly string[]).indexOf(a);
    if (rank !== -1 && rank < bestRank) {
      best = a;
      bestRank = rank;
    }
  }
  return best;
}
