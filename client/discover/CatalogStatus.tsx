import { useEffect, useRef } from 'react';
import { indexSentence, isIndexing, useIndexStatus } from '../lib/indexStatus.js';

/** Re-download the index at most this often while the server is still indexing. */
const REFRESH_MS = 10_000;

/** What photo search is waiting for (the server indexing the catalog); calls onMoreIndexed as vectors arrive. */
export function CatalogStatus({ onMoreIndexed }: { onMoreIndexed: () => void }) {
  const { data } = useIndexStatus();
  const last = useRef<{ indexed: number; at: number } | undefined>(undefined);
  useEffect(() => {
    if (!data) return;
    const prev = last.current;
    if (!prev) {
      last.current = { indexed: data.indexed, at: Date.now() };
      return;
    }
    // The page's worker holds a copy of the index: fetch it again when the server has more
    // (at the end of a run, or every few seconds during a long one).
    if (data.indexed > prev.indexed && (!isIndexing(data) || Date.now() - prev.at > REFRESH_MS)) {
      last.current = { indexed: data.indexed, at: Date.now() };
      onMoreIndexed();
    }
  }, [data, onMoreIndexed]);
  const sentence = indexSentence(data);
  return sentence ? (
    <p className="muted" role="status" aria-live="polite" data-testid="catalog-status">
      {sentence}
    </p>
  ) : null;
}
