/** Storage of live sessions: the session row, its numbered event log, viewers and counters. */
import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { AppError } from '../protocol/errors.js';
import type { Figures, LiveEvent, LiveEventBody, SessionView } from '../protocol/live.js';
import type { Database, LiveSessionsTable } from '../store/schema.js';
import { inTransaction } from '../store/tx.js';

export type SessionRow = Selectable<LiveSessionsTable>;
type Db = Kysely<Database>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toSessionView(r: SessionRow): SessionView {
  return {
    id: r.id,
    title: r.title,
    status: r.status === 'ended' ? 'ended' : 'live',
    startsAt: iso(r.starts_at),
    coverProductId: r.cover_product_id,
    streamUrl: r.stream_url,
    createdAt: iso(r.created_at)!,
    endedAt: iso(r.ended_at),
    lastSeq: r.last_seq,
  };
}

/** The figures stored on the session row; viewersNow comes from the transport. */
export function toFigures(r: SessionRow, viewersNow = 0): Figures {
  return {
    viewersNow,
    viewersPeak: r.peak_viewers,
    pushes: r.pushes,
    addsToCart: r.adds,
    orders: r.orders,
    revenueMinor: Number(r.revenue_minor),
    currency: r.currency.trim(),
  };
}

export function pinsOf(r: SessionRow): string[] {
  const p = typeof r.pins === 'string' ? JSON.parse(r.pins) : r.pins;
  return Array.isArray(p) ? (p as string[]) : [];
}

export async function insertSession(
  db: Db,
  s: { id: string; title: string; startsAt?: string; coverProductId?: string; streamUrl?: string; hostKey: string; currency: string },
): Promise<SessionRow> {
  return db
    .insertInto('live_sessions')
    .values({
      id: s.id,
      title: s.title,
      starts_at: s.startsAt ?? null,
      cover_product_id: s.coverProductId ?? null,
      stream_url: s.streamUrl ?? null,
      host_key: s.hostKey,
      status: 'live',
      currency: s.currency,
      pins: '[]',
      ended_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('live_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Loads a session or throws NOT_FOUND. */
export async function requireSession(db: Db, id: string): Promise<SessionRow> {
  const s = await getSession(db, id);
  if (!s) throw new AppError('NOT_FOUND', `No live session ${id}.`);
  return s;
}

export async function listSessions(db: Db, limit: number, offset: number): Promise<SessionRow[]> {
  return db.selectFrom('live_sessions').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}

/**
 * Appends one event to the session's log in a transaction: takes the next sequence number on
 * the session row (which serialises writers across processes), then `build` does the event's
 * writes in the same transaction and returns its body. Throws SESSION_ENDED when over.
 */
export async function appendEvent(
  db: Db,
  sessionId: string,
  build: LiveEventBody | ((trx: Db) => Promise<LiveEventBody>),
  now: Date,
): Promise<LiveEvent> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('live_sessions')
      .set({ last_seq: sql`last_seq + 1` })
      .where('id', '=', sessionId)
      .where('status', '=', 'live')
      .returning('last_seq')
      .executeTakeFirst();
    if (!row) {
      await requireSession(trx, sessionId);
      throw new AppError('SESSION_ENDED', 'This live session has ended.');
    }
    const body = typeof build === 'function' ? await build(trx) : build;
    await trx
      .insertInto('live_events')
      .values({ session_id: sessionId, seq: row.last_seq, type: body.type, body: JSON.stringify(body), created_at: now })
      .execute();
    return { seq: row.last_seq, at: now.toISOString(), ...body } as LiveEvent;
  });
}

/**
 * Appends an event whose body is known up front in one statement (no transaction round trips):
 * the sequence number, optional counters and the insert happen atomically. Used on the hot
 * paths (chat, product push, stock); throws SESSION_ENDED or NOT_FOUND like appendEvent.
 */
export async function appendSimple(db: Db, sessionId: string, body: LiveEventBody, now: Date, bump: { pushes?: number } = {}): Promise<LiveEvent> {
  const res = await sql<{ seq: number }>`
    with s as (
      update live_sessions set last_seq = last_seq + 1, pushes = pushes + ${bump.pushes ?? 0}
      where id = ${sessionId} and status = 'live'
      returning last_seq
    )
    insert into live_events (session_id, seq, type, body, created_at)
    select ${sessionId}, s.last_seq, ${body.type}, ${JSON.stringify(body)}::jsonb, ${now} from s
    returning seq`.execute(db);
  const seq = res.rows[0]?.seq;
  if (seq === undefined) {
    await requireSession(db, sessionId);
    throw new AppError('SESSION_ENDED', 'This live session has ended.');
  }
  return { seq, at: now.toISOString(), ...body } as LiveEvent;
}

function toEvent(r: { seq: number; body: unknown; created_at: Date | string }): LiveEvent {
  const body = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as LiveEventBody;
  return { seq: r.seq, at: new Date(r.created_at).toISOString(), ...body } as LiveEvent;
}

/** Events with a sequence number above `sinceSeq`, oldest first, at most `limit`. */
export async function eventsAfter(db: Db, sessionId: string, sinceSeq: number, limit: number): Promise<LiveEvent[]> {
  const rows = await db
    .selectFrom('live_events')
    .select(['seq', 'body', 'created_at'])
    .where('session_id', '=', sessionId)
    .where('seq', '>', sinceSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

/** The last `n` chat messages and product cards, oldest first, for a late joiner. */
export async function recentEvents(db: Db, sessionId: string, n: number): Promise<LiveEvent[]> {
  const rows = await db
    .selectFrom('live_events')
    .select(['seq', 'body', 'created_at'])
    .where('session_id', '=', sessionId)
    .where('type', 'in', ['chat', 'product:pushed', 'deal:started'])
    .orderBy('seq', 'desc')
    .limit(n)
    .execute();
  return rows.reverse().map(toEvent);
}

/** Replaces a chat message's text in the log once the host deleted it, so replays never show it. */
export async function scrubChat(db: Db, sessionId: string, seq: number): Promise<boolean> {
  const res = await db
    .updateTable('live_events')
    // A shared snapshot goes with its text: replays and late joiners never see either.
    .set({ body: sql`jsonb_set(body, '{text}', '""'::jsonb) - 'image'` })
    .where('session_id', '=', sessionId)
    .where('seq', '=', seq)
    .where('type', '=', 'chat')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The media id of the snapshot a chat message carries, if any (read before scrubbing it). */
export async function chatImageOf(db: Db, sessionId: string, seq: number): Promise<string | null> {
  const row = await db
    .selectFrom('live_events')
    .select(sql<string | null>`body->'image'->>'id'`.as('imageId'))
    .where('session_id', '=', sessionId)
    .where('seq', '=', seq)
    .where('type', '=', 'chat')
    .executeTakeFirst();
  return row?.imageId ?? null;
}

export async function getViewer(db: Db, sessionId: string, viewerId: string) {
  return db.selectFrom('live_viewers').selectAll().where('session_id', '=', sessionId).where('viewer_id', '=', viewerId).executeTakeFirst();
}

/** Records a viewer's display name on join (updating it on a later join). */
export async function upsertViewer(db: Db, sessionId: string, viewerId: string, name: string): Promise<void> {
  await db
    .insertInto('live_viewers')
    .values({ session_id: sessionId, viewer_id: viewerId, name })
    .onConflict((oc) => oc.columns(['session_id', 'viewer_id']).doUpdateSet({ name }))
    .execute();
}

export async function setModeration(db: Db, sessionId: string, viewerId: string, patch: { muted?: boolean; banned?: boolean }) {
  return db
    .updateTable('live_viewers')
    .set(patch)
    .where('session_id', '=', sessionId)
    .where('viewer_id', '=', viewerId)
    .returning(['muted', 'banned'])
    .executeTakeFirst();
}

/** Adds to the session's counters (atomic increments, safe across processes). */
export async function bumpCounters(db: Db, sessionId: string, d: { pushes?: number; adds?: number; orders?: number; revenueMinor?: number }) {
  await db
    .updateTable('live_sessions')
    .set({
      pushes: sql`pushes + ${d.pushes ?? 0}`,
      adds: sql`adds + ${d.adds ?? 0}`,
      orders: sql`orders + ${d.orders ?? 0}`,
      revenue_minor: sql`revenue_minor + ${d.revenueMinor ?? 0}`,
    })
    .where('id', '=', sessionId)
    .execute();
}

export async function raisePeak(db: Db, sessionId: string, viewers: number): Promise<number> {
  const r = await db
    .updateTable('live_sessions')
    .set({ peak_viewers: sql`greatest(peak_viewers, ${viewers})` })
    .where('id', '=', sessionId)
    .returning('peak_viewers')
    .executeTakeFirst();
  return r?.peak_viewers ?? viewers;
}

/** Records the host's socket for a session (its latest connection wins). */
export async function setHostSocket(db: Db, sessionId: string, socketId: string): Promise<void> {
  await db.updateTable('live_sessions').set({ host_socket: socketId }).where('id', '=', sessionId).execute();
}

/** Forgets the host's socket when that connection ends (a newer one is kept). */
export async function clearHostSocket(db: Db, sessionId: string, socketId: string): Promise<void> {
  await db.updateTable('live_sessions').set({ host_socket: null }).where('id', '=', sessionId).where('host_socket', '=', socketId).execute();
}

/** The host's socket now, or null. */
export async function hostSocketOf(db: Db, sessionId: string): Promise<string | null> {
  const row = await db.selectFrom('live_sessions').select('host_socket').where('id', '=', sessionId).executeTakeFirst();
  return row?.host_socket ?? null;
}

/** A per-session pseudonym for a shopper: stable across reloads, reveals nothing about the cart id. */
export function viewerIdFor(sessionId: string, shopperId: string): string {
  return `v_${createHash('sha256').update(`${sessionId}:${shopperId}`).digest('base64url').slice(0, 16)}`;
}

/** Whether this shopper joined the session as a viewer (an order may be attributed to it only then). */
export async function hasJoined(db: Db, sessionId: string, shopperId: string): Promise<boolean> {
  return Boolean(await getViewer(db, sessionId, viewerIdFor(sessionId, shopperId)));
}
