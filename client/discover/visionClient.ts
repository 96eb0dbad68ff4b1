/**
 * Main-thread side of the vision worker: promise per request, model status and readiness as a
 * small observable, and at most one camera frame in flight (a busy worker drops new frames
 * instead of queueing stale ones).
 */
import type { ModelState } from '../vision/runtime/status.js';
import type { ImageBox } from '../vision/types.js';
import type { WorkerMessage, WorkerRequest } from './protocol.js';

type Answer = Extract<WorkerMessage, { id: number }>;

export interface VisionState {
  phase: 'loading' | 'ready' | 'failed';
  models: ModelState[];
  backend?: string;
  catalog?: { count: number; missing: number };
  reason?: string;
}

/** One worker per page visit. */
export class VisionClient {
  state: VisionState = { phase: 'loading', models: [] };
  private worker: Worker;
  private pending = new Map<number, (a: Answer) => void>();
  private nextId = 1;
  private listeners = new Set<(s: VisionState) => void>();
  private frameInFlight = false;

  constructor() {
    this.worker = new Worker(new URL('./discover.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerMessage>) => this.receive(e.data);
    this.worker.onerror = (e) => this.set({ phase: 'failed', reason: e.message || 'The vision worker could not start.' });
  }

  private receive(m: WorkerMessage): void {
    if ('id' in m) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    } else if (m.type === 'status') this.set({ models: m.states });
    else if (m.type === 'ready') this.set({ phase: 'ready', backend: m.backend, catalog: m.catalog });
    else if (m.type === 'catalog') this.set({ catalog: m.catalog });
    else this.set({ phase: 'failed', reason: m.reason });
  }

  private set(patch: Partial<VisionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Calls back on every state change; returns the unsubscribe function. */
  subscribe(listener: (s: VisionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private send(req: WorkerRequest, transfer: Transferable[] = []): Promise<Answer> {
    return new Promise((resolve) => {
      this.pending.set(req.id, resolve);
      this.worker.postMessage(req, transfer);
    });
  }

  /** Sends a bitmap (transferred, not copied) and resolves with the worker's answer. */
  request(type: 'analyse' | 'frame' | 'embedWhole', bitmap: ImageBitmap): Promise<Answer> {
    return this.send({ id: this.nextId++, type, bitmap }, [bitmap]);
  }

  /** Asks the worker to download the catalog index again; the new counts arrive as state. */
  refreshCatalog(): void {
    this.worker.postMessage({ id: this.nextId++, type: 'refreshCatalog' } satisfies WorkerRequest);
  }

  /** Searches the catalog for what is inside a box (photo pixels) of the last analysed photo. */
  searchBox(box: ImageBox): Promise<Answer> {
    return this.send({ id: this.nextId++, type: 'searchBox', box });
  }

  /** A camera frame, or null when the previous frame is still being processed (back-pressure). */
  async frame(source: CanvasImageSource & { videoWidth?: number }): Promise<Answer | null> {
    if (this.frameInFlight) return null;
    this.frameInFlight = true;
    try {
      return await this.request('frame', await createImageBitmap(source as ImageBitmapSource));
    } finally {
      this.frameInFlight = false;
    }
  }

  /** Stops the worker and its models. */
  dispose(): void {
    this.worker.terminate();
    this.listeners.clear();
  }
}
