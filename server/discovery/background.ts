/**
 * The server indexes its own catalog: on start (the seeded demo) and after any photo change, in the
 * background, every product whose main photo lacks a current vector is embedded by the same engine
 * the browser runs (in a worker thread) and stored. Progress is what GET /api/discovery/status shows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { embeddingModel } from '../../client/vision/embed/spec.js';
import { mediaDir } from '../media/photos.js';
import type { IndexStatus } from '../protocol/discovery.js';
import type { Database } from '../store/schema.js';
import { decodePhoto } from './decode.js';
import { firstPhotoId, indexCounts, productsToIndex, saveEmbedding } from './store.js';
import { EngineUnavailable, type PhotoEmbedder } from './worker-embedder.js';

export interface BackgroundIndexerDeps {
  db: Kysely<Database>;
  dataDir: string;
  embedder: PhotoEmbedder;
  /** Called after each stored vector (the route drops its cached index). */
  onIndexed?: (productId: string) => void;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Quiet time after a change before a run starts, so a burst of edits makes one run. */
  debounceMs?: number;
  /** After each product of a run, stored or failed (the command line's progress bar). */
  onProgress?: (p: IndexProgress) => void;
}

export interface IndexProgress {
  done: number;
  total: number;
  failed: number;
  productId: string;
  /** Why this product failed, when it did. */
  error?: string;
}

/** Background catalog indexing with a status for the console and the Discover page. */
export class BackgroundIndexer {
  private running?: Promise<void>;
  private dirty = false;
  private all = false;
  private timer?: NodeJS.Timeout;
  private closed = false;
  private failed = new Map<string, string>();
  private unavailable?: string;
  private runIndexed = 0;
  private runTotal = 0;
  private runDone = 0;
  private runFailed = 0;

  constructor(private readonly deps: BackgroundIndexerDeps) {}

  /** Asks for a run soon (after the debounce); `all` re-embeds every product. */
  schedule(options: { all?: boolean; now?: boolean } = {}): void {
    if (this.closed) return;
    this.dirty = true;
    if (options.all) {
      this.all = true;
      this.failed.clear();
    }
    this.unavailable = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), options.now ? 0 : (this.deps.debounceMs ?? 400));
    this.timer.unref();
  }

  /** Resolves when no run is going and none is due (tests, the command line). */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      await (this.running ?? new Promise((r) => setTimeout(r, 50)));
    }
  }

  /** What the last (or current) run did. */
  lastRun(): { indexed: number; failed: number; total: number } {
    return { indexed: this.runIndexed, failed: this.runFailed, total: this.runTotal };
  }

  /** Counts from the store plus what this process is doing. */
  async status(): Promise<IndexStatus> {
    const model = embeddingModel();
    const { total, indexed } = await indexCounts(this.deps.db, model);
    return {
      model,
      total,
      indexed,
      pending: Math.max(0, total - indexed - this.failed.size),
      failed: this.failed.size,
      running: Boolean(this.running),
      ...(this.running ? { run: { done: this.runIndexed, total: this.runTotal } } : {}),
      ...(this.unavailable ? { problem: this.unavailable } : this.failed.size ? { problem: [...this.failed.values()][0]! } : {}),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.deps.embedder.close();
    await this.running?.catch(() => undefined);
  }

  private kick(): void {
    this.timer = undefined;
    if (this.running || this.closed) return;
    this.running = this.loop()
      .catch((err: unknown) => this.deps.log?.warn({ err }, 'catalog indexing stopped'))
      .finally(() => {
        this.running = undefined;
        if (this.dirty && !this.closed && !this.unavailable) this.kick();
      });
  }

  private async loop(): Promise<void> {
    const { db, dataDir, embedder } = this.deps;
    while (this.dirty && !this.closed) {
      this.dirty = false;
      const all = this.all;
      this.all = false;
      const model = embeddingModel();
      const candidates = await productsToIndex(db, model, all);
      // Failures of photos that are no longer anyone's main photo are forgotten.
      const live = new Set(candidates.map((t) => t.photoId));
      for (const id of this.failed.keys()) if (!live.has(id)) this.failed.delete(id);
      const todo = candidates.filter((t) => !this.failed.has(t.photoId));
      this.runIndexed = 0;
      this.runDone = 0;
      this.runFailed = 0;
      this.runTotal = todo.length;
      if (!todo.length) continue;
      const started = Date.now();
      for (const { productId, photoId } of todo) {
        if (this.closed) return;
        let error: string | undefined;
        try {
          const photo = await decodePhoto(await readFile(join(mediaDir(dataDir), `${photoId}.webp`)));
          const vector = await embedder.embed(photo.image);
          // The main photo may have changed while the engine worked; the next run takes the new one.
          if ((await firstPhotoId(db, productId)) !== photoId) continue;
          await saveEmbedding(db, { productId, photoId, modelId: model.id, modelVersion: model.version, vector });
          this.runIndexed += 1;
          this.deps.onIndexed?.(productId);
        } catch (err) {
          if (err instanceof EngineUnavailable) {
            this.unavailable = err.message;
            this.deps.log?.warn({ err: err.message }, 'catalog indexing unavailable');
            return;
          }
          if (this.closed) return;
          error = (err as Error).message;
          this.runFailed += 1;
          this.failed.set(photoId, `${productId}: ${error}`);
          this.deps.log?.warn({ productId, photoId, err: error }, 'a product photo could not be indexed');
        }
        this.runDone += 1;
        this.deps.onProgress?.({ done: this.runDone, total: todo.length, failed: this.runFailed, productId, ...(error ? { error } : {}) });
      }
      this.deps.log?.info({ indexed: this.runIndexed, of: todo.length, ms: Date.now() - started }, 'catalog indexed');
    }
  }
}
