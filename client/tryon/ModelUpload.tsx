/**
 * The merchant's "3D model for try-on" control, for the product form: upload a glTF/GLB, see it
 * checked and previewed at the product's real size, then publish it to replace the generated model
 * (or go back to the generated one). Mount it as `<ModelUpload token={token} product={product} />`.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { Product } from '../../server/protocol/api.js';
import { tryOnKind } from '../../server/protocol/catalog.js';
import { errorMessage } from '../lib/api.js';
import { type DraftInfo, modelApi } from './modelApi.js';
import { ModelPreview } from './ModelPreview.js';
import { normaliseUploaded } from './products/normalise.js';
import { generatedObject, tryOnModelUrl } from './productObject.js';
import './tryon.css';

interface Props {
  token: string;
  product: Pick<Product, 'id' | 'name' | 'category' | 'attributes'>;
}

type Phase = { step: 'idle' } | { step: 'busy'; what: string } | { step: 'draft'; info: DraftInfo; object: Object3D } | { step: 'error'; message: string };

export function ModelUpload({ token, product }: Props) {
  const kind = tryOnKind(product.category);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [published, setPublished] = useState<boolean | null>(null);
  const generated = useMemo(() => (kind ? generatedObject(product).product : null), [kind, product]);

  useEffect(() => {
    void fetch(tryOnModelUrl(product.id), { method: 'GET' }).then((r) => setPublished(r.ok)).catch(() => setPublished(false));
  }, [product.id]);

  if (!kind) return null;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setPhase({ step: 'busy', what: 'Checking the model…' });
    try {
      const info = await modelApi.upload(token, product.id, file);
      const gltf = await new GLTFLoader().parseAsync(await modelApi.draftBytes(token, product.id), '');
      setPhase({ step: 'draft', info, object: normaliseUploaded(gltf.scene, kind, product.attributes).group });
    } catch (e) {
      setPhase({ step: 'error', message: errorMessage(e) });
    }
  };

  const publish = async () => {
    setPhase({ step: 'busy', what: 'Publishing…' });
    try {
      await modelApi.publish(token, product.id);
      setPublished(true);
      setPhase({ step: 'idle' });
    } catch (e) {
      setPhase({ step: 'error', message: errorMessage(e) });
    }
  };

  const revert = async () => {
    try {
      await modelApi.remove(token, product.id);
      setPublished(false);
      setPhase({ step: 'idle' });
    } catch (e) {
      setPhase({ step: 'error', message: errorMessage(e) });
    }
  };

  const size = kind === 'eyewear' ? `${product.attributes.frameWidthMm ?? 140} mm wide` : kind === 'wrist' ? `${product.attributes.caseDiameterMm ?? 40} mm case` : 'head size';
  return (
    <fieldset className="tryon-model-upload" data-testid="model-upload">
      <legend>3D model for try-on</legend>
      <p className="muted">
        {published ? 'Shoppers see your uploaded model.' : 'Shoppers see a model generated from the attributes above.'} You may upload a .glb
        (binary glTF 2.0, at most 8 MB and 100,000 triangles); it is resized to the product's real size ({size}).
      </p>
      <label className="btn btn-secondary">
        Upload a 3D model
        <input type="file" accept=".glb,.gltf,model/gltf-binary,model/gltf+json" className="visually-hidden" data-testid="model-input" onChange={(e) => void upload(e.target.files?.[0])} />
      </label>
      {published && (
        <button type="button" className="btn btn-ghost" onClick={() => void revert()}>
          Use the generated model again
        </button>
      )}
      {phase.step === 'busy' && <p role="status">{phase.what}</p>}
      {phase.step === 'error' && (
        <p className="warn" role="alert" data-testid="model-error">
          {phase.message}
        </p>
      )}
      {phase.step === 'draft' && (
        <div className="tryon-draft">
          <ModelPreview object={phase.object} label={`Preview at real size: ${phase.info.triangles.toLocaleString()} triangles, ${(phase.info.bytes / 1024).toFixed(0)} KB.`} />
          <div className="row-gap">
            <button type="button" className="btn btn-primary" onClick={() => void publish()}>
              Use this model
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setPhase({ step: 'idle' })}>
              Discard
            </button>
          </div>
        </div>
      )}
      {phase.step !== 'draft' && !published && generated && <ModelPreview object={generated} label="The generated model, at real size." />}
    </fieldset>
  );
}
