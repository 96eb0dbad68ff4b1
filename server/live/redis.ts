/**
 * Scale-out: the Redis Streams adapter lets several server processes share rooms and keeps
 * Socket.IO's connection state recovery working (the classic Redis adapter does not).
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';

/** Switches the server to the Redis Streams adapter; returns a function that closes the client. */
export async function useRedisStreams(io: Server, url: string, streamName: string): Promise<() => Promise<void>> {
  const client = createClient({ url });
  client.on('error', () => undefined); // reconnects on its own; errors surface through failed emits
  await client.connect();
  io.adapter(createAdapter(client, { streamName, sessionKeyPrefix: `${streamName}:session:`, channelPrefix: streamName, maxLen: 100_000 }));
  return async () => {
    // Closing every namespace's adapter stops the stream readers and the pub/sub client it made.
    const nsps = (io as unknown as { _nsps: Map<string, { adapter: { close(): unknown } }> })._nsps;
    for (const nsp of nsps.values()) await Promise.resolve(nsp.adapter.close()).catch(() => undefined);
    await client.quit().catch(() => undefined);
  };
}
