import { useState } from 'react';
import { Link } from 'wouter';
import type { DealView, ProductCard } from '../../server/protocol/live.js';
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
  const [size, setSize] = useState('');
  const soldOut = stock <= 0 && !(deal && deal.remaining > 0);
  const needsSize = card.sizes.length > 0 && !size;
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
            {card.sizes.length > 0 && (
              <label className="live-size">
                <span className="visually-hidden">Size for {card.name}</span>
                <select value={size} onChange={(e) => setSize(e.target.value)}>
                  <option value="">Size</option>
                  {card.sizes.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" className="btn btn-primary" disabled={soldOut || needsSize || busy} onClick={() => onAdd(size, deal?.id)} aria-label={`Add ${card.name} to cart`}>
              {soldOut ? 'Sold out' : busy ? 'Adding…' : deal ? 'Grab deal' : 'Add to cart'}
            </button>
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
