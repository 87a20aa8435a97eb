export { VtGallery } from './components/gallery/gallery.component.js';
export { VtGalleryVideo } from './components/gallery-video/gallery-video.component.js';
export { VtGalleryModel } from './components/gallery-model/gallery-model.component.js';
export { MediaItemElement } from './media-item-element.js';
export {
  galleryCatalogs,
  galleryMsg,
  type GalleryMessageKey,
} from './components/gallery/gallery.messages.js';
export { clampZoom, hoverZoom, zoomAt, NO_ZOOM, type Zoom } from './components/gallery/zoom.js';
export { galleryVideoCatalogs, galleryVideoMsg } from './components/gallery-video/gallery-video.messages.js';
export { galleryModelCatalogs, galleryModelMsg } from './components/gallery-model/gallery-model.messages.js';
