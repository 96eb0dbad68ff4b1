/**
 * A page's connection to one live session: joins, keeps the numbered feed exact across drops
 * (Socket.IO recovery for short ones, join with the last number seen otherwise, sync on a gap)
 * and publishes the page state to a small store. No React here.
 */
import { io, type Socket } from 'socket.io-client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type Ack,
  type AckData,
  type ClientEventName,
  type ClientPayload,
  type Figures,
  type JoinResult,
  type LiveEvent,
  PROTOCOL_VERSION,
} from '../../server/protocol/live.js';
import { joinRetryDelay, MAX_JOIN_RETRIES, RETRYABLE_JOIN_ERRORS } from './backoff.js';
import { clockOffset } from './clock.js';
import { LiveFeed } from './feed.js';
import { applyEvent, emptyState, fromJoin, type LiveState } from './state.js';

export type ConnStatus = 'connecting' | 'live' | 'reconnecting' | 'kicked' | 'failed';

export interface LiveStore extends LiveState {
  status: ConnStatus;
  error: string | null;
  /** Add to Date.now() to get the server's time. */
  clockOffsetMs: number;
  hostSocketId: string | null;
  socketId: string | null;
  reactions: Record<string, number>;
}

const seqKey = (sessionId: string) => `shopsee.live.${sessionId}.seq`;

/** A store holding the state of a page that has not joined yet. */
export function newLiveStore(): StoreApi<LiveStore> {
  return createStore<LiveStore>(() => ({ ...emptyState(), status: 'connecting', error: null, clockOffsetMs: 0, hostSocketId: null, socketId: null, reactions: {} }));
}

/** The error ack as an Error with the code, for callers that prefer throwing. */
export class LiveError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class LiveConnection {

  readonly store: StoreApi<LiveStore>;
  readonly socket: Socket;
  private feed: LiveFeed | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  /** Broadcasts that arrived before the first join's answer. */
  private early: LiveEvent[] = [];
  private readonly listeners = new Map<string, Set<(...a: any[]) => void>>();

  constructor(
    private readonly sessionId: string,
    private readonly who: { name: string; hostKey?: string },
    url = '/live',
  ) {
    this.store = newLiveStore();
    this.socket = io(url, { transports: ['websocket'], withCredentials: true });
    this.socket.on('connect', () => {
      // A recovered connection got its missed broadcasts from Socket.IO; otherwise join again from the last number seen.
      if (this.socket.recovered && this.feed) this.store.setState({ status: 'live', socketId: this.socket.id ?? null });
      else void this.join();
    });
    this.socket.on('disconnect', () => {
      if (this.store.getState().status !== 'kicked') this.store.setState({ status: 'reconnecting' });
    });
    this.socket.on('session:event', (e: LiveEvent) => this.offer([e]));
    this.socket.on('viewers:count', (v: { now: number; peak: number }) => this.store.setState({ viewers: v }));
    this.socket.on('host:figures', (f: Figures) => this.store.setState({ figures: f }));
    this.socket.on('reaction:burst', (r: Record<string, number>) => {
      this.store.setState({ reactions: r });
      this.fire('reaction:burst', r);
    });
    this.socket.on('session:kicked', (r: { reason: string }) => {
      this.store.setState({ status: 'kicked', error: r.reason });
      this.socket.disconnect();
    });
    for (const name of ['rtc:signal', 'rtc:request'] as const) this.socket.on(name, (p: unknown) => this.fire(name, p));
  }

  /** Subscribes to a raw server event (WebRTC signalling, reaction bursts). */
  on(name: string, fn: (...a: any[]) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(fn);
    this.listeners.set(name, set);
    return () => set.delete(fn);
  }

  private fire(name: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }

  private lastSeqStored(): number | undefined {
    try {
      const v = sessionStorage.getItem(seqKey(this.sessionId));
      return v ? Number(v) : undefined;
    } catch {
      return undefined;
    }
  }

  private async join(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const lastSeq = this.feed?.lastSeq ?? this.lastSeqStored();
      const sent = Date.now();
      const ack = await this.emitRaw('session:join', {
        v: PROTOCOL_VERSION,
        sessionId: this.sessionId,
        name: this.who.name,
        ...(this.who.hostKey ? { hostKey: this.who.hostKey } : {}),
        ...(lastSeq !== undefined && this.feed ? { lastSeq } : {}),
      });
      if (ack.ok) {
        this.applyJoin(ack.data, sent, Date.now());
        return;
      }
      // A passing failure (a busy or restarting server) is retried with backoff and jitter; a refusal is final.
      if (!RETRYABLE_JOIN_ERRORS.has(ack.error.code) || attempt >= MAX_JOIN_RETRIES || this.socket.disconnected) {
        this.store.setState({ status: ack.error.code === 'BANNED' ? 'kicked' : 'failed', error: ack.error.message });
        return;
      }
      const wait = joinRetryDelay(attempt);
      this.store.setState({ status: 'reconnecting', error: `${ack.error.message} Trying again in ${Math.ceil(wait / 1000)} s.` });
      await new Promise((r) => setTimeout(r, wait));
      if (this.socket.disconnected) return; // the socket's own reconnect joins again
    }
  }

  private applyJoin(j: JoinResult, sent: number, received: number): void {
    const offset = clockOffset(Date.parse(j.serverTime), sent, received);
    const base = { status: 'live' as const, error: null, clockOffsetMs: offset, hostSocketId: j.hostSocketId, socketId: j.socketId };
    if (this.feed) {
      // Rejoin after a long drop: the ack carries exactly the events after our last number.
      this.store.setState({ ...base, viewers: j.viewers, ...(j.figures ? { figures: j.figures } : {}), deal: j.deal ?? this.store.getState().deal });
      this.offer(j.events);
      return;
    }
    // First join: the snapshot reflects everything up to lastSeq; recent items fill the stream.
    let state = fromJoin(j);
    for (const e of j.events) if (e.seq <= j.session.lastSeq) state = applyEvent(state, e);
    this.store.setState({ ...state, ...base });
    this.feed = new LiveFeed(j.session.lastSeq, (e) => this.store.setState((s) => applyEvent(s, e) as LiveStore));
    this.offer([...j.events.filter((e) => e.seq > j.session.lastSeq), ...this.early]);
    this.early = [];
  }

  private offer(events: LiveEvent[]): void {
    if (!this.feed) {
      this.early.push(...events); // applied once the join snapshot says where the log stands
      return;
    }
    this.feed.push(events);
    try {
      sessionStorage.setItem(seqKey(this.sessionId), String(this.feed.lastSeq));
    } catch {
      /* private mode: replay still works within this page */
    }
    if (this.feed.hasGap && !this.gapTimer) {
      // An event overtook another (two server processes); give the missing one a moment, then ask.
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        if (!this.feed?.hasGap) return;
        void this.emitRaw('session:sync', { sinceSeq: this.feed.lastSeq }).then((a) => a.ok && this.offer(a.data.events));
      }, 500);
    }
  }

  private emitRaw<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<Ack<AckData[E]>> {
    return this.socket
      .timeout(15_000)
      .emitWithAck(event, payload)
      .catch(() => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'The live server did not answer. Check your connection.' } }));
  }

  /** Sends an event and resolves with its data; rejects with a LiveError carrying the code. */
  async send<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<AckData[E]> {
    const ack = await this.emitRaw(event, payload);
    if (!ack.ok) throw new LiveError(ack.error.code, ack.error.message);
    // The sender is not echoed: apply its own logged event from the ack.
    const data = ack.data as { event?: LiveEvent };
    if (data && typeof data === 'object' && data.event && typeof data.event.seq === 'number') this.offer([data.event]);
    return ack.data;
  }

  close(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.socket.disconnect();
  }
}
