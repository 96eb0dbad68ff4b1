/**
 * The closed list of error codes the API and the live protocol answer with.
 * Clients branch on `code`; `message` is a human sentence that may change.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'OUT_OF_STOCK',
  'SOLD_OUT',
  'CART_EMPTY',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_REQUIRED',
  'UNSUPPORTED_CURRENCY',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYMENT_FAILED',
  'RATE_LIMITED',
  'CONFLICT',
  'SESSION_ENDED',
  'DEAL_EXPIRED',
  'LIMIT_REACHED',
  'MUTED',
  'BANNED',
  'PROTOCOL_VERSION',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; issues?: unknown[]; details?: unknown };
}

/** A domain error carrying a stable code; the HTTP and socket layers turn it into a response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** HTTP status for each code, so every route answers the same code with the same status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  OUT_OF_STOCK: 409,
  SOLD_OUT: 409,
  CART_EMPTY: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNSUPPORTED_CURRENCY: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYMENT_FAILED: 402,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  SESSION_ENDED: 410,
  DEAL_EXPIRED: 410,
  LIMIT_REACHED: 409,
  MUTED: 403,
  BANNED: 403,
  PROTOCOL_VERSION: 400,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
