/**
 * Catalog indexing in this process (the command line with the server stopped, tests): the same
 * BackgroundIndexer the server runs, with the engine in-process instead of in a worker thread.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { BackgroundIndexer, type IndexProgress } from './background.js';
import { nodeEngine } from './node-engine.js';
import { EngineUnavailable, type PhotoEmbedder } from './worker-embedder.js';

export type { IndexProgress };

/** The vision engine of this process as a PhotoEmbedder. */
export function inProcessEmbedder(): PhotoEmbedder {
  return {
    async embed(image) {
      const engine = await nodeEngine().catch((err: unknown) => {
        throw new EngineUnavailable(`The visual-search models could not load (${(err as Error).message}); run "npm run models".`);
      });
      const [vector] = await engine.embedBoxes(image, [[0, 0, image.width, image.height]]);
      return vector!;
    },
    close: async () => undefined,
  };
}

/** Embeds every product whose first photo lacks a current vector (all with `all`); returns counts. */
export async function indexCatalog(
  db: Kysely<Database>,
  dataDir: string,
  options: { all?: boolean; onProgress?: (p: IndexProgress) => void; onError?: (productId: string, message: string) => void } = {},
): Promise<{ indexed: number; failed: number; total: number }> {
  const indexer = new BackgroundIndexer({
    db,
    dataDir,
    embedder: inProcessEmbedder(),
    onProgress: (p) => {
      if (p.error) options.onError?.(p.productId, p.error);
      options.onProgress?.(p);
    },
  });
  try {
    indexer.schedule({ all: options.all, now: true });
    await indexer.idle();
    const status = await indexer.status();
    if (status.problem && status.failed === 0 && status.pending > 0) throw new Error(status.problem);
    return indexer.lastRun();
  } finally {
    await indexer.close();
  }
}
