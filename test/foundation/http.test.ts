import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';

const t = build();

test('security headers: CSP without inline scripts, no framing, no referrer', async () => {
  for (const url of ['/', '/api/health']) {
    const response = await t.app.inject({ method: 'GET', url });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain("unsafe-inline' ;");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  }
});

test('an oversized body is refused early with 413', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username: 'x', password: 'y'.repeat(100 * 1024) },
  });
  expect(response.statusCode).toBe(413);
  expect(response.json()).toEqual({ error: 'payload_too_large', message: expect.any(String) });
});

test('a wrong content type gets 415', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: 'username=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(response.statusCode).toBe(415);
  expect(response.json().error).toBe('unsupported_media_type');
});

test('the OpenAPI document lists the routes with their schemas; the reference page is served', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(doc.paths['/api/staff/login'].post.requestBody).toBeDefined();
  expect(doc.paths['/api/health'].get.responses['200']).toBeDefined();
  const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  expect(docs.statusCode).toBe(200);
  expect(docs.body).toContain('swagger');
});

test('the SPA is served with a fallback for client routes, JSON 404 for API paths', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/some/client/route' });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.body).not.toMatch(/<script>(?!<\/script>)/); // no inline script in the built page
  const api = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
  expect(api.statusCode).toBe(404);
  expect(api.json().error).toBe('not_found');
});

test('log lines of real requests never hold IPs, user agents, cookies or Authorization headers', async () => {
  const staff = await given(t.app).staff('moderator');
  const secretAgent = 'Mozilla/5.0 (SecretAgent-4411)';
  await t.app.inject({
    method: 'GET',
    url: '/api/staff/me?q=private-search',
    headers: {
      ...staff.headers,
      'user-agent': secretAgent,
      'x-forwarded-for': '203.0.113.77',
      authorization: 'Bearer top-secret-credential',
    },
    remoteAddress: '198.51.100.23',
  });
  await t.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username: staff.username, password: staff.password },
    headers: { 'user-agent': secretAgent },
    remoteAddress: '198.51.100.23',
  });
  const sessionId = staff.cookie.split('=')[1]!;
  const all = t.rawLogs.join('\n');
  expect(t.rawLogs.length).toBeGreaterThan(2); // the requests were logged at all
  for (const forbidden of [
    '198.51.100.23',
    '203.0.113.77',
    '127.0.0.1',
    'SecretAgent',
    'top-secret-credential',
    sessionId,
    staff.password,
    'private-search',
  ]) {
    expect(all).not.toContain(forbidden);
  }
  for (const line of t.logs) {
    expect(line).not.toHaveProperty('req.remoteAddress');
    expect(line).not.toHaveProperty('req.hostname');
    expect(line).not.toHaveProperty('req.headers');
  }
});
