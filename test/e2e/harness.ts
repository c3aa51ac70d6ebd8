import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { createCodes } from '../helpers/members.ts';

// Real headless Chromium from Debian (never a downloaded browser) against the real server on a real port.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = path.resolve('.screenshots');

export interface Portal extends TestApp {
  url: string;
  browser: Browser;
  /** A fresh browser context: its own cookies and IndexedDB, like a separate person's browser. */
  newPage(): Promise<Page>;
  /** An employee's own browser: a fresh page enrolled at the enrol page with a fresh code (of a department). */
  employee(departmentId?: string): Promise<Page>;
  staff(role: 'admin' | 'moderator'): Promise<SignedInStaff>;
  /** Signs a staff member in through the real sign-in page. */
  signIn(page: Page, staff: SignedInStaff): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
  /** Every secret the browsers sent or received (credentials, tokens, receipts, seats, codes, cookies). */
  secrets: Set<string>;
}

const SECRET_FIELDS = new Set(['credential', 'receipt', 'seat', 'code', 'codes', 'token', 'password']);

function collectSecrets(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (SECRET_FIELDS.has(key) && value.length >= 8) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, into, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectSecrets(v, into, k);
  }
}

/** Privacy audit after each browser journey: nothing identifying in any log line or any table. */
async function auditPrivacy(test: TestApp, secrets: Set<string>) {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(test.app.db);
  const dumps: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: unknown }>`select row_to_json(t) as row from ${sql.table(name)} t`.execute(
      test.app.db,
    );
    dumps.push(`${name}: ${JSON.stringify(rows.rows)}`);
  }
  // The server announcing its own listening address is not a client's IP.
  const logs = test.rawLogs.filter((line) => !line.includes('Server listening at'));
  const haystacks = { logs: logs.join('\n'), tables: dumps.join('\n') };
  for (const [where, text] of Object.entries(haystacks)) {
    expect(text, `${where} hold the browser's IP`).not.toContain('127.0.0.1');
    expect(text, `${where} hold a user agent`).not.toMatch(/HeadlessChrome|Mozilla\/5\.0/);
    expect(text, `${where} hold a PrivateToken header`).not.toContain('PrivateToken');
    for (const secret of secrets)
      expect(text.includes(secret), `${where} hold a secret the browser holds`).toBe(false);
  }
}

/** One server + one browser per test file, closed afterwards. */
export function portal(env: Record<string, string> = {}): Portal {
  const handle = {} as Portal;
  const contexts: BrowserContext[] = [];
  let close = async () => {};
  beforeAll(async () => {
    if (!existsSync('dist/client/index.html'))
      throw new Error('The client is not built: run `npm run build` first.');
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The privacy audit reads debug-level logs: even at debug nothing identifying may be written.
    // The wallet's outbox and refill timing compressed to fractions of a second (production: minutes).
    const test = await createTestApp({
      LOG_LEVEL: 'debug',
      WALLET_HOLD_SECONDS: '0-0.3',
      WALLET_QUIET_SECONDS: '0-0.3',
      WALLET_JITTER_SECONDS: '0-0.2',
      ...env,
    });
    await test.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = test.app.server.address() as { port: number };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    Object.assign(handle, test, {
      url: `http://127.0.0.1:${port}`,
      browser,
      secrets: new Set<string>(),
      async newPage() {
        const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
        contexts.push(context);
        // CI runs the browser journeys next to the integration suites on 2 cores: be patient, never sleep.
        context.setDefaultTimeout(90_000);
        context.on('request', (request) => {
          const authorization = request.headers()['authorization'];
          const token =
            authorization?.match(/token="([^"]+)"/)?.[1] ?? authorization?.match(/^Bearer (.+)$/)?.[1];
          if (token) handle.secrets.add(token);
          const body = request.postData();
          if (body?.startsWith('{')) collectSecrets(JSON.parse(body), handle.secrets);
        });
        context.on('response', async (response) => {
          if (!(response.headers()['content-type'] ?? '').includes('application/json')) return;
          collectSecrets(await response.json().catch(() => null), handle.secrets);
          const cookie = response.headers()['set-cookie']?.match(/greenroom_session=([^;]+)/)?.[1];
          if (cookie) handle.secrets.add(cookie);
        });
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
        return page;
      },
      async employee(departmentId?: string) {
        const [code] = await createCodes(test.app, 1, departmentId);
        const page = await handle.newPage();
        await page.goto(`${handle.url}/#/enrol`);
        await page.getByLabel('Enrolment code').fill(code!);
        await page.getByRole('button', { name: 'Enrol', exact: true }).click();
        await page.getByRole('heading', { name: 'You are enrolled.' }).waitFor();
        return page;
      },
      staff: (role: 'admin' | 'moderator') => given(test.app).staff(role),
      async signIn(page: Page, staff: SignedInStaff) {
        await page.goto(`${handle.url}/#/staff/login`);
        await page.getByLabel('Username').fill(staff.username);
        await page.getByLabel('Password').fill(staff.password);
        await page.getByRole('button', { name: /sign in/i }).click();
        await page.getByRole('button', { name: /sign out/i }).waitFor();
      },
      async screenshot(page: Page, name: string) {
        const file = path.join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
    });
    close = async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      try {
        await auditPrivacy(test, handle.secrets);
      } finally {
        await test.close();
      }
    };
  });
  afterAll(() => close());
  return handle;
}
