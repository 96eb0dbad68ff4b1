/**
 * The detector interface the UI and CLI use, and its factory. The product detector combines
 * centernet objects (products only) with apparel regions from MoveNet keypoints of each person.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { loadGraphModel, type ModelLocation } from '../runtime/loader.js';
import type { Detection, RgbImage } from '../types.js';
import { apparelRegions } from './apparel.js';
import { nms } from './boxes.js';
import { detectObjects } from './centernet.js';
import { isProductClass } from './coco.js';
import { detectKeypoints, squareAround } from './movenet.js';
import { imageTensor } from './tensor.js';

export interface DetectorOptions {
  /** Lowest object score kept (centernet scores are low-calibrated; see eval). */
  minScore: number;
  /** 2 adds a 2×2 tile pass for small items (5× the cost); 0 for camera frames. */
  tiles: 0 | 2;
  /** Derive apparel regions from body keypoints. */
  apparel: boolean;
  /** At most this many people get keypoints (each costs one MoveNet pass). */
  maxPeople: number;
}

// Tiles: eval:vision measured +0.011 recall at 0.2 (0.406 → 0.417) for 5× the cost and lower precision,
// so photos use one full-frame pass; tiles stay an option for callers that can afford them.
export const PHOTO_DETECTOR: DetectorOptions = { minScore: 0.2, tiles: 0, apparel: true, maxPeople: 3 };
export const CAMERA_DETECTOR: DetectorOptions = { minScore: 0.25, tiles: 0, apparel: true, maxPeople: 1 };

/** Finds products and apparel regions in an image. */
export interface Detector {
  detect(image: RgbImage | tfTypes.Tensor3D, options?: Partial<DetectorOptions>): Promise<Detection[]>;
  dispose(): void;
}

/** Detections of every COCO class, before the product filter (for evaluation). */
export interface RawDetector extends Detector {
  detectAll(image: tfTypes.Tensor3D, options?: Partial<DetectorOptions>): Promise<Detection[]>;
}

/** Loads the models and returns the product detector. */
export async function createDetector(where: ModelLocation, defaults: DetectorOptions = PHOTO_DETECTOR): Promise<RawDetector> {
  const [centernet, movenet] = await Promise.all([
    loadGraphModel('centernet', where),
    defaults.apparel ? loadGraphModel('movenet-lightning', where).catch(() => undefined) : Promise.resolve(undefined),
  ]);

  async function detectAll(image: tfTypes.Tensor3D, options?: Partial<DetectorOptions>): Promise<Detection[]> {
    const o = { ...defaults, ...options };
    const objects = await detectObjects(centernet, image, { minScore: o.minScore, tiles: o.tiles });
    if (!o.apparel || !movenet) return objects;
    const [h, w] = image.shape;
    const people = objects.filter((d) => d.label === 'person' && d.score >= 0.25).slice(0, o.maxPeople);
    const apparel: Detection[] = [];
    for (const person of people) apparel.push(...apparelRegions(await detectKeypoints(movenet, image, squareAround(person.box)), w, h));
    // Two person boxes of one body give the same regions twice; keep one of each.
    return [...objects, ...nms(apparel, 0.4)];
  }

  return {
    detectAll,
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
      movenet?.dispose();
    },
  };
}
