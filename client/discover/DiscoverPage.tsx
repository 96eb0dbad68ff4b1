import { type ChangeEvent, type DragEvent, useCallback, useEffect, useState } from 'react';
import type { DiscoveredItem } from '../vision/types.js';
import { CameraView } from './CameraView.js';
import { CatalogStatus } from './CatalogStatus.js';
import { loadPhoto } from './loadPhoto.js';
import { ModelProgress } from './ModelProgress.js';
import { PhotoResult } from './PhotoResult.js';
import { takeSharedPhoto } from './sharedPhoto.js';
import { useVision } from './useVision.js';
import './discover.css';

type View =
  | { kind: 'pick' }
  | { kind: 'camera' }
  | { kind: 'working'; url: string }
  | { kind: 'result'; url: string; width: number; height: number; items: DiscoveredItem[] };

/** Discover: find the products in a photo or the camera, on the device, and shop similar ones. */
export default function DiscoverPage() {
  const { client, state } = useVision();
  const [view, setView] = useState<View>({ kind: 'pick' });
  const [problem, setProblem] = useState<string>();
  const [dragging, setDragging] = useState(false);

  const analyse = useCallback(
    async (file: Blob & { name?: string }) => {
      if (!client) return;
      setProblem(undefined);
      const loaded = await loadPhoto(file);
      if (!loaded.ok) {
        setProblem(loaded.message);
        return;
      }
      setView({ kind: 'working', url: loaded.url });
      const { width, height } = loaded.bitmap;
      const answer = await client.request('analyse', loaded.bitmap);
      if (answer.type === 'result') setView({ kind: 'result', url: loaded.url, width, height, items: answer.items });
      else {
        setProblem(answer.type === 'error' ? `The photo could not be analysed: ${answer.message}` : 'The photo could not be analysed.');
        setView({ kind: 'pick' });
      }
    },
    [client],
  );

  // Opened by "Share to Shopsee" from another app: the service worker kept the photo on the device.
  useEffect(() => {
    if (!client) return;
    void takeSharedPhoto().then((shared) => {
      if (shared?.kind === 'photo') void analyse(shared.file);
      else if (shared) setProblem(shared.message);
    });
  }, [client, analyse]);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const file = [...(e.clipboardData?.files ?? [])][0];
      if (file) void analyse(file);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [analyse]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void analyse(file);
  };
  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void analyse(file);
  };
  const ready = state.phase === 'ready' && client;
  const refreshCatalog = useCallback(() => client?.refreshCatalog(), [client]);

  return (
    <div className="discover">
      <header className="discover-head">
        <h1>Discover</h1>
        <p className="discover-privacy">
          <strong>Your photo never leaves this phone.</strong> Products are found and matched right here, on your device.
        </p>
      </header>
      <ModelProgress state={state} />
      {problem ? (
        <p className="discover-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {view.kind === 'camera' && client ? (
        <CameraView client={client} onClose={() => setView({ kind: 'pick' })} onFreeze={(still) => void analyse(still)} />
      ) : (
        <>
          {state.phase !== 'failed' ? (
            <div
              className={`dropzone${dragging ? ' is-dragging' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <p>Drop a photo here, paste one, or</p>
              <div className="row-gap">
                <label className={`btn btn-primary btn-lg${ready ? '' : ' is-disabled'}`}>
                  Choose a photo
                  <input type="file" accept="image/*" className="visually-hidden" onChange={onPick} disabled={!ready} data-testid="discover-file" />
                </label>
                <button type="button" className="btn btn-secondary btn-lg" disabled={!ready} onClick={() => setView({ kind: 'camera' })}>
                  Open the camera
                </button>
              </div>
              <CatalogStatus onMoreIndexed={refreshCatalog} />
            </div>
          ) : null}
          {view.kind === 'working' ? (
            <div className="discover-working" role="status">
              <img src={view.url} alt="Your photo, being analysed" />
              <p>Looking for products…</p>
            </div>
          ) : null}
          {view.kind === 'result' ? <PhotoResult key={view.url} url={view.url} width={view.width} height={view.height} items={view.items} client={client} /> : null}
        </>
      )}
    </div>
  );
}
