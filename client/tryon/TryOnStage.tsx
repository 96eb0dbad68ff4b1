/**
 * The try-on view: the camera picture (or an uploaded photo) with the product drawn over it. Owns
 * the tracking loop for the camera, a single tracking pass for a photo, and the snapshot.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { CameraError, type Facing, openCamera, stopCamera } from './camera.js';
import { tryOnDebug } from './debug.js';
import type { FaceFit } from './math/faceMetrics.js';
import { FACE } from './math/faceLandmarks.js';
import type { ProductObject } from './productObject.js';
import { createFrameState, waitRendered } from './scene/frameState.js';
import { TryOnCanvas } from './scene/TryOnCanvas.js';
import { snapshot } from './snapshot.js';
import { startTrackingLoop } from './tracking/loop.js';
import { PlacementTracker } from './tracking/placement.js';
import { summarise } from './tracking/summary.js';
import type { Tracker } from './tracking/trackerClient.js';
import type { TrackResult } from './tracking/types.js';

export type Source = { kind: 'camera'; facing: Facing } | { kind: 'photo'; bitmap: ImageBitmap };

interface Props {
  object: ProductObject;
  tracker: Tracker;
  source: Source;
  onCameraError: (message: string) => void;
  onFit: (fit: FaceFit | null) => void;
  maxDpr: number;
  /** Extra actions on the taken snapshot (sharing it into a live chat), shown next to "Save". */
  renderShare?: (shot: Blob) => ReactNode;
}

type Seen = 'searching' | 'found' | 'lost' | 'none';

const SEEN_TEXT: Record<ProductObject['kind'], Record<Seen, string>> = {
  eyewear: { searching: 'Looking for your face…', found: 'Face found.', lost: 'Face lost: look at the camera.', none: 'No face found in this photo. Try one facing the camera, eyes visible.' },
  head: { searching: 'Looking for your face…', found: 'Face found.', lost: 'Face lost: look at the camera.', none: 'No face found in this photo. Try one facing the camera.' },
  wrist: { searching: 'Show the back of your wrist and hand…', found: 'Wrist found.', lost: 'Hand lost: show your hand to the camera.', none: 'No hand found in this photo. Try one with your hand and wrist in view.' },
};

/** Eye centres in displayed pixels, for the end-to-end check that the glasses cover them. */
function eyes(r: TrackResult, mirrored: boolean) {
  const f = r.faces[0];
  if (!f) return null;
  const at = (i: number) => {
    const x = f.landmarks[i * 3]! * r.width;
    return { x: mirrored ? r.width - x : x, y: f.landmarks[i * 3 + 1]! * r.height };
  };
  return { right: at(FACE.rightIrisCentre), left: at(FACE.leftIrisCentre) };
}

export function TryOnStage({ object, tracker, source, onCameraError, onFit, maxDpr, renderShare }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const photoRef = useRef<HTMLCanvasElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState({ width: 640, height: 480 });
  const [seen, setSeen] = useState<Seen>('searching');
  const [shot, setShot] = useState<string | null>(null);
  const [shotBlob, setShotBlob] = useState<Blob | null>(null);
  const state = useMemo(() => createFrameState({ width: 640, height: 480 }), []);
  const mirrored = source.kind === 'camera' && source.facing === 'user';
  const wants = useMemo(() => ({ face: object.kind !== 'wrist', hands: object.kind === 'wrist' }), [object.kind]);

  useEffect(() => {
    const debug = tryOnDebug();
    debug.ready = { ...tracker.ready, where: tracker.where };
    const placement = new PlacementTracker(object.kind === 'wrist' ? 'wrist' : 'head', { mirrored, smooth: source.kind === 'camera', useMatrix: true });
    let lastUi = 0;
    // The benchmark asks for a trail of raw (unsmoothed) and filtered placements to measure jitter.
    const raw = debug.trail ? new PlacementTracker(placement.anchor, { mirrored, smooth: false, useMatrix: true }) : null;
    const publish = (r: TrackResult, force = false) => {
      const p = state.placement;
      if (raw && debug.trail && p?.tracked) {
        const rp = raw.update(r, performance.now() / 1000, 1 / 30);
        if (rp?.tracked) {
          const at = (q: typeof p) => summarise(q, object.kind, object.sizeMm, state.frame).centre;
          debug.trail.raw.push(at(rp));
          debug.trail.filtered.push(at(p));
        }
      }
      debug.lastResult = r;
      debug.summary = p?.tracked ? summarise(p, object.kind, object.sizeMm, state.frame) : null;
      debug.eyes = eyes(r, mirrored);
      debug.frame = state.frame;
      const now = performance.now();
      if (!force && now - lastUi < 300) return; // UI text and fit numbers at a human rate, not per frame
      lastUi = now;
      setSeen(p?.tracked ? 'found' : p ? 'lost' : source.kind === 'photo' ? 'none' : 'searching');
      onFit(p?.tracked ? p.fit : null);
    };
    state.placement = null;
    state.version++;
    setSeen('searching');
    setShot(null);

    if (source.kind === 'photo') {
      const { bitmap } = source;
      const size = { width: bitmap.width, height: bitmap.height };
      setFrame(size);
      state.frame = size;
      const g = photoRef.current?.getContext('2d');
      if (photoRef.current && g) {
        photoRef.current.width = size.width;
        photoRef.current.height = size.height;
        g.drawImage(bitmap, 0, 0);
      }
      let cancelled = false;
      // The tracker takes ownership of what it is sent, so it gets a copy.
      void createImageBitmap(bitmap)
        .then((copy) => tracker.track(copy, performance.now(), true, wants))
        .then(async (r) => {
          if (cancelled) return;
          state.placement = placement.update(r, performance.now() / 1000, 1);
          state.version++;
          await waitRendered(state, state.version);
          publish(r, true);
        })
        .catch((e: unknown) => {
          debug.error = String(e);
          setSeen('none');
        });
      return () => {
        cancelled = true;
      };
    }

    let stream: MediaStream | null = null;
    let stop = () => undefined as void;
    let cancelled = false;
    void openCamera(source.facing)
      .then(async (s) => {
        stream = s;
        const v = videoRef.current;
        if (cancelled || !v) return stopCamera(s);
        v.srcObject = s;
        await v.play().catch(() => undefined);
        await new Promise<void>((res) => (v.readyState >= 2 ? res() : v.addEventListener('loadeddata', () => res(), { once: true })));
        const size = { width: v.videoWidth, height: v.videoHeight };
        setFrame(size);
        state.frame = size;
        const loop = startTrackingLoop({ video: v, tracker, state, placement, wants, rendered: (ver) => waitRendered(state, ver), onResult: (r) => publish(r) });
        debug.loop = loop.stats;
        stop = loop.stop;
        debug.inferenceOnly = async (n) => {
          const times: number[] = [];
          for (let i = 0; i < n; i++) {
            const r = await tracker.track(await createImageBitmap(v), performance.now(), false, wants);
            times.push(r.inferenceMs);
          }
          return times;
        };
      })
      .catch((e: unknown) => onCameraError(e instanceof CameraError ? e.message : 'The camera could not start. Upload a photo of yourself instead.'));
    return () => {
      cancelled = true;
      stop();
      stopCamera(stream);
    };
  }, [source, tracker, object, state, wants, mirrored, onCameraError, onFit]);

  const takeSnapshot = async () => {
    const layer = stageRef.current?.querySelector('canvas.tryon-layer canvas, .tryon-layer canvas') as HTMLCanvasElement | null;
    const pic = source.kind === 'photo' ? photoRef.current : videoRef.current;
    if (!layer || !pic) return;
    state.invalidate();
    await waitRendered(state, state.version);
    const blob = await snapshot(pic, state.frame, layer, mirrored);
    setShotBlob(blob);
    setShot((old) => {
      if (old) URL.revokeObjectURL(old);
      return URL.createObjectURL(blob);
    });
  };

  return (
    <div className="tryon-stage-wrap">
      <div ref={stageRef} className="tryon-stage" style={{ aspectRatio: `${frame.width} / ${frame.height}` }} data-testid="tryon-stage">
        {source.kind === 'camera' ? (
          <video ref={videoRef} className={mirrored ? 'tryon-picture mirrored' : 'tryon-picture'} playsInline muted autoPlay aria-label="Your camera picture" />
        ) : (
          <canvas ref={photoRef} className="tryon-picture" role="img" aria-label="Your photo" />
        )}
        <div className="tryon-layer">
          <TryOnCanvas state={state} frame={frame} product={object.product} occluder={object.occluder} maxDpr={maxDpr} />
        </div>
      </div>
      <p className="tryon-status" role="status" aria-live="polite" data-testid="tryon-status" data-seen={seen}>
        {SEEN_TEXT[object.kind][seen]}
      </p>
      <div className="row-gap">
        <button type="button" className="btn btn-secondary" onClick={() => void takeSnapshot()} disabled={seen !== 'found'}>
          Take a snapshot
        </button>
        {shot && (
          <a className="btn btn-ghost" href={shot} download="shopsee-try-on.png" data-testid="snapshot-link">
            Save snapshot
          </a>
        )}
        {shotBlob && renderShare?.(shotBlob)}
      </div>
      {shot && <img className="tryon-shot" src={shot} alt="Snapshot of you trying the product on" />}
    </div>
  );
}
