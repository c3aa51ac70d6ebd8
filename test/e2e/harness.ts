import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';

// Real headless Chromium from Debian (never a downloaded browser) against the real server on a real port.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
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
  staff(role: 'admin' | 'moderator'): Promise<SignedInStaff>;
  /** Signs a staff member in through the real sign-in page. */
  signIn(page: Page, staff: SignedInStaff): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
}

/** One server + one browser per test file, closed afterwards. */
export function portal(env: Record<string, string> = {}): Portal {
  const handle = {} as Portal;
  const contexts: BrowserContext[] = [];
  let close = async () => {};
  beforeAll(async () => {
    if (!existsSync('dist/client/index.html')) throw new Error('The client is not built: run `npm run build` first.');
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const test = await createTestApp(env);
    await test.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = test.app.server.address() as { port: number };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    Object.assign(handle, test, {
      url: `http://127.0.0.1:${port}`,
      browser,
      async newPage() {
        const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
        contexts.push(context);
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
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
      await test.close();
    };
  });
  afterAll(() => close());
  return handle;
}
