/**
 * The detector interface the UI and CLI use, and its factory. The product detector combines
 * centernet objects (products only) with garment and accessory regions from the garment head, which
 * reads the same centernet pass (one execute with extra output nodes).
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { loadGraphModel, type ModelLocation } from '../runtime/loader.js';
import type { Detection, RgbImage } from '../types.js';
import { detectObjects } from './centernet.js';
import { isProductClass } from './coco.js';
import { garmentBoxes } from './garment-boxes.js';
import { type GarmentHead, garmentGrid, loadGarmentHead } from './garments.js';
import { imageTensor } from './tensor.js';

export interface DetectorOptions {
  /** Lowest object score kept (centernet scores are low-calibrated; see eval). */
  minScore: number;
  /** 2 adds a 2×2 tile pass for small items (5× the cost); 0 for camera frames. */
  tiles: 0 | 2;
  /** Find garments and accessories with the garment head. */
  apparel: boolean;
}

// Tiles: eval:vision measured +0.011 recall at 0.2 (0.406 → 0.417) for 5× the cost and lower precision,
// so photos use one full-frame pass; tiles stay an option for callers that can afford them.
export const PHOTO_DETECTOR: DetectorOptions = { minScore: 0.2, tiles: 0, apparel: true };
export const CAMERA_DETECTOR: DetectorOptions = { minScore: 0.25, tiles: 0, apparel: true };

/** Finds products and apparel regions in an image. */
export interface Detector {
  detect(image: RgbImage | tfTypes.Tensor3D, options?: Partial<DetectorOptions>): Promise<Detection[]>;
  dispose(): void;
}

/** Detections of every COCO class, before the product filter (for evaluation). */
export interface RawDetector extends Detector {
  detectAll(image: tfTypes.Tensor3D, options?: Partial<DetectorOptions>): Promise<Detection[]>;
  /** Whether the garment head loaded (false: objects only, the reason is in the model status). */
  readonly garments: boolean;
}

/** Loads the models and returns the product detector; without the garment head it finds objects only. */
export async function createDetector(where: ModelLocation, defaults: DetectorOptions = PHOTO_DETECTOR): Promise<RawDetector> {
  const [centernet, head] = await Promise.all([
    loadGraphModel('centernet', where),
    // A missing head disables garments only; loadGarmentHead has recorded why.
    loadGarmentHead(where).catch((): GarmentHead | undefined => undefined),
  ]);

  async function detectAll(image: tfTypes.Tensor3D, options?: Partial<DetectorOptions>): Promise<Detection[]> {
    const o = { ...defaults, ...options };
    const withGarments = o.apparel && head !== undefined;
    const { objects, features } = await detectObjects(centernet, image, { minScore: o.minScore, tiles: o.tiles, features: withGarments });
    if (!features || !head) return objects;
    try {
      const [h, w] = image.shape;
      return [...objects, ...garmentBoxes(await garmentGrid(head, features), head.params, w, h)];
    } finally {
      features.dispose();
    }
  }

  return {
    detectAll,
    garments: head !== undefined,
    async detect(image, options) {
      const tensor = 'shape' in image ? image : imageTensor(image);
      try {
        const all = await detectAll(tensor, options);
        return all.filter((d) => d.kind === 'apparel' || isProductClass(d.label)).sort((a, b) => b.score - a.score);
      } finally {
        if (tensor !== image) tensor.dispose();
      }
    },
    dispose() {
      centernet.dispose();
      head?.dispose();
    },
  };
}
