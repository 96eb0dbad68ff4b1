/**
 * The discovery pipeline on one image: detect products and apparel, embed each item, search the
 * catalog index. Same code in the browser, in workers and in Node (CLI, eval, bench, indexer).
 */
import { type Detector, type DetectorOptions, createDetector } from './detect/detector.js';
import { imageTensor } from './detect/tensor.js';
import { DEFAULT_EMBEDDING, Embedder, type EmbeddingSpec } from './embed/embedder.js';
import { loadGraphModel, type ModelLocation } from './runtime/loader.js';
import { categoriesFor } from './search/categories.js';
import type { VectorIndex } from './search/index.js';
import type { DiscoveredItem, ImageBox, RgbImage } from './types.js';

export interface VisionEngine {
  detector: Detector;
  embedder: Embedder;
  /** Detects, embeds and (with an index) matches every item; boxes in `image` pixels. */
  discover(image: RgbImage, options?: { index?: VectorIndex; k?: number; detector?: Partial<DetectorOptions> }): Promise<DiscoveredItem[]>;
  /** Embeds given boxes (a product photo's whole frame for the catalog indexer). */
  embedBoxes(image: RgbImage, boxes: readonly ImageBox[]): Promise<Float32Array[]>;
  dispose(): void;
}

/** Loads detector and embedder models from a location and returns the engine. */
export async function createVisionEngine(where: ModelLocation, spec: EmbeddingSpec = DEFAULT_EMBEDDING): Promise<VisionEngine> {
  const [detector, embedModel] = await Promise.all([createDetector(where), loadGraphModel('mobilenet-v2-mid', where)]);
  const embedder = new Embedder(embedModel, spec);
  return {
    detector,
    embedder,
    async discover(image, options = {}) {
      const tensor = imageTensor(image);
      try {
        const found = await detector.detect(tensor, options.detector);
        const vectors = await embedder.embed(tensor, found.map((d) => d.box));
        return found.map((d, i) => ({
          ...d,
          score: Math.round(d.score * 1000) / 1000,
          matches: options.index ? options.index.search(vectors[i]!, options.k ?? 5, { categories: categoriesFor(d.label) }) : [],
        }));
      } finally {
        tensor.dispose();
      }
    },
    async embedBoxes(image, boxes) {
      const tensor = imageTensor(image);
      try {
        return await embedder.embed(tensor, boxes);
      } finally {
        tensor.dispose();
      }
    },
    dispose() {
      detector.dispose();
      embedModel.dispose();
    },
  };
}
