/**
 * The One-Euro filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose cutoff rises with
 * speed, so a still face does not jitter and a moving one is followed with little lag.
 */
import { normalizeQuat, type Quat, type V3 } from './vec.js';

export interface OneEuroParams {
  /** Cutoff (Hz) at rest: lower removes more jitter. */
  minCutoff: number;
  /** How fast the cutoff rises with speed: higher reduces lag on motion. */
  beta: number;
  /** Cutoff (Hz) for the speed estimate. */
  dCutoff: number;
}

/** Tuned on a still photo with sensor noise and a head turn (see `npm run bench:tryon`). */
export const DEFAULT_ONE_EURO: OneEuroParams = { minCutoff: 1.0, beta: 0.02, dCutoff: 1.0 };

const alpha = (cutoff: number, dt: number) => {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau / dt);
};

/** A One-Euro filter over one number. Feed it with timestamps in seconds. */
export class OneEuro {
  private x: number | null = null;
  private dx = 0;
  private t = 0;
  constructor(private readonly p: OneEuroParams = DEFAULT_ONE_EURO) {}

  /** Filters a sample taken at time `t` (seconds); a repeated or older time returns the last value. */
  filter(value: number, t: number): number {
    if (this.x === null) {
      this.x = value;
      this.t = t;
      return value;
    }
    const dt = t - this.t;
    if (dt <= 0) return this.x;
    this.t = t;
    const dValue = (value - this.x) / dt;
    this.dx += alpha(this.p.dCutoff, dt) * (dValue - this.dx);
    const cutoff = this.p.minCutoff + this.p.beta * Math.abs(this.dx);
    this.x += alpha(cutoff, dt) * (value - this.x);
    return this.x;
  }

  /** Forgets the history, so the next sample is taken as is (after tracking was lost). */
  reset(): void {
    this.x = null;
    this.dx = 0;
  }
}

/** One-Euro over a 3D point, one filter per axis. */
export class OneEuroV3 {
  private readonly f: [OneEuro, OneEuro, OneEuro];
  constructor(p: OneEuroParams = DEFAULT_ONE_EURO) {
    this.f = [new OneEuro(p), new OneEuro(p), new OneEuro(p)];
  }
  filter(v: V3, t: number): V3 {
    return { x: this.f[0].filter(v.x, t), y: this.f[1].filter(v.y, t), z: this.f[2].filter(v.z, t) };
  }
  reset(): void {
    for (const f of this.f) f.reset();
  }
}

/**
 * One-Euro over a rotation: filters the quaternion's components, keeping each sample in the same
 * hemisphere as the last (q and -q are the same rotation) and renormalising.
 */
export class OneEuroQuat {
  private readonly f: OneEuro[];
  private last: Quat | null = null;
  constructor(p: OneEuroParams = DEFAULT_ONE_EURO) {
    this.f = [0, 1, 2, 3].map(() => new OneEuro(p));
  }
  filter(q: Quat, t: number): Quat {
    let s = q;
    const l = this.last;
    if (l && l.x * q.x + l.y * q.y + l.z * q.z + l.w * q.w < 0) s = { x: -q.x, y: -q.y, z: -q.z, w: -q.w };
    const [fx, fy, fz, fw] = this.f as [OneEuro, OneEuro, OneEuro, OneEuro];
    const out = normalizeQuat({ x: fx.filter(s.x, t), y: fy.filter(s.y, t), z: fz.filter(s.z, t), w: fw.filter(s.w, t) });
    this.last = out;
    return out;
  }
  reset(): void {
    for (const f of this.f) f.reset();
    this.last = null;
  }
}
