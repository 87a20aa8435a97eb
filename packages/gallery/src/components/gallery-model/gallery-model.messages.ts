import { defineMessages, type Locale, type Message } from '@vitrine/core';

/**
 * Strings of `<vt-gallery-model>`. English is the reference: every key must exist in every locale.
 * Shops override any of them with `setMessages(locale, {'galleryModel.ar': …})`.
 */
const en = {
  'galleryModel.label': '3D model',
  'galleryModel.loading': 'Loading 3D model…',
  'galleryModel.hint': 'Drag to rotate, pinch or scroll to zoom',
  'galleryModel.ar': 'View in your space',
  'galleryModel.error': 'This 3D model could not be loaded.',
} as const satisfies Record<string, Message>;

/** A key of the gallery-model catalog. */
export type GalleryModelMessageKey = keyof typeof en;

const zhCN: Record<GalleryModelMessageKey, Message> = {
  'galleryModel.label': '3D 模型',
  'galleryModel.loading': '正在加载 3D 模型…',
  'galleryModel.hint': '拖动旋转，双指或滚轮缩放',
  'galleryModel.ar': '在你的空间中查看',
  'galleryModel.error': '3D 模型无法加载。',
};

/** The shipped catalogs of `<vt-gallery-model>`, by locale. */
export const galleryModelCatalogs: Readonly<
  Record<Locale, Readonly<Record<GalleryModelMessageKey, Message>>>
> = {
  en,
  'zh-CN': zhCN,
};

/** A `<vt-gallery-model>` string in `locale`, with `{name}` placeholders filled. */
export const galleryModelMsg = defineMessages<GalleryModelMessageKey>(galleryModelCatalogs);
