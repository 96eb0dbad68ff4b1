/** The shopper's own cart: read, add (merging lines), change quantity, remove. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Cart, CartAdd, CartLineUpdate } from '../protocol/api.js';
import { AppError } from '../protocol/errors.js';
import { requireVariant } from '../protocol/variant.js';
import { priceCart } from '../domain/cart.js';
import * as carts from '../store/carts.js';
import { getProduct } from '../store/products.js';
import type { Database } from '../store/schema.js';
import type { RouteContext } from './context.js';
import { parse } from './errors.js';

const LineParams = z.object({ lineId: z.coerce.number().int().min(1).max(2 ** 31 - 1) }).strict();

export async function readCart(db: Kysely<Database>, shopperId: string, currency: string): Promise<Cart> {
  return priceCart(await carts.readCartLines(db, shopperId), currency);
}

/** Adds a product to a shopper's cart after checking it exists, its size and colour (the shared variant rule) and the stock. Shared with live sessions. */
export async function addProductToCart(
  db: Kysely<Database>,
  shopperId: string,
  input: { productId: string; variant: string; quantity: number },
): Promise<void> {
  const product = await getProduct(db, input.productId);
  if (!product) throw new AppError('NOT_FOUND', `No product ${input.productId}.`);
  const variant = requireVariant(product, input.variant);
  if (product.stock === 0) throw new AppError('OUT_OF_STOCK', `${product.name} is sold out.`, { available: 0 });
  const inCart = (await carts.readCartLines(db, shopperId))
    .filter((l) => l.productId === input.productId)
    .reduce((s, l) => s + l.quantity, 0);
  if (inCart + input.quantity > product.stock) {
    throw new AppError('OUT_OF_STOCK', `Only ${product.stock} of ${product.name} left.`, {
      available: product.stock,
      inCart,
    });
  }
  await carts.addToCart(db, shopperId, { ...input, variant });
}

export function cartRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db, config } = ctx;
  const view = (shopperId: string) => readCart(db, shopperId, config.currency);

  app.get('/api/cart', async (req) => view(req.shopperId));

  app.post('/api/cart/lines', async (req, reply) => {
    const body = parse(CartAdd, req.body, 'cart line');
    await addProductToCart(db, req.shopperId, body);
    return reply.code(201).send(await view(req.shopperId));
  });

  app.patch('/api/cart/lines/:lineId', async (req) => {
    const { lineId } = parse(LineParams, req.params, 'line id');
    const { quantity } = parse(CartLineUpdate, req.body, 'quantity');
    const line = await carts.getCartLine(db, req.shopperId, lineId);
    if (!line) throw new AppError('NOT_FOUND', 'That line is not in your cart.');
    if (quantity > 0) {
      const product = await getProduct(db, line.product_id);
      if (product && quantity > product.stock) {
        throw new AppError('OUT_OF_STOCK', `Only ${product.stock} of ${product.name} left.`, { available: product.stock });
      }
    }
    await carts.setLineQuantity(db, req.shopperId, lineId, quantity);
    return view(req.shopperId);
  });

  app.delete('/api/cart/lines/:lineId', async (req) => {
    const { lineId } = parse(LineParams, req.params, 'line id');
    if (!(await carts.setLineQuantity(db, req.shopperId, lineId, 0))) {
      throw new AppError('NOT_FOUND', 'That line is not in your cart.');
    }
    return view(req.shopperId);
  });
}
