/**
 * The per-frame data the scene reads inside useFrame: written by the tracking loop, never through
 * React state (it changes 30 times a second).
 */
import type { FrameSize } from '../math/spaces.js';
import type { Placement } from '../tracking/placement.js';

export interface FrameState {
  frame: FrameSize;
  placement: Placement | null;
  /** Incremented by the tracking loop on each new placement (render on demand, benchmarks). */
  version: number;
  /** Incremented by the scene after it rendered a new placement. */
  renderedVersion: number;
  /** Asks the scene for a render (the canvas renders on demand, not 60 times a second). */
  invalidate: () => void;
}

export function createFrameState(frame: FrameSize): FrameState {
  return { frame, placement: null, version: 0, renderedVersion: 0, invalidate: () => undefined };
}

/** Resolves once the scene has drawn `version` (or after ~10 display frames, whichever is first). */
export function waitRendered(state: FrameState, version: number): Promise<void> {
  state.invalidate();
  return new Promise((resolve) => {
    let frames = 0;
    const check = () => {
      if (state.renderedVersion >= version || ++frames > 10) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
