/**
 * Rate limits of live sessions, per identity, per connection and per network address, shared by
 * every server process through Redis when it runs (rate-limiter-flexible), in memory otherwise.
 * If Redis stops answering, each process falls back to its own memory limiter instead of failing.
 */
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../protocol/errors.js';
import { LIMITS } from '../protocol/live.js';

export interface LimitRule {
  points: number;
  seconds: number;
  /** What is counted, for the message ("messages", "joins"). */
  what: string;
}

/** Defaults; Config.liveLimits may change any of them (a benchmark from one address). */
export const LIMIT_RULES = {
  /** Issue 3: 5 messages per 10 s per viewer. */
  chat: { points: LIMITS.chatPerWindow, seconds: LIMITS.chatWindowMs / 1000, what: 'messages' },
  /** Many identities behind one address (new cookies, a bot farm) share this. */
  chatAddress: { points: 40, seconds: 10, what: 'messages from your network' },
  /** An office or a carrier's shared address may bring a few hundred viewers at the start of a live. */
  join: { points: 300, seconds: 60, what: 'joins from your network' },
  /** Each catch-up answer may carry 1,000 events. */
  sync: { points: 10, seconds: 10, what: 'catch-up requests' },
  reaction: { points: 30, seconds: 5, what: 'reactions' },
  cart: { points: 30, seconds: 10, what: 'adds to cart' },
  rtc: { points: 6, seconds: 30, what: 'video requests' },
  replay: { points: 30, seconds: 60, what: 'replay downloads' },
} satisfies Record<string, LimitRule>;

export type LimitKind = keyof typeof LIMIT_RULES;

export interface LiveLimits {
  /** Counts one action for `key`, or throws RATE_LIMITED saying when to try again. */
  take(kind: LimitKind, key: string): Promise<void>;
  /** True when the counts are shared through Redis. */
  readonly shared: boolean;
}

/** Builds the limiters; with a node-redis client they are shared by every process using it. */
export function createLiveLimits(opts: { redis?: unknown; prefix?: string; rules?: Partial<Record<LimitKind, Partial<LimitRule>>> } = {}): LiveLimits {
  const limiters = new Map<LimitKind, { limiter: RateLimiterAbstract; rule: LimitRule }>();
  for (const [kind, base] of Object.entries(LIMIT_RULES) as [LimitKind, LimitRule][]) {
    const rule = { ...base, ...opts.rules?.[kind] };
    const memory = new RateLimiterMemory({ points: rule.points, duration: rule.seconds });
    const limiter = opts.redis
      ? new RateLimiterRedis({
          storeClient: opts.redis,
          useRedisPackage: true,
          keyPrefix: `${opts.prefix ?? 'shopsee'}:rl:${kind}`,
          points: rule.points,
          duration: rule.seconds,
          insuranceLimiter: memory,
        })
      : memory;
    limiters.set(kind, { limiter, rule });
  }
  return {
    shared: Boolean(opts.redis),
    async take(kind, key) {
      const { limiter, rule } = limiters.get(kind)!;
      try {
        await limiter.consume(key);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        const waitS = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw new AppError('RATE_LIMITED', `Slow down: at most ${rule.points} ${rule.what} every ${rule.seconds} s. Try again in ${waitS} s.`, { retryAfterSeconds: waitS });
      }
    },
  };
}
