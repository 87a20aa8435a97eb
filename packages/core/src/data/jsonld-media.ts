import type { MediaItem } from '../model/types.js';
import {
  LIMITS,
  type Problems,
  at,
  capped,
  describe,
  isRecord,
  urlProblem,
} from '../model/validate-shared.js';
import { itemPath, listOf, textOf, type JsonLdDocuments } from './jsonld.js';
import { htmlToLine } from './jsonld-text.js';

/** The product's media in order, without duplicate URLs. */
export class MediaList {
  readonly items: MediaItem[] = [];
  private readonly _byUrl = new Map<string, number>();

  /** Adds `item` unless its URL is already listed; returns its index either way. */
  add(item: MediaItem): number {
    const known = this._byUrl.get(item.url);
    if (known !== undefined) return known;
    this._byUrl.set(item.url, this.items.length);
    this.items.push(item);
    return this.items.length - 1;
  }
}

/**
 * Checks a JSON-LD URL. Protocol-relative `//cdn…` URLs (common in Shopify themes) are read as
 * https and reported; anything else that is not absolute http(s) or root-relative is reported and
 * dropped.
 */
export function readUrl(
  value: unknown,
  path: string,
  problems: Problems,
  image: boolean,
): string | undefined {
  const raw = textOf(value);
  if (raw === undefined) {
    problems.add(path, `must be a URL, got ${describe(value)}`);
    return undefined;
  }
  let url = raw.trim();
  if (url.startsWith('//')) {
    problems.add(path, `is protocol-relative (${describe(url)}); read it as https`);
    url = `https:${url}`;
  }
  const reason = urlProblem(url, image);
  if (reason) {
    problems.add(path, `${reason}, got ${describe(url)}`);
    return undefined;
  }
  return url;
}

/** A pixel size from `800`, `"800"`, `"800px"` or a QuantitativeValue `{ value: 800 }`. */
function pixels(value: unknown): number | undefined {
  const raw = isRecord(value) && 'value' in value ? value.value : value;
  const text = textOf(raw);
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(text);
  const n = m ? Math.round(Number(m[1])) : NaN;
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

/** A caption, name or description as one line of alt text. */
function altOf(node: Record<string, unknown>, path: string, problems: Problems): string | undefined {
  for (const key of ['caption', 'name', 'description']) {
    const text = htmlToLine(textOf(node[key]));
    if (text) return capped(text, LIMITS.short, at(path, key), problems);
  }
  return undefined;
}

/** Reports, once per property, that alt text had to be made up. */
function reportDerived(
  path: string,
  derived: string[],
  base: string,
  kind: string,
  problems: Problems,
): void {
  if (derived.length === 0) return;
  const what = derived.length === 1 ? `1 ${kind} has` : `${derived.length} ${kind}s have`;
  problems.add(
    path,
    `${what} no caption or name, so alt text was derived from "${base}" (e.g. "${derived[0]}"); describe each ${kind} for screen readers`,
  );
}

/**
 * Reads schema.org `image`: a URL, a list of URLs, an ImageObject (`url`/`contentUrl`,
 * `caption`/`name`, `width`, `height`) or a list of them. Adds each usable image to `media` and
 * returns their indexes. Alt text comes from caption or name, else `"<altBase> image n"` (reported).
 */
export function readImages(
  value: unknown,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
  media: MediaList,
  altBase: string,
): number[] {
  const indexes: number[] = [];
  const derived: string[] = [];
  listOf(value, docs).forEach((entry, i) => {
    const p = itemPath(path, value, i);
    let url: string | undefined;
    let alt: string | undefined;
    let width: number | undefined;
    let height: number | undefined;
    if (isRecord(entry) && !('@value' in entry)) {
      const key = entry.url !== undefined ? 'url' : 'contentUrl';
      if (entry[key] === undefined) {
        problems.add(p, 'must have a url or contentUrl');
        return;
      }
      url = readUrl(entry[key], at(p, key), problems, true);
      alt = altOf(entry, p, problems);
      width = pixels(entry.width);
      height = pixels(entry.height);
    } else if (textOf(entry) !== undefined) {
      url = readUrl(entry, p, problems, true);
    } else {
      problems.add(p, `must be an image URL or an ImageObject, got ${describe(entry)}`);
      return;
    }
    if (url === undefined) return;
    if (alt === undefined) {
      alt = `${altBase} image ${indexes.length + 1}`;
      derived.push(alt);
    }
    const item: MediaItem = { type: 'image', url, alt };
    if (width !== undefined) item.width = width;
    if (height !== undefined) item.height = height;
    const index = media.add(item);
    if (!indexes.includes(index)) indexes.push(index);
  });
  reportDerived(path, derived, altBase, 'image', problems);
  return indexes;
}

const VIDEO_MIME = /^video\/[\w.+-]+$/i;

/**
 * Reads schema.org `video` (VideoObject or a list): `contentUrl` → url, `thumbnailUrl` → poster,
 * `name`/`caption`/`description` → alt, `encodingFormat` → mimeType. A video with only an
 * `embedUrl` (a YouTube player page) cannot play in a `<video>` and is reported.
 */
export function readVideos(
  value: unknown,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
  media: MediaList,
  altBase: string,
): number[] {
  const indexes: number[] = [];
  const derived: string[] = [];
  listOf(value, docs).forEach((entry, i) => {
    const p = itemPath(path, value, i);
    const node: Record<string, unknown> | null = isRecord(entry)
      ? entry
      : textOf(entry) !== undefined
        ? { contentUrl: entry }
        : null;
    if (!node) {
      problems.add(p, `must be a VideoObject, got ${describe(entry)}`);
      return;
    }
    if (node.contentUrl === undefined) {
      const embed = textOf(node.embedUrl);
      problems.add(
        at(p, 'contentUrl'),
        embed
          ? `is required to play the video here; embedUrl ${describe(embed)} alone is not supported`
          : 'is required',
      );
      return;
    }
    const url = readUrl(node.contentUrl, at(p, 'contentUrl'), problems, false);
    if (url === undefined) return;
    let alt = altOf(node, p, problems);
    if (alt === undefined) {
      alt = `${altBase} video ${indexes.length + 1}`;
      derived.push(alt);
    }
    const item: MediaItem = { type: 'video', url, alt };
    const thumbnails = listOf(node.thumbnailUrl ?? node.thumbnail, docs);
    for (const [j, thumb] of thumbnails.entries()) {
      const raw = isRecord(thumb) ? (thumb.url ?? thumb.contentUrl) : thumb;
      const poster = readUrl(raw, itemPath(at(p, 'thumbnailUrl'), node.thumbnailUrl, j), problems, true);
      if (poster) {
        item.poster = poster;
        break;
      }
    }
    const mime = textOf(node.encodingFormat);
    if (mime && VIDEO_MIME.test(mime.trim())) item.mimeType = mime.trim();
    const width = pixels(node.width);
    const height = pixels(node.height);
    if (width !== undefined) item.width = width;
    if (height !== undefined) item.height = height;
    const index = media.add(item);
    if (!indexes.includes(index)) indexes.push(index);
  });
  reportDerived(path, derived, altBase, 'video', problems);
  return indexes;
}
