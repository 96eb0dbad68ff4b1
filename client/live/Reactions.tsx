import { REACTIONS } from '../../server/protocol/live.js';
import type { LiveConnection } from './connection.js';
import { useLive } from './useLive.js';

const EMOJI: Record<(typeof REACTIONS)[number], string> = { heart: '❤️', fire: '🔥', clap: '👏', laugh: '😂', wow: '😮' };

/** Reaction buttons and the latest burst from everyone (lossy by design). */
export function Reactions({ conn }: { conn: LiveConnection | null }) {
  const burst = useLive(conn, (s) => s.reactions);
  return (
    <div className="live-reactions" role="group" aria-label="Reactions">
      {REACTIONS.map((r) => (
        <button key={r} type="button" className="icon-btn live-reaction" aria-label={`Send ${r}`} onClick={() => void conn?.send('reaction:send', { kind: r }).catch(() => undefined)}>
          <span aria-hidden="true">{EMOJI[r]}</span>
          {burst[r] ? <span className="live-reaction-count">{burst[r]}</span> : null}
        </button>
      ))}
    </div>
  );
}
