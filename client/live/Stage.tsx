import { useEffect, useRef } from 'react';

/** The session's video: a WebRTC stream, a pasted HLS URL (native playback) or an embed page. */
export function Stage({ stream, url, muted = true, label }: { stream: MediaStream | null; url: string | null; muted?: boolean; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => undefined);
    }
  }, [stream]);
  if (url && !stream) {
    return /\.m3u8(\?|$)/.test(url) ? (
      <video className="live-video" src={url} controls autoPlay muted playsInline aria-label={label} />
    ) : (
      <iframe className="live-video" src={url} title={label} allow="autoplay; encrypted-media; picture-in-picture" allowFullScreen />
    );
  }
  return (
    <div className="live-stage">
      <video ref={video} className="live-video" autoPlay playsInline muted={muted} aria-label={label} data-playing={stream ? 'yes' : 'no'} />
      {!stream && <p className="live-stage-wait muted">Waiting for the host’s video…</p>}
    </div>
  );
}
