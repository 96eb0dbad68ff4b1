import { useEffect, useRef } from 'react';
import { streamKind } from '../../server/protocol/stream.js';

/** The session's video: a WebRTC stream, a pasted media URL (HLS plays natively where supported) or a known player's embed page. */
export function Stage({ stream, url, muted = true, label }: { stream: MediaStream | null; url: string | null; muted?: boolean; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => undefined);
    }
  }, [stream]);
  const kind = url ? streamKind(url) : undefined;
  if (url && kind && !stream) {
    // Media files play in a <video>; known players are framed in a sandbox (no top navigation, popups or forms).
    return kind === 'embed' ? (
      <iframe
        className="live-video"
        src={url}
        title={label}
        sandbox="allow-scripts allow-same-origin allow-presentation"
        referrerPolicy="strict-origin-when-cross-origin"
        allow="autoplay; encrypted-media; picture-in-picture"
        allowFullScreen
      />
    ) : (
      <video className="live-video" src={url} controls autoPlay muted playsInline aria-label={label} />
    );
  }
  return (
    <div className="live-stage">
      <video ref={video} className="live-video" autoPlay playsInline muted={muted} aria-label={label} data-playing={stream ? 'yes' : 'no'} />
      {!stream && <p className="live-stage-wait muted">Waiting for the host’s video…</p>}
    </div>
  );
}
