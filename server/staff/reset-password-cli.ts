// npm run staff:reset-password -- <username>
// Sets a new random password for a staff account, prints it once, ends its sessions. Uses the same
// settings as the server (DATABASE_URL, or the embedded database in DATA_DIR — stop the server first
// for the embedded one: only one process may open it).
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { resetStaffPassword } from './reset-password.ts';

const username = process.argv[2];
if (!username || username.startsWith('-')) {
  console.error('Usage: npm run staff:reset-password -- <username>');
  process.exit(2);
}
const config = loadConfig(process.env);
const handle = await connect(config);
try {
  await migrateToLatest(handle.db);
  const reset = await resetStaffPassword(handle.db, username);
  if (!reset) {
    const known = await handle.db.selectFrom('staff').select('username').orderBy('username').execute();
    console.error(
      `No staff account "${username}". Accounts: ${known.map((row) => row.username).join(', ') || 'none'}.`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      [
        '',
        `  New password for ${reset.username} (${reset.role}) — shown once, note it now:`,
        '',
        `    ${reset.password}`,
        '',
        '  Their sessions were ended; the change is in the audit log.',
        '',
      ].join('\n'),
    );
  }
} finally {
  await handle.close();
}
