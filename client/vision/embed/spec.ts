/**
 * What an embedding is made of, with no tfjs import, so the server can name the current model
 * version without loading TensorFlow.
 */

export interface EmbeddingSpec {
  /** Share of the colour histogram in the fused vector's squared norm (0 = deep features only). */
  colourWeight: number;
  /** Output dimensions after projection; 0 keeps the 1792 deep + 64 colour dimensions. */
  dims: number;
  /** Fraction added around a box before cropping (context helps small items). */
  margin: number;
  /** Side in pixels each crop is resized to before the network (224 when absent). */
  input?: number;
}

/**
 * The spec eval:vision chose: on a third of home-goods, colour weight 0.5 raised instance R@1 from
 * 0.52 to 0.68 (0.15 → 0.5 at 256-d) and 480 dims kept R@1 0.75 of the 0.76 that all 1856 give,
 * while 480 int8 + scale + list slot stay under 512 bytes a product. Crops of 160 px instead of 224
 * halve the network's cost; eval:vision --every 4 in one series: 224 px 1-NN 0.309, R@1 0.729, R@5
 * 0.898; 160 px 0.341 / 0.712 / 0.881; 128 px 0.333 / 0.610 / 0.797 (too much lost).
 */
export const DEFAULT_EMBEDDING: EmbeddingSpec = { colourWeight: 0.5, dims: 480, margin: 0.05, input: 160 };

/** The model id and version stored with every vector; any change here re-indexes the catalog. */
export function embeddingModel(spec: EmbeddingSpec = DEFAULT_EMBEDDING): { id: string; version: string } {
  const input = spec.input ?? 224;
  // 224 was the only size before `input` existed; leaving it out keeps those stored vectors current.
  return { id: 'mobilenet-v2-mid', version: `nsfwjs-4.3.0;c${spec.colourWeight};d${spec.dims};m${spec.margin};p1${input === 224 ? '' : `;i${input}`}` };
}

/** Length of the vectors a spec produces. */
export function embeddingDims(spec: EmbeddingSpec = DEFAULT_EMBEDDING): number {
  return spec.dims > 0 ? spec.dims : 1792 + 64;
}
