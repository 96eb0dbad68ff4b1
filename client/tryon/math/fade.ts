/**
 * Fading the product out when tracking is lost and back in when it returns, instead of jumping:
 * the last pose is held while the opacity falls, and the filters restart on the new pose.
 */
export interface FadeState {
  opacity: number;
  tracked: boolean;
  /** True on the step where tracking came back: the caller resets its filters. */
  reacquired: boolean;
}

export const FADE_IN_S = 0.15;
export const FADE_OUT_S = 0.35;

/** Advances the fade by `dt` seconds given whether the tracker found the body part this frame. */
export function fadeStep(prev: FadeState, tracked: boolean, dt: number): FadeState {
  const step = Math.max(0, dt);
  // Coming back from fully faded: the caller snaps to the new pose, then fades in.
  const reacquired = tracked && !prev.tracked && prev.opacity <= 0;
  const opacity = tracked ? Math.min(1, prev.opacity + step / FADE_IN_S) : Math.max(0, prev.opacity - step / FADE_OUT_S);
  return { opacity, tracked, reacquired };
}

export const FADE_HIDDEN: FadeState = { opacity: 0, tracked: false, reacquired: false };
