/** The merchant's live sessions: create one (title, optional start time, cover product), list with links. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { SessionCreated, SessionView } from '../../server/protocol/live.js';
import { ErrorState } from '../components/ErrorState.js';
import { request } from '../lib/api.js';
import { loadToken } from '../merchant/token.js';
import './live.css';

type Listed = SessionView & { hostPath: string; viewerPath: string; replayPath: string };

export default function LiveHome() {
  const [token] = useState(() => loadToken(localStorage));
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['live-sessions'], enabled: Boolean(token), queryFn: () => request<{ items: Listed[] }>('GET', '/api/live/sessions', { token: token! }) });
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [cover, setCover] = useState('');
  const create = useMutation({
    mutationFn: () =>
      request<SessionCreated>('POST', '/api/live/sessions', {
        token: token!,
        body: { title, ...(startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}), ...(cover ? { coverProductId: cover } : {}) },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['live-sessions'] }),
  });
  if (!token) {
    return (
      <div className="page page-narrow">
        <h1>Live shopping</h1>
        <p>Sign in to the merchant console first; then come back here to start a live.</p>
        <Link href="/merchant" className="btn btn-primary">
          Merchant console
        </Link>
      </div>
    );
  }
  return (
    <div className="page page-narrow">
      <h1>Live shopping</h1>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2>New live session</h2>
        <label className="field" htmlFor="live-title">
          <span>Title</span>
          <input id="live-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} required />
        </label>
        <label className="field" htmlFor="live-start">
          <span>Starts at (optional)</span>
          <input id="live-start" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        </label>
        <label className="field" htmlFor="live-cover">
          <span>Cover product id (optional)</span>
          <input id="live-cover" value={cover} onChange={(e) => setCover(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Create
        </button>
        {create.isError && <ErrorState error={create.error} title="Could not create the session" />}
        {create.data && (
          <div className="live-created" role="status">
            <p>
              <a href={create.data.hostPath}>Open the host page</a> · <a href={create.data.viewerPath}>Viewer link</a>
            </p>
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(create.data.qrSvg)}`} alt={`QR code for ${create.data.viewerUrl}`} width={180} height={180} />
            <p className="muted">{create.data.viewerUrl}</p>
          </div>
        )}
      </form>
      <section className="panel" aria-labelledby="sessions-h">
        <h2 id="sessions-h">Sessions</h2>
        <ul className="live-sessions">
          {list.data?.items.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> <span className="muted">{s.status}</span> · <a href={s.hostPath}>Host</a> · <Link href={s.viewerPath}>Viewer</Link> ·{' '}
              <Link href={s.replayPath}>Replay</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
