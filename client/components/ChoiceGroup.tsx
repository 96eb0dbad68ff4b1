import { forwardRef, useId } from 'react';

interface Props {
  /** Names the group for assistive tech, e.g. "Size for Denim jacket", "Colour for Court Sneaker". */
  label: string;
  /** The legend's word: "Size" or "Colour" ("Size: M" once chosen). */
  what: string;
  /** The options' names (said and shown in words); colours bring a swatch. */
  options: readonly { name: string; hex?: string }[];
  value: string;
  onChange(name: string): void;
  /** Marks the group when a pick is still missing after a tap on Add. */
  invalid?: boolean;
}

/**
 * One choice (sizes, colours) as native radio buttons drawn as large tiles: arrow keys move between
 * them, one tap picks, the legend says what is chosen, and a colour is its name beside its swatch
 * (a screen reader reads "Navy", not a hex code).
 */
export const ChoiceGroup = forwardRef<HTMLFieldSetElement, Props>(function ChoiceGroup({ label, what, options, value, onChange, invalid }, ref) {
  // A name per control: the same product can be offered twice on one page (two Discover groups).
  const name = useId();
  return (
    <fieldset className={`sizes${invalid ? ' is-invalid' : ''}`} ref={ref} aria-label={label}>
      <legend aria-hidden="true">
        {what}
        {value ? `: ${value}` : ''}
      </legend>
      <div className="sizes-row">
        {options.map((o) => (
          <label key={o.name} className="size">
            <input type="radio" name={name} value={o.name} checked={value === o.name} onChange={() => onChange(o.name)} />
            {/* The swatch is an <i>, so the tile's span styles skip it; it sits beside the name. */}
            <span style={o.hex ? { gridAutoFlow: 'column', gap: 8 } : undefined}>
              {o.hex ? <i className="swatch" aria-hidden="true" style={{ background: o.hex }} /> : null}
              {o.name}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
});

/** Sizes as choice options. */
export const sizeOptions = (sizes: readonly string[]) => sizes.map((name) => ({ name }));
