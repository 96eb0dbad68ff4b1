import { useState } from 'react';
import type { DiscoveredItem } from '../vision/types.js';
import { MatchList } from './MatchList.js';
import { Outlines } from './Outlines.js';

interface Props {
  url: string;
  width: number;
  height: number;
  items: DiscoveredItem[];
}

/** The analysed photo with an outline per item; tapping an item (or its chip) lists similar products. */
export function PhotoResult({ url, width, height, items }: Props) {
  const [selected, setSelected] = useState<number | undefined>(items.length ? 0 : undefined);
  const keyed = items.map((it, i) => ({ ...it, key: i }));
  const current = selected === undefined ? undefined : items[selected];
  return (
    <div className="discover-result">
      <div className="stage" style={{ aspectRatio: `${width} / ${height}` }}>
        <img src={url} alt="Your photo" />
        <Outlines width={width} height={height} items={keyed} selected={selected} onSelect={(k) => setSelected(Number(k))} />
      </div>
      {items.length === 0 ? (
        <p className="muted" role="status">
          No products found in this photo. Try one where the item is larger or better lit.
        </p>
      ) : (
        <>
          <div className="chips" role="group" aria-label="Items found in the photo">
            {items.map((it, i) => (
              <button key={i} type="button" className="chip" aria-pressed={selected === i} onClick={() => setSelected(i)}>
                {it.label}
              </button>
            ))}
          </div>
          {current ? (
            <section aria-label={`Similar to the ${current.label}`}>
              <h2 className="discover-h2">Like the {current.label}</h2>
              <MatchList item={current} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
