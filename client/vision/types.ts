/**
 * Shared shapes of the vision engine. Boxes carry their coordinate space in the type, so image
 * pixels, model-input pixels and normalised [0,1] coordinates cannot be mixed silently.
 */

/** [x, y, width, height] in the upright source image's pixels. */
export type ImageBox = readonly [x: number, y: number, width: number, height: number] & { readonly __space?: 'image' };

/** A decoded upright image, 3 (RGB) or 4 (RGBA) bytes a pixel, rows top to bottom. */
export interface RgbImage {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

/** 'object': a detector class; 'apparel': a garment or accessory the garment head found in the pixels. */
export type ItemKind = 'object' | 'apparel';

/** One thing found in an image, before search. */
export interface Detection {
  /** COCO class name for objects ("cup", "potted plant"); region name for apparel ("top", "eyewear"). */
  label: string;
  kind: ItemKind;
  score: number;
  box: ImageBox;
}

/** A catalog product close to an item; score is cosine similarity in [-1, 1]. */
export interface Match {
  productId: string;
  score: number;
}

/** A detection with its embedding and catalog matches. */
export interface DiscoveredItem extends Detection {
  matches: Match[];
}
