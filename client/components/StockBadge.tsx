import { stockLabel } from '../lib/stock.js';

/** "In stock", "Only 3 left" or "Sold out", coloured by level. */
export function StockBadge({ stock }: { stock: number }) {
  const { level, text } = stockLabel(stock);
  return <span className={`badge badge-${level}`}>{text}</span>;
}
