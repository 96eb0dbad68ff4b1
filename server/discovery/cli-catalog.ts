/** Catalog index for command-line tools: none yet (filled in when the embeddings store lands). */
import type { VectorIndex } from '../../client/vision/search/index.js';

/** Loads the shop's catalog index, or undefined (matches stay empty) with a note. */
export async function loadCatalogIndexForCli(note: (line: string) => void): Promise<VectorIndex | undefined> {
  note('No catalog index available; items are listed without matches.');
  return undefined;
}
