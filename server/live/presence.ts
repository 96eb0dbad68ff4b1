/**
 * Per-session fan-out that is not part of the numbered log: viewer counts, the host's figures
 * and reactions. Updates are coalesced on a timer so a burst of joins or hearts costs one emit.
 */
import type { Namespace } from 'socket.io';
import { REACTIONS } from '../protocol/live.js';
import { raisePeak } from './store.js';
import type { LiveService } from './service.js';

export const rooms = {
  all: (sessionId: string) => `s:${sessionId}`,
  viewers: (sessionId: string) => `v:${sessionId}`,
  hosts: (sessionId: string) => `h:${sessionId}`,
  /** One connection within one session (WebRTC signals go only to a peer of the same session). */
  peer: (sessionId: string, socketId: string) => `p:${sessionId}:${socketId}`,
  /** Every connection of one viewer in one session (a ban disconnects them all). */
  viewer: (sessionId: string, viewerId: string) => `w:${sessionId}:${viewerId}`,
};

/** How long a cluster-wide count may take before this process's own count stands in. */
export const CLUSTER_TIMEOUT_MS = 1000;

type Reaction = (typeof REACTIONS)[number];

export class Presence {
  private readonly pendingCount = new Map<string, NodeJS.Timeout>();
  private readonly pendingFigures = new Map<string, NodeJS.Timeout>();
  private readonly reactions = new Map<string, Partial<Record<Reaction, number>>>();
  private readonly reactionTimer: NodeJS.Timeout;

  constructor(
    private readonly nsp: Namespace,
    private readonly service: LiveService,
    private readonly db: Parameters<typeof raisePeak>[0],
    private readonly log: (err: unknown) => void,
    private readonly tickMs = { count: 1000, figures: 300, reactions: 500 },
  ) {
    this.reactionTimer = setInterval(() => this.flushReactions(), tickMs.reactions);
    this.reactionTimer.unref();
  }

  /** Viewer connections in the session across every server process (this process's alone when the cluster is slow). */
  async viewersNow(sessionId: string): Promise<number> {
    // A hung process must not stall the others: past the timeout, count this process's viewers.
    let timer: NodeJS.Timeout | undefined;
    const fallback = new Promise<number>((resolve) => {
      timer = setTimeout(() => resolve(this.localViewers(sessionId)), CLUSTER_TIMEOUT_MS);
    });
    const cluster = this.nsp
      .in(rooms.viewers(sessionId))
      .fetchSockets()
      .then((s) => s.length, () => this.localViewers(sessionId));
    try {
      return await Promise.race([cluster, fallback]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Viewer connections in the session on this process only (cheap, no cluster round trip). */
  localViewers(sessionId: string): number {
    return this.nsp.adapter.rooms.get(rooms.viewers(sessionId))?.size ?? 0;
  }

  /** Schedules one viewer-count broadcast for the session. */
  countChanged(sessionId: string): void {
    if (this.pendingCount.has(sessionId)) return;
    const t = setTimeout(() => {
      this.pendingCount.delete(sessionId);
      void (async () => {
        const now = await this.viewersNow(sessionId);
        const peak = await raisePeak(this.db, sessionId, now);
        this.nsp.to(rooms.all(sessionId)).emit('viewers:count', { now, peak });
        this.figuresChanged(sessionId);
      })().catch(this.log);
    }, this.tickMs.count);
    this.pendingCount.set(sessionId, t);
  }

  /** Schedules one figures update for the session's host. */
  figuresChanged(sessionId: string): void {
    if (this.pendingFigures.has(sessionId)) return;
    const t = setTimeout(() => {
      this.pendingFigures.delete(sessionId);
      void (async () => {
        const f = await this.service.figures(sessionId, await this.viewersNow(sessionId));
        this.nsp.to(rooms.hosts(sessionId)).emit('host:figures', f);
      })().catch(this.log);
    }, this.tickMs.figures);
    this.pendingFigures.set(sessionId, t);
  }

  /** Counts a reaction; lossy by design (issue 3), flushed as one burst per tick. */
  react(sessionId: string, kind: Reaction): void {
    const c = this.reactions.get(sessionId) ?? {};
    c[kind] = Math.min(999, (c[kind] ?? 0) + 1);
    this.reactions.set(sessionId, c);
  }

  private flushReactions(): void {
    for (const [sessionId, counts] of this.reactions) this.nsp.to(rooms.all(sessionId)).emit('reaction:burst', counts);
    this.reactions.clear();
  }

  close(): void {
    clearInterval(this.reactionTimer);
    for (const t of [...this.pendingCount.values(), ...this.pendingFigures.values()]) clearTimeout(t);
  }
}
