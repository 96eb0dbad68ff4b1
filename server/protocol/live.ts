/**
 * The live shopping protocol over Socket.IO: every event name (`feature:verb`), a zod schema for
 * every client-to-server payload, its ack type, and the server-to-client events. Shared by the
 * server (which parses every payload with these schemas) and the browser client.
 */
import { z } from 'zod';
import { STREAM_URL_RULE, streamKind } from './stream.js';
import { displayName, messageText } from './text.js';
import { type Cart, CartVariant } from './api.js';
import type { ErrorCode } from './errors.js';
import type { ColorOption } from './variant.js';

/** Bumped on any incompatible change; a client sending another version gets PROTOCOL_VERSION. */
export const PROTOCOL_VERSION = 1;

export const LIMITS = {
  chatMaxChars: 500,
  nameMaxChars: 40,
  /** Issue 3: a per-viewer chat rate limit, "for example 5 messages per 10 s". */
  chatPerWindow: 5,
  chatWindowMs: 10_000,
  maxPins: 3,
  dealMinSeconds: 10,
  dealMaxSeconds: 300,
  /** Chat and cards a late joiner receives on join. */
  recentEvents: 50,
  /** Most events one replay or sync answer carries. */
  replayPage: 1000,
  /** Issue 5: a try-on snapshot shared into the chat; the page downscales to fit these. */
  snapshotMaxBytes: 300_000,
  snapshotMaxSide: 720,
} as const;

const SessionId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const ProductId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const ViewerId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const Seq = z.number().int().min(0).max(2 ** 31 - 1);

// ---------- client → server payloads ----------
export const JoinPayload = z
  .object({
    v: z.literal(PROTOCOL_VERSION),
    sessionId: SessionId,
    name: displayName(LIMITS.nameMaxChars),
    /** Last sequence number this viewer saw; the ack then carries exactly the events after it. */
    lastSeq: Seq.optional(),
    /** The merchant token or the session's host key; makes this socket the host. */
    hostKey: z.string().min(1).max(200).optional(),
  })
  .strict();
export const SyncPayload = z.object({ sinceSeq: Seq }).strict();
export const ChatSendPayload = z.object({ text: messageText(LIMITS.chatMaxChars) }).strict();
export const ChatDeletePayload = z.object({ seq: Seq }).strict();
export const ViewerMutePayload = z.object({ viewerId: ViewerId, muted: z.boolean() }).strict();
export const ViewerBanPayload = z.object({ viewerId: ViewerId }).strict();
export const ProductPushPayload = z.object({ productId: ProductId }).strict();
export const ProductPinPayload = z.object({ productId: ProductId, pinned: z.boolean() }).strict();
export const DealStartPayload = z
  .object({
    productId: ProductId,
    priceMinor: z.number().int().min(0).max(100_000_000),
    durationSeconds: z.number().int().min(LIMITS.dealMinSeconds).max(LIMITS.dealMaxSeconds),
    quantity: z.number().int().min(1).max(100_000),
    perViewer: z.number().int().min(1).max(99),
  })
  .strict();
export const CartAddPayload = z
  .object({
    productId: ProductId,
    variant: CartVariant,
    quantity: z.number().int().min(1).max(99).default(1),
    /** Set to buy at the running flash deal's price; units are reserved until checkout or expiry. */
    dealId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
  })
  .strict();
export const REACTIONS = ['heart', 'fire', 'clap', 'laugh', 'wow'] as const;
export const ReactionPayload = z.object({ kind: z.enum(REACTIONS) }).strict();
export const StreamSetPayload = z
  .object({ url: z.string().url().max(2000).refine((u) => streamKind(u) !== undefined, STREAM_URL_RULE).nullable() })
  .strict();
export const EndPayload = z.object({}).strict();
const Sdp = z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().max(20_000) }).strict();
const Candidate = z
  .object({
    candidate: z.string().max(1000),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .strict();
export const RtcSignalPayload = z
  // A socket id only: room names (with ':') are not addressable.
  .object({ to: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/), description: Sdp.optional(), candidate: Candidate.optional() })
  .strict()
  .refine((p) => Boolean(p.description) !== Boolean(p.candidate), 'exactly one of description or candidate');
export const RtcRequestPayload = z.object({}).strict();

/** Every client → server event with its payload schema. */
export const CLIENT_EVENTS = {
  'session:join': JoinPayload,
  'session:sync': SyncPayload,
  'session:end': EndPayload,
  'stream:set': StreamSetPayload,
  'chat:send': ChatSendPayload,
  'chat:delete': ChatDeletePayload,
  'viewer:mute': ViewerMutePayload,
  'viewer:ban': ViewerBanPayload,
  'product:push': ProductPushPayload,
  'product:pin': ProductPinPayload,
  'deal:start': DealStartPayload,
  'cart:add': CartAddPayload,
  'reaction:send': ReactionPayload,
  'rtc:signal': RtcSignalPayload,
  'rtc:request': RtcRequestPayload,
} as const;
export type ClientEventName = keyof typeof CLIENT_EVENTS;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof CLIENT_EVENTS)[E]>;

/** Events only the host may send; a viewer's attempt is answered FORBIDDEN. */
export const HOST_EVENTS: ReadonlySet<ClientEventName> = new Set([
  'session:end',
  'stream:set',
  'chat:delete',
  'viewer:mute',
  'viewer:ban',
  'product:push',
  'product:pin',
  'deal:start',
]);

// ---------- shapes the server sends ----------
export interface ProductCard {
  id: string;
  name: string;
  price: { amount: number; currency: string };
  stock: number;
  photoUrl: string | null;
  thumbUrl: string | null;
  sizes: string[];
  /** Colours the viewer chooses between (name and swatch); absent on cards logged before colours were a choice. */
  colorOptions?: ColorOption[];
  /** Try-on kind when the product can be tried on (`/try-on/:id`). */
  tryOn: string | null;
}

export interface DealView {
  id: string;
  productId: string;
  price: { amount: number; currency: string };
  quantity: number;
  remaining: number;
  perViewer: number;
  startsAt: string;
  endsAt: string;
}

export interface SessionView {
  id: string;
  title: string;
  status: 'live' | 'ended';
  startsAt: string | null;
  coverProductId: string | null;
  streamUrl: string | null;
  createdAt: string;
  endedAt: string | null;
  lastSeq: number;
}

export interface Figures {
  viewersNow: number;
  viewersPeak: number;
  pushes: number;
  addsToCart: number;
  orders: number;
  revenueMinor: number;
  currency: string;
}

/** One entry of a session's event log, numbered from 1 without gaps. */
export type LiveEvent = { seq: number; at: string } & LiveEventBody;
/** A try-on snapshot carried by a chat message; the page shows it with alt "<name> tried on <product>". */
export interface ChatImage {
  id: string;
  url: string;
  width: number;
  height: number;
  productId: string;
  productName: string;
}

export type LiveEventBody =
  | { type: 'chat'; viewerId: string; name: string; text: string; host: boolean; image?: ChatImage }
  | { type: 'chat:deleted'; target: number }
  | { type: 'product:pushed'; product: ProductCard }
  | { type: 'pins:changed'; pins: ProductCard[] }
  | { type: 'deal:started'; deal: DealView; product: ProductCard }
  | { type: 'stock:changed'; productId: string; stock: number; dealId: string | null; dealRemaining: number | null }
  | { type: 'viewer:moderated'; viewerId: string; muted: boolean; banned: boolean }
  | { type: 'stream:changed'; url: string | null }
  | { type: 'session:ended'; summary: Figures };
export type LiveEventType = LiveEventBody['type'];

export interface JoinResult {
  role: 'host' | 'viewer';
  viewerId: string;
  socketId: string;
  session: SessionView;
  pins: ProductCard[];
  deal: DealView | null;
  /** With lastSeq: every event after it; without: the most recent chat and cards. */
  events: LiveEvent[];
  serverTime: string;
  viewers: { now: number; peak: number };
  figures: Figures | null;
  hostSocketId: string | null;
}

/** What each client → server event answers on success. */
export interface AckData {
  'session:join': JoinResult;
  'session:sync': { events: LiveEvent[] };
  'session:end': { summary: Figures };
  'stream:set': { event: LiveEvent };
  'chat:send': { event: LiveEvent };
  'chat:delete': { event: LiveEvent };
  'viewer:mute': { event: LiveEvent };
  'viewer:ban': { event: LiveEvent };
  'product:push': { event: LiveEvent };
  'product:pin': { event: LiveEvent };
  'deal:start': { event: LiveEvent; deal: DealView };
  'cart:add': { cart: Cart; deal: DealView | null };
  'reaction:send': Record<string, never>;
  'rtc:signal': Record<string, never>;
  'rtc:request': { hostSocketId: string | null };
}

export type AckError = { code: ErrorCode; message: string };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** Server → client events. */
export interface ServerEvents {
  /** One numbered entry of the event log (chat, cards, pins, deals, stock, moderation, end). */
  'session:event': (event: LiveEvent) => void;
  /** Lossy: aggregated reactions since the last tick. */
  'reaction:burst': (counts: Partial<Record<(typeof REACTIONS)[number], number>>) => void;
  'viewers:count': (v: { now: number; peak: number }) => void;
  /** Host only. */
  'host:figures': (f: Figures) => void;
  'rtc:signal': (s: { from: string; description?: { type: 'offer' | 'answer'; sdp: string }; candidate?: z.infer<typeof Candidate> }) => void;
  /** Host only: a viewer wants the video. */
  'rtc:request': (r: { from: string; viewerId: string }) => void;
  /** You were banned from this session; the server disconnects you next. */
  'session:kicked': (r: { reason: string }) => void;
}

/** Every server → client event name, for clients that subscribe by list. */
export const SERVER_EVENT_NAMES = [
  'session:event',
  'reaction:burst',
  'viewers:count',
  'host:figures',
  'rtc:signal',
  'rtc:request',
  'session:kicked',
] as const satisfies ReadonlyArray<keyof ServerEvents>;

// ---------- REST shapes for sessions ----------
export const SessionCreate = z
  .object({
    title: z.string().trim().min(1).max(120),
    startsAt: z.string().datetime({ offset: true }).optional(),
    coverProductId: ProductId.optional(),
    streamUrl: z.string().url().max(2000).refine((u) => streamKind(u) !== undefined, STREAM_URL_RULE).optional(),
  })
  .strict();
export type SessionCreate = z.input<typeof SessionCreate>;

export interface SessionCreated {
  session: SessionView;
  hostKey: string;
  hostPath: string;
  viewerPath: string;
  viewerUrl: string;
  qrSvg: string;
}

/** POST /api/live/sessions/:id/snapshots?productId= (multipart field "photo") answers 201 with the chat event. */
export interface SnapshotShared {
  event: LiveEvent;
}

export interface ReplayData {
  session: SessionView;
  events: LiveEvent[];
  summary: Figures;
}
