/** The host's tools: product search with push / pin / flash deal, and the stream link. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Product } from '../../server/protocol/api.js';
import { Price } from '../components/Price.js';
import { api } from '../lib/api.js';
import { toast } from '../lib/toasts.js';
import type { LiveConnection } from './connection.js';

function run(p: Promise<unknown>, done: string) {
  p.then(() => toast.success(done)).catch((err: Error) => toast.error(err.message));
}

function DealForm({ conn, product, onClose }: { conn: LiveConnection; product: Product; onClose: () => void }) {
  const [price, setPrice] = useState(Math.round(product.price.amount * 0.8) / 100);
  const [seconds, setSeconds] = useState(60);
  const [quantity, setQuantity] = useState(Math.min(10, product.stock));
  const [perViewer, setPerViewer] = useState(1);
  return (
    <form
      className="live-deal-form"
      aria-label={`Flash deal on ${product.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        run(conn.send('deal:start', { productId: product.id, priceMinor: Math.round(price * 100), durationSeconds: seconds, quantity, perViewer }), 'Deal started');
        onClose();
      }}
    >
      <label>
        Deal price <input type="number" step="0.01" min="0" value={price} onChange={(e) => setPrice(Number(e.target.value))} />
      </label>
      <label>
        Seconds (10–300) <input type="number" min="10" max="300" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
      </label>
      <label>
        Units <input type="number" min="1" max={product.stock} value={quantity} onChange={(e) => setQuantity(Number(e.target.value))} />
      </label>
      <label>
        Per viewer <input type="number" min="1" max="99" value={perViewer} onChange={(e) => setPerViewer(Number(e.target.value))} />
      </label>
      <button type="submit" className="btn btn-primary">
        Start deal
      </button>
    </form>
  );
}

export function ProductPicker({ conn }: { conn: LiveConnection }) {
  const [q, setQ] = useState('');
  const [dealFor, setDealFor] = useState<string | null>(null);
  const results = useQuery({ queryKey: ['live-picker', q], queryFn: () => api.products(q.trim() ? { q: q.trim(), limit: 12 } : { limit: 12 }) });
  return (
    <section className="panel" aria-labelledby="picker-h">
      <h2 id="picker-h">Products</h2>
      <input type="search" aria-label="Search the catalog" placeholder="Search the catalog" value={q} onChange={(e) => setQ(e.target.value)} />
      <ul className="live-picker">
        {results.data?.items.map((p) => (
          <li key={p.id} data-product={p.id}>
            <span className="live-picker-name">
              {p.name} · <Price money={p.price} /> · {p.stock} in stock
            </span>
            <span className="live-picker-actions">
              <button type="button" className="btn btn-primary" onClick={() => run(conn.send('product:push', { productId: p.id }), `Pushed ${p.name}`)}>
                Push
              </button>
              <button type="button" className="btn" onClick={() => run(conn.send('product:pin', { productId: p.id, pinned: true }), `Pinned ${p.name}`)}>
                Pin
              </button>
              <button type="button" className="btn" aria-expanded={dealFor === p.id} onClick={() => setDealFor(dealFor === p.id ? null : p.id)}>
                Deal
              </button>
            </span>
            {dealFor === p.id && <DealForm conn={conn} product={p} onClose={() => setDealFor(null)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StreamLinkForm({ conn, current }: { conn: LiveConnection; current: string | null }) {
  const [url, setUrl] = useState(current ?? '');
  return (
    <form
      className="live-stream-form"
      onSubmit={(e) => {
        e.preventDefault();
        run(conn.send('stream:set', { url: url.trim() || null }), url.trim() ? 'Stream link set' : 'Back to camera');
      }}
    >
      <label htmlFor="live-stream-url">For a large audience, paste an HLS (.m3u8) or embed URL</label>
      <input id="live-stream-url" type="url" value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
      <button type="submit" className="btn">
        {url.trim() ? 'Use this stream' : 'Use my camera'}
      </button>
    </form>
  );
}
