import { Link } from 'wouter';
import type { DealView, ProductCard } from '../../server/protocol/live.js';
import { AddToCartButton } from '../components/AddToCartButton.js';
import { Price } from '../components/Price.js';
import { StockBadge } from '../components/StockBadge.js';

interface Props {
  card: ProductCard;
  stock: number;
  /** The running deal when it is on this product. */
  deal?: DealView | null;
  busy?: boolean;
  compact?: boolean;
  onAdd?: (variant: string, dealId?: string) => void;
  /** The live session showing this card: its try-on link then offers sharing a snapshot into its chat. */
  sessionId?: string;
}

/** A product card in the live stream or the pins: photo, name, price, live stock, add to cart, try on. */
export function LiveCard({ card, stock, deal, busy, compact, onAdd, sessionId }: Props) {
  // A running deal sells its own reserved units, even when the shop's stock is gone.
  const available = deal && deal.remaining > 0 ? deal.remaining : stock;
  return (
    <article className={`live-card${compact ? ' live-card-compact' : ''}`} aria-label={card.name} data-product={card.id}>
      {card.thumbUrl ? <img src={card.thumbUrl} alt="" width={72} height={72} loading="lazy" /> : <div className="live-card-nophoto" aria-hidden="true">{card.name.slice(0, 1)}</div>}
      <div className="live-card-body">
        <h3 className="live-card-name">{card.name}</h3>
        <div className="live-card-meta">
          {deal ? (
            <>
              <Price money={deal.price} className="live-deal-price" />
              <s className="muted">
                <Price money={card.price} />
              </s>
            </>
          ) : (
            <Price money={card.price} />
          )}
          <span className="live-stock" data-stock={stock}>
            <StockBadge stock={stock} />
          </span>
        </div>
        {onAdd && (
          <div className="live-card-actions">
            <AddToCartButton
              product={{ id: card.id, name: card.name, stock, sizes: card.sizes, colors: [], colorOptions: card.colorOptions ?? [] }}
              layout="compact"
              available={available}
              busy={busy}
              actionLabel={deal ? 'Grab deal' : 'Add to cart'}
              onAdd={(variant) => onAdd(variant, deal?.id)}
            />
            {card.tryOn && (
              <Link href={`/try-on/${card.id}${sessionId ? `?live=${encodeURIComponent(sessionId)}` : ''}`} className="btn btn-secondary">
                Try on
              </Link>
            )}
          </div>
        )}
      </div>
    </article>
  );
}
