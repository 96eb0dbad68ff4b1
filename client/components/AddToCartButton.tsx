import { useEffect, useId, useRef, useState } from 'react';
import type { Product } from '../../server/protocol/api.js';
import { useAddToCart } from '../lib/cart.js';
import { errorMessage } from '../lib/api.js';
import { asksForColor, asksForSize, type Choice, choiceTitle, initialChoice, type Offer, offerOf, verdict } from '../lib/purchase.js';
import { Palette } from './Palette.js';
import { Sheet } from './Sheet.js';
import { ChoiceGroup, sizeOptions } from './ChoiceGroup.js';

type Buyable = Pick<Product, 'id' | 'name' | 'stock' | 'attributes'> | Offer;

interface Props {
  product: Buyable;
  /**
   * 'full' (product page): sizes and colours inline. 'compact' (grid, Discover, live): a short "Add"
   * named after the product; a sheet asks size and colour. 'button' (default; try-on's toolbar):
   * "Add to cart", a sheet asks size and colour.
   */
  layout?: 'full' | 'compact' | 'button';
  className?: string;
  /** Units that can be added when not the product's stock (a live deal's remaining units). */
  available?: number;
  /** Adds through another path (the live session's socket, which reports on its own); default: the shop's cart API. */
  onAdd?: (variant: string, choice: Choice) => void;
  /** The other path is adding. */
  busy?: boolean;
  /** The button's words when it can add ("Grab deal"); default "Add to cart". */
  actionLabel?: string;
}

// How long the button reads "Added ✓" after a success (it stays pressable: a second tap adds one more).
const ADDED_MS = 2000;

/**
 * The one add-to-cart control: picks size and colour (one tap where there is only one of each),
 * says why it cannot add (sold out, a choice missing) and shows the server's refusal next to itself.
 */
export function AddToCartButton({ product, layout = 'button', className, available, onAdd, busy, actionLabel = 'Add to cart' }: Props) {
  const offer = 'attributes' in product ? offerOf(product) : product;
  const isCompact = layout === 'compact';
  const inSheet = layout !== 'full';
  const add = useAddToCart({ toastErrors: false });
  const [choice, setChoice] = useState<Choice>(() => initialChoice(offer));
  const [sheet, setSheet] = useState(false);
  const [note, setNote] = useState<{ kind: 'error' | 'hint'; text: string }>();
  const [added, setAdded] = useState(false);
  const sizesRef = useRef<HTMLFieldSetElement>(null);
  const coloursRef = useRef<HTMLFieldSetElement>(null);
  const noteId = useId();
  const stock = available ?? offer.stock;
  const pending = busy || add.isPending;

  useEffect(() => {
    if (!added) return;
    const t = setTimeout(() => setAdded(false), ADDED_MS);
    return () => clearTimeout(t);
  }, [added]);

  const submit = () => {
    const v = verdict(offer, choice, stock);
    if (!v.ok) {
      setNote({ kind: 'hint', text: v.message });
      (v.reason === 'choose-color' ? coloursRef : sizesRef).current?.querySelector('input')?.focus();
      return;
    }
    setNote(undefined);
    if (onAdd) {
      onAdd(v.variant, v.choice);
      setSheet(false);
      return;
    }
    add.mutate(
      { productId: offer.id, variant: v.variant, quantity: 1, name: offer.name, choice: v.choice },
      {
        onSuccess: () => {
          setAdded(true);
          setSheet(false);
        },
        onError: (err) => setNote({ kind: 'error', text: errorMessage(err) }),
      },
    );
  };

  const pick = (part: Partial<Choice>) => {
    setChoice((c) => ({ ...c, ...part }));
    setNote(undefined);
  };
  const soldOut = stock <= 0;
  const label = soldOut ? 'Sold out' : pending ? 'Adding…' : added ? 'Added ✓' : isCompact ? (actionLabel === 'Add to cart' ? 'Add' : actionLabel) : actionLabel;
  // After a hint, every group still without a valid pick is marked (the message names them too).
  const hint = note?.kind === 'hint';
  const sizes = asksForSize(offer) ? (
    <ChoiceGroup ref={sizesRef} label={`Size for ${offer.name}`} what="Size" options={sizeOptions(offer.sizes)} value={choice.size} onChange={(size) => pick({ size })} invalid={hint && !offer.sizes.includes(choice.size)} />
  ) : null;
  const colours = asksForColor(offer) ? (
    <ChoiceGroup ref={coloursRef} label={`Colour for ${offer.name}`} what="Colour" options={offer.colorOptions} value={choice.color} onChange={(color) => pick({ color })} invalid={hint && !offer.colorOptions.some((c) => c.name === choice.color)} />
  ) : null;
  // The palette describes the product where there is no colour to choose.
  const choices = (
    <>
      {sizes}
      {colours ?? <Palette colors={offer.colors} />}
    </>
  );
  const asks = Boolean(sizes || colours);
  const noteLine = (
    // Polite for hints, assertive for the server's refusals; always present so the first message is announced.
    <p id={noteId} className={`buy-note${note?.kind === 'error' ? ' is-error' : ''}`} role={note?.kind === 'error' ? 'alert' : 'status'}>
      {soldOut ? `None left to add.` : (note?.text ?? '')}
    </p>
  );
  const button = (
    <button
      type="button"
      className={`btn btn-primary${layout === 'full' ? ' btn-block btn-lg' : ''} ${className ?? ''}`}
      disabled={soldOut || pending}
      aria-label={isCompact ? (soldOut ? `${offer.name}: sold out` : `Add ${offer.name} to cart`) : undefined}
      aria-describedby={noteId}
      aria-haspopup={inSheet && asks ? 'dialog' : undefined}
      onClick={() => {
        if (inSheet && asks && !soldOut) {
          setNote(undefined);
          setSheet(true);
        } else submit();
      }}
    >
      {label}
    </button>
  );

  if (!inSheet) {
    return (
      <div className="buy">
        {choices}
        {button}
        {noteLine}
      </div>
    );
  }
  return (
    <div className={`buy buy-${layout}`}>
      {button}
      {sheet ? null : noteLine}
      {sheet ? (
        <Sheet
          title={choiceTitle(offer)}
          onClose={() => setSheet(false)}
          footer={
            <>
              <button type="button" className="btn btn-primary btn-block btn-lg" disabled={pending} onClick={submit}>
                {pending ? 'Adding…' : actionLabel}
              </button>
              {noteLine}
            </>
          }
        >
          {choices}
        </Sheet>
      ) : null}
    </div>
  );
}
