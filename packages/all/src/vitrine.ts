/**
 * The all-in-one bundle: importing this module defines every Vitrine tag. Each tag's own entry
 * (`@vitrine/core/price`, …) stays the way to load only what a page uses.
 */
export * from '@vitrine/core';
import '@vitrine/core/price';
import '@vitrine/core/add-to-cart';
import '@vitrine/core/cart-count';
export * from '@vitrine/offers';
export * from '@vitrine/reviews';
import '@vitrine/offers/offers';
import '@vitrine/offers/bundle';
import '@vitrine/offers/countdown';
import '@vitrine/offers/group-buy';
import '@vitrine/reviews/reviews';
import '@vitrine/reviews/review-form';
export { VtGallery, VtGalleryVideo, VtGalleryModel } from '@vitrine/gallery';
import '@vitrine/gallery/gallery';
