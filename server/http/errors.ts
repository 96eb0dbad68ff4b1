/** Turns every failure into `{ error: { code, message, issues? } }` with the status its code implies. */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ZodError, type z } from 'zod';
import { AppError, type ErrorCode, HTTP_STATUS } from '../protocol/errors.js';

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, extra: object = {}) {
  return reply.code(HTTP_STATUS[code]).send({ error: { code, message, ...extra } });
}

/** Parses request input with a schema, throwing a VALIDATION_FAILED error that lists the issues. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where = 'request'): z.infer<S> {
  const res = schema.safeParse(input ?? {});
  if (!res.success) throw res.error.issues.length ? withWhere(res.error, where) : res.error;
  return res.data;
}

function withWhere(err: ZodError, where: string): ZodError {
  (err as ZodError & { where?: string }).where = where;
  return err;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** SQLSTATEs for text PostgreSQL cannot store (NUL in text: 22021, in jsonb: 22P05): bad input, not our failure. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This content type is not accepted here.',
  INVALID_JSON: 'The request body is not valid JSON.',
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    if (err instanceof AppError) {
      return sendError(reply, err.code, err.message, err.details ? { details: err.details } : {});
    }
    if (err instanceof ZodError) {
      const where = (err as ZodError & { where?: string }).where ?? 'request';
      const first = err.issues[0];
      const path = first?.path.length ? `${first.path.join('.')}: ` : '';
      return sendError(reply, 'VALIDATION_FAILED', `Invalid ${where}: ${path}${first?.message ?? 'bad input'}`, {
        issues: err.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
      });
    }
    if (typeof err.code === 'string' && UNSTORABLE_TEXT.has(err.code)) {
      return sendError(reply, 'VALIDATION_FAILED', 'The request contains a character that cannot be stored (such as NUL, \\u0000).');
    }
    const code = (err.code && FASTIFY_CODES[err.code]) || (err instanceof SyntaxError ? 'INVALID_JSON' : undefined);
    if (code) return sendError(reply, code, MESSAGES[code] ?? err.message);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, 'VALIDATION_FAILED', err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  });
}
