import type { Money } from '../../server/protocol/money.js';
import { formatMoney } from '../../server/protocol/money.js';

/** A price in the shop's currency, e.g. "€129.00". */
export function Price({ money, className }: { money: Money; className?: string }) {
  return <span className={`price ${className ?? ''}`}>{formatMoney(money)}</span>;
}
