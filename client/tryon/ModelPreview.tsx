/** A turning preview of a product's 3D model at its real size (millimetres), for the merchant. */
import { Canvas, useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group, Object3D } from 'three';
import { Lighting } from './scene/Lighting.js';

function Turntable({ object }: { object: Object3D }) {
  const g = useRef<Group>(null);
  useFrame((_, delta) => {
    if (g.current) g.current.rotation.y += delta * 0.6;
  });
  return (
    <group ref={g}>
      <primitive object={object} />
    </group>
  );
}

export function ModelPreview({ object, label }: { object: Object3D; label: string }) {
  return (
    <figure className="tryon-preview">
      <div className="tryon-preview-canvas">
        {/* A 60° camera 260 mm away frames a 150 mm wide frame or a hat. */}
        <Canvas camera={{ position: [0, 40, 260], fov: 45, near: 1, far: 2000 }} dpr={[1, 2]}>
          <Lighting />
          <Turntable object={object} />
        </Canvas>
      </div>
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
