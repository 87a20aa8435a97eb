import { type Problems, at, isRecord } from '../model/validate-shared.js';

/**
 * Walking schema.org JSON-LD as pages really publish it: one node, an array of nodes, a document
 * with `@graph`, nodes nested under `mainEntity` or an `ItemList`, several documents in a list,
 * and `{"@id": …}` references to nodes defined elsewhere in the same documents (Yoast, WooCommerce).
 * Everything is bounded (depth, node count) and cycle-safe, so no input can hang or throw.
 */

export type JsonLdNode = Record<string, unknown>;

/** A typed node found at the top of a document, with its path from the input. */
export interface FoundNode {
  node: JsonLdNode;
  path: string;
}

const MAX_DEPTH = 48;
const MAX_NODES = 20_000;

/** The documents' top-level typed nodes in order, plus an `@id` index for resolving references. */
export class JsonLdDocuments {
  readonly nodes: FoundNode[] = [];
  private readonly _ids = new Map<string, JsonLdNode>();
  private readonly _resolved = new WeakMap<object, JsonLdNode>();
  private readonly _collected = new Set<string>();
  private _visited = 0;

  constructor(input: unknown, problems: Problems) {
    this._index(input, 0, new WeakSet());
    this._collect(input, '', 0, new WeakSet());
    if (this._visited > MAX_NODES) {
      problems.add('', `is too large; only the first ${MAX_NODES} nodes were read`);
    }
  }

  /** Follows a `{"@id": …}` reference to its full node when the documents define it. */
  resolve(value: unknown): unknown {
    if (!isRecord(value)) return value;
    const id = value['@id'];
    if (typeof id !== 'string') return value;
    const full = this._ids.get(id);
    if (!full || full === value) return value;
    // Node objects with the same @id describe one node (JSON-LD 1.1 §4.4); the local keys win.
    // Cached, so resolving the same reference twice gives the same object.
    let merged = this._resolved.get(value);
    if (!merged) {
      merged = { ...full, ...value };
      this._resolved.set(value, merged);
    }
    return merged;
  }

  private _index(value: unknown, depth: number, seen: WeakSet<object>): void {
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || seen.has(value)) return;
    if (++this._visited > MAX_NODES) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) this._index(item, depth + 1, seen);
      return;
    }
    const node = value as JsonLdNode;
    const id = node['@id'];
    const keys = Object.keys(node);
    // Only nodes that say something are definitions; `{"@id": x}` alone is a reference.
    if (typeof id === 'string' && keys.some((k) => k !== '@id' && k !== '@type')) {
      const known = this._ids.get(id);
      this._ids.set(id, known ? { ...node, ...known } : node);
    }
    for (const key of keys) this._index(node[key], depth + 1, seen);
  }

  private _collect(value: unknown, path: string, depth: number, seen: WeakSet<object>): void {
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => this._collect(item, at(path, i), depth + 1, seen));
      return;
    }
    const node = this.resolve(value) as JsonLdNode;
    const id = node['@id'];
    if (seen.has(value) || (typeof id === 'string' && this._collected.has(id))) return;
    seen.add(value);
    if (typeof id === 'string') this._collected.add(id);
    if (node['@type'] !== undefined) this.nodes.push({ node, path });
    if (node['@graph'] !== undefined) this._collect(node['@graph'], at(path, '@graph'), depth + 1, seen);
    if (node.mainEntity !== undefined)
      this._collect(node.mainEntity, at(path, 'mainEntity'), depth + 1, seen);
    if (hasType(node, 'ItemList') && node.itemListElement !== undefined) {
      this._collect(node.itemListElement, at(path, 'itemListElement'), depth + 1, seen);
    }
    if (hasType(node, 'ListItem') && isRecord(node.item)) {
      this._collect(node.item, at(path, 'item'), depth + 1, seen);
    }
  }
}

const SCHEMA_PREFIX = /^(?:https?:\/\/schema\.org\/|schema:)/i;

/** Strips `https://schema.org/`, `http://schema.org/` or `schema:` from a term. */
export function schemaTerm(value: string): string {
  return value.trim().replace(SCHEMA_PREFIX, '');
}

/** A node's types without the schema.org prefix: `"@type": ["Product", "schema:Car"]` → both. */
export function typesOf(node: JsonLdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map(schemaTerm);
}

/** True when the node has one of `types` (case-insensitive). */
export function hasType(node: JsonLdNode, ...types: string[]): boolean {
  const wanted = types.map((t) => t.toLowerCase());
  return typesOf(node).some((t) => wanted.includes(t.toLowerCase()));
}

/** True when the value looks like JSON-LD (a node with `@` keys, or a list holding one). */
export function isJsonLd(value: unknown, depth = 0): boolean {
  if (depth > 3) return false;
  if (Array.isArray(value)) return value.some((item) => isJsonLd(item, depth + 1));
  if (!isRecord(value)) return false;
  return '@context' in value || '@type' in value || '@graph' in value;
}

/** A property value as a list (`x` → `[x]`, missing → `[]`), each item resolved. */
export function listOf(value: unknown, docs: JsonLdDocuments): unknown[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => docs.resolve(v));
}

/** Path of item `i` of a property that may be one value or a list: `offers` or `offers[1]`. */
export function itemPath(path: string, value: unknown, i: number): string {
  return Array.isArray(value) ? at(path, i) : path;
}

/**
 * A property's text: a string, a number, `{"@value": …}`, or the first such item of a list.
 * Undefined otherwise.
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = textOf(item);
      if (text !== undefined && text.trim()) return text;
    }
    return undefined;
  }
  if (isRecord(value) && '@value' in value) return textOf(value['@value']);
  return undefined;
}

/** A name: text, or the `name` of a node (Brand, Person, Organization), or of the first item. */
export function nameOf(value: unknown, docs: JsonLdDocuments): string | undefined {
  for (const item of listOf(value, docs)) {
    const text = isRecord(item) && !('@value' in item) ? textOf(item.name) : textOf(item);
    if (text !== undefined && text.trim()) return text;
  }
  return undefined;
}

/** A number from a number or a numeric string (`"4.5"`, `"4,5"`); undefined otherwise. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = textOf(value);
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(',', '.'));
}
