/**
 * The vision engine in Node: wasm backend, models from models/files, photos decoded with sharp,
 * boxes scaled back to the original upright image's pixels.
 */
import { roundBox } from '../../client/vision/detect/boxes.js';
import { createVisionEngine, type VisionEngine } from '../../client/vision/engine.js';
import { initNodeBackend, nodeModelLocation } from '../../client/vision/runtime/node.js';
import type { VectorIndex } from '../../client/vision/search/index.js';
import type { DiscoveredItem, ImageBox } from '../../client/vision/types.js';
import { decodePhoto } from './decode.js';

let engine: Promise<VisionEngine> | undefined;

/** The process-wide engine (models load once). */
export function nodeEngine(): Promise<VisionEngine> {
  engine ??= initNodeBackend().then(() => createVisionEngine(nodeModelLocation()));
  return engine;
}

export interface PhotoResult {
  width: number;
  height: number;
  items: DiscoveredItem[];
}

const scaleBox = (b: ImageBox, s: number): ImageBox => roundBox([b[0] * s, b[1] * s, b[2] * s, b[3] * s]);

/** Decodes a photo and discovers its items; boxes in the upright original's pixels. Throws AppError on bad input. */
export async function discoverPhoto(bytes: Uint8Array, options: { index?: VectorIndex; k?: number } = {}): Promise<PhotoResult> {
  const photo = await decodePhoto(bytes);
  const items = await (await nodeEngine()).discover(photo.image, options);
  return { width: photo.width, height: photo.height, items: items.map((it) => ({ ...it, box: scaleBox(it.box, photo.scale) })) };
}
