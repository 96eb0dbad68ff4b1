import { forwardRef, useId } from 'react';

interface Props {
  /** Names the group for assistive tech, e.g. "Size for Denim jacket". */
  label: string;
  sizes: readonly string[];
  value: string;
  onChange(size: string): void;
  /** Shown under the legend when a size is still missing after a tap on Add. */
  invalid?: boolean;
}

/**
 * Sizes as native radio buttons drawn as large tiles: arrow keys move between them, one tap picks,
 * and the group's legend says what is chosen.
 */
export const SizeChoice = forwardRef<HTMLFieldSetElement, Props>(function SizeChoice({ label, sizes, value, onChange, invalid }, ref) {
  // A name per control: the same product can be offered twice on one page (two Discover groups).
  const name = useId();
  return (
    <fieldset className={`sizes${invalid ? ' is-invalid' : ''}`} ref={ref} aria-label={label}>
      <legend aria-hidden="true">Size{value ? `: ${value}` : ''}</legend>
      <div className="sizes-row">
        {sizes.map((s) => (
          <label key={s} className="size">
            <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} />
            <span>{s}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
});
