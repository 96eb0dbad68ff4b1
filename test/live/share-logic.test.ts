/** The try-on page's live-share logic: which session it shares to, the chat copy's size, and the chat state with an image. */
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_KEY } from '../../client/live/attribution.js';
import { applyEvent, emptyState } from '../../client/live/state.js';
import { chatSize, liveSessionFor } from '../../client/tryon/liveShare.js';
import { LIMITS } from '../../server/protocol/live.js';

const storage = (value: string | null) => ({ getItem: (k: string) => (k === ATTRIBUTION_KEY ? value : null) });

describe('the live session a try-on shares to', () => {
  it('prefers the live card’s ?live= link, then the tab’s live attribution, else none', () => {
    expect(liveSessionFor('?live=live_abc', storage('live_other'))).toBe('live_abc');
    expect(liveSessionFor('?source=photo', storage('live_other'))).toBe('live_other');
    expect(liveSessionFor('', storage(null))).toBeNull();
    expect(liveSessionFor('', undefined)).toBeNull();
  });

  it('ignores a ?live= value that is not a session id', () => {
    expect(liveSessionFor('?live=../../api', storage(null))).toBeNull();
    expect(liveSessionFor(`?live=${'x'.repeat(65)}`, storage('live_ok'))).toBe('live_ok');
  });
});

describe('the chat copy of a snapshot', () => {
  it.each([
    [1280, 720, 720, 405],
    [720, 1280, 405, 720],
    [640, 480, 640, 480],
    [3000, 3000, 720, 720],
  ])('%ix%i becomes %ix%i (longest side within the limit, never enlarged, aspect kept)', (w, h, ew, eh) => {
    const s = chatSize(w, h);
    expect(s).toEqual({ width: ew, height: eh });
    expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(LIMITS.snapshotMaxSide);
    expect(s.width / s.height).toBeCloseTo(w / h, 2);
  });
});

describe('a shared snapshot in the live page state', () => {
  it('is a chat item with its image until the host deletes it', () => {
    const image = { id: 'ph_1', url: '/media/ph_1.webp', width: 720, height: 540, productId: 'p1', productName: 'Aviators' };
    let s = applyEvent(emptyState(), { seq: 1, at: new Date(0).toISOString(), type: 'chat', viewerId: 'v1', name: 'Ana', text: 'tried on Aviators', host: false, image });
    expect(s.items).toHaveLength(1);
    expect(s.items[0]).toMatchObject({ type: 'chat', image: { productName: 'Aviators' } });
    s = applyEvent(s, { seq: 2, at: new Date(0).toISOString(), type: 'chat:deleted', target: 1 });
    expect(s.items).toHaveLength(0);
  });
});
