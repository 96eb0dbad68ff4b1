import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { ProductCard } from '../components/ProductCard.js';
import { Spinner } from '../components/Spinner.js';
import { api } from '../lib/api.js';
import { useMe } from '../lib/me.js';
import { filtersToQuery, filtersToSearch, minorPerMajor, NO_FILTERS, parseFilters, type ShopFilters } from '../lib/shopFilters.js';
import { FilterBar } from './FilterBar.js';

const PAGE_SIZE = 12;

function currencySymbol(currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}

/** The shop grid: text search, category chips, price range, in-stock toggle, "load more"; filters live in the URL. */
export default function ShopPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseFilters(search), [search]);
  // The product page is the next tap from here: fetch its small chunk while the shopper browses.
  useEffect(() => {
    const t = setTimeout(() => void import('./ProductPage.js'), 1500);
    return () => clearTimeout(t);
  }, []);
  const currency = useMe().data?.currency ?? 'EUR';
  const query = filtersToQuery(filters, minorPerMajor(currency));

  const products = useInfiniteQuery({
    queryKey: ['products', query],
    queryFn: ({ pageParam, signal }) => api.products({ ...query, limit: PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    placeholderData: keepPreviousData,
  });

  const setFilters = (next: ShopFilters) => {
    const s = filtersToSearch(next);
    navigate(s ? `/?${s}` : '/', { replace: true });
  };
  const items = products.data?.pages.flatMap((p) => p.items) ?? [];
  const total = products.data?.pages[0]?.total ?? 0;
  const filtered = filtersToSearch(filters) !== '';

  return (
    <div className="page shop-page">
      <FilterBar filters={filters} currencySymbol={currencySymbol(currency)} onChange={setFilters} />
      {filters.q && (
        <p className="results-line" aria-live="polite">
          {products.isFetching && !products.isFetchingNextPage ? 'Searching…' : `${total} result${total === 1 ? '' : 's'} for “${filters.q}”`}
        </p>
      )}
      {products.isPending && <Spinner label="Loading products" />}
      {products.isError && !products.data && <ErrorState error={products.error} title="Could not load the shop" onRetry={() => products.refetch()} />}
      {products.data && items.length === 0 && (
        <EmptyState
          title={filtered ? 'No products match' : 'The shop is empty'}
          action={
            filtered ? (
              <button type="button" className="btn btn-primary" onClick={() => setFilters(NO_FILTERS)}>
                Show all products
              </button>
            ) : undefined
          }
        >
          {filtered ? 'Try another word or fewer filters.' : 'Products will appear here once the merchant adds them.'}
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className={`grid ${products.isPlaceholderData ? 'is-stale' : ''}`} aria-label="Products">
          {items.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} />
            </li>
          ))}
        </ul>
      )}
      {products.hasNextPage && (
        <div className="load-more">
          <p className="muted">
            Showing {items.length} of {total}
          </p>
          <button type="button" className="btn btn-secondary" disabled={products.isFetchingNextPage} onClick={() => products.fetchNextPage()}>
            {products.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      {products.isError && products.data && <ErrorState error={products.error} title="Could not load more" onRetry={() => products.fetchNextPage()} />}
    </div>
  );
}
