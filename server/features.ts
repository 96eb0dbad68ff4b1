/** The features mounted on the shop server, in order. Each issue's feature adds one line here. */
import type { Feature } from './app.js';
import { discoveryFeature } from './discovery/routes.js';
import { liveFeature } from './live/feature.js';
import { tryOnFeature } from './tryon/routes.js';

export function features(): Feature[] {
  return [
    liveFeature(), // issue 3: live shopping sessions
    discoveryFeature, // issue 4: visual discovery (embeddings, catalog index, search)
    tryOnFeature, // issue 5: try-on 3D model uploads (validated glTF/GLB, draft → publish)
  ];
}
