import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { badRequest, HttpError } from '../errors.ts';
import { hasUnstorableText, UNSTORABLE_MESSAGE } from '../../common/storable.ts';

// Fastify's own error codes mapped to our stable codes; anything unknown below 500 becomes `bad_request`.
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Unsupported content type.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'Content-Length does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The body is not valid JSON.'],
};

// A database that is down or restarting is a temporary condition: 503 + Retry-After, never a 500.
const DATABASE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidate = error as { code?: string; message?: string } | null;
  if (!candidate) return false;
  if (candidate.code && DATABASE_DOWN_CODES.has(candidate.code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
    candidate.message ?? '',
  );
}

export default fp(
  async (app) => {
    // Text Postgres would refuse (NUL) or alter (lone surrogates) is a 400 before any handler runs, so it
    // can never become a 500 or a token spent on a failed write. (Staff guards run earlier, in preValidation.)
    app.addHook('preHandler', async (request) => {
      if (
        hasUnstorableText(request.body) ||
        hasUnstorableText(request.query) ||
        hasUnstorableText(request.params)
      )
        throw badRequest('invalid_request', UNSTORABLE_MESSAGE);
    });
    app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
      if (error instanceof HttpError) {
        return reply
          .code(error.statusCode)
          .headers(error.headers)
          .send({ error: error.code, message: error.message });
      }
      if (error.validation) {
        return reply.code(400).send({ error: 'invalid_request', message: error.message });
      }
      const known = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (known) return reply.code(known[0]).send({ error: known[1], message: known[2] });
      if (error instanceof SyntaxError) {
        return reply.code(400).send({ error: 'invalid_json', message: 'The body is not valid JSON.' });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        if (status === 429) {
          return reply
            .code(429)
            .send({ error: 'rate_limited', message: 'Too many requests; try again later.' });
        }
        return reply.code(status).send({ error: 'bad_request', message: error.message });
      }
      if (status === 503 || isDatabaseUnavailable(error)) {
        reply.header('retry-after', '2');
        return reply.code(503).send({ error: 'unavailable', message: 'Service temporarily unavailable.' });
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({ error: 'internal_error', message: 'Internal Server Error' });
    });
  },
  { name: 'errors' },
);
