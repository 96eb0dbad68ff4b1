import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/protocol/errors.js';
import { CLIENT_EVENTS, HOST_EVENTS, LIMITS } from '../../server/protocol/live.js';
import { checkPerViewer, dealRemainingMs, planDeal, requireDealOpen, RESERVATION_HOLD_MS } from '../../server/live/deals.js';
import { createLiveLimits } from '../../server/live/limits.js';
import { authorize, checkChat, checkJoin, nextPins } from '../../server/live/rules.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return undefined;
}

describe('who may do what', () => {
  it.each([...HOST_EVENTS])('a viewer sending %s is refused with FORBIDDEN', (event) => {
    expect(codeOf(() => authorize('viewer', event))).toBe('FORBIDDEN');
    expect(codeOf(() => authorize('host', event))).toBeUndefined();
  });

  it('viewers may chat, add to cart, react and ask for video', () => {
    for (const e of ['chat:send', 'cart:add', 'reaction:send', 'rtc:request', 'rtc:signal', 'session:sync'] as const) {
      expect(codeOf(() => authorize('viewer', e))).toBeUndefined();
    }
  });

  it('every host-only event is a known client event', () => {
    for (const e of HOST_EVENTS) expect(Object.keys(CLIENT_EVENTS)).toContain(e);
  });

  it('a banned viewer cannot join again', () => {
    expect(codeOf(() => checkJoin({ muted: false, banned: true }))).toBe('BANNED');
    expect(codeOf(() => checkJoin(undefined))).toBeUndefined();
  });
});

describe('chat', () => {
  it('a muted viewer gets MUTED, a banned one BANNED, the host always speaks', () => {
    expect(codeOf(() => checkChat('viewer', { muted: true, banned: false }, 'hi'))).toBe('MUTED');
    expect(codeOf(() => checkChat('viewer', { muted: false, banned: true }, 'hi'))).toBe('BANNED');
    expect(checkChat('host', { muted: true, banned: false }, 'hi')).toBe('hi');
  });

  it('keeps markup as text but strips control and bidi override characters', () => {
    expect(checkChat('viewer', undefined, '<b>hi</b>\u202e\u0007 there')).toBe('<b>hi</b> there');
    expect(codeOf(() => checkChat('viewer', undefined, '\u0001\u0002'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkChat('viewer', undefined, 'x'.repeat(LIMITS.chatMaxChars + 1)))).toBe('VALIDATION_FAILED');
  });

  it('allows five messages per ten seconds per viewer, then answers RATE_LIMITED with when to retry, each viewer on its own', async () => {
    const limits = createLiveLimits();
    for (let i = 0; i < 5; i++) await limits.take('chat', 's1:a');
    const refused = await limits.take('chat', 's1:a').then(() => undefined, (e: AppError) => e);
    expect(refused?.code).toBe('RATE_LIMITED');
    expect(refused?.message).toMatch(/at most 5 messages every 10 s\. Try again in (10|9) s\./);
    await expect(limits.take('chat', 's1:b')).resolves.toBeUndefined();
  });

  it('lets a limit pass again once its window has gone by', async () => {
    const limits = createLiveLimits({ rules: { chat: { points: 2, seconds: 1 } } });
    await limits.take('chat', 'k');
    await limits.take('chat', 'k');
    await expect(limits.take('chat', 'k')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await new Promise((r) => setTimeout(r, 1100));
    await expect(limits.take('chat', 'k')).resolves.toBeUndefined();
  });
});

describe('pins', () => {
  it('keeps at most three pins, dropping the oldest when a fourth is pinned', () => {
    let pins: string[] = [];
    for (const p of ['a', 'b', 'c']) pins = nextPins(pins, p, true);
    expect(pins).toEqual(['a', 'b', 'c']);
    pins = nextPins(pins, 'd', true);
    expect(pins).toEqual(['b', 'c', 'd']);
  });

  it('re-pinning moves a product to the newest place without duplicating it', () => {
    expect(nextPins(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
  });

  it('unpinning removes it; unpinning what is not pinned is NOT_FOUND', () => {
    expect(nextPins(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(codeOf(() => nextPins(['a'], 'z', false))).toBe('NOT_FOUND');
  });
});

describe('flash deals', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  const product = { priceMinor: 10_000, stock: 50, name: 'Watch' };
  const input = { productId: 'w', priceMinor: 7_000, durationSeconds: 60, quantity: 20, perViewer: 2 };

  it('runs for its duration on the server clock and holds reservations a while after', () => {
    const w = planDeal(input, product, null, now);
    expect(w.startsAt.getTime()).toBe(now.getTime());
    expect(w.endsAt.getTime() - now.getTime()).toBe(60_000);
    expect(w.reservationExpiresAt.getTime() - w.endsAt.getTime()).toBe(RESERVATION_HOLD_MS);
    expect(dealRemainingMs(w, new Date(now.getTime() + 15_000))).toBe(45_000);
    expect(dealRemainingMs(w, new Date(now.getTime() + 99_000))).toBe(0);
  });

  it.each([
    ['a price not below list price', { priceMinor: 10_000 }, 'VALIDATION_FAILED'],
    ['more units than stock', { quantity: 51 }, 'OUT_OF_STOCK'],
    ['a per-viewer limit above the quantity', { quantity: 2, perViewer: 3 }, 'VALIDATION_FAILED'],
    ['9 seconds', { durationSeconds: 9 }, 'VALIDATION_FAILED'],
    ['301 seconds', { durationSeconds: 301 }, 'VALIDATION_FAILED'],
  ])('refuses %s', (_name, over, code) => {
    expect(codeOf(() => planDeal({ ...input, ...over }, product, null, now))).toBe(code);
  });

  it('refuses a second deal while one runs, allows it after', () => {
    const running = { endsAt: new Date(now.getTime() + 1000) };
    expect(codeOf(() => planDeal(input, product, running, now))).toBe('CONFLICT');
    expect(codeOf(() => planDeal(input, product, running, new Date(now.getTime() + 1000)))).toBeUndefined();
  });

  it('is open from its start until (not including) its end', () => {
    const deal = { startsAt: now, endsAt: new Date(now.getTime() + 10_000) };
    expect(codeOf(() => requireDealOpen(deal, now))).toBeUndefined();
    expect(codeOf(() => requireDealOpen(deal, new Date(now.getTime() + 9_999)))).toBeUndefined();
    expect(codeOf(() => requireDealOpen(deal, new Date(now.getTime() + 10_000)))).toBe('DEAL_EXPIRED');
    expect(codeOf(() => requireDealOpen(deal, new Date(now.getTime() - 1)))).toBe('DEAL_EXPIRED');
  });

  it('enforces the per-viewer limit across several adds', () => {
    expect(codeOf(() => checkPerViewer(0, 2, 2))).toBeUndefined();
    expect(codeOf(() => checkPerViewer(1, 1, 2))).toBeUndefined();
    expect(codeOf(() => checkPerViewer(2, 1, 2))).toBe('LIMIT_REACHED');
  });
});
