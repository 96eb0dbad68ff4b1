import type { Product } from '../../server/protocol/api.js';
import { useAddToCart } from '../lib/cart.js';

interface Props {
  product: Pick<Product, 'id' | 'name' | 'stock' | 'attributes'>;
  /** The chosen size; required when the product has sizes. */
  variant?: string;
  quantity?: number;
  className?: string;
  compact?: boolean;
}

/** Adds a product to the cart, showing progress; disabled when sold out or a size is still to choose. */
export function AddToCartButton({ product, variant = '', quantity = 1, className, compact }: Props) {
  const add = useAddToCart();
  const needsSize = (product.attributes.sizes?.length ?? 0) > 0 && !variant;
  const soldOut = product.stock <= 0;
  const label = soldOut ? 'Sold out' : needsSize ? 'Choose a size' : add.isPending ? 'Adding…' : compact ? 'Add' : 'Add to cart';
  return (
    <button
      type="button"
      className={`btn btn-primary ${className ?? ''}`}
      disabled={soldOut || needsSize || add.isPending}
      aria-label={compact ? `Add ${product.name} to cart` : undefined}
      onClick={() => add.mutate({ productId: product.id, variant, quantity, name: product.name })}
    >
      {label}
    </button>
  );
}
