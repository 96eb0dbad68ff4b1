/** The snapshot-sharing rule: who may share, and which images are accepted, before anything is stored. */
import { describe, expect, it } from 'vitest';
import { checkSnapshot, type ImageHeader } from '../../server/live/rules.js';
import { AppError } from '../../server/protocol/errors.js';
import { LIMITS } from '../../server/protocol/live.js';

const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'NOT_APP_ERROR';
  }
};
const ok = { muted: false, banned: false };
const jpeg = (width: number, height: number): ImageHeader => ({ format: 'jpeg', width, height });

describe('checkSnapshot', () => {
  it('accepts a joined viewer sharing a JPEG, PNG or WebP within the limits', () => {
    for (const format of ['jpeg', 'png', 'webp']) {
      expect(codeOf(() => checkSnapshot(ok, 120_000, { format, width: LIMITS.snapshotMaxSide, height: 540 }))).toBeNull();
    }
    expect(codeOf(() => checkSnapshot(ok, LIMITS.snapshotMaxBytes, jpeg(1, 1)))).toBeNull();
  });

  it('refuses by standing first: never joined, banned, muted', () => {
    expect(codeOf(() => checkSnapshot(undefined, 1000, jpeg(10, 10)))).toBe('FORBIDDEN');
    expect(codeOf(() => checkSnapshot({ muted: true, banned: true }, 1000, jpeg(10, 10)))).toBe('BANNED');
    expect(codeOf(() => checkSnapshot({ muted: true, banned: false }, 1000, jpeg(10, 10)))).toBe('MUTED');
    // Standing wins over a bad image: a muted viewer learns they are muted, not that the file is wrong.
    expect(codeOf(() => checkSnapshot({ muted: true, banned: false }, 0, null))).toBe('MUTED');
  });

  it.each([
    ['empty', 0, jpeg(10, 10), 'VALIDATION_FAILED'],
    ['one byte over the limit', LIMITS.snapshotMaxBytes + 1, jpeg(10, 10), 'PAYLOAD_TOO_LARGE'],
    ['not decodable', 5000, null, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a GIF', 5000, { format: 'gif', width: 10, height: 10 }, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an SVG', 5000, { format: 'svg', width: 10, height: 10 }, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no pixels', 5000, jpeg(0, 10), 'UNSUPPORTED_MEDIA_TYPE'],
    ['one pixel too wide', 5000, jpeg(LIMITS.snapshotMaxSide + 1, 10), 'PAYLOAD_TOO_LARGE'],
    ['one pixel too tall', 5000, jpeg(10, LIMITS.snapshotMaxSide + 1), 'PAYLOAD_TOO_LARGE'],
  ] as const)('refuses a snapshot that is %s', (_what, bytes, header, code) => {
    expect(codeOf(() => checkSnapshot(ok, bytes, header))).toBe(code);
  });
});
