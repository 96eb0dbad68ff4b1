/**
 * Who is asking: an anonymous shopper id in a signed cookie (made on first visit, no personal
 * data), and the merchant, who shows the merchant token as a bearer token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../protocol/errors.js';

export const SHOPPER_COOKIE = 'shopper';
const ONE_YEAR_S = 365 * 24 * 3600;

declare module 'fastify' {
  interface FastifyRequest {
    shopperId: string;
  }
}

export function newShopperId(): string {
  return `shp_${randomBytes(12).toString('base64url')}`;
}

/** Reads the shopper id from a signed cookie value; undefined when absent or forged. */
export function shopperFromSignedValue(app: FastifyInstance, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const res = app.unsignCookie(raw);
  return res.valid && res.value && /^shp_[A-Za-z0-9_-]{10,40}$/.test(res.value) ? res.value : undefined;
}

export function installShopperIdentity(app: FastifyInstance, opts: { secure: boolean }): void {
  app.decorateRequest('shopperId', '');
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const existing = shopperFromSignedValue(app, req.cookies[SHOPPER_COOKIE]);
    if (existing) {
      req.shopperId = existing;
      return;
    }
    req.shopperId = newShopperId();
    reply.setCookie(SHOPPER_COOKIE, req.shopperId, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.secure,
      path: '/',
      maxAge: ONE_YEAR_S,
    });
  });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A preHandler that admits only requests bearing the merchant token. */
export function requireMerchant(token: string) {
  return async (req: FastifyRequest) => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m) throw new AppError('UNAUTHORIZED', 'The merchant token is missing: send "Authorization: Bearer TOKEN".');
    if (!same(m[1]!.trim(), token)) throw new AppError('FORBIDDEN', 'That merchant token is not valid.');
  };
}

export function isMerchantToken(candidate: unknown, token: string): boolean {
  return typeof candidate === 'string' && same(candidate, token);
}
