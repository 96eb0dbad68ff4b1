/**
 * Sharing a try-on snapshot into a live session's chat (issues 3 and 5). A REST upload rather
 * than a socket event: the try-on page holds no live socket (opening one there would count the
 * viewer twice and re-run the join), multipart and its size limits already exist for product
 * photos, and the shopper cookie identifies the same viewer as the live page's socket does.
 * The stored image becomes a chat event in the session's log, broadcast like any chat message.
 */
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { z } from 'zod';
import { parse } from '../http/errors.js';
import type { RouteContext } from '../http/context.js';
import { deletePhotoFiles, storePhoto } from '../media/photos.js';
import { AppError } from '../protocol/errors.js';
import { LIMITS, type LiveEvent, type SnapshotShared } from '../protocol/live.js';
import { getProduct } from '../store/products.js';
import { checkSnapshot, type ImageHeader, requireLive } from './rules.js';
import { type LiveService, viewerIdFor } from './service.js';
import * as store from './store.js';

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const Params = z.object({ id: Id }).strict();
const Query = z.object({ productId: Id }).strict();

async function headerOf(buf: Buffer): Promise<ImageHeader | null> {
  try {
    const m = await sharp(buf, { limitInputPixels: false }).metadata();
    return { format: m.format, width: m.width, height: m.height };
  } catch {
    return null;
  }
}

/** Mounts POST /api/live/sessions/:id/snapshots; `publish` broadcasts the new chat event to the session. */
export function snapshotRoutes(app: FastifyInstance, ctx: RouteContext, service: LiveService, publish: (sessionId: string, events: LiveEvent[]) => void): void {
  const { db, config } = ctx;

  app.post('/api/live/sessions/:id/snapshots', async (req, reply) => {
    const { id: sessionId } = parse(Params, req.params, 'session id');
    const { productId } = parse(Query, req.query, 'query');
    // A shopper without the cookie gets a fresh id here, which has joined nothing: FORBIDDEN below.
    const shopperId = req.shopperId;
    const session = await store.requireSession(db, sessionId);
    requireLive(session.status === 'ended' ? 'ended' : 'live');
    const product = await getProduct(db, productId);
    if (!product) throw new AppError('NOT_FOUND', `No product ${productId}.`);
    const viewerId = viewerIdFor(sessionId, shopperId);
    const viewer = await store.getViewer(db, sessionId, viewerId);

    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the snapshot as multipart/form-data (field "photo").');
    // One byte over the limit is enough to know it is too large; the stream stops there.
    const file = await req.file({ limits: { fileSize: LIMITS.snapshotMaxBytes + 1, files: 1 } });
    if (!file) throw new AppError('VALIDATION_FAILED', 'No file in the upload; send one field named "photo".');
    const buf = await file.toBuffer();
    checkSnapshot(viewer, buf.length, buf.length > LIMITS.snapshotMaxBytes ? null : await headerOf(buf));
    // Same budget as chat: a snapshot is a chat message.
    await service.limits.take('chat', `${sessionId}:${viewerId}`);

    const stored = await storePhoto(config.dataDir, buf);
    let event: LiveEvent;
    try {
      event = await store.appendSimple(db, sessionId, {
        type: 'chat',
        viewerId,
        name: viewer!.name,
        text: `tried on ${product.name}`,
        host: false,
        image: { id: stored.id, url: `/media/${stored.id}.webp`, width: stored.width, height: stored.height, productId, productName: product.name },
      }, ctx.now());
    } catch (err) {
      // The session ended meanwhile: leave no orphan files.
      await deletePhotoFiles(config.dataDir, stored.id);
      throw err;
    }
    publish(sessionId, [event]);
    const out: SnapshotShared = { event };
    return reply.code(201).send(out);
  });
}
