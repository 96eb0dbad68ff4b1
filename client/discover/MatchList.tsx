import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { AddToCartButton } from '../components/AddToCartButton.js';
import { Price } from '../components/Price.js';
import { StockBadge } from '../components/StockBadge.js';
import { api } from '../lib/api.js';
import type { Match } from '../vision/types.js';

// Matches shown before "More like this": the best few fit a phone screen per found item.
const FIRST = 3;

/** The catalog products most similar to one found item: photo, name, price, similarity, stock, add, try on. */
export function MatchList({ matches, listName }: { matches: readonly Match[]; listName: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? matches : matches.slice(0, FIRST);
  const queries = useQueries({
    queries: shown.map((m) => ({ queryKey: ['product', m.productId], queryFn: () => api.product(m.productId), staleTime: 60_000 })),
  });
  if (matches.length === 0) {
    return <p className="muted">No similar products in the catalog yet.</p>;
  }
  return (
    <>
      <ul className="matches" aria-label={listName}>
        {shown.map((m, i) => {
          const q = queries[i];
          const product = q?.data;
          if (q?.isError) return <li key={m.productId} className="match muted">This product is no longer in the shop.</li>;
          if (!product) return <li key={m.productId} className="match match-loading" aria-busy="true" />;
          return (
            <li key={m.productId} className="match" data-product={product.id}>
              <Link href={`/p/${product.id}`} className="match-photo" tabIndex={-1} aria-hidden="true">
                {product.photos[0] ? <img src={product.photos[0].thumbUrl} alt="" /> : null}
              </Link>
              <div className="match-body">
                <Link href={`/p/${product.id}`} className="match-name">
                  {product.name}
                </Link>
                <div className="match-meta">
                  <Price money={product.price} />
                  <span className="muted">{Math.round(Math.max(0, m.score) * 100)}% similar</span>
                  <StockBadge stock={product.stock} />
                </div>
                <div className="match-actions">
                  <AddToCartButton product={product} layout="compact" />
                  {product.tryOn ? (
                    <Link href={`/try-on/${product.id}`} className="btn btn-secondary">
                      Try on
                    </Link>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {!all && matches.length > FIRST ? (
        <button type="button" className="btn btn-ghost" onClick={() => setAll(true)}>
          {matches.length - FIRST} more like this
        </button>
      ) : null}
    </>
  );
}
