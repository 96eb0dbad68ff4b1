/** The viewer's page, opened from the host's link or QR code: name, video, chat, cards, pins, deal. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import type { SessionView } from '../../server/protocol/live.js';
import { ErrorState } from '../components/ErrorState.js';
import { Spinner } from '../components/Spinner.js';
import { request } from '../lib/api.js';
import { ChatInput } from './ChatInput.js';
import { ChatStream } from './ChatStream.js';
import { DealBanner } from './DealBanner.js';
import { wantsLoopbackIce } from './ice.js';
import { LiveCard } from './LiveCard.js';
import { Reactions } from './Reactions.js';
import { ViewerReceive } from './rtc.js';
import { stockOf } from './state.js';
import { Stage } from './Stage.js';
import { useLive, useLiveAdd, useLiveConnection } from './useLive.js';
import './live.css';

const NAME_KEY = 'shopsee.live.name';

function NameForm({ title, onJoin }: { title: string; onJoin: (name: string) => void }) {
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  return (
    <form
      className="panel live-join"
      onSubmit={(e) => {
        e.preventDefault();
        const n = name.trim();
        if (!n) return;
        localStorage.setItem(NAME_KEY, n);
        onJoin(n);
      }}
    >
      <h1>{title}</h1>
      <p className="muted">Pick a display name for the chat. No sign-up, nothing else about you is shared.</p>
      <label className="field" htmlFor="live-name">
        <span>Display name</span>
        <input id="live-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoComplete="nickname" required />
      </label>
      <button type="submit" className="btn btn-primary btn-block">
        Join the live
      </button>
    </form>
  );
}

export default function ViewerPage() {
  const { id = '' } = useParams<{ id: string }>();
  const info = useQuery({ queryKey: ['live', id], queryFn: () => request<SessionView>('GET', `/api/live/sessions/${encodeURIComponent(id)}`) });
  const [name, setName] = useState<string | null>(null);
  const conn = useLiveConnection(id, name ? { name } : null);
  const s = useLive(conn, (x) => x);
  const { add, busy } = useLiveAdd(conn, id);
  const [video, setVideo] = useState<MediaStream | null>(null);

  useEffect(() => {
    if (!conn || s.status !== 'live' || s.streamUrl) return;
    const rx = new ViewerReceive(conn, wantsLoopbackIce(location.search, localStorage), setVideo);
    rx.start();
    return () => rx.close();
  }, [conn, s.status === 'live', s.streamUrl]);

  if (info.isPending) return <Spinner label="Opening the live" />;
  if (info.isError) return <ErrorState error={info.error} title="This live session was not found" />;
  if (info.data.status === 'ended' && !conn) {
    return (
      <div className="page page-narrow">
        <h1>{info.data.title}</h1>
        <p>This live has ended.</p>
        <Link href={`/live/${id}/replay`} className="btn btn-primary">
          Watch the replay
        </Link>
      </div>
    );
  }
  if (!name) return <div className="page page-narrow"><NameForm title={info.data.title} onJoin={setName} /></div>;
  if (s.status === 'kicked' || s.status === 'failed') return <ErrorState error={new Error(s.error ?? 'Could not join.')} title="You are not in this live" />;

  const dealItem = s.deal ? s.items.find((i) => i.type === 'deal:started' && i.deal.id === s.deal!.id) : undefined;
  const dealProduct = dealItem?.type === 'deal:started' ? dealItem.product : undefined;
  const dealOn = (productId: string) => (s.deal && s.deal.productId === productId && Date.parse(s.deal.endsAt) > Date.now() + s.clockOffsetMs ? s.deal : null);
  return (
    <div className="live-page">
      <header className="live-head">
        <h1 className="live-title">{s.session?.title ?? info.data.title}</h1>
        <span className="live-viewers" aria-label={`${s.viewers.now} watching`} data-viewers={s.viewers.now}>
          👁 {s.viewers.now}
        </span>
        {s.status === 'reconnecting' && <span className="warn" role="status">Reconnecting…</span>}
      </header>
      <Stage stream={video} url={s.streamUrl} label="Host video" />
      {s.summary && (
        <div className="panel" role="status">
          The live has ended. <Link href={`/live/${id}/replay`}>Watch the replay</Link>
        </div>
      )}
      {s.deal && <DealBanner deal={s.deal} {...(dealProduct ? { product: dealProduct } : {})} offsetMs={s.clockOffsetMs} />}
      {s.pins.length > 0 && (
        <section className="live-pins" aria-label="Pinned products">
          {s.pins.map((p) => (
            <LiveCard key={p.id} sessionId={id} card={p} stock={stockOf(s, p)} deal={dealOn(p.id)} compact busy={busy === p.id} onAdd={(variant, dealId) => add(p.id, p.name, { variant, ...(dealId ? { dealId } : {}) })} />
          ))}
        </section>
      )}
      <ChatStream
        items={s.items}
        renderCard={(i) => (
          <LiveCard sessionId={id} card={i.product} stock={stockOf(s, i.product)} deal={dealOn(i.product.id)} busy={busy === i.product.id} onAdd={(variant, dealId) => add(i.product.id, i.product.name, { variant, ...(dealId ? { dealId } : {}) })} />
        )}
      />
      <Reactions conn={conn} />
      <ChatInput send={(text) => conn!.send('chat:send', { text })} disabled={!conn || s.status !== 'live' || Boolean(s.summary) || s.moderation.muted} />
      {s.moderation.muted && <p className="muted">The host muted you; you can still watch and shop.</p>}
    </div>
  );
}
