/**
 * Where merchant 3D models live: one draft (awaiting the merchant's preview) and one published model
 * per product, as files in the data folder. Writes go to a temporary file then rename, so a failed
 * upload never leaves half a model behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Slot = 'draft' | 'published';

const dir = (dataDir: string) => join(dataDir, 'tryon-models');
// Product ids are validated by the route (Id schema) before they reach a path.
const file = (dataDir: string, productId: string, slot: Slot) => join(dir(dataDir), `${productId}${slot === 'draft' ? '.draft' : ''}.model`);

/** Stores a validated model in a slot, replacing what was there. */
export async function saveModel(dataDir: string, productId: string, slot: Slot, bytes: Uint8Array): Promise<void> {
  await mkdir(dir(dataDir), { recursive: true });
  const tmp = join(dir(dataDir), `.${productId}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, bytes);
  await rename(tmp, file(dataDir, productId, slot));
}

/** The model in a slot, or null. */
export async function readModel(dataDir: string, productId: string, slot: Slot): Promise<Buffer | null> {
  return readFile(file(dataDir, productId, slot)).catch(() => null);
}

/** Makes the draft the published model; false when there is no draft. */
export async function publishDraft(dataDir: string, productId: string): Promise<boolean> {
  const draft = file(dataDir, productId, 'draft');
  if (!(await stat(draft).catch(() => null))) return false;
  await rename(draft, file(dataDir, productId, 'published'));
  return true;
}

/** Removes both slots (back to the generated model). */
export async function removeModels(dataDir: string, productId: string): Promise<void> {
  await rm(file(dataDir, productId, 'draft'), { force: true });
  await rm(file(dataDir, productId, 'published'), { force: true });
}
