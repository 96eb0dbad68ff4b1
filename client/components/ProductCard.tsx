import { Link } from 'wouter';
import type { Product } from '../../server/protocol/api.js';
import { AddToCartButton } from './AddToCartButton.js';
import { Price } from './Price.js';
import { StockBadge } from './StockBadge.js';

/** A product tile: photo, name, price, stock and a quick add (a sheet asks the size when there is one to pick). */
export function ProductCard({ product, showAdd = true }: { product: Product; showAdd?: boolean }) {
  const photo = product.photos[0];
  return (
    <article className="card" aria-label={product.name}>
      <Link href={`/p/${product.id}`} className="card-link">
        <div className="card-photo">
          {photo ? (
            <img src={photo.thumbUrl} alt="" loading="lazy" width={photo.width} height={photo.height} />
          ) : (
            <div className="card-nophoto" aria-hidden="true">{product.name.slice(0, 1)}</div>
          )}
          {product.tryOn && <span className="chip-tryon">Try on</span>}
        </div>
        <h3 className="card-name">{product.name}</h3>
      </Link>
      <div className="card-meta">
        <Price money={product.price} />
        <StockBadge stock={product.stock} />
      </div>
      {showAdd && (
        <div className="card-add">
          <AddToCartButton product={product} layout="compact" className="btn-block" />
        </div>
      )}
    </article>
  );
}
