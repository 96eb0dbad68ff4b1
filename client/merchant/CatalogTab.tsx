import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { Product } from '../../server/protocol/api.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { Price } from '../components/Price.js';
import { Spinner } from '../components/Spinner.js';
import { StockBadge } from '../components/StockBadge.js';
import { api, errorMessage, merchantApi } from '../lib/api.js';
import { toast } from '../lib/toasts.js';
import { IndexStatusBar } from './IndexStatusBar.js';
import { ProductForm } from './ProductForm.js';

/** The catalog: search, a row per product with edit and delete, and a "New product" form. */
export function CatalogTab({ token, currency }: { token: string; currency: string }) {
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const list = useQuery({ queryKey: ['products', { q: query, merchant: true }], queryFn: () => api.products({ q: query || undefined, limit: 100 }) });

  async function remove(p: Product) {
    if (!confirm(`Delete “${p.name}”? This cannot be undone.`)) return;
    try {
      await merchantApi.deleteProduct(token, p.id);
      toast.success(`Deleted ${p.name}`);
      void qc.invalidateQueries({ queryKey: ['products'] });
    } catch (err) {
      toast.error(errorMessage(err));
    }
  }

  if (editing) {
    return <ProductForm token={token} currency={currency} product={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />;
  }
  return (
    <section aria-label="Catalog">
      <IndexStatusBar token={token} />
      <div className="toolbar">
        <input type="search" placeholder="Search the catalog" aria-label="Search the catalog" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
          New product
        </button>
      </div>
      {list.isPending && <Spinner label="Loading the catalog" />}
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState title={query ? 'No product matches' : 'No products yet'}>Create your first product.</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="muted">
            {list.data.total} product{list.data.total === 1 ? '' : 's'}
            {list.data.total > list.data.items.length ? ` (first ${list.data.items.length} shown; search to narrow)` : ''}
          </p>
          <ul className="admin-list">
            {list.data.items.map((p) => (
              <li key={p.id} className="admin-row" aria-label={p.name}>
                {p.photos[0] ? <img src={p.photos[0].thumbUrl} alt="" /> : <span className="thumb-empty" />}
                <span>
                  <strong>{p.name}</strong>
                  <br />
                  <span className="muted">
                    <Price money={p.price} /> · {p.category}
                  </span>{' '}
                  <StockBadge stock={p.stock} />
                  {p.stock > 5 && <span className="muted"> {p.stock}</span>}
                </span>
                <span className="admin-actions">
                  <button type="button" className="btn" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                    Edit
                  </button>
                  <button type="button" className="btn" onClick={() => remove(p)} aria-label={`Delete ${p.name}`}>
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
