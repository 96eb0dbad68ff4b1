/**
 * Puts a product (and its occluder) where the tracking loop placed it, every frame: position,
 * rotation and millimetre scale from `FrameState.placement`, opacity for the fade.
 */
import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Group, Material, Object3D } from 'three';
import type { FrameState } from './frameState.js';

interface Props {
  state: FrameState;
  product: Object3D;
  occluder: Object3D;
}

type Fadeable = Material & { userData: { baseOpacity?: number } };

export function ProductRig({ state, product, occluder }: Props) {
  const rig = useRef<Group>(null);
  const materials = useMemo(() => {
    const list: Fadeable[] = [];
    product.traverse((o) => {
      const m = (o as { material?: Material | Material[] }).material;
      for (const mat of Array.isArray(m) ? m : m ? [m] : []) {
        const f = mat as Fadeable;
        f.userData.baseOpacity ??= f.transparent ? f.opacity : 1;
        list.push(f);
      }
    });
    return list;
  }, [product]);
  const lastOpacity = useRef(-1);

  useLayoutEffect(() => {
    if (rig.current) rig.current.visible = false;
  }, []);

  useFrame(() => {
    const g = rig.current;
    const p = state.placement;
    if (!g) return;
    if (!p || p.opacity <= 0) {
      g.visible = false;
      state.renderedVersion = state.version;
      return;
    }
    g.visible = true;
    g.position.set(p.position.x, p.position.y, p.position.z);
    g.quaternion.set(p.rotation.x, p.rotation.y, p.rotation.z, p.rotation.w);
    g.scale.setScalar(p.pxPerMm);
    if (p.opacity !== lastOpacity.current) {
      lastOpacity.current = p.opacity;
      for (const m of materials) {
        const base = m.userData.baseOpacity ?? 1;
        // Opaque parts become transparent only while fading, so they sort and blend normally otherwise.
        m.transparent = base < 1 || p.opacity < 1;
        m.opacity = base * p.opacity;
        m.needsUpdate = true;
      }
    }
    state.renderedVersion = state.version;
  });

  return (
    <group ref={rig}>
      <primitive object={occluder} />
      <primitive object={product} />
    </group>
  );
}
