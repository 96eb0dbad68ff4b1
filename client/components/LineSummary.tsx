import { Link } from 'wouter';
import type { Money } from '../../server/protocol/money.js';
import { Price } from './Price.js';

interface SummaryLine {
  productId: string;
  variant: string;
  name: string;
  quantity: number;
  lineTotal: Money;
}

/** "2 × Name (size) … €x" rows and a total row, as the cart, checkout and order pages show them. */
export function LineSummary({ lines, total, linkProducts = false }: { lines: SummaryLine[]; total: Money; linkProducts?: boolean }) {
  return (
    <>
      {lines.map((l) => (
        <div key={`${l.productId}:${l.variant}`} className="summary-line">
          <span>
            {l.quantity} × {linkProducts ? <Link href={`/p/${l.productId}`}>{l.name}</Link> : l.name}
            {l.variant ? ` (${l.variant})` : ''}
          </span>
          <Price money={l.lineTotal} />
        </div>
      ))}
      <div className="summary-line strong">
        <span>Total</span>
        <Price money={total} />
      </div>
    </>
  );
}
