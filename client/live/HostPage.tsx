/** The host's page (opened with its host link): camera, products to push, pins, deals, chat moderation, figures. */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ErrorState } from '../components/ErrorState.js';
import { QrShare } from '../components/QrShare.js';
import { toast } from '../lib/toasts.js';
import { ChatInput } from './ChatInput.js';
import { ChatStream } from './ChatStream.js';
import { DealBanner } from './DealBanner.js';
import { Figures } from './Figures.js';
import { ProductPicker, StreamLinkForm } from './HostTools.js';
import { wantsLoopbackIce } from './ice.js';
import { LiveCard } from './LiveCard.js';
import { HostBroadcast } from './rtc.js';
import { stockOf } from './state.js';
import { Stage } from './Stage.js';
import { useLive, useLiveConnection } from './useLive.js';
import './live.css';

/** The host key from "#key=…" (kept for this tab so a reload stays host), else the stored one. */
function hostKeyFor(id: string): string | null {
  const k = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  const storeKey = `shopsee.live.${id}.hostKey`;
  if (k) {
    sessionStorage.setItem(storeKey, k);
    history.replaceState(null, '', location.pathname + location.search);
    return k;
  }
  return sessionStorage.getItem(storeKey);
}

export default function HostPage() {
  const { id = '' } = useParams<{ id: string }>();
  const [hostKey] = useState(() => hostKeyFor(id));
  const conn = useLiveConnection(id, hostKey ? { name: 'Host', hostKey } : null);
  const s = useLive(conn, (x) => x);
  const [camera, setCamera] = useState<MediaStream | null>(null);

  useEffect(() => {
    if (!conn || !camera) return;
    const tx = new HostBroadcast(conn, camera, wantsLoopbackIce(location.search, localStorage));
    return () => tx.close();
  }, [conn, camera]);
  useEffect(() => () => camera?.getTracks().forEach((t) => t.stop()), [camera]);

  if (!hostKey) return <ErrorState error={new Error('Open this page with the host link you got when creating the session.')} title="Host key missing" />;
  if (s.status === 'failed') return <ErrorState error={new Error(s.error ?? 'Could not join as host.')} title="Could not start hosting" />;
  if (s.summary) {
    return (
      <div className="page page-narrow">
        <h1>{s.session?.title}: summary</h1>
        <Figures f={s.summary} title="Session summary" />
        <Link href={`/live/${id}/replay`} className="btn btn-primary">
          Open the replay
        </Link>
      </div>
    );
  }
  const startCamera = async () => {
    try {
      setCamera(await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false }));
    } catch (err) {
      toast.error(`Camera unavailable: ${(err as Error).message}`);
    }
  };
  const sendOrToast = (p: Promise<unknown>) => p.catch((err: Error) => toast.error(err.message));
  return (
    <div className="live-page live-host">
      <header className="live-head">
        <h1 className="live-title">{s.session?.title ?? 'Live'} (host)</h1>
        <span className="live-viewers" data-viewers={s.viewers.now}>
          👁 {s.viewers.now}
        </span>
        <QrShare path={`/live/${id}`} title="Join my live" />
      </header>
      <div className="live-host-grid">
        <div>
          <Stage stream={camera} url={camera ? null : s.streamUrl} label="Your camera" />
          {!camera && (
            <button type="button" className="btn btn-primary" onClick={startCamera}>
              Start camera
            </button>
          )}
          {conn && <StreamLinkForm conn={conn} current={s.streamUrl} />}
          {s.figures && <Figures f={s.figures} />}
          <button type="button" className="btn btn-danger" onClick={() => conn && window.confirm('End the live for everyone?') && sendOrToast(conn.send('session:end', {}))}>
            End live
          </button>
        </div>
        <div>
          {s.deal && <DealBanner deal={s.deal} offsetMs={s.clockOffsetMs} />}
          {s.pins.length > 0 && (
            <section className="live-pins" aria-label="Pinned products">
              {s.pins.map((p) => (
                <div key={p.id} className="live-pin">
                  <LiveCard card={p} stock={stockOf(s, p)} compact />
                  <button type="button" className="btn btn-ghost" onClick={() => conn && sendOrToast(conn.send('product:pin', { productId: p.id, pinned: false }))}>
                    Unpin
                  </button>
                </div>
              ))}
            </section>
          )}
          <ChatStream
            items={s.items}
            renderCard={(i) => <LiveCard card={i.product} stock={stockOf(s, i.product)} compact />}
            moderate={(m) =>
              m.host ? null : (
                <span className="live-mod">
                  <button type="button" className="btn btn-ghost" onClick={() => conn && sendOrToast(conn.send('chat:delete', { seq: m.seq }))}>
                    Delete
                  </button>
                  <button type="button" className="btn btn-ghost" onClick={() => conn && sendOrToast(conn.send('viewer:mute', { viewerId: m.viewerId, muted: true }))}>
                    Mute
                  </button>
                  <button type="button" className="btn btn-ghost" onClick={() => conn && window.confirm(`Remove ${m.name}?`) && sendOrToast(conn.send('viewer:ban', { viewerId: m.viewerId }))}>
                    Ban
                  </button>
                </span>
              )
            }
          />
          <ChatInput send={(text) => conn!.send('chat:send', { text })} disabled={!conn || s.status !== 'live'} />
          {conn && <ProductPicker conn={conn} />}
        </div>
      </div>
    </div>
  );
}
