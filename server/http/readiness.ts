/**
 * GET /api/ready: whether this process can serve (the store, and what features register, such as
 * Redis), each check bounded by 2 s so a hung dependency answers 503 naming it instead of hanging.
 * Liveness is /api/health, which checks nothing.
 */
import type { FastifyInstance } from 'fastify';

export type ReadinessCheck = () => Promise<unknown>;

const TIMEOUT_MS = 2000;

async function run(check: ReadinessCheck): Promise<{ ok: true } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 2 s')), TIMEOUT_MS)))]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message.split('\n')[0] ?? 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

/** Mounts /api/ready with the given checks; returns a function that adds one. */
export function readinessRoute(http: FastifyInstance, initial: Record<string, ReadinessCheck>): (name: string, check: ReadinessCheck) => void {
  const checks = new Map(Object.entries(initial));
  http.get('/api/ready', async (_req, reply) => {
    const results = await Promise.all([...checks].map(async ([name, check]) => [name, await run(check)] as const));
    const ok = results.every(([, r]) => r.ok);
    return reply.code(ok ? 200 : 503).header('cache-control', 'no-store').send({ ok, checks: Object.fromEntries(results) });
  });
  return (name, check) => void checks.set(name, check);
}
