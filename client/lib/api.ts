/**
 * Typed fetch helpers over the shop's REST API. Every failure becomes an `ApiError` with the
 * server's stable code (or 'NETWORK' when the server could not be reached), so pages branch on codes.
 */
import type {
  Cart,
  CartAdd,
  CheckoutBody,
  Health,
  Me,
  Order,
  OrderStatus,
  Product,
  ProductCreate,
  ProductPage,
  ProductUpdate,
} from '../../server/protocol/api.js';
import type { IndexStatus } from '../../server/protocol/discovery.js';
import type { ErrorCode } from '../../server/protocol/errors.js';

export type ApiErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/** One problem with one field, as the server lists them in `issues` of a VALIDATION_FAILED error. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

/** An API failure: HTTP status (0 for network failures), stable code, human message, optional details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns an error response's body into an ApiError, whatever the body looks like. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown; issues?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string') {
    const issues = Array.isArray(err.issues) ? (err.issues as FieldIssue[]) : [];
    return new ApiError(status, err.code as ApiErrorCode, String(err.message ?? err.code), err.details, issues);
  }
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', `The server answered ${status}.`);
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Merchant bearer token. */
  token?: string;
  signal?: AbortSignal;
}

/** Sends one request to the API and returns its parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Could not reach the shop. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) throw errorFromBody(res.status, parsed);
  return parsed as T;
}

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export interface ProductFilters {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  limit?: number;
  offset?: number;
}

export interface OrderList {
  items: Order[];
  total: number;
}

export interface Share {
  url: string;
  qrSvg: string;
}

const enc = encodeURIComponent;

/** The shopper's side of the API. */
export const api = {
  health: () => request<Health>('GET', '/api/health'),
  me: () => request<Me>('GET', '/api/me'),
  products: (f: ProductFilters = {}, signal?: AbortSignal) =>
    request<ProductPage>('GET', `/api/products${qs({ ...f, inStock: f.inStock ? 'true' : undefined })}`, { signal }),
  product: (id: string) => request<Product>('GET', `/api/products/${enc(id)}`),
  cart: () => request<Cart>('GET', '/api/cart'),
  addLine: (line: CartAdd) => request<Cart>('POST', '/api/cart/lines', { body: line }),
  updateLine: (lineId: string, quantity: number) => request<Cart>('PATCH', `/api/cart/lines/${enc(lineId)}`, { body: { quantity } }),
  removeLine: (lineId: string) => request<Cart>('DELETE', `/api/cart/lines/${enc(lineId)}`),
  checkout: (body: CheckoutBody, idempotencyKey: string) =>
    request<Order>('POST', '/api/checkout', { body, headers: { 'idempotency-key': idempotencyKey } }),
  orders: () => request<OrderList>('GET', '/api/orders'),
  order: (id: string) => request<Order>('GET', `/api/orders/${enc(id)}`),
  share: (path: string) => request<Share>('GET', `/api/share${qs({ path })}`),
  indexStatus: () => request<IndexStatus>('GET', '/api/discovery/status'),
};

/** The merchant's side of the API; every call carries the merchant token. */
export const merchantApi = {
  me: (token: string) => request<{ ok: true }>('GET', '/api/merchant/me', { token }),
  createProduct: (token: string, body: ProductCreate) => request<Product>('POST', '/api/products', { token, body }),
  updateProduct: (token: string, id: string, body: ProductUpdate) =>
    request<Product>('PATCH', `/api/products/${enc(id)}`, { token, body }),
  deleteProduct: (token: string, id: string) => request<void>('DELETE', `/api/products/${enc(id)}`, { token }),
  deletePhoto: (token: string, id: string, photoId: string) =>
    request<void>('DELETE', `/api/products/${enc(id)}/photos/${enc(photoId)}`, { token }),
  orders: (token: string, status?: OrderStatus) =>
    request<OrderList>('GET', `/api/merchant/orders${qs({ status, limit: 100 })}`, { token }),
  setOrderStatus: (token: string, id: string, status: 'shipped' | 'cancelled') =>
    request<Order>('PATCH', `/api/merchant/orders/${enc(id)}`, { token, body: { status } }),
  reindex: (token: string, all: boolean) => request<IndexStatus>('POST', '/api/discovery/reindex', { token, body: { all } }),
};

/** A short human message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
