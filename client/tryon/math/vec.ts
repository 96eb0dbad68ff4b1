/** Small allocation-light 3D vector and rotation helpers for the try-on maths (no three.js import). */
import type { Xyz } from './spaces.js';

export type V3 = Xyz;
/** A rotation as a unit quaternion. */
export interface Quat {
  x: number;
  y: number;
  z: number;
  w: number;
}
/** A 3x3 rotation as three orthonormal column axes. */
export interface Basis {
  x: V3;
  y: V3;
  z: V3;
}

export const v3 = (x: number, y: number, z: number): V3 => ({ x, y, z });
export const add = (a: V3, b: V3): V3 => v3(a.x + b.x, a.y + b.y, a.z + b.z);
export const sub = (a: V3, b: V3): V3 => v3(a.x - b.x, a.y - b.y, a.z - b.z);
export const scale = (a: V3, s: number): V3 => v3(a.x * s, a.y * s, a.z * s);
export const dot = (a: V3, b: V3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross = (a: V3, b: V3): V3 => v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
export const length = (a: V3): number => Math.hypot(a.x, a.y, a.z);
export const distance = (a: V3, b: V3): number => length(sub(a, b));
export const mid = (a: V3, b: V3): V3 => scale(add(a, b), 0.5);

/** The unit vector along `a` (zero stays zero). */
export function normalize(a: V3): V3 {
  const l = length(a);
  return l > 1e-12 ? scale(a, 1 / l) : v3(0, 0, 0);
}

/** A right-handed orthonormal basis from a primary x direction and an approximate y direction. */
export function basisFromXY(xDir: V3, yApprox: V3): Basis {
  const x = normalize(xDir);
  const z = normalize(cross(x, yApprox));
  const y = cross(z, x);
  return { x, y, z };
}

/** A right-handed orthonormal basis from a primary y direction and an approximate z direction. */
export function basisFromYZ(yDir: V3, zApprox: V3): Basis {
  const y = normalize(yDir);
  const x = normalize(cross(y, zApprox));
  const z = cross(x, y);
  return { x, y, z };
}

/** Determinant of the basis matrix: +1 for right-handed, -1 for mirrored. */
export function handedness(b: Basis): number {
  return dot(cross(b.x, b.y), b.z);
}

/** The quaternion of a rotation basis (Shepperd's method, stable for every angle). */
export function quatFromBasis(b: Basis): Quat {
  const m00 = b.x.x, m01 = b.y.x, m02 = b.z.x;
  const m10 = b.x.y, m11 = b.y.y, m12 = b.z.y;
  const m20 = b.x.z, m21 = b.y.z, m22 = b.z.z;
  const tr = m00 + m11 + m22;
  let q: Quat;
  if (tr > 0) {
    const s = 0.5 / Math.sqrt(tr + 1);
    q = { w: 0.25 / s, x: (m21 - m12) * s, y: (m02 - m20) * s, z: (m10 - m01) * s };
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    q = { w: (m21 - m12) / s, x: 0.25 * s, y: (m01 + m10) / s, z: (m02 + m20) / s };
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    q = { w: (m02 - m20) / s, x: (m01 + m10) / s, y: 0.25 * s, z: (m12 + m21) / s };
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    q = { w: (m10 - m01) / s, x: (m02 + m20) / s, y: (m12 + m21) / s, z: 0.25 * s };
  }
  return normalizeQuat(q);
}

/** The rotation basis of a unit quaternion. */
export function basisFromQuat(q: Quat): Basis {
  const { x, y, z, w } = q;
  return {
    x: v3(1 - 2 * (y * y + z * z), 2 * (x * y + w * z), 2 * (x * z - w * y)),
    y: v3(2 * (x * y - w * z), 1 - 2 * (x * x + z * z), 2 * (y * z + w * x)),
    z: v3(2 * (x * z + w * y), 2 * (y * z - w * x), 1 - 2 * (x * x + y * y)),
  };
}

/** Applies a rotation basis to a vector. */
export function rotate(b: Basis, p: V3): V3 {
  return add(add(scale(b.x, p.x), scale(b.y, p.y)), scale(b.z, p.z));
}

export function normalizeQuat(q: Quat): Quat {
  const l = Math.hypot(q.x, q.y, q.z, q.w) || 1;
  return { x: q.x / l, y: q.y / l, z: q.z / l, w: q.w / l };
}

/** A quaternion from intrinsic yaw (about y), pitch (about x), roll (about z), in radians, applied Y·X·Z. */
export function quatFromEuler(yaw: number, pitch: number, roll: number): Quat {
  const qy = { x: 0, y: Math.sin(yaw / 2), z: 0, w: Math.cos(yaw / 2) };
  const qx = { x: Math.sin(pitch / 2), y: 0, z: 0, w: Math.cos(pitch / 2) };
  const qz = { x: 0, y: 0, z: Math.sin(roll / 2), w: Math.cos(roll / 2) };
  return mulQuat(mulQuat(qy, qx), qz);
}

export function mulQuat(a: Quat, b: Quat): Quat {
  return {
    w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
    x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
    y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
    z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
  };
}

/** The angle between two rotations, in radians (0..π). */
export function quatAngle(a: Quat, b: Quat): number {
  const d = Math.abs(a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w);
  return 2 * Math.acos(Math.min(1, d));
}
