/**
 * One searchable field's postings, held by FlexSearch (research: a term's whole posting list comes
 * back in microseconds, where MiniSearch builds a scored object per matching product — 42 ms for
 * one common term at 100k). We hand FlexSearch terms we tokenised ourselves, so its encoder only
 * splits on spaces, and we score the postings ourselves (field boosts, typo and prefix quality).
 *
 * @module
 */

import { Index } from 'flexsearch';

const split = (text: string): string[] => text.split(' ');

/** A serialised field: FlexSearch's own export chunks, `[key, data]`. */
export type FieldJSON = [key: string, data: unknown][];

const EMPTY: readonly number[] = [];

export class FieldIndex {
  private readonly _index: Index;
  private _limit = 1;

  constructor() {
    this._index = new Index({ tokenize: 'strict', resolution: 1, encode: split });
  }

  /** Adds product `id` with its (already normalised, de-duplicated) terms. */
  add(id: number, terms: readonly string[]): void {
    this._limit = Math.max(this._limit, id + 1);
    const list = terms.filter((t) => t && !t.includes(' '));
    if (list.length) this._index.add(id, list.join(' '));
  }

  /** Products having `term`, as positions in the catalog. */
  get(term: string): readonly number[] {
    if (!term || term.includes(' ')) return EMPTY;
    return (this._index.search(term, { limit: this._limit }) as number[]) ?? EMPTY;
  }

  toJSON(): FieldJSON {
    const out: FieldJSON = [];
    this._index.export((key: string, data: string) => {
      out.push([key, JSON.parse(data) as unknown]);
    });
    return out;
  }

  /** Loads what {@link toJSON} wrote; `size` is the catalog size. */
  static fromJSON(json: FieldJSON, size: number): FieldIndex {
    const field = new FieldIndex();
    field._limit = Math.max(1, size);
    // FlexSearch accepts parsed chunks as well as strings.
    for (const [key, data] of json) field._index.import(key, data as string);
    return field;
  }
}
