import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../lib/api.js';
import { toast } from '../lib/toasts.js';
import { ErrorState } from './ErrorState.js';
import { Spinner } from './Spinner.js';

/** A share panel for a page of the shop: the link (copy / native share) and a QR code to open it on a phone. */
export function QrShare({ path, title }: { path: string; title?: string }) {
  const [open, setOpen] = useState(false);
  const share = useQuery({ queryKey: ['share', path], queryFn: () => api.share(path), enabled: open, staleTime: Infinity });

  async function copy(url: string) {
    try {
      if (navigator.share && matchMedia('(pointer: coarse)').matches) await navigator.share({ url, title });
      else {
        await navigator.clipboard.writeText(url);
        toast.success('Link copied');
      }
    } catch {
      /* the shopper closed the share sheet or clipboard is blocked: the link stays visible to copy by hand */
    }
  }

  return (
    <div className="qrshare">
      <button type="button" className="btn btn-secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide share' : 'Share'}
      </button>
      {open && (
        <div className="qrshare-panel">
          {share.isPending && <Spinner label="Making the QR code" />}
          {share.isError && <ErrorState error={share.error} title="Could not make a share link" onRetry={() => share.refetch()} />}
          {share.data && (
            <>
              <img
                className="qrshare-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(share.data.qrSvg)}`}
                alt={`QR code for ${share.data.url}`}
                width={180}
                height={180}
              />
              <div className="qrshare-url">
                <input readOnly value={share.data.url} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="btn" onClick={() => copy(share.data.url)}>
                  Copy link
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
