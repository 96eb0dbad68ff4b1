/** The catalog index for command-line tools: from the running server, else read from the shop's database. */
import { embeddingDims, embeddingModel } from '../../client/vision/embed/spec.js';
import { fromCompact } from '../../client/vision/search/compact.js';
import { VectorIndex } from '../../client/vision/search/index.js';
import type { CompactIndex } from '../protocol/discovery.js';
import { openShopStore } from './open-store.js';
import { currentEmbeddings } from './store.js';
import { loopbackJson, runningServer } from './via-server.js';

/** Loads the shop's catalog index, or undefined (matches stay empty) with a note saying why. */
export async function loadCatalogIndexForCli(note: (line: string) => void): Promise<VectorIndex | undefined> {
  const server = runningServer();
  if (server?.url) {
    // The server holds the embedded database: take the same compact index a phone downloads.
    try {
      const { status, body } = await loopbackJson<CompactIndex>(`${server.url}/api/discovery/index`);
      if (status !== 200) throw new Error(`HTTP ${status}`);
      if (body.model.version !== embeddingModel().version) throw new Error(`the server indexes with model ${body.model.version}`);
      if (body.missing) note(`${body.missing} products are not indexed yet (the server is indexing them).`);
      return body.count ? fromCompact(body) : undefined;
    } catch (err) {
      note(`The running shop server (${server.url}) did not give its catalog index (${(err as Error).message}); items are listed without matches.`);
      return undefined;
    }
  }
  let store: Awaited<ReturnType<typeof openShopStore>> | undefined;
  try {
    store = await openShopStore({ role: 'discover' });
    const { rows, missing } = await currentEmbeddings(store.db.kysely, embeddingModel());
    if (rows.length === 0) {
      note('The catalog has no visual-search vectors yet (start the shop with "npm start", which indexes it, or run "npm run index-catalog"); items are listed without matches.');
      return undefined;
    }
    if (missing) note(`${missing} products are not indexed yet (start the shop, or run "npm run index-catalog").`);
    return new VectorIndex(rows, embeddingDims());
  } catch (err) {
    note(`The catalog could not be opened (${(err as Error).message.split('\n')[0]}); items are listed without matches.`);
    return undefined;
  } finally {
    await store?.db.close();
  }
}
