/**
 * What a live page shows, and how each numbered event changes it: a pure reducer over plain
 * data (no DOM, no socket), so the same rules drive the viewer, the host and the replay.
 */
import type { DealView, Figures, JoinResult, LiveEvent, ProductCard, SessionView } from '../../server/protocol/live.js';

/** Items of the chat stream: messages and product cards, oldest first. */
export type StreamItem = Extract<LiveEvent, { type: 'chat' | 'product:pushed' | 'deal:started' }>;

export interface LiveState {
  session: SessionView | null;
  role: 'host' | 'viewer';
  viewerId: string;
  items: StreamItem[];
  pins: ProductCard[];
  /** Latest known stock per product id. */
  stock: Record<string, number>;
  deal: DealView | null;
  viewers: { now: number; peak: number };
  figures: Figures | null;
  summary: Figures | null;
  streamUrl: string | null;
  moderation: { muted: boolean; banned: boolean };
}

/** Most stream items kept in memory; older ones scroll out (the replay has them all). */
export const MAX_ITEMS = 300;

export function emptyState(): LiveState {
  return {
    session: null,
    role: 'viewer',
    viewerId: '',
    items: [],
    pins: [],
    stock: {},
    deal: null,
    viewers: { now: 0, peak: 0 },
    figures: null,
    summary: null,
    streamUrl: null,
    moderation: { muted: false, banned: false },
  };
}

/** The state right after joining, from the join snapshot (events are applied separately). */
export function fromJoin(j: Omit<JoinResult, 'events'>): LiveState {
  const s = emptyState();
  const stock: Record<string, number> = {};
  for (const p of j.pins) stock[p.id] = p.stock;
  return {
    ...s,
    session: j.session,
    role: j.role,
    viewerId: j.viewerId,
    pins: j.pins,
    stock,
    deal: j.deal,
    viewers: j.viewers,
    figures: j.figures,
    streamUrl: j.session.streamUrl,
  };
}

function withItem(items: StreamItem[], item: StreamItem): StreamItem[] {
  const next = [...items, item];
  return next.length > MAX_ITEMS ? next.slice(next.length - MAX_ITEMS) : next;
}

/** Applies one numbered event. */
export function applyEvent(s: LiveState, e: LiveEvent): LiveState {
  switch (e.type) {
    case 'chat':
      return e.text ? { ...s, items: withItem(s.items, e) } : s;
    case 'chat:deleted':
      return { ...s, items: s.items.filter((i) => i.seq !== e.target) };
    case 'product:pushed':
      return { ...s, items: withItem(s.items, e), stock: { ...s.stock, [e.product.id]: e.product.stock } };
    case 'pins:changed': {
      const stock = { ...s.stock };
      for (const p of e.pins) stock[p.id] ??= p.stock;
      return { ...s, pins: e.pins, stock };
    }
    case 'deal:started':
      return { ...s, items: withItem(s.items, e), deal: e.deal, stock: { ...s.stock, [e.product.id]: e.product.stock } };
    case 'stock:changed': {
      const deal = s.deal && e.dealId === s.deal.id && e.dealRemaining !== null ? { ...s.deal, remaining: e.dealRemaining } : s.deal;
      return { ...s, stock: { ...s.stock, [e.productId]: e.stock }, deal };
    }
    case 'viewer:moderated':
      return e.viewerId === s.viewerId ? { ...s, moderation: { muted: e.muted, banned: e.banned } } : s;
    case 'stream:changed':
      return { ...s, streamUrl: e.url };
    case 'session:ended':
      return { ...s, summary: e.summary, session: s.session ? { ...s.session, status: 'ended' } : s.session };
    default:
      return s;
  }
}

/** The stock to show for a card: the latest live figure, else what the card carried. */
export function stockOf(s: Pick<LiveState, 'stock'>, card: ProductCard): number {
  return s.stock[card.id] ?? card.stock;
}
