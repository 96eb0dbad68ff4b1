import type { FieldErrors, ProductFormState } from './productForm.js';
import { attributeGroups } from './productForm.js';
import { Field } from './Field.js';

type Set = <K extends keyof ProductFormState>(key: K, value: ProductFormState[K]) => void;
interface Props {
  form: ProductFormState;
  errors: FieldErrors;
  set: Set;
}

const FRAME_SHAPES = ['round', 'rectangle', 'aviator', 'cat-eye', 'square', 'oval'];
const HAT_STYLES = ['cap', 'fedora', 'beanie', 'bucket'];

function NumberField({ k, label, form, errors, set, step = 'any', hint }: Props & { k: keyof ProductFormState; label: string; step?: string; hint?: string }) {
  return (
    <Field label={label} error={errors[k]} hint={hint}>
      {(p) => <input {...p} type="number" inputMode="decimal" step={step} value={form[k] as string} onChange={(e) => set(k, e.target.value as never)} />}
    </Field>
  );
}

function ColorField({ k, label, form, errors, set }: Props & { k: keyof ProductFormState; label: string }) {
  const value = form[k] as string;
  return (
    <Field label={label} error={errors[k]}>
      {(p) => (
        <span className="row-gap" style={{ justifyContent: 'flex-start', alignItems: 'center' }}>
          <input {...p} type="color" className={value ? '' : 'color-unset'} value={value || '#000000'} onChange={(e) => set(k, e.target.value as never)} />
          {value ? (
            <button type="button" className="link-btn" onClick={() => set(k, '' as never)}>
              Clear
            </button>
          ) : (
            <span className="field-hint">not set</span>
          )}
        </span>
      )}
    </Field>
  );
}

function SelectField({ k, label, options, form, errors, set }: Props & { k: keyof ProductFormState; label: string; options: string[] }) {
  return (
    <Field label={label} error={errors[k]}>
      {(p) => (
        <select {...p} value={form[k] as string} onChange={(e) => set(k, e.target.value as never)}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const MAX_COLOR_OPTIONS = 12;

/** Colours the shopper chooses between: a name (said in the shop and on the order) and a swatch each. */
function ColorOptionFields({ form, errors, set }: Props) {
  const opts = form.colorOptions;
  const change = (i: number, part: Partial<{ name: string; hex: string }>) => set('colorOptions', opts.map((c, j) => (j === i ? { ...c, ...part } : c)));
  return (
    <fieldset className="group">
      <legend>Colours to choose from</legend>
      <p className="field-hint">Shoppers pick one of these when adding to the cart; the order names it. Leave empty when there is no choice.</p>
      {opts.map((c, i) => (
        <span key={i} className="row-gap" style={{ justifyContent: 'flex-start', alignItems: 'center', gap: 6 }}>
          <input type="color" aria-label={`Swatch of colour choice ${i + 1}`} value={c.hex} onChange={(e) => change(i, { hex: e.target.value })} />
          <input aria-label={`Name of colour choice ${i + 1}`} placeholder="e.g. Navy" maxLength={24} value={c.name} onChange={(e) => change(i, { name: e.target.value })} />
          <button type="button" className="link-btn" aria-label={`Remove colour choice ${i + 1}`} onClick={() => set('colorOptions', opts.filter((_, j) => j !== i))}>
            ×
          </button>
        </span>
      ))}
      {opts.length < MAX_COLOR_OPTIONS && (
        <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} onClick={() => set('colorOptions', [...opts, { name: '', hex: '#888888' }])}>
          Add colour choice
        </button>
      )}
      {errors.colorOptions && <span className="field-error">{errors.colorOptions}</span>}
    </fieldset>
  );
}

/** The attributes that apply to the product's category: eyewear, wrist, hat and sizes groups, plus the palette and the colours to choose from. */
export function AttributeFields(props: Props) {
  const { form, errors, set } = props;
  const groups = attributeGroups(form.category);
  return (
    <>
      {groups.includes('eyewear') && (
        <fieldset className="group">
          <legend>Eyewear (used by try-on)</legend>
          <div className="form-grid">
            <NumberField {...props} k="frameWidthMm" label="Frame width (mm)" step="1" hint="100–180" />
            <SelectField {...props} k="frameShape" label="Frame shape" options={FRAME_SHAPES} />
            <ColorField {...props} k="frameColor" label="Frame colour" />
            <ColorField {...props} k="lensTint" label="Lens tint (clear if not set)" />
            <NumberField {...props} k="lensOpacity" label="Lens opacity" step="0.05" hint="0 (clear) – 1 (dark)" />
          </div>
        </fieldset>
      )}
      {groups.includes('wrist') && (
        <fieldset className="group">
          <legend>Watch / bracelet (used by try-on)</legend>
          <div className="form-grid">
            <NumberField {...props} k="caseDiameterMm" label="Case diameter (mm)" hint="10–60" />
            <ColorField {...props} k="caseColor" label="Case colour" />
            <ColorField {...props} k="dialColor" label="Dial colour" />
            <ColorField {...props} k="strapColor" label="Strap colour" />
            <NumberField {...props} k="strapWidthMm" label="Strap width (mm)" hint="2–40" />
          </div>
        </fieldset>
      )}
      {groups.includes('hat') && (
        <fieldset className="group">
          <legend>Hat</legend>
          <div className="form-grid">
            <SelectField {...props} k="hatStyle" label="Style" options={HAT_STYLES} />
            <NumberField {...props} k="headCircumferenceCm" label="Head circumference (cm)" hint="40–70" />
          </div>
        </fieldset>
      )}
      {groups.includes('sizes') && (
        <Field label="Sizes" error={errors.sizes} hint="Comma separated, e.g. S, M, L or 39, 40, 41">
          {(p) => <input {...p} value={form.sizes} onChange={(e) => set('sizes', e.target.value)} />}
        </Field>
      )}
      <fieldset className="group">
        <legend>Colours</legend>
        <div className="row-gap" style={{ justifyContent: 'flex-start' }}>
          {form.colors.map((c, i) => (
            <span key={i} className="row-gap" style={{ gap: 4, alignItems: 'center' }}>
              <input
                type="color"
                aria-label={`Colour ${i + 1}`}
                value={c}
                onChange={(e) => set('colors', form.colors.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button type="button" className="link-btn" aria-label={`Remove colour ${i + 1}`} onClick={() => set('colors', form.colors.filter((_, j) => j !== i))}>
                ×
              </button>
            </span>
          ))}
          {form.colors.length < 8 && (
            <button type="button" className="btn" onClick={() => set('colors', [...form.colors, '#888888'])}>
              Add colour
            </button>
          )}
        </div>
        {errors.colors && <span className="field-error">{errors.colors}</span>}
      </fieldset>
      <ColorOptionFields {...props} />
    </>
  );
}
