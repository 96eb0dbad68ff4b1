/** PBR materials for generated products: metal, acetate, leather and tinted see-through lenses. */
import { Color, DoubleSide, MeshPhysicalMaterial, MeshStandardMaterial } from 'three';

/** Polished metal (gold, steel) that reflects the environment map. */
export function metal(hex: string, roughness = 0.25): MeshStandardMaterial {
  return new MeshStandardMaterial({ color: new Color(hex), metalness: 1, roughness });
}

/** Acetate or plastic with a clear lacquer on top. */
export function acetate(hex: string): MeshPhysicalMaterial {
  return new MeshPhysicalMaterial({ color: new Color(hex), metalness: 0, roughness: 0.35, clearcoat: 1, clearcoatRoughness: 0.08 });
}

/** Leather or fabric: rough, no shine. */
export function matte(hex: string, roughness = 0.8): MeshStandardMaterial {
  return new MeshStandardMaterial({ color: new Color(hex), metalness: 0, roughness, side: DoubleSide });
}

/**
 * A lens: tinted and see-through by the product's lens opacity (0 = clear, 1 = opaque), glossy so the
 * environment shows in it. A clear optical lens keeps a faint reflection so it still reads as glass.
 */
export function lens(tint: string | null | undefined, opacity: number | undefined): MeshPhysicalMaterial {
  const tinted = Boolean(tint);
  return new MeshPhysicalMaterial({
    color: new Color(tint ?? '#ffffff'),
    metalness: 0,
    roughness: 0.08,
    // A bright room reflected at full strength washes a dark lens out to white; real lenses have an
    // anti-reflective coating, so the reflection stays a sheen.
    envMapIntensity: 0.25,
    specularIntensity: 0.6,
    transparent: true,
    opacity: tinted ? Math.min(0.95, Math.max(0.15, opacity ?? 0.7)) : 0.08,
    depthWrite: false,
    side: DoubleSide,
  });
}

/** Whether a frame reads as metal from its shape or material text (aviators are wire frames). */
export function isMetalFrame(shape: string | undefined, material: string | undefined): boolean {
  if (material) return /metal|titanium|gold|steel|silver|wire/i.test(material);
  return shape === 'aviator' || shape === 'round';
}
