import { Link } from 'wouter';
import type { Money } from '../../server/protocol/money.js';
import { choiceWords } from '../lib/purchase.js';
import { Price } from './Price.js';

interface SummaryLine {
  productId: string;
  variant: string;
  /** A cart line's size and colour read against the product; orders have the variant alone ("M / Navy"). */
  size?: string;
  color?: { name: string } | null;
  name: string;
  quantity: number;
  lineTotal: Money;
}

/** " (size M, Navy)" where the line knows which part is which, else the variant as stored (" (M / Navy)"). */
function lineChoice(l: SummaryLine): string {
  const words = l.size !== undefined ? choiceWords({ size: l.size, color: l.color?.name ?? '' }) : l.variant;
  return words ? ` (${words})` : '';
}

/** "2 × Name (size M, Navy) … €x" rows and a total row, as the cart, checkout and order pages show them. */
export function LineSummary({ lines, total, linkProducts = false }: { lines: SummaryLine[]; total: Money; linkProducts?: boolean }) {
  return (
    <>
      {lines.map((l) => (
        <div key={`${l.productId}:${l.variant}`} className="summary-line">
          <span>
            {l.quantity} × {linkProducts ? <Link href={`/p/${l.productId}`}>{l.name}</Link> : l.name}
            {lineChoice(l)}
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
