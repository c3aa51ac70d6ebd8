import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, requireSharedSecret } from './config.ts';
import { ensureFirstAdmin, seedDemo } from './seed/index.ts';

let config;
try {
  config = loadConfig(process.env);
  requireSharedSecret(config);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Greenroom cannot start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const app = await buildApp(config);
await app.ready();

if (config.adminUsername && config.adminPassword) {
  if (await ensureFirstAdmin(app, config.adminUsername, config.adminPassword)) {
    app.log.info(`created the first admin account "${config.adminUsername}"`);
  }
}
const demo = config.seedDemo ? await seedDemo(app) : null;

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  await app.close();
});

await app.listen({ port: config.port, host: config.host });
const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(app.server.address() as { port: number }).port}`;
const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
const lines = [
  '',
  `  Greenroom is running at ${url}`,
  `  Database: ${database}`,
  `  API reference: ${url}/api/docs`,
];
if (demo) {
  lines.push(
    '',
    '  Demo organisation created. These passwords are shown ONCE — note them now:',
    `    admin      ${demo.admin.username} / ${demo.admin.password}`,
    `    moderator  ${demo.moderator.username} / ${demo.moderator.password}`,
    ...demo.notes.map((note) => `  ${note}`),
    `  Sign in at ${url}/#/staff/login   (start over: stop, delete ${config.dataDir}, start again)`,
  );
} else {
  lines.push(`  Staff sign in at ${url}/#/staff/login`);
}
lines.push(`  Lost a staff password? Stop the server and run: npm run staff:reset-password -- <username>`);
// The logger writes asynchronously: flush what start-up logged, so the banner comes after it, fenced off.
await new Promise<void>((resolve) => {
  const logger = app.log as { flush?: (done: () => void) => void };
  if (logger.flush) logger.flush(() => resolve());
  else resolve();
});
const fence = '='.repeat(78);
console.log(['', fence, ...lines.filter((line, index) => line || index > 0), fence, ''].join('\n'));
