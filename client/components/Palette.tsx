import { colourName, paletteWords } from '../lib/purchase.js';

/** The product's colours as swatches with their names in words (for people and screen readers alike). */
export function Palette({ colors }: { colors: readonly string[] }) {
  if (colors.length === 0) return null;
  const words = paletteWords(colors);
  return (
    <p className="palette">
      <span className="swatches" aria-hidden="true">
        {colors.map((c) => (
          <span key={c} className="swatch" style={{ background: c }} title={colourName(c)} />
        ))}
      </span>
      <span className="muted">{words ? `Colour: ${words}` : null}</span>
    </p>
  );
}
