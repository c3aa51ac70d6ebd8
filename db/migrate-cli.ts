import { loadConfig } from '../server/config.ts';
import { connect } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

const config = loadConfig(process.env);
const handle = await connect(config);
const applied = await migrateToLatest(handle.db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await handle.close();
