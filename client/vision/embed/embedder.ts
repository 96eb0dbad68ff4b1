/**
 * Image embeddings for visual search: MobileNetV2-1.4 ImageNet features (1792-d, the backbone of
 * nsfwjs' MobileNetV2Mid) of each crop, fused with a colour histogram, reduced by a fixed seeded
 * random projection and L2-normalised. The spec (weights, dims) is part of the stored version, so
 * changing it re-indexes the catalog.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { tf } from '../runtime/backend.js';
import { cropResize } from '../detect/tensor.js';
import type { ImageBox } from '../types.js';
import { COLOUR_DIMS, colourHistograms } from './colour.js';
import { DEFAULT_EMBEDDING, type EmbeddingSpec } from './spec.js';
import { fuse, l2normalize, project, randomProjection } from './vector.js';

export { DEFAULT_EMBEDDING, type EmbeddingSpec, embeddingModel } from './spec.js';

// The last conv map (7×7×1792 at 224 px); averaging it ourselves equals the graph's fixed 7×7 AvgPool
// at 224 and also works for smaller crops, whose maps are smaller.
const FEATURE_MAP_NODE = 'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/MobilenetV2/Conv_1/Relu6';
export const DEEP_DIMS = 1792;
// Crops per inference: a photo's items usually fit in one; the cap bounds memory on a phone.
const BATCH = 16;

/** Boxes grown by a margin on each side (still in image pixels; cropping pads outside). */
export function withMargin(box: ImageBox, margin: number): ImageBox {
  return [box[0] - box[2] * margin, box[1] - box[3] * margin, box[2] * (1 + 2 * margin), box[3] * (1 + 2 * margin)];
}

export interface RawEmbedding {
  deep: Float32Array;
  colour: Float32Array;
}

/** Embeds image crops with one model and one spec. */
export class Embedder {
  private projection: Float32Array | undefined;

  constructor(
    private readonly model: tfTypes.GraphModel,
    readonly spec: EmbeddingSpec = DEFAULT_EMBEDDING,
  ) {
    if (spec.dims > 0) this.projection = randomProjection(DEEP_DIMS + COLOUR_DIMS, spec.dims, 20261130);
    // The graph declares a 224×224 input, but its convolutions take any size; `inputs` hands out the
    // executor's own shape array, so opening height and width here lets smaller crops through.
    const shape = model.inputs[0]?.shape;
    if (shape?.length === 4) shape.splice(1, 2, -1, -1);
  }

  /** The same model under another spec (evaluation compares specs without reloading). */
  withSpec(spec: EmbeddingSpec): Embedder {
    return new Embedder(this.model, spec);
  }

  /** Vector length this embedder produces. */
  get dims(): number {
    return this.spec.dims > 0 ? this.spec.dims : DEEP_DIMS + COLOUR_DIMS;
  }

  /** Unit vectors for boxes of an int32 [h, w, 3] image tensor. */
  async embed(image: tfTypes.Tensor3D, boxes: readonly ImageBox[]): Promise<Float32Array[]> {
    return (await this.embedRaw(image, boxes)).map((raw) => this.combine(raw));
  }

  /** Unit deep features and colour histograms before fusion (evaluation compares fusions on them). */
  async embedRaw(image: tfTypes.Tensor3D, boxes: readonly ImageBox[]): Promise<RawEmbedding[]> {
    const out: RawEmbedding[] = [];
    for (let i = 0; i < boxes.length; i += BATCH) {
      const batch = boxes.slice(i, i + BATCH).map((b) => withMargin(b, this.spec.margin));
      const crops = cropResize(image, batch, this.spec.input ?? 224);
      const colours = colourHistograms(crops);
      const features = tf.tidy(() => tf.mean(this.model.execute(tf.div(crops, 255), FEATURE_MAP_NODE) as tfTypes.Tensor4D, [1, 2]) as tfTypes.Tensor2D);
      crops.dispose();
      const rows = (await features.data()) as Float32Array;
      features.dispose();
      for (let r = 0; r < batch.length; r++) {
        const deep = l2normalize(rows.slice(r * DEEP_DIMS, (r + 1) * DEEP_DIMS));
        out.push({ deep, colour: colours[r] ?? new Float32Array(COLOUR_DIMS) });
      }
    }
    return out;
  }

  /** The stored vector from raw parts, per this embedder's spec. */
  combine({ deep, colour }: RawEmbedding): Float32Array {
    const w = this.spec.colourWeight;
    const fused = fuse([
      [deep, Math.sqrt(1 - w)],
      [colour, Math.sqrt(w)],
    ]);
    return l2normalize(this.projection ? project(this.projection, fused, this.spec.dims) : fused);
  }
}
