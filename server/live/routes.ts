/** REST routes of live sessions: create and list (merchant), public session info, replay data. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { baseUrl, qrSvg } from '../http/share.js';
import { parse } from '../http/errors.js';
import { requireMerchant } from '../http/identity.js';
import { AppError } from '../protocol/errors.js';
import { LIMITS, type ReplayData, SessionCreate, type SessionCreated } from '../protocol/live.js';
import { getProduct } from '../store/products.js';
import type { RouteContext } from '../http/context.js';
import type { LiveLimits } from './limits.js';
import * as store from './store.js';

const IdParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }).strict();
const ListQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).max(100_000).default(0) })
  .strict();
const ReplayQuery = z.object({ after: z.coerce.number().int().min(0).default(0) }).strict();

/** Paths of the pages for a session; the host path carries its key in the fragment (never sent to servers). */
export function sessionPaths(id: string, hostKey: string) {
  return { hostPath: `/live/${id}/host#key=${hostKey}`, viewerPath: `/live/${id}`, replayPath: `/live/${id}/replay` };
}

export function liveRoutes(app: FastifyInstance, ctx: RouteContext, limits: LiveLimits): void {
  const { db, config } = ctx;
  const merchant = { preHandler: requireMerchant(config.merchantToken) };

  app.post('/api/live/sessions', merchant, async (req, reply) => {
    const body = parse(SessionCreate, req.body, 'live session');
    if (body.coverProductId && !(await getProduct(db, body.coverProductId))) {
      throw new AppError('NOT_FOUND', `No product ${body.coverProductId}.`);
    }
    const id = `live_${randomBytes(6).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
    const hostKey = randomBytes(18).toString('base64url');
    const row = await store.insertSession(db, { ...body, id, hostKey, currency: config.currency });
    const paths = sessionPaths(id, hostKey);
    const viewerUrl = `${baseUrl(req, config.publicUrl)}${paths.viewerPath}`;
    const out: SessionCreated = { session: store.toSessionView(row), hostKey, hostPath: paths.hostPath, viewerPath: paths.viewerPath, viewerUrl, qrSvg: await qrSvg(viewerUrl) };
    return reply.code(201).send(out);
  });

  app.get('/api/live/sessions', merchant, async (req) => {
    const q = parse(ListQuery, req.query, 'query');
    const rows = await store.listSessions(db, q.limit, q.offset);
    return { items: rows.map((r) => ({ ...store.toSessionView(r), figures: store.toFigures(r), ...sessionPaths(r.id, r.host_key) })) };
  });

  app.get('/api/live/sessions/:id', async (req) => {
    const { id } = parse(IdParams, req.params, 'session id');
    return store.toSessionView(await store.requireSession(db, id));
  });

  app.get('/api/live/sessions/:id/replay', async (req) => {
    // Each page carries up to 1,000 events: bounded per address so one client cannot stall the server.
    await limits.take('replay', req.ip);
    const { id } = parse(IdParams, req.params, 'session id');
    const { after } = parse(ReplayQuery, req.query, 'query');
    const s = await store.requireSession(db, id);
    const out: ReplayData = {
      session: store.toSessionView(s),
      events: await store.eventsAfter(db, id, after, LIMITS.replayPage),
      summary: store.toFigures(s),
    };
    return out;
  });
}
