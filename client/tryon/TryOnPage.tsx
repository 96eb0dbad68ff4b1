/**
 * Try-on: the shopper sees a product on themself through the front (or back) camera, or on an
 * uploaded photo; gets fit help for eyewear, a snapshot to save, and "add to cart".
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { tryOnKind } from '../../server/protocol/catalog.js';
import { AddToCartButton } from '../components/AddToCartButton.js';
import { ErrorState } from '../components/ErrorState.js';
import { Spinner } from '../components/Spinner.js';
import { api } from '../lib/api.js';
import { type Facing, hasSeveralCameras } from './camera.js';
import { tryOnDebug } from './debug.js';
import { FitPanel } from './FitPanel.js';
import type { FaceFit } from './math/faceMetrics.js';
import { liveSessionFor } from './liveShare.js';
import { generatedObject, type ProductObject, uploadedObject } from './productObject.js';
import { ShareToLive } from './ShareToLive.js';
import { type Source, TryOnStage } from './TryOnStage.js';
import { useTracker } from './useTracker.js';
import { isSoftwareWebGl } from '../vision/runtime/webgl.js';
import './tryon.css';

export default function TryOnPage() {
  const { productId = '' } = useParams<{ productId: string }>();
  const product = useQuery({ queryKey: ['product', productId], queryFn: () => api.product(productId) });
  const tracker = useTracker();
  const [object, setObject] = useState<ProductObject | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [cameraProblem, setCameraProblem] = useState<string | null>(null);
  const [fit, setFit] = useState<FaceFit | null>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [canSwitch, setCanSwitch] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const maxDpr = useMemo(() => (isSoftwareWebGl() ? 1 : 2), []);
  // Opened from a live session (its card's link or this tab's live attribution): offer sharing there.
  const liveSession = useMemo(() => liveSessionFor(location.search), []);
  const kind = product.data ? tryOnKind(product.data.category) : null;

  useEffect(() => {
    const p = product.data;
    if (!p || !tryOnKind(p.category)) return;
    let cancelled = false;
    const generated = generatedObject(p);
    setObject(generated);
    // A merchant's uploaded model replaces the generated one once it has loaded.
    uploadedObject(p)
      .then((up) => !cancelled && up && setObject(up))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [product.data]);

  useEffect(() => {
    // Start with the front camera unless the page was opened for a photo (?source=photo).
    if (new URLSearchParams(location.search).get('source') !== 'photo') setSource({ kind: 'camera', facing: 'user' });
    void hasSeveralCameras().then(setCanSwitch);
  }, []);

  const onCameraError = useCallback((message: string) => {
    setCameraProblem(message);
    setSource(null);
    tryOnDebug().error = message;
  }, []);
  const onFit = useCallback((f: FaceFit | null) => setFit(f), []);

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    setPhotoProblem(null);
    try {
      // Respects the photo's EXIF orientation, as phones store portraits sideways.
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      setSource({ kind: 'photo', bitmap });
    } catch {
      setPhotoProblem('That file is not a photo this browser can open. Try a JPEG or PNG.');
    }
  };

  if (product.isPending) return <Spinner label="Loading product" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  if (!kind) {
    return (
      <div className="state">
        <h2>{p.name} cannot be tried on</h2>
        <p>Try-on works for glasses, sunglasses, watches, bracelets and hats.</p>
        <Link href={`/p/${p.id}`} className="btn btn-primary">
          Back to the product
        </Link>
      </div>
    );
  }

  const facing: Facing | null = source?.kind === 'camera' ? source.facing : null;
  return (
    <article className="tryon" aria-labelledby="tryon-title">
      <header className="tryon-head">
        <Link href={`/p/${p.id}`} className="btn btn-ghost">
          ← {p.name}
        </Link>
        <h2 id="tryon-title">Try on: {p.name}</h2>
      </header>

      {tracker.state === 'loading' && <Spinner label="Loading try-on (first time takes a few seconds)" />}
      {tracker.state === 'failed' && <ErrorState title="Try-on could not start" error={new Error(tracker.message)} onRetry={() => location.reload()} />}
      {cameraProblem && (
        <div className="tryon-problem" role="alert" data-testid="camera-problem">
          <p>{cameraProblem}</p>
        </div>
      )}

      {tracker.state === 'ready' && object && source && (
        <TryOnStage
          object={object}
          tracker={tracker.tracker}
          source={source}
          onCameraError={onCameraError}
          onFit={onFit}
          maxDpr={maxDpr}
          {...(liveSession ? { renderShare: (shot: Blob) => <ShareToLive sessionId={liveSession} productId={p.id} shot={shot} /> } : {})}
        />
      )}

      <div className="tryon-controls row-gap">
        {facing && canSwitch && (
          <button type="button" className="btn btn-secondary" onClick={() => setSource({ kind: 'camera', facing: facing === 'user' ? 'environment' : 'user' })}>
            {facing === 'user' ? 'Use the back camera' : 'Use the front camera'}
          </button>
        )}
        {source?.kind === 'photo' && (
          <button type="button" className="btn btn-secondary" onClick={() => { setCameraProblem(null); setSource({ kind: 'camera', facing: 'user' }); }}>
            Use the camera
          </button>
        )}
        <label className="btn btn-secondary tryon-upload">
          Upload a photo
          <input
            ref={fileRef}
            type="file"
            accept="image/*"
            className="visually-hidden"
            data-testid="photo-input"
            onChange={(e) => void onPhoto(e.target.files?.[0])}
          />
        </label>
        <AddToCartButton product={p} />
      </div>
      {photoProblem && <p className="warn" role="alert">{photoProblem}</p>}

      {kind === 'eyewear' && <FitPanel fit={fit} frameWidthMm={p.attributes.frameWidthMm} />}
      {kind === 'wrist' && p.attributes.caseDiameterMm && (
        <p className="muted">Shown at its real size: a {p.attributes.caseDiameterMm} mm case, scaled from your hand (an estimate).</p>
      )}
      <p className="muted tryon-privacy">
        {liveSession
          ? 'Your camera picture stays on this device; only a snapshot you choose to share is sent to the live chat.'
          : 'Your camera picture stays on this device: nothing is uploaded.'}
      </p>
    </article>
  );
}
