/** Catalog routes: public listing and detail; merchant create, update, delete and photos. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id, ProductCreate, ProductQuery, ProductUpdate } from '../protocol/api.js';
import { AppError } from '../protocol/errors.js';
import { deletePhotoFiles, storePhoto } from '../media/photos.js';
import * as products from '../store/products.js';
import type { RouteContext } from './context.js';
import { parse } from './errors.js';
import { requireMerchant } from './identity.js';

const IdParams = z.object({ id: Id }).strict();
const PhotoParams = z.object({ id: Id, photoId: Id }).strict();

export function productRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db, config } = ctx;
  const merchant = { preHandler: requireMerchant(config.merchantToken) };

  app.get('/api/products', async (req) => products.listProducts(db, parse(ProductQuery, req.query, 'query')));

  app.get('/api/products/:id', async (req) => {
    const { id } = parse(IdParams, req.params, 'product id');
    const p = await products.getProduct(db, id);
    if (!p) throw new AppError('NOT_FOUND', `No product ${id}.`);
    return p;
  });

  app.post('/api/products', merchant, async (req, reply) => {
    const body = parse(ProductCreate, req.body, 'product');
    checkCurrency(body.price.currency, config.currency);
    const id = await products.insertProduct(db, body);
    ctx.events.emit('product:changed', id);
    return reply.code(201).send(await products.getProduct(db, id));
  });

  app.patch('/api/products/:id', merchant, async (req) => {
    const { id } = parse(IdParams, req.params, 'product id');
    const body = parse(ProductUpdate, req.body, 'product');
    if (body.price) checkCurrency(body.price.currency, config.currency);
    if (!(await products.updateProduct(db, id, body))) throw new AppError('NOT_FOUND', `No product ${id}.`);
    ctx.events.emit('product:changed', id);
    if (body.stock !== undefined) ctx.events.emit('stock:changed', [id]);
    return products.getProduct(db, id);
  });

  app.delete('/api/products/:id', merchant, async (req, reply) => {
    const { id } = parse(IdParams, req.params, 'product id');
    const photoIds = await products.deleteProduct(db, id);
    if (!photoIds) throw new AppError('NOT_FOUND', `No product ${id}.`);
    await Promise.all(photoIds.map((p) => deletePhotoFiles(config.dataDir, p)));
    ctx.events.emit('product:changed', id);
    return reply.code(204).send();
  });

  app.post('/api/products/:id/photos', merchant, async (req, reply) => {
    const { id } = parse(IdParams, req.params, 'product id');
    if (!(await products.getProduct(db, id))) throw new AppError('NOT_FOUND', `No product ${id}.`);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data.');
    const file = await req.file();
    if (!file) throw new AppError('VALIDATION_FAILED', 'No file in the upload; send one field named "photo".');
    const buf = await file.toBuffer();
    if (buf.length === 0) throw new AppError('VALIDATION_FAILED', 'The uploaded file is empty.');
    const stored = await storePhoto(config.dataDir, buf);
    try {
      await products.addPhoto(db, id, stored);
    } catch (err) {
      await deletePhotoFiles(config.dataDir, stored.id);
      throw err;
    }
    ctx.events.emit('product:changed', id);
    return reply.code(201).send(await products.getProduct(db, id));
  });

  app.delete('/api/products/:id/photos/:photoId', merchant, async (req, reply) => {
    const { id, photoId } = parse(PhotoParams, req.params, 'photo id');
    if (!(await products.removePhoto(db, id, photoId))) throw new AppError('NOT_FOUND', `No photo ${photoId} on ${id}.`);
    await deletePhotoFiles(config.dataDir, photoId);
    ctx.events.emit('product:changed', id);
    return reply.code(204).send();
  });
}

function checkCurrency(currency: string, shop: string): void {
  if (currency !== shop) {
    throw new AppError('UNSUPPORTED_CURRENCY', `This shop sells in ${shop}; a price in ${currency} cannot be used.`);
  }
}
