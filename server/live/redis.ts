/**
 * Scale-out: the Redis Streams adapter lets several server processes share rooms and keeps
 * Socket.IO's connection state recovery working (the classic Redis adapter does not).
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';

export interface RedisLink {
  /** The connected node-redis client (rate limits share counts through it). */
  client: unknown;
  /** Answers when Redis does (the readiness check). */
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/** Switches the server to the Redis Streams adapter; the link pings and closes the client. */
export async function useRedisStreams(
  io: Server,
  url: string,
  streamName: string,
  log: { warn(o: object, m: string): void; info(o: object, m: string): void },
): Promise<RedisLink> {
  const client = createClient({ url });
  // The client reconnects on its own; say so once per outage, not once per retry.
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: err.message }, 'Redis is unreachable: live events of other processes will not arrive until it is back');
  });
  client.on('ready', () => {
    if (down) log.info({}, 'Redis is back');
    down = false;
  });
  await client.connect();
  io.adapter(createAdapter(client, { streamName, sessionKeyPrefix: `${streamName}:session:`, channelPrefix: streamName, maxLen: 100_000 }));
  return {
    client,
    ping: () => client.ping(),
    async close() {
      // Closing every namespace's adapter stops the stream readers and the pub/sub client it made.
      const nsps = (io as unknown as { _nsps: Map<string, { adapter: { close(): unknown } }> })._nsps;
      for (const nsp of nsps.values()) await Promise.resolve(nsp.adapter.close()).catch(() => undefined);
      await client.quit().catch(() => undefined);
    },
  };
}
