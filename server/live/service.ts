/**
 * The live session service: loads state from the store, applies the rules, writes, and says
 * which log events to broadcast. Knows nothing of Socket.IO; the socket adapter calls it.
 */
import { timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { addProductToCart, readCart } from '../http/carts.js';
import type { Cart } from '../protocol/api.js';
import { AppError } from '../protocol/errors.js';
import { requireVariant } from '../protocol/variant.js';
import {
  type DealView,
  type Figures,
  type JoinResult,
  LIMITS,
  type LiveEvent,
  type LiveEventBody,
  type ClientPayload,
} from '../protocol/live.js';
import { deletePhotoFiles } from '../media/photos.js';
import { getProduct } from '../store/products.js';
import type { Database } from '../store/schema.js';
import { cardOf, cardsOf } from './cards.js';
import { insertDeal, latestDeal, reserveDealUnits, toDealView } from './deal-store.js';
import { type DealInput, planDeal } from './deals.js';
import { createLiveLimits, type LiveLimits } from './limits.js';
import { checkChat, checkJoin, nextPins, requireLive, type Role } from './rules.js';
import * as store from './store.js';

/** Who sent an event: fixed when the socket joins a session. */
export interface Actor {
  sessionId: string;
  role: Role;
  viewerId: string;
  name: string;
  /** The shop's shopper id (cart owner); absent without a shopper cookie. */
  shopperId?: string;
}

export interface LiveDeps {
  db: Kysely<Database>;
  now: () => Date;
  currency: string;
  merchantToken: string;
  /** Where shared snapshots live, so deleting the message deletes its files. */
  dataDir?: string;
  /** Rate limits (shared through Redis in scale-out); the socket and HTTP layers apply them. */
  limits?: LiveLimits;
}

type Outcome<T> = { data: T; events: LiveEvent[] };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export { viewerIdFor } from './store.js';

export class LiveService {
  readonly limits: LiveLimits;

  constructor(private readonly deps: LiveDeps) {
    this.limits = deps.limits ?? createLiveLimits();
  }

  private get db() {
    return this.deps.db;
  }

  /** Joins a session as host (with the host key or merchant token) or viewer; returns the snapshot. */
  async join(p: ClientPayload<'session:join'> & { name: string }, who: { shopperId?: string; anonId: string }, viewers: number): Promise<{ actor: Actor; result: Omit<JoinResult, 'socketId' | 'hostSocketId'> }> {
    const s = await store.requireSession(this.db, p.sessionId);
    const isHost = p.hostKey !== undefined && (same(p.hostKey, s.host_key) || same(p.hostKey, this.deps.merchantToken));
    if (p.hostKey !== undefined && !isHost) throw new AppError('FORBIDDEN', 'That host key is not valid for this session.');
    const viewerId = isHost ? 'host' : store.viewerIdFor(s.id, who.shopperId ?? who.anonId);
    if (!isHost) {
      checkJoin(await store.getViewer(this.db, s.id, viewerId));
      await store.upsertViewer(this.db, s.id, viewerId, p.name);
    }
    const events =
      p.lastSeq !== undefined
        ? await store.eventsAfter(this.db, s.id, p.lastSeq, LIMITS.replayPage)
        : await store.recentEvents(this.db, s.id, LIMITS.recentEvents);
    const deal = await latestDeal(this.db, s.id);
    const now = this.deps.now();
    const actor: Actor = { sessionId: s.id, role: isHost ? 'host' : 'viewer', viewerId, name: p.name, ...(who.shopperId ? { shopperId: who.shopperId } : {}) };
    return {
      actor,
      result: {
        role: actor.role,
        viewerId,
        session: store.toSessionView(s),
        pins: await cardsOf(this.db, store.pinsOf(s)),
        deal: deal && new Date(deal.ends_at) > now ? toDealView(deal, s.currency.trim()) : null,
        events,
        serverTime: now.toISOString(),
        viewers: { now: viewers, peak: Math.max(viewers, s.peak_viewers) },
        figures: isHost ? store.toFigures(s, viewers) : null,
      },
    };
  }

  /** Events after `sinceSeq`, for a client that noticed a gap. */
  async sync(a: Actor, sinceSeq: number): Promise<LiveEvent[]> {
    return store.eventsAfter(this.db, a.sessionId, sinceSeq, LIMITS.replayPage);
  }

  private async log(a: Actor, build: LiveEventBody | ((trx: Kysely<Database>) => Promise<LiveEventBody>)): Promise<Outcome<{ event: LiveEvent }>> {
    const event = await store.appendEvent(this.db, a.sessionId, build, this.deps.now());
    return { data: { event }, events: [event] };
  }

  async chat(a: Actor, text: string): Promise<Outcome<{ event: LiveEvent }>> {
    const standing = a.role === 'viewer' ? await store.getViewer(this.db, a.sessionId, a.viewerId) : undefined;
    const clean = checkChat(a.role, standing, text);
    const event = await store.appendSimple(this.db, a.sessionId, { type: 'chat', viewerId: a.viewerId, name: a.name, text: clean, host: a.role === 'host' }, this.deps.now());
    return { data: { event }, events: [event] };
  }

  async deleteChat(a: Actor, seq: number): Promise<Outcome<{ event: LiveEvent }>> {
    let imageId: string | null = null;
    const out = await this.log(a, async (trx) => {
      imageId = await store.chatImageOf(trx, a.sessionId, seq);
      if (!(await store.scrubChat(trx, a.sessionId, seq))) throw new AppError('NOT_FOUND', `No chat message #${seq}.`);
      return { type: 'chat:deleted', target: seq };
    });
    // Only after the commit: a rolled-back delete keeps its picture.
    if (imageId && this.deps.dataDir) await deletePhotoFiles(this.deps.dataDir, imageId);
    return out;
  }

  async moderate(a: Actor, viewerId: string, patch: { muted?: boolean; banned?: boolean }): Promise<Outcome<{ event: LiveEvent }>> {
    return this.log(a, async (trx) => {
      const row = await store.setModeration(trx, a.sessionId, viewerId, patch);
      if (!row) throw new AppError('NOT_FOUND', 'No such viewer in this session.');
      return { type: 'viewer:moderated', viewerId, muted: row.muted, banned: row.banned };
    });
  }

  async push(a: Actor, productId: string): Promise<Outcome<{ event: LiveEvent }>> {
    const product = await cardOf(this.db, productId);
    const event = await store.appendSimple(this.db, a.sessionId, { type: 'product:pushed', product }, this.deps.now(), { pushes: 1 });
    return { data: { event }, events: [event] };
  }

  async pin(a: Actor, productId: string, pinned: boolean): Promise<Outcome<{ event: LiveEvent }>> {
    if (pinned) await cardOf(this.db, productId);
    return this.log(a, async (trx) => {
      const s = await store.requireSession(trx, a.sessionId);
      const pins = nextPins(store.pinsOf(s), productId, pinned);
      await trx.updateTable('live_sessions').set({ pins: JSON.stringify(pins) }).where('id', '=', a.sessionId).execute();
      return { type: 'pins:changed', pins: await cardsOf(trx, pins) };
    });
  }

  async startDeal(a: Actor, input: DealInput): Promise<Outcome<{ event: LiveEvent; deal: DealView }>> {
    const s = await store.requireSession(this.db, a.sessionId);
    requireLive(s.status === 'ended' ? 'ended' : 'live');
    const product = await getProduct(this.db, input.productId);
    if (!product) throw new AppError('NOT_FOUND', `No product ${input.productId}.`);
    const running = await latestDeal(this.db, a.sessionId);
    const now = this.deps.now();
    const w = planDeal(input, { priceMinor: product.price.amount, stock: product.stock, name: product.name }, running ? { endsAt: new Date(running.ends_at) } : null, now);
    const card = await cardOf(this.db, input.productId);
    let deal: DealView | undefined;
    const out = await this.log(a, async (trx) => {
      deal = toDealView(await insertDeal(trx, a.sessionId, input, w), s.currency.trim());
      return { type: 'deal:started', deal, product: card };
    });
    return { data: { event: out.data.event, deal: deal! }, events: out.events };
  }

  /** Adds to the viewer's own shop cart; with a deal id, reserves deal units at the deal price. */
  async addToCart(a: Actor, p: { productId: string; variant: string; quantity: number; dealId?: string | undefined }): Promise<{ cart: Cart; deal: DealView | null; stockChanged: boolean }> {
    if (!a.shopperId) throw new AppError('UNAUTHORIZED', 'Open the shop once so you have a cart, then try again.');
    const s = await store.requireSession(this.db, a.sessionId);
    let deal: DealView | null = null;
    if (p.dealId) {
      requireLive(s.status === 'ended' ? 'ended' : 'live');
      const product = await this.productForDeal(p.productId);
      // The same size and colour rule as the shop's cart (server/protocol/variant.ts).
      const variant = requireVariant(product, p.variant);
      const r = await reserveDealUnits(this.db, { ...p, variant, dealId: p.dealId, sessionId: a.sessionId, shopperId: a.shopperId, now: this.deps.now() });
      deal = toDealView(r.deal, s.currency.trim());
    } else {
      await addProductToCart(this.db, a.shopperId, p);
    }
    await store.bumpCounters(this.db, a.sessionId, { adds: 1 });
    return { cart: await readCart(this.db, a.shopperId, this.deps.currency), deal, stockChanged: Boolean(p.dealId) };
  }

  /** The product of a deal add; a few seconds stale is fine here (only its sizes and colours are read), and a race of hundreds then costs one query. */
  private readonly dealProducts = new Map<string, { at: number; product: Promise<Awaited<ReturnType<typeof getProduct>>> }>();
  private async productForDeal(productId: string) {
    const t = Date.now();
    let hit = this.dealProducts.get(productId);
    if (!hit || t - hit.at > 5000) {
      if (this.dealProducts.size > 1000) this.dealProducts.clear();
      hit = { at: t, product: getProduct(this.db, productId) };
      this.dealProducts.set(productId, hit);
    }
    const product = await hit.product;
    if (!product) throw new AppError('NOT_FOUND', `No product ${productId}.`);
    return product;
  }

  async setStream(a: Actor, url: string | null): Promise<Outcome<{ event: LiveEvent }>> {
    return this.log(a, async (trx) => {
      await trx.updateTable('live_sessions').set({ stream_url: url }).where('id', '=', a.sessionId).execute();
      return { type: 'stream:changed', url };
    });
  }

  /** Ends the session: the last log entry carries the summary. */
  async end(a: Actor, viewersNow: number): Promise<Outcome<{ summary: Figures }>> {
    const s = await store.requireSession(this.db, a.sessionId);
    requireLive(s.status === 'ended' ? 'ended' : 'live');
    const summary = store.toFigures(s, viewersNow);
    const out = await this.log(a, async (trx) => {
      await trx.updateTable('live_sessions').set({ status: 'ended', ended_at: this.deps.now() }).where('id', '=', a.sessionId).execute();
      return { type: 'session:ended', summary };
    });
    return { data: { summary }, events: out.events };
  }

  /** Logs the new stock of products in every live session that showed them. */
  async stockChanged(productIds: string[]): Promise<Array<{ sessionId: string; event: LiveEvent }>> {
    if (productIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('live_events as e')
      .innerJoin('live_sessions as s', 's.id', 'e.session_id')
      .select(['e.session_id', sql<string>`e.body->'product'->>'id'`.as('pid')])
      .where('s.status', '=', 'live')
      .where('e.type', 'in', ['product:pushed', 'deal:started'])
      .where(sql<string>`e.body->'product'->>'id'`, 'in', productIds)
      .distinct()
      .execute();
    const out: Array<{ sessionId: string; event: LiveEvent }> = [];
    const now = this.deps.now();
    for (const r of rows) {
      const pid = r.pid;
      const product = await getProduct(this.db, pid);
      if (!product) continue;
      const deal = await latestDeal(this.db, r.session_id);
      const live = deal && deal.product_id === pid && new Date(deal.ends_at) > now ? deal : null;
      const event = await store
        .appendSimple(this.db, r.session_id, { type: 'stock:changed', productId: pid, stock: product.stock, dealId: live?.id ?? null, dealRemaining: live?.remaining ?? null }, now)
        .catch(() => null);
      if (event) out.push({ sessionId: r.session_id, event });
    }
    return out;
  }

  /** Attributes a paid order to its session. */
  async orderPaid(sessionId: string, totalMinor: number): Promise<void> {
    await store.bumpCounters(this.db, sessionId, { orders: 1, revenueMinor: totalMinor });
  }

  async figures(sessionId: string, viewersNow: number): Promise<Figures> {
    const s = await store.requireSession(this.db, sessionId);
    return store.toFigures(s, viewersNow);
  }
}
