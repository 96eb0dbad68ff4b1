/**
 * Who may do what in a live session, and the chat and pin rules: plain functions over plain
 * data, no storage and no transport, so they are tested without sockets.
 */
import { AppError } from '../protocol/errors.js';
import { type ClientEventName, HOST_EVENTS, LIMITS } from '../protocol/live.js';

export type Role = 'host' | 'viewer';

export interface ViewerStanding {
  muted: boolean;
  banned: boolean;
}

/** Throws FORBIDDEN when a viewer sends a host-only event. */
export function authorize(role: Role, event: ClientEventName): void {
  if (role !== 'host' && HOST_EVENTS.has(event)) {
    throw new AppError('FORBIDDEN', `Only the host can do ${event}.`);
  }
}

/** Throws SESSION_ENDED for anything but reading once the session is over. */
export function requireLive(status: 'live' | 'ended'): void {
  if (status !== 'live') throw new AppError('SESSION_ENDED', 'This live session has ended.');
}

/** Throws BANNED when a banned viewer tries to join. */
export function checkJoin(standing: ViewerStanding | undefined): void {
  if (standing?.banned) throw new AppError('BANNED', 'The host removed you from this session.');
}

/**
 * Checks a chat message and returns the text to store: control characters removed (it is shown
 * as text, never HTML, so markup needs no escaping here), length within the limit.
 */
export function checkChat(role: Role, standing: ViewerStanding | undefined, text: string): string {
  if (role === 'viewer' && standing?.banned) throw new AppError('BANNED', 'The host removed you from this session.');
  if (role === 'viewer' && standing?.muted) throw new AppError('MUTED', 'The host muted you; you can still watch and shop.');
  // Keep newlines and tabs; drop other control characters and bidi overrides that could spoof the stream.
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (clean.length === 0) throw new AppError('VALIDATION_FAILED', 'A message needs some text.');
  if (clean.length > LIMITS.chatMaxChars) {
    throw new AppError('VALIDATION_FAILED', `Messages are at most ${LIMITS.chatMaxChars} characters.`);
  }
  return clean;
}

/**
 * The pins after pinning or unpinning a product. At most three stay pinned; pinning a fourth
 * drops the oldest, so the host never has to unpin first mid-show.
 */
export function nextPins(pins: readonly string[], productId: string, pinned: boolean): string[] {
  const without = pins.filter((p) => p !== productId);
  if (!pinned) {
    if (without.length === pins.length) throw new AppError('NOT_FOUND', 'That product is not pinned.');
    return without;
  }
  const next = [...without, productId];
  return next.slice(Math.max(0, next.length - LIMITS.maxPins));
}

/** What sharp's header read says about an uploaded snapshot. */
export interface ImageHeader {
  format: string | undefined;
  width: number | undefined;
  height: number | undefined;
}

const SNAPSHOT_FORMATS = new Set(['jpeg', 'png', 'webp']);

/**
 * Checks a try-on snapshot before anything is stored: the sender's standing (as for chat), then
 * a real JPEG, PNG or WebP within the byte and side limits the page downscales to.
 */
export function checkSnapshot(standing: ViewerStanding | undefined, bytes: number, header: ImageHeader | null): void {
  if (!standing) throw new AppError('FORBIDDEN', 'Join the live session first, then share your snapshot.');
  if (standing.banned) throw new AppError('BANNED', 'The host removed you from this session.');
  if (standing.muted) throw new AppError('MUTED', 'The host muted you; you can still watch and shop.');
  if (bytes === 0) throw new AppError('VALIDATION_FAILED', 'The snapshot is empty.');
  if (bytes > LIMITS.snapshotMaxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Snapshots are at most ${LIMITS.snapshotMaxBytes / 1000} KB.`);
  }
  if (!header?.format || !SNAPSHOT_FORMATS.has(header.format)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The snapshot must be a JPEG, PNG or WebP image.');
  }
  const w = header.width ?? 0;
  const h = header.height ?? 0;
  if (w < 1 || h < 1) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The snapshot has no pixels.');
  if (Math.max(w, h) > LIMITS.snapshotMaxSide) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Snapshots are at most ${LIMITS.snapshotMaxSide} px on their longest side (this one is ${w}×${h}).`);
  }
}
