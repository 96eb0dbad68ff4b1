/** "Share to live chat": sends the try-on snapshot to the live session the page was opened from. */
import { useState } from 'react';
import { Link } from 'wouter';
import type { SnapshotShared } from '../../server/protocol/live.js';
import { errorMessage, request } from '../lib/api.js';
import { encodeForChat } from './shareEncode.js';

interface Props {
  sessionId: string;
  productId: string;
  shot: Blob;
}

type State = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

export function ShareToLive({ sessionId, productId, shot }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [sentShot, setSentShot] = useState<Blob | null>(null);
  const sent = state.kind === 'sent' && sentShot === shot;

  const send = async () => {
    setState({ kind: 'sending' });
    try {
      const form = new FormData();
      form.append('photo', await encodeForChat(shot), 'try-on.jpg');
      const path = `/api/live/sessions/${encodeURIComponent(sessionId)}/snapshots?productId=${encodeURIComponent(productId)}`;
      await request<SnapshotShared>('POST', path, { body: form });
      setSentShot(shot);
      setState({ kind: 'sent' });
    } catch (err) {
      // The snapshot stays on the page (it is the parent's), so the viewer can save it or retry.
      setState({ kind: 'failed', message: errorMessage(err) });
    }
  };

  return (
    <div className="tryon-share">
      <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={state.kind === 'sending' || sent} data-testid="share-live">
        {state.kind === 'sending' ? 'Sharing…' : sent ? 'Shared to live chat' : 'Share to live chat'}
      </button>
      <p role="status" aria-live="polite" className="tryon-share-status">
        {sent && (
          <>
            Shared. <Link href={`/live/${encodeURIComponent(sessionId)}`}>Back to the live</Link>
          </>
        )}
      </p>
      {state.kind === 'failed' && (
        <p className="warn" role="alert" data-testid="share-error">
          Could not share: {state.message}
        </p>
      )}
    </div>
  );
}
