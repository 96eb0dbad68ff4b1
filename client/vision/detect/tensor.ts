/** Image ↔ tensor helpers; every function frees what it allocates except the returned tensor. */
import type * as tfTypes from '@tensorflow/tfjs';
import { tf } from '../runtime/backend.js';
import type { ImageBox, RgbImage } from '../types.js';

/** The image as an int32 [h, w, 3] tensor (alpha dropped). */
export function imageTensor(image: RgbImage): tfTypes.Tensor3D {
  return tf.tidy(() => {
    const t = tf.tensor3d(image.data instanceof Uint8Array ? image.data : new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength), [image.height, image.width, image.channels], 'int32');
    return image.channels === 4 ? tf.slice(t, [0, 0, 0], [image.height, image.width, 3]) : t;
  });
}

/** Crops boxes (image pixels) out of an image tensor and resizes each to size×size, as float32 [n, size, size, 3]. */
export function cropResize(image: tfTypes.Tensor3D, boxes: readonly ImageBox[], size: number): tfTypes.Tensor4D {
  return tf.tidy(() => {
    const [h, w] = image.shape;
    // tf.image.cropAndResize wants normalised [y1, x1, y2, x2] (corner pixel centres).
    const norm = boxes.map((b) => [b[1] / (h - 1 || 1), b[0] / (w - 1 || 1), (b[1] + b[3] - 1) / (h - 1 || 1), (b[0] + b[2] - 1) / (w - 1 || 1)]);
    const batch = tf.expandDims(tf.cast(image, 'float32'), 0) as tfTypes.Tensor4D;
    return tf.image.cropAndResize(batch, tf.tensor2d(norm, [boxes.length, 4]), tf.tensor1d(boxes.map(() => 0), 'int32'), [size, size], 'bilinear');
  });
}
