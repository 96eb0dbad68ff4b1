/** Size buttons as a radio group: one tap picks, the chosen one is pressed. */
export function SizePicker({ sizes, value, onChange }: { sizes: string[]; value: string; onChange(size: string): void }) {
  return (
    <fieldset className="sizes">
      <legend>Size{value ? `: ${value}` : ''}</legend>
      <div role="radiogroup" aria-label="Size" className="sizes-row">
        {sizes.map((s) => (
          <button key={s} type="button" role="radio" aria-checked={value === s} className="size" onClick={() => onChange(s)}>
            {s}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
