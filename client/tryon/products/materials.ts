/** PBR materials for generated products: metal, acetate, leather and tinted see-through lenses. */
import { AddEquation, Color, CustomBlending, OneFactor, SrcAlphaFactor, ZeroFactor, DoubleSide, MeshBasicMaterial, MeshPhysicalMaterial, MeshStandardMaterial } from 'three';

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
 * A lens: tinted and see-through by the product's lens opacity (0 = clear, 1 = opaque). Tinted glass
 * absorbs rather than scatters light, so the tint itself is unlit (a lit dark lens turns grey under
 * a bright room); `lensSheen` adds the reflections on top. A clear lens keeps only a faint tint.
 */
export function lens(tint: string | null | undefined, opacity: number | undefined): MeshBasicMaterial {
  const tinted = Boolean(tint);
  return new MeshBasicMaterial({
    color: new Color(tint ?? '#ffffff'),
    transparent: true,
    opacity: tinted ? Math.min(0.95, Math.max(0.15, opacity ?? 0.7)) : 0.06,
    depthWrite: false,
    side: DoubleSide,
  });
}

/** The reflective surface of a lens: black glossy glass added over the tint, so only reflections show. */
export function lensSheen(): MeshPhysicalMaterial {
  return new MeshPhysicalMaterial({
    color: new Color('#000000'),
    metalness: 0,
    roughness: 0.12,
    transparent: true,
    // Adds light to the colour only: the canvas's alpha (how much camera shows through) stays the tint's.
    blending: CustomBlending,
    blendEquation: AddEquation,
    blendSrc: SrcAlphaFactor,
    blendDst: OneFactor,
    blendSrcAlpha: ZeroFactor,
    blendDstAlpha: OneFactor,
    depthWrite: false,
  });
}

/** Whether a frame reads as metal from its shape or material text (aviators are wire frames). */
export function isMetalFrame(shape: string | undefined, material: string | undefined): boolean {
  if (material) return /metal|titanium|gold|steel|silver|wire/i.test(material);
  return shape === 'aviator' || shape === 'round';
}
