/** Test helpers for live sessions: a server with the live feature, products, sessions and socket clients. */
import { io as connect, type Socket } from 'socket.io-client';
import { liveFeature, type LiveOptions } from '../../server/live/feature.js';
import type { Ack, AckData, ClientEventName, ClientPayload, LiveEvent, SessionCreated } from '../../server/protocol/live.js';
import { Shopper } from '../support/http.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/server.js';

export async function startLiveServer(opts: TestServerOptions & { live?: LiveOptions } = {}): Promise<TestServer> {
  return startTestServer({ ...opts, features: [liveFeature(opts.live)] });
}

/** Creates a product through the merchant API and returns its id. */
export async function createProduct(base: string, token: string, over: Record<string, unknown> = {}): Promise<string> {
  const m = new Shopper(base, token);
  const res = await m.post('/api/products', {
    name: 'Field Watch',
    category: 'watches',
    price: { amount: 10_000, currency: 'EUR' },
    stock: 50,
    ...over,
  });
  if (res.status !== 201) throw new Error(`product create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function createSession(base: string, token: string, title = 'Friday drop'): Promise<SessionCreated> {
  const res = await new Shopper(base, token).post('/api/live/sessions', { title });
  if (res.status !== 201) throw new Error(`session create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionCreated;
}

/** A real socket.io client with the shopper cookie of its own HTTP cookie jar, recording what it receives. */
export class LiveClient {
  readonly events: LiveEvent[] = [];
  readonly received: Array<{ name: string; args: unknown[] }> = [];
  private constructor(
    readonly socket: Socket,
    readonly shopper: Shopper,
  ) {
    socket.on('session:event', (e: LiveEvent) => this.events.push(e));
    socket.onAny((name: string, ...args: unknown[]) => this.received.push({ name, args }));
  }

  static async open(base: string, opts: { shopper?: Shopper; cookie?: boolean; reconnection?: boolean } = {}): Promise<LiveClient> {
    const shopper = opts.shopper ?? new Shopper(base);
    if (opts.cookie !== false && !shopper.cookieHeader) await shopper.get('/api/me');
    const socket = connect(`${base}/live`, {
      transports: ['websocket'],
      extraHeaders: shopper.cookieHeader ? { cookie: shopper.cookieHeader } : {},
      reconnection: opts.reconnection ?? false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new LiveClient(socket, shopper);
  }

  emit<E extends ClientEventName>(event: E, payload: ClientPayload<E> | unknown, timeoutMs = 30_000): Promise<Ack<AckData[E]>> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload);
  }

  /** Emits and throws unless the ack is ok; returns its data. */
  async ok<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<AckData[E]> {
    const ack = await this.emit(event, payload);
    if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  /** Waits until `pred` holds over what was received, or fails after `ms`. */
  async until(pred: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  named(name: string): unknown[][] {
    return this.received.filter((r) => r.name === name).map((r) => r.args);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
