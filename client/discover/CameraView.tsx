import { useEffect, useRef, useState } from 'react';
import { Tracker } from '../vision/track/tracker.js';
import type { Track } from '../vision/track/tracker.js';
import { Outlines } from './Outlines.js';
import type { VisionClient } from './visionClient.js';

interface Props {
  client: VisionClient;
  /** Called with a still of the current frame when the shopper freezes the camera. */
  onFreeze(still: Blob): void;
  onClose(): void;
}

/** Live outlines over the camera with stable identities; "Freeze" hands the frame over as a photo. */
export function CameraView({ client, onFreeze, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [tracks, setTracks] = useState<Track[]>([]);
  const [size, setSize] = useState({ width: 640, height: 480 });
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    const tracker = new Tracker();
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 640 } }, audio: false });
      } catch (err) {
        setError(`The camera could not start (${(err as Error).name}). Allow camera access, or upload a photo instead.`);
        return;
      }
      const v = video.current!;
      v.srcObject = stream;
      await v.play().catch(() => undefined);
      setSize({ width: v.videoWidth || 640, height: v.videoHeight || 480 });
      // Ask for the next frame only when the last answer is back: no queue of stale frames.
      while (!stopped) {
        if (v.readyState >= 2) {
          const answer = await client.frame(v);
          if (stopped) break;
          if (answer?.type === 'detections') setTracks(tracker.update(answer.items));
        }
        await new Promise((r) => requestAnimationFrame(r));
      }
    })();
    return () => {
      stopped = true;
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
  }, [client]);

  function freeze() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')!.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && onFreeze(blob), 'image/jpeg', 0.92);
  }

  if (error) {
    return (
      <div className="state state-error" role="alert">
        <p>{error}</p>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Back
        </button>
      </div>
    );
  }
  return (
    <div className="discover-camera">
      <div className="stage" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
        <video ref={video} playsInline muted aria-label="Camera preview" />
        <Outlines width={size.width} height={size.height} items={tracks.map((t) => ({ ...t, key: t.id }))} />
      </div>
      <p className="muted" aria-live="polite">
        {tracks.length ? `${tracks.length} item${tracks.length === 1 ? '' : 's'} in view: ${tracks.map((t) => t.label).join(', ')}` : 'Point the camera at something you like.'}
      </p>
      <div className="row-gap">
        <button type="button" className="btn btn-primary btn-lg" onClick={freeze}>
          Freeze and pick an item
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Close camera
        </button>
      </div>
    </div>
  );
}
