import { useEffect, useRef, useState } from 'react';
import { CATEGORIES } from '../../server/protocol/catalog.js';
import { activeFilterCount, categoryLabel, type ShopFilters } from '../lib/shopFilters.js';

interface Props {
  filters: ShopFilters;
  currencySymbol: string;
  onChange(next: ShopFilters): void;
}

/** Category chips (one tap) and a folding panel with the price range and the in-stock toggle. */
export function FilterBar({ filters, currencySymbol, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [min, setMin] = useState(filters.min?.toString() ?? '');
  const [max, setMax] = useState(filters.max?.toString() ?? '');
  useEffect(() => {
    setMin(filters.min?.toString() ?? '');
    setMax(filters.max?.toString() ?? '');
  }, [filters.min, filters.max]);
  const chipsRef = useRef<HTMLDivElement>(null);
  // Bring the chosen chip into view (a shared link may name a category far along the row).
  useEffect(() => {
    const row = chipsRef.current;
    const chip = row?.querySelector<HTMLElement>('[aria-pressed="true"]');
    if (row && chip) row.scrollLeft = Math.max(0, chip.offsetLeft - row.offsetLeft - 24);
  }, [filters.category]);
  const count = activeFilterCount(filters) - (filters.category ? 1 : 0);

  const toNum = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Math.max(0, Math.floor(Number(s))));

  return (
    <div className="filters">
      <div ref={chipsRef} className="chips" role="group" aria-label="Categories">
        <button type="button" className="chip" aria-pressed={!filters.category} onClick={() => onChange({ ...filters, category: null })}>
          All
        </button>
        {CATEGORIES.map((c) => (
          <button
            key={c}
            type="button"
            className="chip"
            aria-pressed={filters.category === c}
            onClick={() => onChange({ ...filters, category: filters.category === c ? null : c })}
          >
            {categoryLabel(c)}
          </button>
        ))}
      </div>
      <button type="button" className="btn btn-secondary filters-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Filters{count > 0 ? ` (${count})` : ''}
      </button>
      {open && (
        <form
          className="filters-panel"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ ...filters, min: toNum(min), max: toNum(max) });
          }}
        >
          <fieldset className="price-range">
            <legend>Price ({currencySymbol})</legend>
            <label>
              <span>Min</span>
              <input type="number" inputMode="numeric" min={0} value={min} onChange={(e) => setMin(e.target.value)} />
            </label>
            <span aria-hidden="true">–</span>
            <label>
              <span>Max</span>
              <input type="number" inputMode="numeric" min={0} value={max} onChange={(e) => setMax(e.target.value)} />
            </label>
            <button type="submit" className="btn">
              Apply
            </button>
          </fieldset>
          <label className="switch">
            <input type="checkbox" checked={filters.inStock} onChange={(e) => onChange({ ...filters, inStock: e.target.checked })} />
            <span>In stock only</span>
          </label>
          {activeFilterCount(filters) > 0 && (
            <button type="button" className="link-btn" onClick={() => onChange({ ...filters, category: null, min: null, max: null, inStock: false })}>
              Clear filters
            </button>
          )}
        </form>
      )}
    </div>
  );
}
