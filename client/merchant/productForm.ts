/**
 * The product form's state (strings, as inputs hold them) and its conversion to the API's
 * ProductCreate / ProductUpdate body, plus mapping server `issues` onto form fields. Plain logic.
 */
import type { Product, ProductCreate } from '../../server/protocol/api.js';
import type { Category, ProductAttributes } from '../../server/protocol/catalog.js';
import type { FieldIssue } from '../lib/api.js';

export type AttributeGroup = 'eyewear' | 'wrist' | 'hat' | 'sizes';

/** Which attribute groups the form shows for a category. */
export function attributeGroups(category: Category): AttributeGroup[] {
  switch (category) {
    case 'sunglasses':
    case 'optical':
      return ['eyewear'];
    case 'watches':
    case 'bracelets':
      return ['wrist'];
    case 'hats':
      return ['hat', 'sizes'];
    case 'apparel':
    case 'footwear':
      return ['sizes'];
    default:
      return [];
  }
}

export interface ProductFormState {
  name: string;
  description: string;
  category: Category;
  /** Major units as typed, e.g. "129.00". */
  price: string;
  stock: string;
  material: string;
  colors: string[];
  /** Colours the shopper chooses between (name as typed, #rrggbb). */
  colorOptions: { name: string; hex: string }[];
  sizes: string;
  frameWidthMm: string;
  frameShape: string;
  frameColor: string;
  /** Empty = clear lenses (null tint). */
  lensTint: string;
  lensOpacity: string;
  caseDiameterMm: string;
  caseColor: string;
  dialColor: string;
  strapColor: string;
  strapWidthMm: string;
  hatStyle: string;
  headCircumferenceCm: string;
}

export const EMPTY_FORM: ProductFormState = {
  name: '',
  description: '',
  category: 'sunglasses',
  price: '',
  stock: '0',
  material: '',
  colors: [],
  colorOptions: [],
  sizes: '',
  frameWidthMm: '',
  frameShape: '',
  frameColor: '',
  lensTint: '',
  lensOpacity: '',
  caseDiameterMm: '',
  caseColor: '',
  dialColor: '',
  strapColor: '',
  strapWidthMm: '',
  hatStyle: '',
  headCircumferenceCm: '',
};

const str = (v: number | string | null | undefined) => (v === undefined || v === null ? '' : String(v));

/** The form filled from an existing product. */
export function formFromProduct(p: Product, minorPerMajor = 100): ProductFormState {
  const a = p.attributes;
  const digits = Math.round(Math.log10(minorPerMajor));
  return {
    name: p.name,
    description: p.description,
    category: p.category,
    price: (p.price.amount / minorPerMajor).toFixed(digits),
    stock: String(p.stock),
    material: str(a.material),
    colors: [...(a.colors ?? [])],
    colorOptions: (a.colorOptions ?? []).map((c) => ({ ...c })),
    sizes: (a.sizes ?? []).join(', '),
    frameWidthMm: str(a.frameWidthMm),
    frameShape: str(a.frameShape),
    frameColor: str(a.frameColor),
    lensTint: str(a.lensTint),
    lensOpacity: str(a.lensOpacity),
    caseDiameterMm: str(a.caseDiameterMm),
    caseColor: str(a.caseColor),
    dialColor: str(a.dialColor),
    strapColor: str(a.strapColor),
    strapWidthMm: str(a.strapWidthMm),
    hatStyle: str(a.hatStyle),
    headCircumferenceCm: str(a.headCircumferenceCm),
  };
}

/** Field name → message, keyed like the form's fields ("price", "frameWidthMm", "colors"). */
export type FieldErrors = Partial<Record<keyof ProductFormState | 'form', string>>;

function num(raw: string): number | undefined {
  if (raw.trim() === '') return undefined;
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * The API body for the form, or the field errors found before sending (numbers that are not numbers).
 * Range checks are the server's: its issues come back through `fieldErrorsFromIssues`.
 */
export function formToPayload(
  f: ProductFormState,
  currency: string,
  minorPerMajor = 100,
): { ok: true; body: Required<Pick<ProductCreate, 'attributes'>> & ProductCreate } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const price = num(f.price);
  if (price === undefined || Number.isNaN(price)) errors.price = 'Enter a price, e.g. 49.90';
  const stock = num(f.stock);
  if (stock === undefined || Number.isNaN(stock) || !Number.isInteger(stock)) errors.stock = 'Enter a whole number of units';

  const groups = new Set(attributeGroups(f.category));
  const attributes: ProductAttributes = {};
  const setNum = (key: keyof ProductFormState & keyof ProductAttributes, group: AttributeGroup) => {
    if (!groups.has(group)) return;
    const v = num(f[key] as string);
    if (v === undefined) return;
    if (Number.isNaN(v)) errors[key] = 'Enter a number';
    else (attributes as Record<string, unknown>)[key] = v;
  };
  const setStr = (key: keyof ProductFormState & keyof ProductAttributes, group: AttributeGroup | null) => {
    if (group && !groups.has(group)) return;
    const v = (f[key] as string).trim();
    if (v) (attributes as Record<string, unknown>)[key] = v;
  };

  setStr('material', null);
  if (f.colors.length > 0) attributes.colors = [...f.colors];
  if (f.colorOptions.length > 0) {
    const options = f.colorOptions.map((c) => ({ name: c.name.trim(), hex: c.hex }));
    const names = options.map((c) => c.name.toLowerCase());
    if (names.some((n) => !n)) errors.colorOptions = 'Name every colour the shopper can choose, e.g. Navy';
    else if (new Set(names).size < names.length) errors.colorOptions = 'Give each colour a different name';
    else attributes.colorOptions = options;
  }
  setNum('frameWidthMm', 'eyewear');
  setStr('frameShape', 'eyewear');
  setStr('frameColor', 'eyewear');
  if (groups.has('eyewear')) attributes.lensTint = f.lensTint.trim() || null;
  setNum('lensOpacity', 'eyewear');
  setNum('caseDiameterMm', 'wrist');
  setStr('caseColor', 'wrist');
  setStr('dialColor', 'wrist');
  setStr('strapColor', 'wrist');
  setNum('strapWidthMm', 'wrist');
  setStr('hatStyle', 'hat');
  setNum('headCircumferenceCm', 'hat');
  if (groups.has('sizes')) {
    const sizes = f.sizes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (sizes.length > 0) attributes.sizes = [...new Set(sizes)];
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      name: f.name.trim(),
      description: f.description,
      category: f.category,
      price: { amount: Math.round(price! * minorPerMajor), currency },
      stock: stock!,
      attributes,
    },
  };
}

/** Puts the server's validation issues on the form's fields; issues that match no field go to "form". */
export function fieldErrorsFromIssues(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const [head, second] = issue.path;
    let field: keyof FieldErrors = 'form';
    if (head === 'attributes' && typeof second === 'string' && second in EMPTY_FORM) field = second as keyof ProductFormState;
    else if (head === 'price') field = 'price';
    else if (typeof head === 'string' && head in EMPTY_FORM) field = head as keyof ProductFormState;
    const msg = field === 'form' && issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
    errors[field] ??= msg;
  }
  return errors;
}
