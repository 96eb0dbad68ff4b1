/**
 * The one wrapper every live socket handler goes through: parse the payload with its schema,
 * authorise, call the service, ack the sender, then broadcast. Any failure answers an error ack
 * with a stable code; nothing a client sends can throw out of a listener.
 */
import type { Socket } from 'socket.io';
import { ZodError } from 'zod';
import { AppError } from '../protocol/errors.js';
import { type Ack, type AckData, type AckError, CLIENT_EVENTS, type ClientEventName, PROTOCOL_VERSION } from '../protocol/live.js';
import { authorize } from './rules.js';
import type { Actor } from './service.js';

export type Parsed<E extends ClientEventName> = import('zod').z.infer<(typeof CLIENT_EVENTS)[E]>;

export interface HandlerResult<E extends ClientEventName> {
  data: AckData[E];
  /** Runs after the ack: broadcasts to the others. */
  after?: () => void | Promise<void>;
}

export type Handler<E extends ClientEventName> = (payload: Parsed<E>, socket: Socket, actor: Actor | undefined) => Promise<HandlerResult<E>>;

/** Turns anything thrown into the ack error a client sees; unknown errors are logged and hidden. */
export function toAckError(err: unknown, log: (err: unknown) => void): AckError {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const path = first?.path.length ? `${first.path.join('.')}: ` : '';
    return { code: 'VALIDATION_FAILED', message: `Invalid payload: ${path}${first?.message ?? 'bad input'}` };
  }
  log(err);
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
}

/** Registers `handler` for `event` on the socket behind the parse → authorise → call → ack → broadcast wrapper. */
export function handle<E extends ClientEventName>(socket: Socket, event: E, handler: Handler<E>, log: (err: unknown) => void): void {
  socket.on(event as string, async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (args.pop() as (a: Ack<AckData[E]>) => void) : () => undefined;
    try {
      if (args.length !== 1) throw new AppError('VALIDATION_FAILED', `${event} takes exactly one payload object and an ack callback.`);
      const raw = args[0];
      if (event === 'session:join' && raw && typeof raw === 'object' && 'v' in raw && raw.v !== PROTOCOL_VERSION) {
        throw new AppError('PROTOCOL_VERSION', `This server speaks live protocol ${PROTOCOL_VERSION}; reload the page.`);
      }
      const payload = CLIENT_EVENTS[event].parse(raw) as Parsed<E>;
      const actor = socket.data.actor as Actor | undefined;
      if (event !== 'session:join') {
        if (!actor) throw new AppError('UNAUTHORIZED', 'Join a session first (session:join).');
        authorize(actor.role, event);
      }
      const out = await handler(payload, socket, actor);
      ack({ ok: true, data: out.data });
      if (out.after) await out.after();
    } catch (err) {
      ack({ ok: false, error: toAckError(err, log) });
    }
  });
}
