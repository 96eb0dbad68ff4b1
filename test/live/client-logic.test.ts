/** The live pages' plain logic: the state reducer, the server clock, loopback ICE, the replay timeline, attribution. */
import { describe, expect, it } from 'vitest';
import { liveAttribution, rememberAttribution } from '../../client/live/attribution.js';
import { averageOrderMinor, conversion } from '../../client/live/figures.js';
import { clockOffset, formatCountdown, secondsLeft } from '../../client/live/clock.js';
import { candidateAddress, isLoopbackCandidate, loopbackOnlySdp, wantsLoopbackIce } from '../../client/live/ice.js';
import { stateAt, timeline } from '../../client/live/replay.js';
import { applyEvent, emptyState, MAX_ITEMS, stockOf } from '../../client/live/state.js';
import type { LiveEvent, ProductCard } from '../../server/protocol/live.js';

const card = (id: string, stock = 5): ProductCard => ({ id, name: id, price: { amount: 100, currency: 'EUR' }, stock, photoUrl: null, thumbUrl: null, sizes: [], tryOn: null });
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s)).toISOString();

describe('the live page state', () => {
  it('shows pushed cards and chat in order, hides deleted messages and empty (scrubbed) ones', () => {
    let s = emptyState();
    s = applyEvent(s, { seq: 1, at: at(0), type: 'product:pushed', product: card('a') });
    s = applyEvent(s, { seq: 2, at: at(1), type: 'chat', viewerId: 'v1', name: 'Ana', text: 'hi', host: false });
    s = applyEvent(s, { seq: 3, at: at(2), type: 'chat', viewerId: 'v1', name: 'Ana', text: '', host: false });
    expect(s.items.map((i) => i.seq)).toEqual([1, 2]);
    s = applyEvent(s, { seq: 4, at: at(3), type: 'chat:deleted', target: 2 });
    expect(s.items.map((i) => i.seq)).toEqual([1]);
  });

  it('tracks live stock and the deal’s remaining units from stock events', () => {
    let s = emptyState();
    const deal = { id: 'd1', productId: 'a', price: { amount: 50, currency: 'EUR' }, quantity: 3, remaining: 3, perViewer: 1, startsAt: at(0), endsAt: at(60) };
    s = applyEvent(s, { seq: 1, at: at(0), type: 'deal:started', deal, product: card('a', 9) });
    expect(stockOf(s, card('a', 99))).toBe(9);
    s = applyEvent(s, { seq: 2, at: at(1), type: 'stock:changed', productId: 'a', stock: 8, dealId: 'd1', dealRemaining: 2 });
    expect(stockOf(s, card('a', 99))).toBe(8);
    expect(s.deal?.remaining).toBe(2);
  });

  it('applies moderation only to the viewer it names, and keeps at most MAX_ITEMS items', () => {
    let s = { ...emptyState(), viewerId: 'me' };
    s = applyEvent(s, { seq: 1, at: at(0), type: 'viewer:moderated', viewerId: 'other', muted: true, banned: false });
    expect(s.moderation.muted).toBe(false);
    s = applyEvent(s, { seq: 2, at: at(0), type: 'viewer:moderated', viewerId: 'me', muted: true, banned: false });
    expect(s.moderation.muted).toBe(true);
    for (let i = 0; i < MAX_ITEMS + 10; i++) s = applyEvent(s, { seq: 10 + i, at: at(1), type: 'chat', viewerId: 'x', name: 'x', text: `m${i}`, host: false });
    expect(s.items).toHaveLength(MAX_ITEMS);
    expect(s.items[0]!.seq).toBe(20);
  });
});

describe('the server clock', () => {
  it('estimates the offset from the midpoint of the round trip and counts down on server time', () => {
    // Phone clock 5 s behind the server; round trip 200 ms.
    const offset = clockOffset(1_000_000 + 5_100, 1_000_000, 1_000_200);
    expect(offset).toBe(5_000);
    const endsAt = new Date(1_000_000 + 5_000 + 30_000).toISOString();
    expect(secondsLeft(endsAt, offset, 1_000_000)).toBe(30);
    expect(secondsLeft(endsAt, offset, 1_000_000 + 29_001)).toBe(1);
    expect(secondsLeft(endsAt, offset, 1_000_000 + 31_000)).toBe(0);
    expect(formatCountdown(65)).toBe('1:05');
  });
});

describe('loopback-only ICE', () => {
  const lo = 'candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host generation 0';
  const lan = 'candidate:2 1 udp 2122194687 192.168.1.20 54322 typ host generation 0';
  const v6 = 'candidate:3 1 udp 2122197247 ::1 54323 typ host generation 0';
  it('keeps 127.x and ::1 candidates and drops the rest, in trickle and in SDP', () => {
    expect(candidateAddress(lan)).toBe('192.168.1.20');
    expect([lo, lan, v6].map(isLoopbackCandidate)).toEqual([true, false, true]);
    const sdp = ['v=0', `a=${lo}`, `a=${lan}`, 'a=mid:0', ''].join('\r\n');
    expect(loopbackOnlySdp(sdp)).toBe(['v=0', `a=${lo}`, 'a=mid:0', ''].join('\r\n'));
  });
  it('is on only when asked', () => {
    expect(wantsLoopbackIce('?ice=loopback')).toBe(true);
    expect(wantsLoopbackIce('', { getItem: () => 'loopback' })).toBe(true);
    expect(wantsLoopbackIce('?x=1', { getItem: () => null })).toBe(false);
  });
});

describe('the replay timeline', () => {
  it('places events by time and rebuilds the page state at any position', () => {
    const events: LiveEvent[] = [
      { seq: 1, at: at(0), type: 'product:pushed', product: card('a') },
      { seq: 2, at: at(10), type: 'chat', viewerId: 'v', name: 'Ana', text: 'nice', host: false },
      { seq: 3, at: at(20), type: 'pins:changed', pins: [card('a')] },
    ];
    const t = timeline(events);
    expect(t.offsets).toEqual([0, 10_000, 20_000]);
    expect(t.durationMs).toBe(20_000);
    expect(stateAt(events, t.offsets, 9_999).items).toHaveLength(1);
    expect(stateAt(events, t.offsets, 10_000).items).toHaveLength(2);
    expect(stateAt(events, t.offsets, 20_000).pins.map((p) => p.id)).toEqual(['a']);
  });
});

describe('checkout attribution', () => {
  it('sends the session id only after an add from a live page, and only a well-formed one', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(liveAttribution(storage)).toEqual({});
    rememberAttribution('live_abc', storage);
    expect(liveAttribution(storage)).toEqual({ sessionId: 'live_abc' });
    rememberAttribution('bad id!', storage);
    expect(liveAttribution(storage)).toEqual({});
  });
});

describe('summary figures', () => {
  const f = { viewersNow: 0, viewersPeak: 9, pushes: 3, addsToCart: 4, orders: 2, revenueMinor: 25_001, currency: 'EUR' };
  it('averages orders and relates them to adds, without dividing by zero', () => {
    expect(averageOrderMinor(f)).toBe(12_501);
    expect(conversion(f)).toBe(0.5);
    expect(averageOrderMinor({ ...f, orders: 0 })).toBe(0);
    expect(conversion({ ...f, addsToCart: 0 })).toBe(0);
  });
});
