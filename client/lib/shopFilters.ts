/**
 * The shop grid's filters and their place in the address bar, so a filtered view can be shared
 * or reloaded. Prices are whole major units in the URL (?min=50&max=200) and minor units in the API.
 */
import { CATEGORIES, type Category } from '../../server/protocol/catalog.js';
import type { ProductFilters } from './api.js';

export interface ShopFilters {
  q: string;
  category: Category | null;
  /** Whole major units (e.g. euros), or null for no bound. */
  min: number | null;
  max: number | null;
  inStock: boolean;
}

export const NO_FILTERS: ShopFilters = { q: '', category: null, min: null, max: null, inStock: false };

function wholeOrNull(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/** Reads filters from a query string; unknown or malformed values are ignored, never an error. */
export function parseFilters(search: string): ShopFilters {
  const sp = new URLSearchParams(search);
  const cat = sp.get('category');
  let min = wholeOrNull(sp.get('min'));
  let max = wholeOrNull(sp.get('max'));
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return {
    q: (sp.get('q') ?? '').trim().slice(0, 100),
    category: cat && (CATEGORIES as readonly string[]).includes(cat) ? (cat as Category) : null,
    min,
    max,
    inStock: sp.get('inStock') === '1',
  };
}

/** Writes filters as a query string (without "?"), leaving out defaults so URLs stay short. */
export function filtersToSearch(f: ShopFilters): string {
  const sp = new URLSearchParams();
  if (f.q) sp.set('q', f.q);
  if (f.category) sp.set('category', f.category);
  if (f.min !== null) sp.set('min', String(f.min));
  if (f.max !== null) sp.set('max', String(f.max));
  if (f.inStock) sp.set('inStock', '1');
  return sp.toString();
}

/** The API query for filters, converting whole major units to minor units (`minorPerMajor`, 100 for EUR). */
export function filtersToQuery(f: ShopFilters, minorPerMajor = 100): ProductFilters {
  return {
    ...(f.q ? { q: f.q } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.min !== null ? { minPrice: f.min * minorPerMajor } : {}),
    ...(f.max !== null ? { maxPrice: f.max * minorPerMajor + (minorPerMajor - 1) } : {}),
    ...(f.inStock ? { inStock: true } : {}),
  };
}

/** How many filters beyond the text search are set (for the "Filters (2)" button). */
export function activeFilterCount(f: ShopFilters): number {
  return (f.category ? 1 : 0) + (f.min !== null ? 1 : 0) + (f.max !== null ? 1 : 0) + (f.inStock ? 1 : 0);
}

/** Readable category name: "sunglasses" → "Sunglasses". */
export function categoryLabel(c: Category): string {
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY). */
export function minorPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}
