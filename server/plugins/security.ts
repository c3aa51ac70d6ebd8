import fp from 'fastify-plugin';
import helmet from 'helmet';

// Security headers from helmet, built once at start. @fastify/helmet rebuilt helmet's middleware (and
// re-parsed the CSP) on every request: ~2–5 % of a token issuance's CPU in the profile (README, issue 15).
// The headers are the same for every route here (no per-route options, no CSP nonces), so one
// middleware serves all.
const applyHeaders = helmet({
  // No inline scripts anywhere: the built client is external files only.
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
});

export default fp(
  async (app) => {
    app.addHook('onRequest', (request, reply, done) => {
      applyHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
  },
  { name: 'security' },
);
