import type { Figures as F } from '../../server/protocol/live.js';
import { Price } from '../components/Price.js';
import { averageOrderMinor, conversion } from './figures.js';

/** The host's live figures (and the end-of-session summary). */
export function Figures({ f, title = 'Live figures' }: { f: F; title?: string }) {
  const rows: Array<[string, string, React.ReactNode]> = [
    ['viewers', 'Watching now', f.viewersNow],
    ['peak', 'Peak viewers', f.viewersPeak],
    ['pushes', 'Products pushed', f.pushes],
    ['adds', 'Adds to cart', f.addsToCart],
    ['orders', 'Orders', f.orders],
    ['revenue', 'Revenue', <Price money={{ amount: f.revenueMinor, currency: f.currency }} />],
    ['aov', 'Average order', <Price money={{ amount: averageOrderMinor(f), currency: f.currency }} />],
    ['conversion', 'Adds that became orders', `${Math.round(conversion(f) * 100)}%`],
  ];
  return (
    <section className="panel live-figures" aria-label={title}>
      <h2>{title}</h2>
      <dl>
        {rows.map(([key, label, value]) => (
          <div key={key} data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
