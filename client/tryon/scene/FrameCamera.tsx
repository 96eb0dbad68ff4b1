/** An orthographic camera whose view is exactly the video frame: one world unit = one frame pixel. */
import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import { OrthographicCamera } from 'three';
import type { FrameSize } from '../math/spaces.js';

// Far enough that a head (a few hundred px deep) is never clipped.
const DEPTH = 20000;

export function FrameCamera({ frame }: { frame: FrameSize }) {
  const set = useThree((s) => s.set);
  const camera = useMemo(() => {
    const cam = new OrthographicCamera(0, frame.width, frame.height, 0, 1, DEPTH);
    cam.position.set(0, 0, DEPTH / 2);
    // R3F must not refit the frustum to the canvas: the canvas already has the frame's aspect.
    (cam as OrthographicCamera & { manual?: boolean }).manual = true;
    cam.updateProjectionMatrix();
    return cam;
  }, [frame.width, frame.height]);
  useLayoutEffect(() => set({ camera }), [camera, set]);
  return null;
}
