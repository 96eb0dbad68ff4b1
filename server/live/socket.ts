/**
 * The Socket.IO adapter of live sessions on the `/live` namespace: identifies the socket
 * (shopper cookie), registers one wrapped handler per client event, and relays log events,
 * WebRTC signalling and presence. All rules live in the service.
 */
import type { FastifyInstance } from 'fastify';
import type { Namespace, Socket } from 'socket.io';
import { shopperFromSignedValue, SHOPPER_COOKIE } from '../http/identity.js';
import type { ShopMetrics } from '../http/metrics.js';
import { AppError } from '../protocol/errors.js';
import { CLIENT_EVENTS, type LiveEvent } from '../protocol/live.js';
import { Presence, rooms } from './presence.js';
import * as store from './store.js';
import type { Actor, LiveService } from './service.js';
import { handle, toAckError } from './wrap.js';

export interface LiveSockets {
  presence: Presence;
  /** Broadcasts log events to everyone in their session (all processes). */
  publish(sessionId: string, events: LiveEvent[], except?: Socket): void;
  close(): void;
}

function shopperOf(http: FastifyInstance, socket: Socket): string | undefined {
  const header = socket.handshake.headers.cookie;
  if (!header) return undefined;
  return shopperFromSignedValue(http, http.parseCookie(header)[SHOPPER_COOKIE]);
}

/** Wires the live protocol onto a namespace. */
export function attachLiveSockets(
  nsp: Namespace,
  http: FastifyInstance,
  service: LiveService,
  opts: { db: ConstructorParameters<typeof Presence>[2]; stockChanged: (productIds: string[]) => void; metrics?: ShopMetrics | undefined },
): LiveSockets {
  const log = (err: unknown) => http.log.error({ err }, 'live handler failed');
  const presence = new Presence(nsp, service, opts.db, log);

  const publish = (sessionId: string, events: LiveEvent[], except?: Socket) => {
    for (const e of events) opts.metrics?.liveEvents.inc({ type: e.type });
    const target = except ? except.to(rooms.all(sessionId)) : nsp.to(rooms.all(sessionId));
    for (const e of events) target.emit('session:event', e);
  };

  nsp.on('connection', (socket) => {
    if (!socket.recovered) socket.data.shopperId = shopperOf(http, socket);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in CLIENT_EVENTS) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown event ${event.slice(0, 40)}.` } });
    });

    const limits = service.limits;
    const address = socket.handshake.address;

    handle(socket, 'session:join', async (p) => {
      await limits.take('join', address);
      // Viewers are someone: the signed shopper cookie is what mutes, bans and limits hold on to.
      if (p.hostKey === undefined && !socket.data.shopperId) {
        throw new AppError('UNAUTHORIZED', 'Open the live page in a browser to join (the shop\'s cookie is missing).');
      }
      const previous = socket.data.actor as Actor | undefined;
      if (previous) for (const r of [rooms.all, rooms.viewers, rooms.hosts]) await socket.leave(r(previous.sessionId));
      // Join the room before reading the log: an event written meanwhile then arrives live
      // rather than falling between the snapshot and the subscription.
      await socket.join(rooms.all(p.sessionId));
      try {
        // This process's count is enough for the snapshot; the periodic broadcast gives the cluster's.
        const viewers = presence.localViewers(p.sessionId);
        const { actor: a, result } = await service.join(p, { ...(socket.data.shopperId ? { shopperId: socket.data.shopperId } : {}), anonId: socket.id }, viewers);
        await socket.join([a.role === 'host' ? rooms.hosts(a.sessionId) : rooms.viewers(a.sessionId), rooms.peer(a.sessionId, socket.id), rooms.viewer(a.sessionId, a.viewerId)]);
        socket.data.actor = a;
        // Where to ask for video comes from the database: nothing on the join path waits on other
        // server processes (one hung process used to fail every join after 5 s).
        if (a.role === 'host') await store.setHostSocket(opts.db, a.sessionId, socket.id);
        const hostSocketId = a.role === 'host' ? socket.id : await store.hostSocketOf(opts.db, a.sessionId);
        return {
          data: { ...result, socketId: socket.id, hostSocketId },
          after: () => presence.countChanged(a.sessionId),
        };
      } catch (err) {
        await socket.leave(rooms.all(p.sessionId));
        socket.data.actor = undefined;
        throw err;
      }
    }, log);

    handle(socket, 'session:sync', async (p, s, a) => {
      await limits.take('sync', s.id);
      return { data: { events: await service.sync(a!, p.sinceSeq) } };
    }, log);

    const logged = <E extends 'chat:send' | 'chat:delete' | 'product:push' | 'product:pin' | 'stream:set' | 'viewer:mute'>(
      event: E,
      run: (p: import('./wrap.js').Parsed<E>, a: Actor) => Promise<{ data: { event: LiveEvent }; events: LiveEvent[] }>,
      figures = false,
    ) =>
      handle(socket, event, async (p, s, a) => {
        const out = await run(p, a!);
        return {
          data: out.data,
          after: () => {
            publish(a!.sessionId, out.events, s);
            if (figures) presence.figuresChanged(a!.sessionId);
          },
        };
      }, log);

    logged('chat:send', async (p, a) => {
      if (a.role === 'viewer') {
        await limits.take('chat', `${a.sessionId}:${a.viewerId}`);
        await limits.take('chatAddress', `${a.sessionId}:${address}`);
      }
      return service.chat(a, p.text);
    });
    logged('chat:delete', (p, a) => service.deleteChat(a, p.seq));
    logged('product:push', (p, a) => service.push(a, p.productId), true);
    logged('product:pin', (p, a) => service.pin(a, p.productId, p.pinned));
    logged('stream:set', (p, a) => service.setStream(a, p.url));
    logged('viewer:mute', (p, a) => service.moderate(a, p.viewerId, { muted: p.muted }));

    handle(socket, 'viewer:ban', async (p, s, a) => {
      const out = await service.moderate(a!, p.viewerId, { banned: true });
      return {
        data: out.data,
        after: () => {
          publish(a!.sessionId, out.events, s);
          // The banned viewer's connections, on whichever process: broadcasts, no cluster round trip.
          const room = rooms.viewer(a!.sessionId, p.viewerId);
          nsp.to(room).emit('session:kicked', { reason: 'The host removed you from this session.' });
          nsp.in(room).disconnectSockets(true);
          presence.countChanged(a!.sessionId);
        },
      };
    }, log);

    handle(socket, 'deal:start', async (p, s, a) => {
      const out = await service.startDeal(a!, p);
      return { data: out.data, after: () => publish(a!.sessionId, out.events, s) };
    }, log);

    handle(socket, 'cart:add', async (p, _s, a) => {
      await limits.take('cart', a!.shopperId ?? a!.viewerId);
      const out = await service.addToCart(a!, p);
      return {
        data: { cart: out.cart, deal: out.deal },
        after: () => {
          // The shop-wide stock event makes every session showing the product log its new stock.
          if (out.stockChanged) opts.stockChanged([p.productId]);
          presence.figuresChanged(a!.sessionId);
        },
      };
    }, log);

    handle(socket, 'reaction:send', async (p, s, a) => {
      await limits.take('reaction', s.id);
      presence.react(a!.sessionId, p.kind);
      return { data: {} };
    }, log);

    handle(socket, 'session:end', async (_p, s, a) => {
      const out = await service.end(a!, await presence.viewersNow(a!.sessionId));
      return { data: out.data, after: () => publish(a!.sessionId, out.events, s) };
    }, log);

    handle(socket, 'rtc:request', async (_p, s, a) => {
      await limits.take('rtc', s.id);
      nsp.to(rooms.hosts(a!.sessionId)).emit('rtc:request', { from: s.id, viewerId: a!.viewerId });
      return { data: { hostSocketId: await store.hostSocketOf(opts.db, a!.sessionId) } };
    }, log);

    handle(socket, 'rtc:signal', async (p, s, a) => {
      // Signalling only between the host and a viewer of the same session: a viewer may address
      // the host alone; the host reaches a socket only through its per-session peer room.
      if (a!.role !== 'host' && p.to !== (await store.hostSocketOf(opts.db, a!.sessionId))) {
        throw new AppError('NOT_FOUND', 'No such peer in this session.');
      }
      const { to, ...signal } = p;
      nsp.to(rooms.peer(a!.sessionId, to)).emit('rtc:signal', { from: s.id, ...signal });
      return { data: {} };
    }, log);

    socket.on('disconnect', () => {
      const a = socket.data.actor as Actor | undefined;
      if (!a) return;
      presence.countChanged(a.sessionId);
      if (a.role === 'host') void store.clearHostSocket(opts.db, a.sessionId, socket.id).catch(log);
    });
  });

  return {
    presence,
    publish,
    close: () => presence.close(),
  };
}

export { toAckError };
