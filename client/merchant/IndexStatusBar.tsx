import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, merchantApi } from '../lib/api.js';
import { isIndexing, useIndexStatus } from '../lib/indexStatus.js';
import { toast } from '../lib/toasts.js';

/** Visual-search indexing for the merchant: how many products are searchable by photo, live progress, re-index. */
export function IndexStatusBar({ token }: { token: string }) {
  const qc = useQueryClient();
  const { data, error } = useIndexStatus();
  const [asking, setAsking] = useState(false);
  if (error) return <p className="muted">Visual search status is unavailable: {errorMessage(error)}</p>;
  if (!data) return null;
  const busy = isIndexing(data);

  async function reindex() {
    setAsking(true);
    try {
      qc.setQueryData(['discovery-status'], await merchantApi.reindex(token, true));
      void qc.invalidateQueries({ queryKey: ['discovery-status'] });
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setAsking(false);
    }
  }

  return (
    <div className="index-status" role="status" aria-live="polite" data-testid="index-status">
      <span>
        <strong>Visual search:</strong> {data.indexed} of {data.total} products searchable by photo
        {busy ? ' · indexing…' : ''}
        {data.failed ? ` · ${data.failed} photo${data.failed === 1 ? '' : 's'} could not be read` : ''}
      </span>
      <span className="progress" aria-hidden="true">
        <span style={{ width: `${data.total ? (100 * data.indexed) / data.total : 100}%` }} />
      </span>
      {data.problem ? <span className="field-error">{data.problem}</span> : null}
      <button type="button" className="btn" onClick={reindex} disabled={busy || asking}>
        Re-index all photos
      </button>
    </div>
  );
}
