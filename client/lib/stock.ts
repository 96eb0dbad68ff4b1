/** How stock is told to a shopper; plain logic so it is tested in Node. */

export type StockLevel = 'out' | 'low' | 'in';

/** Below this many units a product shows "Only N left". */
export const LOW_STOCK = 5;

/** The stock level and the words the shop shows for it. */
export function stockLabel(stock: number): { level: StockLevel; text: string } {
  if (stock <= 0) return { level: 'out', text: 'Sold out' };
  if (stock <= LOW_STOCK) return { level: 'low', text: `Only ${stock} left` };
  return { level: 'in', text: 'In stock' };
}
