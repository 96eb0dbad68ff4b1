import { useState } from 'react';
import type { Photo } from '../../server/protocol/api.js';

/** The product's photos: a large one and thumbnails to switch (swipeable strip on phones). */
export function PhotoGallery({ photos, name }: { photos: Photo[]; name: string }) {
  const [index, setIndex] = useState(0);
  const current = photos[Math.min(index, photos.length - 1)];
  if (!current) {
    return (
      <div className="gallery">
        <div className="gallery-main gallery-empty" aria-label={`No photo of ${name} yet`}>
          {name.slice(0, 1)}
        </div>
      </div>
    );
  }
  return (
    <div className="gallery">
      <img className="gallery-main" src={current.url} alt={name} width={current.width} height={current.height} />
      {photos.length > 1 && (
        <div className="gallery-thumbs" role="group" aria-label="Photos">
          {photos.map((p, i) => (
            <button key={p.id} type="button" aria-label={`Photo ${i + 1} of ${photos.length}`} aria-pressed={i === index} onClick={() => setIndex(i)}>
              <img src={p.thumbUrl} alt="" width={64} height={64} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
