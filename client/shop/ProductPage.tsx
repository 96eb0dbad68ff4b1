import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { AddToCartButton } from '../components/AddToCartButton.js';
import { ErrorState } from '../components/ErrorState.js';
import { Price } from '../components/Price.js';
import { QrShare } from '../components/QrShare.js';
import { Spinner } from '../components/Spinner.js';
import { StockBadge } from '../components/StockBadge.js';
import { api, ApiError } from '../lib/api.js';
import { categoryLabel } from '../lib/shopFilters.js';
import { PhotoGallery } from './PhotoGallery.js';

// Stock changes as others buy; re-read it while the page is open.
const STOCK_REFRESH_MS = 10_000;

/** A product: photos, price, live stock, the add-to-cart control (size, colours), share + QR, try-on and discovery links. */
export default function ProductPage() {
  const { id } = useParams<{ id: string }>();
  const product = useQuery({ queryKey: ['product', id], queryFn: () => api.product(id), refetchInterval: STOCK_REFRESH_MS });

  if (product.isPending) return <Spinner label="Loading product" />;
  if (product.isError) {
    const missing = product.error instanceof ApiError && product.error.code === 'NOT_FOUND';
    return (
      <ErrorState
        error={product.error}
        title={missing ? 'This product is no longer in the shop' : 'Could not load this product'}
        onRetry={missing ? undefined : () => product.refetch()}
      />
    );
  }
  const p = product.data;
  return (
    <div className="page product-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Shop</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={`/?category=${p.category}`}>{categoryLabel(p.category)}</Link>
      </nav>
      <div className="product-layout">
        <PhotoGallery photos={p.photos} name={p.name} />
        <div className="product-info">
          <h1>{p.name}</h1>
          <div className="product-price-row">
            <Price money={p.price} className="price-lg" />
            <StockBadge stock={p.stock} />
          </div>
          <div className="product-actions">
            <AddToCartButton key={p.id} product={p} layout="full" />
            {p.tryOn && (
              <Link href={`/try-on/${p.id}`} className="btn btn-secondary btn-block">
                Try on
              </Link>
            )}
          </div>
          {p.description && <p className="product-desc">{p.description}</p>}
          <ProductFacts attributes={p.attributes} />
          <div className="product-more">
            <QrShare path={`/p/${p.id}`} title={p.name} />
            <Link href="/discover" className="btn btn-ghost">
              Find similar in a photo
            </Link>
          </div>
        </div>
      </div>
    </div>
  );
}

function ProductFacts({ attributes: a }: { attributes: import('../../server/protocol/catalog.js').ProductAttributes }) {
  const facts: [string, string][] = [];
  if (a.material) facts.push(['Material', a.material]);
  if (a.frameShape) facts.push(['Frame', a.frameShape]);
  if (a.frameWidthMm) facts.push(['Frame width', `${a.frameWidthMm} mm`]);
  if (a.caseDiameterMm) facts.push(['Case', `${a.caseDiameterMm} mm`]);
  if (a.strapWidthMm) facts.push(['Strap width', `${a.strapWidthMm} mm`]);
  if (a.hatStyle) facts.push(['Style', a.hatStyle]);
  if (facts.length === 0) return null;
  return (
    <dl className="facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
