import { type ReactNode, useEffect, useRef } from 'react';
import type { StreamItem } from './state.js';

interface Props {
  items: StreamItem[];
  renderCard: (item: Extract<StreamItem, { type: 'product:pushed' | 'deal:started' }>) => ReactNode;
  /** Host moderation controls for one message. */
  moderate?: (item: Extract<StreamItem, { type: 'chat' }>) => ReactNode;
}

/** The chat stream with product cards in it; messages are text (React escapes them), never HTML. */
export function ChatStream({ items, renderCard, moderate }: Props) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [items.length]);
  return (
    <ol className="live-stream" aria-label="Chat and products" aria-live="polite">
      {items.map((i) => (
        <li key={i.seq} className={`live-item live-item-${i.type.replace(':', '-')}`} data-seq={i.seq}>
          {i.type === 'chat' ? (
            <p className="live-chat">
              <span className={`live-chat-name${i.host ? ' live-chat-host' : ''}`}>{i.name}</span> <span className="live-chat-text">{i.text}</span>
              {i.image?.url.startsWith('/media/') && (
                // Alt text and size come from the event (React escapes them); only the server's own media path is loaded.
                <img
                  className="live-chat-image"
                  src={i.image.url}
                  alt={`${i.name} tried on ${i.image.productName}`}
                  width={i.image.width}
                  height={i.image.height}
                  loading="lazy"
                />
              )}
              {moderate?.(i)}
            </p>
          ) : (
            renderCard(i)
          )}
        </li>
      ))}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
