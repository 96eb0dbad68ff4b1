/** How much of the catalog is searchable by photo, polled quickly while the server is indexing. */
import { useQuery } from '@tanstack/react-query';
import type { IndexStatus } from '../../server/protocol/discovery.js';
import { api } from './api.js';

/** True while the server still has photos to index (and can: no stuck problem). */
export function isIndexing(s: IndexStatus | undefined): boolean {
  return Boolean(s && (s.running || (s.pending > 0 && !s.problem)));
}

/** One sentence for shoppers about photo search readiness, or undefined when everything is searchable. */
export function indexSentence(s: IndexStatus | undefined): string | undefined {
  if (!s || s.total === 0) return s?.total === 0 ? 'The catalog has no product photos yet, so nothing can be matched by photo.' : undefined;
  if (s.indexed >= s.total) return undefined;
  if (isIndexing(s)) return `Getting the catalog ready for photo search: ${s.indexed} of ${s.total} products so far. Matches include the rest as soon as they are ready.`;
  return `${s.total - s.indexed} of ${s.total} products are not searchable by photo${s.problem ? ` (${s.problem})` : ''}.`;
}

/** The server's index status; every 1.5 s while indexing, else every minute. */
export function useIndexStatus() {
  return useQuery({
    queryKey: ['discovery-status'],
    queryFn: () => api.indexStatus(),
    refetchInterval: (q) => (isIndexing(q.state.data) ? 1500 : 60_000),
    retry: 1,
  });
}
