/** Messages between the Discover page and its vision worker (the engine runs off the main thread). */
import type { ModelState } from '../vision/runtime/status.js';
import type { Detection, DiscoveredItem, ImageBox } from '../vision/types.js';

export type WorkerRequest =
  | { id: number; type: 'analyse'; bitmap: ImageBitmap }
  | { id: number; type: 'frame'; bitmap: ImageBitmap }
  | { id: number; type: 'embedWhole'; bitmap: ImageBitmap }
  /** Downloads the catalog index again (the server indexed more products); answered with 'catalog'. */
  | { id: number; type: 'refreshCatalog' }
  /** Embeds a box the shopper drew on the last analysed photo (its pixels) and searches the whole catalog. */
  | { id: number; type: 'searchBox'; box: ImageBox };

export type WorkerMessage =
  | { type: 'status'; states: ModelState[] }
  | { type: 'ready'; backend: string; catalog: { count: number; missing: number } }
  | { type: 'catalog'; catalog: { count: number; missing: number } }
  | { type: 'failed'; reason: string }
  | { id: number; type: 'result'; width: number; height: number; items: DiscoveredItem[]; ms: number }
  | { id: number; type: 'detections'; width: number; height: number; items: Detection[]; ms: number }
  | { id: number; type: 'vector'; vector: number[]; model: { id: string; version: string } }
  | { id: number; type: 'boxResult'; item: DiscoveredItem; ms: number }
  | { id: number; type: 'error'; message: string };
