import { useQueries } from '@tanstack/react-query';
import { Link } from 'wouter';
import { AddToCartButton } from '../components/AddToCartButton.js';
import { Price } from '../components/Price.js';
import { api } from '../lib/api.js';
import type { DiscoveredItem } from '../vision/types.js';

/** The catalog products most similar to one found item: photo, name, price, similarity, add, try on. */
export function MatchList({ item }: { item: DiscoveredItem }) {
  const queries = useQueries({
    queries: item.matches.map((m) => ({ queryKey: ['product', m.productId], queryFn: () => api.product(m.productId), staleTime: 60_000 })),
  });
  if (item.matches.length === 0) {
    return <p className="muted">No similar products in the catalog yet.</p>;
  }
  return (
    <ul className="matches" aria-label={`Products like the ${item.label}`}>
      {item.matches.map((m, i) => {
        const product = queries[i]?.data;
        if (!product) return <li key={m.productId} className="match match-loading" aria-busy="true" />;
        return (
          <li key={m.productId} className="match">
            <Link href={`/p/${product.id}`} className="match-photo">
              {product.photos[0] ? <img src={product.photos[0].thumbUrl} alt="" /> : null}
            </Link>
            <div className="match-body">
              <Link href={`/p/${product.id}`} className="match-name">
                {product.name}
              </Link>
              <div className="match-meta">
                <Price money={product.price} />
                <span className="muted">{Math.round(Math.max(0, m.score) * 100)}% similar</span>
              </div>
              <div className="match-actions">
                <AddToCartButton product={product} compact />
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
  );
}
