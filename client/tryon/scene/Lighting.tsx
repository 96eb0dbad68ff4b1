/** Image-based lighting for PBR materials from three's RoomEnvironment (generated, so it works offline). */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { PMREMGenerator } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';

export function Lighting() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    const pmrem = new PMREMGenerator(gl);
    const env = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
    scene.environment = env;
    // RoomEnvironment's panels are 17-100x brighter than its walls: at full strength its irradiance
    // lifts a dark leather or acetate ~8x (measured on a lens: sRGB 58 → 160). A tenth keeps
    // albedos close to the product's colours while metals still reflect the room.
    scene.environmentIntensity = 0.12;
    return () => {
      scene.environment = null;
      env.dispose();
      pmrem.dispose();
    };
  }, [gl, scene]);
  // A key light from above-front gives the frame its highlight along the top rim.
  return (
    <>
      <ambientLight intensity={0.6} />
      <directionalLight position={[0.3, 1, 1]} intensity={2} />
    </>
  );
}
