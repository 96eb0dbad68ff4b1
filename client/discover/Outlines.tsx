import type { Detection } from '../vision/types.js';

interface Props {
  width: number;
  height: number;
  items: (Detection & { key: string | number })[];
  selected?: string | number | undefined;
  onSelect?: (key: string | number) => void;
}

/** Boxes with labels over a photo or video; coordinates in the image's own pixels (SVG viewBox). */
export function Outlines({ width, height, items, selected, onSelect }: Props) {
  const stroke = Math.max(2, Math.round(Math.max(width, height) / 250));
  const font = Math.max(12, Math.round(Math.max(width, height) / 40));
  return (
    <svg className="outlines" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden={onSelect ? undefined : true}>
      {items.map((it) => (
        <g
          key={it.key}
          data-key={it.key}
          data-label={it.label}
          className={`outline outline-${it.kind}${selected === it.key ? ' is-selected' : ''}`}
          onClick={onSelect ? () => onSelect(it.key) : undefined}
        >
          <rect x={it.box[0]} y={it.box[1]} width={it.box[2]} height={it.box[3]} strokeWidth={stroke} rx={stroke * 2} />
          <text x={it.box[0] + stroke * 2} y={Math.max(font, it.box[1] - stroke * 2)} fontSize={font}>
            {it.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
