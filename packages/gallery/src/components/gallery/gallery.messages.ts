import { defineMessages, type Locale, type Message } from '@vitrine/core';

/**
 * Strings of `<vt-gallery>`. English is the reference: every key must exist in every locale.
 * Shops override any of them with `setMessages(locale, {'gallery.next': …})`.
 */
const en = {
  'gallery.label': 'Photos and videos of {title}',
  'gallery.slide': '{index} of {count}',
  'gallery.announce.image': 'Photo {index} of {count}: {alt}',
  'gallery.announce.video': 'Video {index} of {count}: {alt}',
  'gallery.announce.model': '3D model {index} of {count}: {alt}',
  'gallery.view': 'Current item. Arrow keys browse, + and − zoom, Enter opens full screen.',
  'gallery.thumbnails': 'Choose a photo',
  'gallery.thumb.image': 'Photo {index}: {alt}',
  'gallery.thumb.video': 'Video {index}: {alt}',
  'gallery.thumb.model': '3D model {index}: {alt}',
  'gallery.previous': 'Previous',
  'gallery.next': 'Next',
  'gallery.zoomIn': 'Zoom in',
  'gallery.zoomOut': 'Zoom out',
  'gallery.fullscreen': 'View full screen',
  'gallery.zoomed': 'Zoomed to {scale}×. Use the arrow keys to look around, 0 to reset.',
  'gallery.unzoomed': 'Zoom reset.',
  'gallery.itemError': 'This photo could not be loaded.',
  'gallery.error': 'Product photos could not be loaded.',
  'gallery.empty': 'No photos yet.',
} as const satisfies Record<string, Message>;

export type GalleryMessageKey = keyof typeof en;

const zhCN: Record<GalleryMessageKey, Message> = {
  'gallery.label': '{title}的图片和视频',
  'gallery.slide': '第 {index} 项，共 {count} 项',
  'gallery.announce.image': '图片 {index}/{count}：{alt}',
  'gallery.announce.video': '视频 {index}/{count}：{alt}',
  'gallery.announce.model': '3D 模型 {index}/{count}：{alt}',
  'gallery.view': '当前项。方向键切换，+ 和 − 缩放，回车全屏查看。',
  'gallery.thumbnails': '选择图片',
  'gallery.thumb.image': '图片 {index}：{alt}',
  'gallery.thumb.video': '视频 {index}：{alt}',
  'gallery.thumb.model': '3D 模型 {index}：{alt}',
  'gallery.previous': '上一项',
  'gallery.next': '下一项',
  'gallery.zoomIn': '放大',
  'gallery.zoomOut': '缩小',
  'gallery.fullscreen': '全屏查看',
  'gallery.zoomed': '已放大到 {scale} 倍。用方向键查看细节，按 0 复原。',
  'gallery.unzoomed': '已恢复原始大小。',
  'gallery.itemError': '这张图片无法加载。',
  'gallery.error': '商品图片无法加载。',
  'gallery.empty': '暂无图片。',
};

/** The shipped catalogs of `<vt-gallery>`, by locale. */
export const galleryCatalogs: Readonly<Record<Locale, Readonly<Record<GalleryMessageKey, Message>>>> = {
  en,
  'zh-CN': zhCN,
};

/** A `<vt-gallery>` string in `locale`, with `{name}` placeholders filled. */
export const galleryMsg = defineMessages<GalleryMessageKey>(galleryCatalogs);
