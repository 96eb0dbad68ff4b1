/** Encodes a try-on snapshot for the live chat: downscaled to the limit, JPEG, under the byte budget. */
import { LIMITS } from '../../server/protocol/live.js';
import { CHAT_QUALITIES, chatSize } from './liveShare.js';

/** Re-encodes `shot` as a JPEG of at most 720 px and 300 KB; throws when even the lowest quality is too big. */
export async function encodeForChat(shot: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(shot);
  const size = chatSize(bitmap.width, bitmap.height);
  const c = document.createElement('canvas');
  c.width = size.width;
  c.height = size.height;
  const g = c.getContext('2d');
  if (!g) throw new Error('This browser cannot prepare the snapshot.');
  g.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  for (const q of CHAT_QUALITIES) {
    const blob = await new Promise<Blob | null>((resolve) => c.toBlob(resolve, 'image/jpeg', q));
    if (blob && blob.size <= LIMITS.snapshotMaxBytes) return blob;
  }
  throw new Error('The snapshot is too detailed to share; take another one.');
}
