import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { Config } from './config.ts';

// Anonymity starts in the log: no IP, port, host, user agent, cookie or Authorization ever gets written.
// Only method, path (query strings can carry search text, so dropped) and status are kept.
export function loggerOptions(config: Pick<Config, 'logLevel'>, stream?: DestinationStream) {
  const options: LoggerOptions & { stream?: DestinationStream } = {
    level: config.logLevel,
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, path: request.url.split('?')[0] }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      // Only what explains a failure: driver errors can carry the statement's parameters (PGlite's do:
      // people's texts, seat ids), which never belong in a log.
      err: (error: Error & { code?: unknown }) => ({
        type: error.name,
        message: error.message,
        ...(error.code !== undefined ? { code: error.code } : {}),
        stack: error.stack,
      }),
    },
    // Belt and braces for anything logged by hand.
    redact: {
      paths: [
        'req.headers',
        'req.remoteAddress',
        'req.ip',
        'headers',
        'authorization',
        'cookie',
        '*.authorization',
        '*.cookie',
        '*.credential',
        '*.receipt',
        '*.seat',
        '*.token',
        '*.password',
      ],
      remove: true,
    },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
  if (stream) options.stream = stream;
  return options;
}
