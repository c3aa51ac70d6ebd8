import { Type } from 'typebox';

/** The one error shape every route answers with. */
export const ErrorBody = Type.Object(
  { error: Type.String(), message: Type.String() },
  { $id: 'ErrorBody', description: 'Every error: a stable code and a human message.' },
);

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new HttpError(400, code, message);
export const unauthorized = (code: string, message: string) => new HttpError(401, code, message);
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
export const notFound = (message = 'Not found') => new HttpError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const tooMany = (code: string, message: string, retryAfterSeconds: number) =>
  new HttpError(429, code, message, { 'retry-after': String(retryAfterSeconds) });

/** Response schemas for the usual error statuses, spread into a route's `response`. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
