import { defineMessages, type Locale, type Message } from '@vitrine/core';

/**
 * Strings of `<vt-gallery-video>`. English is the reference: every key must exist in every locale.
 * Shops override any of them with `setMessages(locale, {'galleryVideo.error': …})`.
 */
const en = {
  'galleryVideo.label': 'Product video',
  'galleryVideo.error': 'This video could not be loaded.',
} as const satisfies Record<string, Message>;

/** A key of the gallery-video catalog. */
export type GalleryVideoMessageKey = keyof typeof en;

const zhCN: Record<GalleryVideoMessageKey, Message> = {
  'galleryVideo.label': '商品视频',
  'galleryVideo.error': '视频无法加载。',
};

/** The shipped catalogs of `<vt-gallery-video>`, by locale. */
export const galleryVideoCatalogs: Readonly<
  Record<Locale, Readonly<Record<GalleryVideoMessageKey, Message>>>
> = {
  en,
  'zh-CN': zhCN,
};

/** A `<vt-gallery-video>` string in `locale`, with `{name}` placeholders filled. */
export const galleryVideoMsg = defineMessages<GalleryVideoMessageKey>(galleryVideoCatalogs);
