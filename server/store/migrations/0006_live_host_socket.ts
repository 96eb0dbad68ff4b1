/**
 * The host's current socket per live session, so a viewer's join learns where to ask for video
 * from the database instead of asking every server process (a hung process stalled every join).
 */
import type { Kysely, Migration } from 'kysely';

export const liveHostSocket: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('live_sessions').addColumn('host_socket', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('live_sessions').dropColumn('host_socket').execute();
  },
};
