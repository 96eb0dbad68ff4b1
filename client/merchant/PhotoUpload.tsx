import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Product } from '../../server/protocol/api.js';
import { errorMessage, merchantApi } from '../lib/api.js';
import { toast } from '../lib/toasts.js';
import { ACCEPTED_PHOTO_TYPES, photoProblem, uploadPhoto } from './upload.js';
import { autoIndexProduct } from '../discover/autoIndex.js';

interface Props {
  token: string;
  product: Product;
  onChanged(p: Product): void;
}

/** The product's photos: existing ones with "Remove", and one upload at a time with preview and progress. */
export function PhotoUpload({ token, product, onChanged }: Props) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  async function send() {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const updated = await uploadPhoto(token, product.id, file, setProgress);
      onChanged(updated);
      // Issue 4: this device computes the main photo's visual-search vector for Discover.
      void autoIndexProduct(token, updated).then((r) => typeof r === 'object' && toast.error(`Photo saved, but visual search could not index it: ${r.error}`));
      setFile(null);
      void qc.invalidateQueries({ queryKey: ['products'] });
      toast.success('Photo added');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setProgress(null);
    }
  }

  async function remove(photoId: string) {
    if (!confirm('Remove this photo?')) return;
    try {
      await merchantApi.deletePhoto(token, product.id, photoId);
      onChanged({ ...product, photos: product.photos.filter((p) => p.id !== photoId) });
      void autoIndexProduct(token, { ...product, photos: product.photos.filter((p) => p.id !== photoId) });
      void qc.invalidateQueries({ queryKey: ['products'] });
    } catch (err) {
      toast.error(errorMessage(err));
    }
  }

  return (
    <fieldset className="group">
      <legend>Photos</legend>
      <div className="photo-grid">
        {product.photos.map((p) => (
          <div key={p.id} className="photo-tile">
            <img src={p.thumbUrl} alt="" />
            <button type="button" className="link-btn" onClick={() => remove(p.id)}>
              Remove
            </button>
          </div>
        ))}
        {preview && (
          <div className="photo-tile">
            <img src={preview} alt="Preview of the photo to upload" />
          </div>
        )}
      </div>
      <label className="field">
        <span>Add a photo</span>
        <input
          type="file"
          accept={ACCEPTED_PHOTO_TYPES.join(',')}
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            e.target.value = '';
            setError(f ? photoProblem(f) : null);
            setFile(f && !photoProblem(f) ? f : null);
          }}
        />
        <span className="field-hint">JPEG, PNG, WebP, GIF or AVIF, up to 10 MB.</span>
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {progress !== null && (
        <div className="progress" role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <span style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      {file && (
        <div className="row-gap">
          <button type="button" className="btn btn-primary" disabled={progress !== null} onClick={send}>
            {progress !== null ? `Uploading ${Math.round(progress * 100)}%` : 'Upload photo'}
          </button>
          <button type="button" className="btn" disabled={progress !== null} onClick={() => setFile(null)}>
            Cancel
          </button>
        </div>
      )}
    </fieldset>
  );
}
