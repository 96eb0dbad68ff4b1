/**
 * Body keypoints with MoveNet Lightning (single person, 192×192 int32 input, output [1,1,17,3] of
 * normalised y, x, score). Runs on a square crop around each person box so small people resolve.
 */
import type * as tfTypes from '@tensorflow/tfjs';
import { tf } from '../runtime/backend.js';
import type { ImageBox } from '../types.js';
import type { Keypoint } from './apparel.js';
import { cropResize } from './tensor.js';

const INPUT = 192;

/** A square box around a person box, 20% larger, so limbs at the edge stay in view. */
export function squareAround(box: ImageBox): ImageBox {
  const side = Math.max(box[2], box[3]) * 1.2;
  return [box[0] + box[2] / 2 - side / 2, box[1] + box[3] / 2 - side / 2, side, side];
}

/** 17 keypoints in image pixels for the person inside `region` (a square; may extend past the image). */
export async function detectKeypoints(model: tfTypes.GraphModel, image: tfTypes.Tensor3D, region: ImageBox): Promise<Keypoint[]> {
  // cropAndResize pads outside the image with zeros (black), which MoveNet tolerates.
  const input = tf.tidy(() => tf.cast(cropResize(image, [region], INPUT), 'int32'));
  const out = model.execute(input) as tfTypes.Tensor;
  input.dispose();
  const rows = ((await out.array()) as number[][][][])[0]?.[0] ?? [];
  out.dispose();
  return rows.map(([y = 0, x = 0, score = 0]) => ({ x: region[0] + x * region[2], y: region[1] + y * region[3], score }));
}
