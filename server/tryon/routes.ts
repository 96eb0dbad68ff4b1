/**
 * Try-on 3D model routes. A merchant uploads a glTF/GLB for a tryable product; it is validated
 * (format, size, triangles, geometry) and kept as a draft the merchant previews, then published to
 * replace the model generated from the catalog attributes. Shoppers fetch the published one.
 *
 *   POST   /api/products/:id/tryon-model          (merchant, multipart field "model") → 201 draft info
 *   GET    /api/products/:id/tryon-model[?draft=1] (draft: merchant only) → the model bytes, or 404
 *   POST   /api/products/:id/tryon-model/publish  (merchant) → the draft becomes the published model
 *   DELETE /api/products/:id/tryon-model          (merchant) → back to the generated model
 */
import { z } from 'zod';
import type { Feature } from '../app.js';
import { parse } from '../http/errors.js';
import { requireMerchant } from '../http/identity.js';
import { Id } from '../protocol/api.js';
import { tryOnKind } from '../protocol/catalog.js';
import { AppError, type ErrorCode } from '../protocol/errors.js';
import { getProduct } from '../store/products.js';
import { inspectModel, MAX_MODEL_BYTES, ModelRejected, type ModelProblem } from './gltf.js';
import { publishDraft, readModel, removeModels, saveModel } from './storage.js';

const Params = z.object({ id: Id }).strict();
const Query = z.object({ draft: z.enum(['0', '1']).optional() }).strict();

const CODE: Record<ModelProblem, ErrorCode> = {
  'not-gltf': 'UNSUPPORTED_MEDIA_TYPE',
  'too-large': 'PAYLOAD_TOO_LARGE',
  'too-many-triangles': 'VALIDATION_FAILED',
  'no-geometry': 'VALIDATION_FAILED',
  'external-files': 'VALIDATION_FAILED',
};

/** Mounts the try-on model routes. */
export const tryOnFeature: Feature = ({ http, ctx }) => {
  const { db, config } = ctx;
  const merchant = requireMerchant(config.merchantToken);

  const tryable = async (raw: unknown) => {
    const { id } = parse(Params, raw, 'product id');
    const p = await getProduct(db, id);
    if (!p) throw new AppError('NOT_FOUND', `No product ${id}.`);
    const kind = tryOnKind(p.category);
    if (!kind) throw new AppError('VALIDATION_FAILED', `${p.name} (${p.category}) cannot be tried on, so it takes no 3D model.`);
    return { id, kind };
  };

  http.post('/api/products/:id/tryon-model', { preHandler: merchant }, async (req, reply) => {
    const { id, kind } = await tryable(req.params);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the model as multipart/form-data in a field named "model".');
    const file = await req.file({ limits: { fileSize: MAX_MODEL_BYTES + 1 } });
    if (!file) throw new AppError('VALIDATION_FAILED', 'No file in the upload; send one field named "model".');
    const bytes = await file.toBuffer().catch((e: { code?: string }) => {
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('PAYLOAD_TOO_LARGE', `The model is larger than ${MAX_MODEL_BYTES / 1048576} MB; at most ${MAX_MODEL_BYTES / 1048576} MB is accepted. Reduce texture sizes or compress it.`, { problem: 'too-large' });
      }
      throw e;
    });
    let info;
    try {
      info = inspectModel(bytes);
    } catch (e) {
      if (e instanceof ModelRejected) throw new AppError(CODE[e.problem], e.message, { problem: e.problem });
      throw e;
    }
    await saveModel(config.dataDir, id, 'draft', bytes);
    return reply.code(201).send({ status: 'draft', kind, ...info, previewUrl: `/api/products/${id}/tryon-model?draft=1` });
  });

  http.get('/api/products/:id/tryon-model', async (req, reply) => {
    const { id } = await tryable(req.params);
    const { draft } = parse(Query, req.query, 'query');
    if (draft === '1') await merchant(req);
    const bytes = await readModel(config.dataDir, id, draft === '1' ? 'draft' : 'published');
    if (!bytes) throw new AppError('NOT_FOUND', draft === '1' ? 'No draft model to preview.' : 'This product uses its generated model.');
    const glb = bytes.readUInt32LE(0) === 0x46546c67;
    return reply
      .header('content-type', glb ? 'model/gltf-binary' : 'model/gltf+json')
      .header('cache-control', 'no-cache')
      .send(bytes);
  });

  http.post('/api/products/:id/tryon-model/publish', { preHandler: merchant }, async (req) => {
    const { id } = await tryable(req.params);
    if (!(await publishDraft(config.dataDir, id))) throw new AppError('NOT_FOUND', 'There is no uploaded draft to publish; upload a model first.');
    ctx.events.emit('product:changed', id);
    return { status: 'published', url: `/api/products/${id}/tryon-model` };
  });

  http.delete('/api/products/:id/tryon-model', { preHandler: merchant }, async (req, reply) => {
    const { id } = await tryable(req.params);
    await removeModels(config.dataDir, id);
    ctx.events.emit('product:changed', id);
    return reply.code(204).send();
  });
};
