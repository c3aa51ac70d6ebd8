import { constants, randomBytes, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createScopeKey } from '../server/tokens/keys.ts';
import { authorizationFor, challengeDigestFor, tokenInputFor, parseAuthorization, verifyAuthenticator } from '../server/tokens/crypto.ts';
const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'warn', SEED_DEMO: 'false', MAX_EVENT_LOOP_DELAY_MS: '0' }));
app.post('/v', { config: { privateToken: 'b' } }, async () => ({ ok: true }));
app.post('/n', async () => ({ ok: true }));
await app.ready();
const k = await createScopeKey(app, { scope: 'b', budget: 5, notBefore: new Date(Date.now() - 1000), notAfter: new Date(Date.now() + 1e8) });
const key = (await app.tokenKeys.byId(k.tokenKeyId))!;
const digest = challengeDigestFor('localhost:80', 'localhost:80', 'b');
const headers = Array.from({ length: 2000 }, () => {
  const ti = tokenInputFor(randomBytes(32), digest, key.idBytes);
  return authorizationFor(Buffer.concat([ti, sign('sha384', ti, { key: key.keyPair.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 })]));
});
let t = performance.now();
for (const h of headers) { const tok = parseAuthorization(h)!; verifyAuthenticator(key.keyPair.publicKey, tok.tokenInput, tok.authenticator); }
console.log('parse+verify µs', ((performance.now() - t) / 2000) * 1000);
t = performance.now();
for (let i = 0; i < 2000; i++) await app.inject({ method: 'POST', url: '/n' });
console.log('inject plain µs', ((performance.now() - t) / 2000) * 1000);
t = performance.now();
for (const h of headers) { const r = await app.inject({ method: 'POST', url: '/v', headers: { authorization: h } }); if (r.statusCode !== 200) throw new Error(r.body); }
console.log('inject verify µs', ((performance.now() - t) / 2000) * 1000);
await app.close();
