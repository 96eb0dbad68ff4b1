/** The catalog index for command-line tools, read from the shop's database. */
import { embeddingDims, embeddingModel } from '../../client/vision/embed/spec.js';
import { VectorIndex } from '../../client/vision/search/index.js';
import { openShopStore } from './open-store.js';
import { currentEmbeddings } from './store.js';

/** Loads the shop's catalog index, or undefined (matches stay empty) with a note saying why. */
export async function loadCatalogIndexForCli(note: (line: string) => void): Promise<VectorIndex | undefined> {
  let store: Awaited<ReturnType<typeof openShopStore>> | undefined;
  try {
    store = await openShopStore();
    const { rows, missing } = await currentEmbeddings(store.db.kysely, embeddingModel());
    if (rows.length === 0) {
      note('The catalog has no visual-search vectors yet (run "npm run index-catalog"); items are listed without matches.');
      return undefined;
    }
    if (missing) note(`${missing} products are not indexed yet (run "npm run index-catalog").`);
    return new VectorIndex(rows, embeddingDims());
  } catch (err) {
    note(`The catalog could not be opened (${(err as Error).message.split('\n')[0]}); items are listed without matches.`);
    return undefined;
  } finally {
    await store?.db.close();
  }
}
