import type { CartLine } from '../../server/protocol/api.js';
import { MAX_LINE_QUANTITY } from '../../server/protocol/api.js';
import { Price } from '../components/Price.js';
import { useRemoveLine, useUpdateLine } from '../lib/cart.js';

/** One cart line: photo, name, size and colour, quantity stepper, remove and the line total. */
export function CartLineRow({ line }: { line: CartLine }) {
  const update = useUpdateLine();
  const remove = useRemoveLine();
  const busy = update.isPending || remove.isPending;
  const max = Math.min(MAX_LINE_QUANTITY, line.available);
  return (
    <li className="cart-line" aria-label={line.name} aria-busy={busy}>
      {line.photo ? <img src={line.photo.thumbUrl} alt="" width={64} height={64} /> : <div className="cart-line-nophoto" aria-hidden="true" />}
      <div className="cart-line-main">
        <div className="cart-line-name">{line.name}</div>
        {line.size || line.color ? (
          <div className="muted">
            {line.size ? (line.size === 'One size' ? 'One size' : `Size ${line.size}`) : null}
            {line.size && line.color ? ' · ' : null}
            {line.color ? (
              <>
                {line.color.hex ? <i className="swatch" aria-hidden="true" style={{ background: line.color.hex, width: 14, height: 14, verticalAlign: '-2px', marginRight: 4 }} /> : null}
                {line.color.name}
              </>
            ) : null}
          </div>
        ) : null}
        <div className="muted">
          <Price money={line.unitPrice} /> each
        </div>
        {line.quantity > line.available && <div className="warn">Only {line.available} left</div>}
        <div className="stepper" role="group" aria-label={`Quantity of ${line.name}`}>
          <button
            type="button"
            aria-label={`One fewer ${line.name}`}
            disabled={busy || line.quantity <= 1}
            onClick={() => update.mutate({ lineId: line.id, quantity: line.quantity - 1 })}
          >
            −
          </button>
          <output aria-live="polite">{line.quantity}</output>
          <button
            type="button"
            aria-label={`One more ${line.name}`}
            disabled={busy || line.quantity >= max}
            onClick={() => update.mutate({ lineId: line.id, quantity: line.quantity + 1 })}
          >
            +
          </button>
        </div>
      </div>
      <div className="cart-line-side">
        <Price money={line.lineTotal} className="strong" />
        <button type="button" className="link-btn" disabled={busy} onClick={() => remove.mutate({ lineId: line.id })} aria-label={`Remove ${line.name}`}>
          Remove
        </button>
      </div>
    </li>
  );
}
