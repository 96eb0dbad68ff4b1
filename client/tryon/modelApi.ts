/** The merchant's try-on model requests (see server/tryon/routes.ts). */
import { errorFromBody } from '../lib/api.js';

export interface DraftInfo {
  status: 'draft';
  kind: 'eyewear' | 'wrist' | 'head';
  format: 'glb' | 'gltf';
  bytes: number;
  triangles: number;
  previewUrl: string;
}

const base = (id: string) => `/api/products/${encodeURIComponent(id)}/tryon-model`;

async function call<T>(method: string, url: string, token: string, body?: FormData): Promise<T> {
  const res = await fetch(url, { method, body, headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw errorFromBody(res.status, json);
  return json as T;
}

export const modelApi = {
  /** Uploads a GLB/glTF as the product's draft model. */
  upload(token: string, productId: string, file: File): Promise<DraftInfo> {
    const form = new FormData();
    form.append('model', file, file.name);
    return call('POST', base(productId), token, form);
  },
  /** The draft's bytes, for the preview. */
  async draftBytes(token: string, productId: string): Promise<ArrayBuffer> {
    const res = await fetch(`${base(productId)}?draft=1`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw errorFromBody(res.status, await res.json().catch(() => undefined));
    return res.arrayBuffer();
  },
  publish: (token: string, productId: string) => call<{ status: 'published' }>('POST', `${base(productId)}/publish`, token),
  /** Back to the model generated from the attributes. */
  remove: (token: string, productId: string) => call<void>('DELETE', base(productId), token),
};
