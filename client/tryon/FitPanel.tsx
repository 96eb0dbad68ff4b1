/** Fit help for eyewear: estimated pupillary distance and face width, a size suggestion, and an honest note. */
import type { FaceFit } from './math/faceMetrics.js';
import { frameFit } from './math/faceMetrics.js';

export function FitPanel({ fit, frameWidthMm }: { fit: FaceFit | null; frameWidthMm?: number }) {
  if (!fit) return <p className="muted tryon-fit">Fit help appears once your face is found.</p>;
  const productFit = frameWidthMm ? frameFit(frameWidthMm) : null;
  return (
    <section className="tryon-fit" aria-labelledby="fit-title">
      <h3 id="fit-title">Fit estimate</h3>
      <dl>
        <dt>Pupillary distance</dt>
        <dd data-testid="fit-pd">{Math.round(fit.pupillaryDistanceMm)} mm</dd>
        <dt>Face width</dt>
        <dd data-testid="fit-face">{Math.round(fit.faceWidthMm)} mm</dd>
        <dt>Suggested frame size</dt>
        <dd data-testid="fit-suggestion">
          {fit.suggestion} ({fit.frameWidthRangeMm[0]}–{fit.frameWidthRangeMm[1]} mm)
        </dd>
      </dl>
      {productFit && frameWidthMm && (
        <p>
          This frame is {frameWidthMm} mm wide: {productFit === fit.suggestion ? 'a good match for you' : `a ${productFit} size`}.
        </p>
      )}
      <p className="muted">{fit.note}</p>
    </section>
  );
}
