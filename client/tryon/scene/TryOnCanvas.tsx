/** The 3D layer over the camera picture: a transparent canvas with the frame's aspect and pixel scale. */
import { Canvas, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Object3D } from 'three';
import { FrameCamera } from './FrameCamera.js';
import type { FrameState } from './frameState.js';
import { Lighting } from './Lighting.js';
import { ProductRig } from './ProductRig.js';

interface Props {
  state: FrameState;
  /** The frame size (React state: changes only with the source), mirrored in `state.frame`. */
  frame: { width: number; height: number };
  product: Object3D;
  occluder: Object3D;
  /** Device pixel ratio cap: software WebGL (headless tests) renders at 1. */
  maxDpr?: number;
}

/** Lets the tracking loop request renders. */
function Invalidator({ state }: { state: FrameState }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    state.invalidate = () => invalidate();
    invalidate();
  }, [invalidate, state]);
  return null;
}

export function TryOnCanvas({ state, frame, product, occluder, maxDpr = 2 }: Props) {
  return (
    <Canvas
      className="tryon-canvas"
      dpr={[1, maxDpr]}
      frameloop="demand"
      // Keeps the last frame readable for the snapshot (camera + 3D composited).
      gl={{ alpha: true, antialias: true, preserveDrawingBuffer: true }}
      aria-hidden="true"
    >
      <Invalidator state={state} />
      <FrameCamera frame={frame} />
      <Lighting />
      <ProductRig state={state} product={product} occluder={occluder} />
    </Canvas>
  );
}
