/**
 * The viewer's copy of a session's event log: accepts events from join/sync acks and live
 * broadcasts in any order and with repeats, and hands each one to the page exactly once, in
 * sequence order. A gap (a missed number) is held until filled by a sync. Plain TS, no DOM.
 */
import type { LiveEvent } from '../../server/protocol/live.js';

export class LiveFeed {
  private last: number;
  private readonly pending = new Map<number, LiveEvent>();

  /** `lastSeq`: the last number already applied (0 for a new viewer; from storage after a reload). */
  constructor(
    lastSeq: number,
    private readonly apply: (e: LiveEvent) => void,
  ) {
    this.last = lastSeq;
  }

  get lastSeq(): number {
    return this.last;
  }

  /** True while an event with a higher number waits for a missing one. */
  get hasGap(): boolean {
    return this.pending.size > 0;
  }

  /** Starts from a snapshot: everything up to `seq` is already reflected in it. */
  resetTo(seq: number): void {
    this.last = Math.max(this.last, seq);
    for (const k of this.pending.keys()) if (k <= this.last) this.pending.delete(k);
  }

  /** Offers events; returns how many were applied now. */
  push(events: LiveEvent | LiveEvent[]): number {
    let applied = 0;
    for (const e of Array.isArray(events) ? events : [events]) {
      if (e.seq > this.last) this.pending.set(e.seq, e);
    }
    for (let next = this.pending.get(this.last + 1); next; next = this.pending.get(this.last + 1)) {
      this.pending.delete(next.seq);
      this.last = next.seq;
      this.apply(next);
      applied++;
    }
    return applied;
  }
}
