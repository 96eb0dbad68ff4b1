import { useEffect, useMemo, useRef, useState } from 'react';
import type { DiscoveredItem, ImageBox } from '../vision/types.js';
import { BoxDraw } from './BoxDraw.js';
import { itemNames, lookLines } from './look.js';
import { LookSheet } from './LookSheet.js';
import { MatchList } from './MatchList.js';
import { Outlines } from './Outlines.js';
import type { VisionClient } from './visionClient.js';

interface Props {
  url: string;
  width: number;
  height: number;
  items: DiscoveredItem[];
  /** The page's vision worker; with it the shopper can draw a box and search it. */
  client?: VisionClient;
}

/**
 * The analysed photo with an outline per item, then every item's matches grouped under its name;
 * "Complete the look" adds the best match of each; "Draw a box" searches what the detector missed.
 */
export function PhotoResult({ url, width, height, items: found, client }: Props) {
  const [drawn, setDrawn] = useState<DiscoveredItem[]>([]);
  const items = useMemo(() => [...found, ...drawn], [found, drawn]);
  const names = useMemo(() => itemNames(items), [items]);
  const look = useMemo(() => lookLines(items), [items]);
  const [selected, setSelected] = useState<number | undefined>(items.length ? 0 : undefined);
  const [drawing, setDrawing] = useState(false);
  const [searching, setSearching] = useState(false);
  const [boxNote, setBoxNote] = useState('');
  const [lookOpen, setLookOpen] = useState(false);
  const groups = useRef<(HTMLElement | null)[]>([]);
  const scrollTo = useRef<{ index: number; focus: boolean } | undefined>(undefined);

  useEffect(() => {
    if (scrollTo.current === undefined) return;
    const { index, focus } = scrollTo.current;
    const group = groups.current[index];
    group?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    // After a keyboard box search the drawing layer is gone: carry focus to the new results.
    if (focus) group?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    scrollTo.current = undefined;
  });

  const select = (i: number, focus = false) => {
    setSelected(i);
    scrollTo.current = { index: i, focus };
  };

  const searchBox = async (box: ImageBox) => {
    if (!client) return;
    setSearching(true);
    setBoxNote('Searching your box…');
    const answer = await client.searchBox(box);
    setSearching(false);
    if (answer.type !== 'boxResult') {
      setBoxNote(answer.type === 'error' ? `Your box could not be searched: ${answer.message}` : 'Your box could not be searched.');
      return;
    }
    const n = answer.item.matches.length;
    setBoxNote(n ? `Found ${n} product${n === 1 ? '' : 's'} like your box.` : 'Nothing in the catalog looks like your box.');
    setDrawing(false);
    setDrawn((d) => [...d, answer.item]);
    select(items.length, true);
  };

  const keyed = items.map((it, i) => ({ ...it, label: names[i]!.text, key: i }));
  return (
    <div className="discover-result">
      <div className="discover-photo">
        <div className={`stage${drawing ? ' is-drawing' : ''}`} style={{ aspectRatio: `${width} / ${height}` }}>
          <img src={url} alt="Your photo" />
          <Outlines width={width} height={height} items={keyed} selected={selected} onSelect={(k) => select(Number(k))} />
          {drawing ? <BoxDraw width={width} height={height} busy={searching} onBox={(b) => void searchBox(b)} onHint={setBoxNote} /> : null}
        </div>
        {client ? (
          <div className="discover-tools">
            <button
              type="button"
              className="btn btn-secondary"
              aria-pressed={drawing}
              onClick={() => {
                setDrawing((d) => !d);
                setBoxNote(drawing ? '' : 'Drag around the item on the photo.');
              }}
            >
              {drawing ? 'Stop drawing' : 'Draw a box'}
            </button>
            <p className="muted" role="status">
              {boxNote}
            </p>
          </div>
        ) : null}
      </div>
      <div className="discover-side">
        {items.length === 0 ? (
          <p className="muted" role="status">
            No products found in this photo. {client ? 'Draw a box around the item to search it, or try' : 'Try'} a photo where the item is larger or better lit.
          </p>
        ) : (
          <>
            <div className="chips" role="group" aria-label="Items found in the photo">
              {items.map((_, i) => (
                <button key={i} type="button" className="chip" aria-pressed={selected === i} onClick={() => select(i)}>
                  {names[i]!.text}
                </button>
              ))}
            </div>
            {look.length > 0 ? (
              <button type="button" className="btn btn-primary btn-block btn-lg" aria-haspopup="dialog" onClick={() => setLookOpen(true)}>
                Complete the look ({look.length} {look.length === 1 ? 'item' : 'items'})
              </button>
            ) : null}
            {items.map((it, i) => (
              <section
                key={i}
                ref={(el) => {
                  groups.current[i] = el;
                }}
                className={`match-group${selected === i ? ' is-selected' : ''}`}
                aria-labelledby={`group-${i}`}
                data-label={it.label}
              >
                <h2 className="discover-h2" id={`group-${i}`} tabIndex={-1}>
                  Like {names[i]!.subject}
                </h2>
                <MatchList matches={it.matches} listName={names[i]!.listName} />
              </section>
            ))}
          </>
        )}
      </div>
      {lookOpen ? <LookSheet lines={look} names={names} onClose={() => setLookOpen(false)} /> : null}
    </div>
  );
}
