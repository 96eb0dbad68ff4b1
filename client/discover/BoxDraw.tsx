import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import type { ImageBox } from '../vision/types.js';
import { boxFromPoints, type ImagePoint, nudge, searchable, startBox } from './boxGeometry.js';

interface Props {
  /** The photo's own pixel size; the box is in these pixels. */
  width: number;
  height: number;
  busy: boolean;
  onBox(box: ImageBox): void;
  /** Says why a box was not searched (too small). */
  onHint(text: string): void;
}

/**
 * A layer over the photo to draw a box around something the detector missed: drag with a finger,
 * pen or mouse (pointer events, captured, no page scroll meanwhile); or focus it and use the arrow
 * keys (Shift resizes) and Enter.
 */
export function BoxDraw({ width, height, busy, onBox, onHint }: Props) {
  const layer = useRef<HTMLDivElement>(null);
  const start = useRef<ImagePoint | null>(null);
  const [box, setBox] = useState<ImageBox | null>(null);
  const photo = { width, height };

  const toImage = (e: PointerEvent): ImagePoint => {
    const r = layer.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * width, y: ((e.clientY - r.top) / r.height) * height };
  };
  const finish = (b: ImageBox) => {
    if (!searchable(b, photo)) {
      onHint('That box is too small to search: drag a larger one.');
      return;
    }
    onBox(b);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (busy || !e.isPrimary) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = toImage(e);
    setBox(boxFromPoints(start.current, start.current, photo));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current) setBox(boxFromPoints(start.current, toImage(e), photo));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const b = boxFromPoints(start.current, toImage(e), photo);
    start.current = null;
    setBox(b);
    finish(b);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = box ?? startBox(photo);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (!busy) finish(current);
      return;
    }
    const next = nudge(current, e.key, e.shiftKey, photo);
    if (next) {
      e.preventDefault();
      setBox(next);
    }
  };

  return (
    <div
      ref={layer}
      className="boxdraw"
      role="application"
      tabIndex={0}
      aria-label="Drawing area over your photo"
      aria-describedby="boxdraw-help"
      aria-busy={busy}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (start.current = null)}
      onFocus={() => setBox((b) => b ?? startBox(photo))}
      onKeyDown={onKeyDown}
      data-box={box ? box.join(',') : undefined}
    >
      <span id="boxdraw-help" className="visually-hidden">
        Drag around an item to search for it. With a keyboard: arrow keys move the box, Shift with arrow keys resizes it, Enter searches.
      </span>
      {box ? (
        <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
          <path className="boxdraw-dim" fillRule="evenodd" d={`M0 0H${width}V${height}H0Z M${box[0]} ${box[1]}h${box[2]}v${box[3]}h${-box[2]}Z`} />
          <rect className="boxdraw-rect" x={box[0]} y={box[1]} width={box[2]} height={box[3]} />
        </svg>
      ) : null}
    </div>
  );
}
