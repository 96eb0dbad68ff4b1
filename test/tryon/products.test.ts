import { Box3, type Mesh, type MeshPhysicalMaterial, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { buildEyewear } from '../../client/tryon/products/eyewear.js';
import { buildHat } from '../../client/tryon/products/hat.js';
import { buildWatch } from '../../client/tryon/products/watch.js';

const size = (o: Parameters<Box3['setFromObject']>[0]) => new Box3().setFromObject(o).getSize(new Vector3());

describe('generated products', () => {
  it.each([
    ['aviator', 140],
    ['round', 128],
    ['rectangle', 152],
    ['cat-eye', 136],
    ['square', 145],
    ['oval', 120],
  ] as const)('a %s frame listed %d mm wide is that wide hinge to hinge', (frameShape, frameWidthMm) => {
    const { group, lenses, temples } = buildEyewear({ frameShape, frameWidthMm, frameColor: '#222222', lensTint: '#334455', lensOpacity: 0.7 });
    temples.forEach((t) => (t.visible = false));
    const s = size(group);
    expect(s.x).toBeGreaterThan(frameWidthMm - 1.5);
    expect(s.x).toBeLessThan(frameWidthMm + 1.5);
    expect(lenses).toHaveLength(2);
    const lensBox = new Box3().setFromObject(lenses[0]!);
    // The two lenses sit on either side of the bridge, each a third of the width or more.
    expect(lensBox.getSize(new Vector3()).x).toBeGreaterThan(frameWidthMm / 3);
    expect(lensBox.min.x).toBeGreaterThan(0);
  });

  it('gives tinted lenses the product tint and opacity, and clear optical lenses near transparency', () => {
    const tinted = buildEyewear({ lensTint: '#3a4a3a', lensOpacity: 0.75 }).lenses[0]!.material as MeshPhysicalMaterial;
    expect(tinted.transparent).toBe(true);
    expect(tinted.opacity).toBeCloseTo(0.75, 5);
    expect(tinted.color.getHexString()).toBe(new (tinted.color.constructor as any)('#3a4a3a').getHexString());
    const clear = buildEyewear({ lensTint: null }).lenses[0]!.material as MeshPhysicalMaterial;
    expect(clear.opacity).toBeLessThan(0.15);
  });

  it('puts temples behind the frame front, reaching back over the ears', () => {
    const { temples } = buildEyewear({ frameWidthMm: 140 });
    for (const t of temples) {
      const b = new Box3().setFromObject(t);
      expect(b.min.z).toBeLessThan(-120);
      expect(Math.abs(b.getCenter(new Vector3()).x)).toBeGreaterThan(65);
    }
  });

  it.each([34, 38, 44])('a %d mm watch has a case of that diameter on the back of the wrist', (caseDiameterMm) => {
    const { caseMesh, group } = buildWatch({ caseDiameterMm, caseColor: '#b0b4b8', dialColor: '#1d2a1f', strapColor: '#6b4a2b' });
    const s = size(caseMesh);
    expect(s.x).toBeCloseTo(caseDiameterMm, 1);
    expect(s.y).toBeCloseTo(caseDiameterMm, 1);
    expect(new Box3().setFromObject(caseMesh).min.z).toBeGreaterThanOrEqual(0);
    // The strap wraps the wrist: it reaches below the wrist's centre line.
    const strap = group.getObjectByName('strap') as Mesh;
    expect(new Box3().setFromObject(strap).min.z).toBeLessThan(-35);
  });

  it('scales a hat with the head circumference', () => {
    const small = size(buildHat({ hatStyle: 'fedora', headCircumferenceCm: 54 }));
    const large = size(buildHat({ hatStyle: 'fedora', headCircumferenceCm: 61 }));
    expect(large.x / small.x).toBeGreaterThan(1.08);
    expect(large.x / small.x).toBeLessThan(1.16);
  });
});
