/** Replay maths: where each event sits on the session's timeline, and the state at any moment. Plain TS. */
import type { LiveEvent } from '../../server/protocol/live.js';
import { applyEvent, emptyState, type LiveState } from './state.js';

/** Milliseconds from the first event to each event. */
export function timeline(events: LiveEvent[]): { startMs: number; durationMs: number; offsets: number[] } {
  if (events.length === 0) return { startMs: 0, durationMs: 0, offsets: [] };
  const startMs = Date.parse(events[0]!.at);
  const offsets = events.map((e) => Math.max(0, Date.parse(e.at) - startMs));
  return { startMs, durationMs: Math.max(...offsets), offsets };
}

/** The page state after every event up to `positionMs` into the session. */
export function stateAt(events: LiveEvent[], offsets: number[], positionMs: number): LiveState {
  let s = emptyState();
  for (let i = 0; i < events.length && offsets[i]! <= positionMs; i++) s = applyEvent(s, events[i]!);
  return s;
}
