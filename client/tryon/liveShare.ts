/**
 * Which live session a try-on was opened from, and the size the shared snapshot must fit. Plain
 * TS (no DOM), so it runs in Node tests; the browser-only encoding is in shareEncode.ts.
 */
import { LIMITS } from '../../server/protocol/live.js';
import { liveAttribution } from '../live/attribution.js';

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The live session id from `?live=` (the live card's try-on link), else this tab's live attribution. */
export function liveSessionFor(search: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): string | null {
  const q = new URLSearchParams(search).get('live');
  if (q && SESSION_ID.test(q)) return q;
  return liveAttribution(storage).sessionId ?? null;
}

/** Pixel size for the chat copy of a snapshot: longest side at most the protocol's limit, never enlarged. */
export function chatSize(width: number, height: number, maxSide: number = LIMITS.snapshotMaxSide): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** JPEG qualities tried in turn until the snapshot fits the byte limit. */
export const CHAT_QUALITIES = [0.85, 0.75, 0.6, 0.45] as const;
