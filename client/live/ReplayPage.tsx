/** A shoppable replay: the session's chat and product cards on a timeline, cards still addable to the cart. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'wouter';
import type { ReplayData } from '../../server/protocol/live.js';
import { ErrorState } from '../components/ErrorState.js';
import { Spinner } from '../components/Spinner.js';
import { request } from '../lib/api.js';
import { useAddToCart } from '../lib/cart.js';
import { ChatStream } from './ChatStream.js';
import { Figures } from './Figures.js';
import { LiveCard } from './LiveCard.js';
import { stateAt, timeline } from './replay.js';
import { stockOf } from './state.js';
import './live.css';

const fmt = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

export default function ReplayPage() {
  const { id = '' } = useParams<{ id: string }>();
  const replay = useQuery({ queryKey: ['live-replay', id], queryFn: () => request<ReplayData>('GET', `/api/live/sessions/${encodeURIComponent(id)}/replay`) });
  const events = replay.data?.events ?? [];
  const line = useMemo(() => timeline(events), [events]);
  const [pos, setPos] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const add = useAddToCart();
  const position = pos ?? line.durationMs;

  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => {
      setPos((p) => {
        const next = (p ?? 0) + 500;
        if (next >= line.durationMs) setPlaying(false);
        return Math.min(next, line.durationMs);
      });
    }, 500);
    return () => clearInterval(t);
  }, [playing, line.durationMs]);

  if (replay.isPending) return <Spinner label="Loading the replay" />;
  if (replay.isError) return <ErrorState error={replay.error} title="No replay for this session" onRetry={() => replay.refetch()} />;
  const s = stateAt(events, line.offsets, position);
  return (
    <div className="live-page">
      <header className="live-head">
        <h1 className="live-title">{replay.data.session.title}: replay</h1>
      </header>
      <div className="live-timeline">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            if (!playing && position >= line.durationMs) setPos(0);
            setPlaying((p) => !p);
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="live-scrub">
          <span className="visually-hidden">Position in the replay</span>
          <input type="range" min={0} max={line.durationMs} step={500} value={position} onChange={(e) => setPos(Number(e.target.value))} />
        </label>
        <span className="muted">
          {fmt(position)} / {fmt(line.durationMs)}
        </span>
      </div>
      {s.pins.length > 0 && (
        <section className="live-pins" aria-label="Pinned products">
          {s.pins.map((p) => (
            <LiveCard key={p.id} card={p} stock={stockOf(s, p)} compact onAdd={(variant) => add.mutate({ productId: p.id, variant, name: p.name })} />
          ))}
        </section>
      )}
      <ChatStream
        items={s.items}
        renderCard={(i) => (
          // A replay sells at today's price: deals ended with the live.
          <LiveCard card={i.product} stock={stockOf(s, i.product)} busy={add.isPending} onAdd={(variant) => add.mutate({ productId: i.product.id, variant, name: i.product.name })} />
        )}
      />
      {replay.data.session.status === 'ended' && <Figures f={replay.data.summary} title="How the live went" />}
    </div>
  );
}
