import { useQueries } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Product } from '../../server/protocol/api.js';
import { Price } from '../components/Price.js';
import { Sheet } from '../components/Sheet.js';
import { ChoiceGroup, sizeOptions } from '../components/ChoiceGroup.js';
import { StockBadge } from '../components/StockBadge.js';
import { api } from '../lib/api.js';
import { type LineOutcome, useAddLines } from '../lib/cart.js';
import { addedMessage, asksForColor, asksForSize, type Choice, initialChoice, offerOf, verdict } from '../lib/purchase.js';
import { useUi } from '../lib/ui.js';
import { type ItemName, type LookLine, lookSummary } from './look.js';

/** The choice as it went to the cart (only what the product offers), for the line's outcome. */
function verdictChoice(offer: ReturnType<typeof offerOf>, choice: Choice): Choice {
  const v = verdict(offer, choice, 1);
  return v.ok ? v.choice : { size: '', color: '' };
}

interface Props {
  lines: LookLine[];
  names: ItemName[];
  onClose(): void;
}

/**
 * "Complete the look": the best match of every found item, one list, every size and colour asked here once,
 * then all lines added; each line then says whether it went in and, if not, the shop's reason.
 */
export function LookSheet({ lines, names, onClose }: Props) {
  const queries = useQueries({
    queries: lines.map((l) => ({ queryKey: ['product', l.productId], queryFn: () => api.product(l.productId), staleTime: 60_000 })),
  });
  const [choices, setChoices] = useState<Record<string, Partial<Choice>>>({});
  const [skipped, setSkipped] = useState<Record<string, boolean>>({});
  const [hint, setHint] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, LineOutcome>>();
  const addLines = useAddLines();
  const listRef = useRef<HTMLUListElement>(null);

  const rows = lines.map((line, i) => ({ line, product: queries[i]?.data, failed: queries[i]?.isError ?? false }));
  const choiceOf = (p: Product): Choice => ({ ...initialChoice(offerOf(p)), ...choices[p.id] });
  const pick = (id: string, part: Partial<Choice>) => {
    setChoices((x) => ({ ...x, [id]: { ...x[id], ...part } }));
    setHint('');
  };
  const chosen = rows.filter((r) => r.product && r.product.stock > 0 && !skipped[r.line.productId]);
  const loading = rows.some((r) => !r.product && !r.failed);

  const addAll = () => {
    const verdicts = chosen.map((r) => ({ r, v: verdict(offerOf(r.product!), choiceOf(r.product!)) }));
    const missing = verdicts.find((x) => !x.v.ok);
    if (missing && !missing.v.ok) {
      setHint(missing.v.message);
      const group = missing.v.reason === 'choose-color' ? 'colour' : 'size';
      listRef.current?.querySelector<HTMLInputElement>(`[data-product="${missing.r.line.productId}"] [data-choice="${group}"] input[type=radio]`)?.focus();
      return;
    }
    setHint('');
    addLines.mutate(
      verdicts.map(({ r, v }) => ({ productId: r.product!.id, variant: v.ok ? v.variant : '', quantity: 1 })),
      { onSuccess: (out) => setOutcomes(Object.fromEntries(out.map((o) => [o.productId, o]))) },
    );
  };

  const done = outcomes !== undefined;
  const footer = done ? (
    <>
      <p role="status" className="look-summary">
        {lookSummary(Object.values(outcomes))}
      </p>
      <button
        type="button"
        className="btn btn-primary btn-block btn-lg"
        onClick={() => {
          onClose();
          useUi.getState().openCart();
        }}
      >
        View cart
      </button>
      <button type="button" className="btn btn-secondary btn-block" onClick={onClose}>
        Keep looking
      </button>
    </>
  ) : (
    <>
      <button type="button" className="btn btn-primary btn-block btn-lg" disabled={loading || chosen.length === 0 || addLines.isPending} onClick={addAll}>
        {addLines.isPending ? 'Adding…' : chosen.length === 1 ? 'Add 1 item to cart' : `Add ${chosen.length} items to cart`}
      </button>
      <p role="status" className="buy-note">
        {hint}
      </p>
    </>
  );

  return (
    <Sheet title="Complete the look" onClose={onClose} footer={footer}>
      <p className="muted">The closest product to each item found in your photo. Untick what you do not want.</p>
      <ul className="look-lines" ref={listRef} aria-label="Products in the look">
        {rows.map(({ line, product, failed }) => {
          const forWhat = `For ${line.items.map((i) => names[i]?.subject ?? '').join(' and ')}`;
          if (failed) return <li key={line.productId} className="look-line muted">{forWhat}: this product is no longer in the shop.</li>;
          if (!product) return <li key={line.productId} className="look-line match-loading" aria-busy="true" />;
          const offer = offerOf(product);
          const soldOut = product.stock <= 0;
          const outcome = outcomes?.[product.id];
          const include = !soldOut && !skipped[product.id];
          return (
            <li key={line.productId} className="look-line" data-product={product.id} aria-label={product.name}>
              <div className="look-line-head">
                {product.photos[0] ? <img src={product.photos[0].thumbUrl} alt="" width={56} height={56} /> : <span className="look-nophoto" aria-hidden="true" />}
                <div className="look-line-text">
                  <span className="muted">{forWhat}</span>
                  <strong>{product.name}</strong>
                  <span className="match-meta">
                    <Price money={product.price} />
                    <StockBadge stock={product.stock} />
                  </span>
                </div>
                {!done ? (
                  <label className="look-include">
                    <input type="checkbox" checked={include} disabled={soldOut} onChange={(e) => setSkipped((s) => ({ ...s, [product.id]: !e.target.checked }))} />
                    <span className="visually-hidden">Include {product.name}</span>
                  </label>
                ) : null}
              </div>
              {!done && include && asksForSize(offer) ? (
                <div data-choice="size">
                  <ChoiceGroup label={`Size for ${product.name}`} what="Size" options={sizeOptions(offer.sizes)} value={choiceOf(product).size} onChange={(size) => pick(product.id, { size })} />
                </div>
              ) : null}
              {!done && include && asksForColor(offer) ? (
                <div data-choice="colour">
                  <ChoiceGroup label={`Colour for ${product.name}`} what="Colour" options={offer.colorOptions} value={choiceOf(product).color} onChange={(color) => pick(product.id, { color })} />
                </div>
              ) : null}
              {soldOut && !done ? <p className="buy-note">Sold out: it will not be added.</p> : null}
              {outcome ? (
                <p className={`look-outcome ${outcome.ok ? 'is-ok' : 'is-error'}`}>
                  {outcome.ok ? `✓ ${addedMessage('to your cart', verdictChoice(offer, choiceOf(product)))}` : `Not added: ${outcome.message}`}
                </p>
              ) : done && include ? null : done ? (
                <p className="look-outcome muted">{soldOut ? 'Not added: sold out.' : 'Left out.'}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Sheet>
  );
}
