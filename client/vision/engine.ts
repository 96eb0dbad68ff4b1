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
import type { DiscoveredItem, ImageBox, Match, RgbImage } from './types.js';

/** Searches a catalog kept elsewhere (the server, for catalogs too big to download): only the vector leaves. */
export type RemoteSearch = (vector: Float32Array, k: number, categories: readonly string[] | undefined) => Promise<Match[]>;

export interface DiscoverOptions {
  /** The catalog index on this device; */
  index?: VectorIndex;
  /** else a remote search, else items come without matches. */
  search?: RemoteSearch;
  k?: number;
  detector?: Partial<DetectorOptions>;
}

export interface VisionEngine {
  detector: Detector;
  embedder: Embedder;
  /** Detects, embeds and (with an index) matches every item; boxes in `image` pixels. */
  discover(image: RgbImage, options?: DiscoverOptions): Promise<DiscoveredItem[]>;
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
        const k = options.k ?? 5;
        const { index, search } = options;
        const matches = await Promise.all(
          found.map((d, i) =>
            index ? index.search(vectors[i]!, k, { categories: categoriesFor(d.label) }) : search ? search(vectors[i]!, k, categoriesFor(d.label)) : [],
          ),
        );
        return found.map((d, i) => ({ ...d, score: Math.round(d.score * 1000) / 1000, matches: matches[i]! }));
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
