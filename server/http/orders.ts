/** Checkout (idempotent, atomic stock) and order listings for shoppers and the merchant. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CheckoutBody, Id, OrderQuery, OrderStatusUpdate } from '../protocol/api.js';
import { AppError } from '../protocol/errors.js';
import { checkout } from '../checkout/checkout.js';
import * as orders from '../store/orders.js';
import type { RouteContext } from './context.js';
import { parse } from './errors.js';
import { requireMerchant } from './identity.js';

const IdempotencyKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/);
const IdParams = z.object({ id: Id }).strict();

export function orderRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db, config, events } = ctx;
  const merchant = { preHandler: requireMerchant(config.merchantToken) };

  app.post('/api/checkout', async (req, reply) => {
    const rawKey = req.headers['idempotency-key'];
    if (rawKey === undefined) {
      throw new AppError('IDEMPOTENCY_KEY_REQUIRED', 'Send an Idempotency-Key header (a random id per checkout attempt).');
    }
    const key = parse(IdempotencyKey, rawKey, 'Idempotency-Key header');
    const body = parse(CheckoutBody, req.body, 'checkout');
    const result = await checkout(
      ctx,
      { shopperId: req.shopperId, idempotencyKey: key, paymentToken: body.paymentToken, ...(body.sessionId ? { sessionId: body.sessionId } : {}) },
      ctx.faults,
    );
    ctx.metrics?.checkouts.inc({ outcome: result.kind });
    switch (result.kind) {
      case 'existing':
        return reply.code(200).send(result.order);
      case 'paid':
        return reply.code(201).send(result.order);
      case 'pending':
        // The provider could not be asked: the order page follows it until recovery settles it.
        return reply.code(202).send(result.order);
      case 'failed':
        return reply.code(402).send({
          error: { code: 'PAYMENT_FAILED', message: `${result.reason} Your cart is unchanged.`, details: { order: result.order } },
        });
      case 'cancelled': {
        // The merchant cancelled the order while the charge was in flight: neither paid nor a failed payment.
        const charged = result.charged ? ' The charge is recorded on the cancelled order so the shop can refund it.' : '';
        return reply.code(409).send({
          error: { code: 'CONFLICT', message: `The shop cancelled this order while it was being paid.${charged}`, details: { order: result.order } },
        });
      }
    }
  });

  app.get('/api/orders', async (req) => {
    const q = parse(OrderQuery, req.query, 'query');
    return orders.listOrders(db, { ...q, shopperId: req.shopperId });
  });

  app.get('/api/orders/:id', async (req) => {
    const { id } = parse(IdParams, req.params, 'order id');
    const order = await orders.getOrder(db, id, req.shopperId);
    if (!order) throw new AppError('NOT_FOUND', `No order ${id}.`);
    return order;
  });

  app.get('/api/merchant/orders', merchant, async (req) => orders.listOrders(db, parse(OrderQuery, req.query, 'query')));

  app.patch('/api/merchant/orders/:id', merchant, async (req) => {
    const { id } = parse(IdParams, req.params, 'order id');
    const { status } = parse(OrderStatusUpdate, req.body, 'status');
    await orders.setOrderStatus(db, id, status);
    const order = (await orders.getOrder(db, id))!;
    if (status === 'cancelled') events.emit('stock:changed', order.lines.map((l) => l.productId));
    return order;
  });
}
