import { useEffect, useState } from 'react';
import type { DealView, ProductCard } from '../../server/protocol/live.js';
import { formatCountdown, secondsLeft } from './clock.js';

/** The running flash deal: the same countdown on every phone (server time), units left. */
export function DealBanner({ deal, product, offsetMs }: { deal: DealView; product?: ProductCard; offsetMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const left = secondsLeft(deal.endsAt, offsetMs, now);
  if (left === 0) return null;
  return (
    <div className="live-deal" role="status" aria-live="off">
      <strong>Flash deal{product ? `: ${product.name}` : ''}</strong>
      <span className="live-countdown" data-seconds={left} aria-label={`${left} seconds left`}>
        {formatCountdown(left)}
      </span>
      <span>{deal.remaining > 0 ? `${deal.remaining} left` : 'Sold out'}</span>
    </div>
  );
}
