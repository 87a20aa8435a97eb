import { MEDIA_TYPES, type CaptionTrack, type MediaItem, type MediaType } from './types.js';
import {
  LIMITS,
  type Problems,
  assign,
  at,
  describe,
  isRecord,
  optionalArray,
  optionalInteger,
  optionalText,
  optionalUrl,
  requiredText,
  requiredUrl,
} from './validate-shared.js';

const MIME = /^[a-z]+\/[\w.+-]+$/i;

/**
 * Checks one media item at `path`. Returns null (reported) when it cannot be shown: bad type or
 * URL. A missing `alt` is reported and replaced by `fallbackAlt` when one is given, so a product
 * keeps its pictures while the shop fixes its data.
 */
export function checkMediaItem(
  input: unknown,
  path: string,
  problems: Problems,
  fallbackAlt?: string,
): MediaItem | null {
  if (!isRecord(input)) {
    problems.add(path, `must be an object with type, url and alt, got ${describe(input)}`);
    return null;
  }
  let type: MediaType;
  if (input.type === undefined) {
    problems.add(at(path, 'type'), 'is required; assumed "image"');
    type = 'image';
  } else if ((MEDIA_TYPES as readonly unknown[]).includes(input.type)) {
    type = input.type as MediaType;
  } else {
    problems.add(at(path, 'type'), `must be one of ${MEDIA_TYPES.join(', ')}, got ${describe(input.type)}`);
    return null;
  }
  const url = requiredUrl(input.url, at(path, 'url'), problems, type === 'image');
  if (url === null) return null;

  let alt: string | undefined;
  if (typeof input.alt === 'string' && input.alt.trim()) {
    alt = requiredText(input.alt, at(path, 'alt'), problems, LIMITS.short) ?? undefined;
  } else if (input.alt !== undefined && input.alt !== null && typeof input.alt !== 'string') {
    problems.add(at(path, 'alt'), `must be a string, got ${describe(input.alt)}`);
  } else {
    problems.add(at(path, 'alt'), 'is required (describe the image for screen readers)');
  }
  alt ??= fallbackAlt;
  if (alt === undefined) return null;

  const item: MediaItem = { type, url, alt };
  assign(item, 'width', optionalInteger(input.width, at(path, 'width'), problems, 1));
  assign(item, 'height', optionalInteger(input.height, at(path, 'height'), problems, 1));
  assign(item, 'poster', optionalUrl(input.poster, at(path, 'poster'), problems, true));
  const mimeType = optionalText(input.mimeType, at(path, 'mimeType'), problems, 100);
  if (mimeType !== undefined && !MIME.test(mimeType)) {
    problems.add(at(path, 'mimeType'), `must look like "video/mp4", got ${describe(mimeType)}`);
  } else {
    assign(item, 'mimeType', mimeType);
  }
  assign(item, 'iosUrl', optionalUrl(input.iosUrl, at(path, 'iosUrl'), problems));
  if (input.captions !== undefined && input.captions !== null) {
    const captions: CaptionTrack[] = [];
    optionalArray(input.captions, at(path, 'captions'), problems).forEach((track, i) => {
      const trackPath = at(at(path, 'captions'), i);
      if (!isRecord(track)) {
        problems.add(trackPath, `must be an object with src, lang and label, got ${describe(track)}`);
        return;
      }
      const src = requiredUrl(track.src, at(trackPath, 'src'), problems);
      const lang = requiredText(track.lang, at(trackPath, 'lang'), problems, 35);
      const label = requiredText(track.label, at(trackPath, 'label'), problems);
      if (src !== null && lang !== null && label !== null) captions.push({ src, lang, label });
    });
    item.captions = captions;
  }
  if (input.srcset !== undefined && input.srcset !== null) {
    const srcset: { url: string; width: number }[] = [];
    optionalArray(input.srcset, at(path, 'srcset'), problems).forEach((source, i) => {
      const sourcePath = at(at(path, 'srcset'), i);
      if (!isRecord(source)) {
        problems.add(sourcePath, `must be an object with url and width, got ${describe(source)}`);
        return;
      }
      const sourceUrl = requiredUrl(source.url, at(sourcePath, 'url'), problems, true);
      const width = optionalInteger(source.width ?? null, at(sourcePath, 'width'), problems, 1);
      if (source.width === undefined) problems.add(at(sourcePath, 'width'), 'is required');
      if (sourceUrl !== null && width !== undefined) srcset.push({ url: sourceUrl, width });
    });
    item.srcset = srcset;
  }
  return item;
}
