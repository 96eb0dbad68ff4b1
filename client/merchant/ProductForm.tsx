import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { Product } from '../../server/protocol/api.js';
import { CATEGORIES, type Category, tryOnKind } from '../../server/protocol/catalog.js';
import { ApiError, errorMessage, merchantApi } from '../lib/api.js';
import { categoryLabel, minorPerMajor } from '../lib/shopFilters.js';
import { toast } from '../lib/toasts.js';
import { AttributeFields } from './AttributeFields.js';
import { Field } from './Field.js';
import { PhotoUpload } from './PhotoUpload.js';
import { EMPTY_FORM, type FieldErrors, fieldErrorsFromIssues, formFromProduct, formToPayload, type ProductFormState } from './productForm.js';

// three.js comes with the try-on model control: load it only for tryable products.
const ModelUpload = lazy(() => import('../tryon/ModelUpload.js').then((m) => ({ default: m.ModelUpload })));

interface Props {
  token: string;
  currency: string;
  /** The product to edit; absent to create one. */
  product?: Product;
  onClose(): void;
}

/** Create or edit a product: every field including category attributes, server field errors, then photos. */
export function ProductForm({ token, currency, product: initial, onClose }: Props) {
  const qc = useQueryClient();
  const unit = minorPerMajor(currency);
  const [product, setProduct] = useState<Product | undefined>(initial);
  const [form, setForm] = useState<ProductFormState>(initial ? formFromProduct(initial, unit) : EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof ProductFormState>(key: K, value: ProductFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const res = formToPayload(form, currency, unit);
    if (!res.ok) return setErrors(res.errors);
    setSaving(true);
    setErrors({});
    try {
      const saved = product
        ? await merchantApi.updateProduct(token, product.id, res.body)
        : await merchantApi.createProduct(token, res.body);
      setProduct(saved);
      qc.setQueryData(['product', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['products'] });
      toast.success(product ? 'Product saved' : 'Product created: add photos below');
    } catch (err) {
      if (err instanceof ApiError && err.issues.length > 0) setErrors(fieldErrorsFromIssues(err.issues));
      else setErrors({ form: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="page-narrow">
      <div className="toolbar">
        <button type="button" className="btn" onClick={onClose}>
          ← Catalog
        </button>
        <h2 style={{ margin: 0 }}>{product ? `Edit ${product.name}` : 'New product'}</h2>
      </div>
      <form className="form" onSubmit={save} noValidate aria-label="Product">
        {errors.form && (
          <div className="alert alert-error" role="alert">
            {errors.form}
          </div>
        )}
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} required maxLength={120} value={form.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(p) => <textarea {...p} maxLength={4000} value={form.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <div className="form-grid">
          <Field label="Category" error={errors.category}>
            {(p) => (
              <select {...p} value={form.category} onChange={(e) => set('category', e.target.value as Category)}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`Price (${currency})`} error={errors.price}>
            {(p) => <input {...p} inputMode="decimal" value={form.price} onChange={(e) => set('price', e.target.value)} placeholder="49.90" />}
          </Field>
          <Field label="Stock" error={errors.stock}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} step={1} value={form.stock} onChange={(e) => set('stock', e.target.value)} />}
          </Field>
          <Field label="Material" error={errors.material}>
            {(p) => <input {...p} maxLength={60} value={form.material} onChange={(e) => set('material', e.target.value)} />}
          </Field>
        </div>
        <AttributeFields form={form} errors={errors} set={set} />
        <button type="submit" className="btn btn-primary btn-lg" disabled={saving}>
          {saving ? 'Saving…' : product ? 'Save changes' : 'Create product'}
        </button>
      </form>
      {product && (
        <div style={{ marginTop: 16 }}>
          <PhotoUpload token={token} product={product} onChanged={setProduct} />
        </div>
      )}
      {product && tryOnKind(product.category) && (
        <div style={{ marginTop: 16 }}>
          <Suspense fallback={<p className="muted">Loading the 3D model tools…</p>}>
            <ModelUpload token={token} product={product} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
