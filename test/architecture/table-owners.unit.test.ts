import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { root } from './import-graph.ts';

// Every table belongs to one room: only its owner's files name it in a query. Another feature that needs
// what a table holds asks the owner through a port (server/plugins/ports.ts), so a feature's tables can
// change without a silent break elsewhere. Checked: Kysely's selectFrom / insertInto / updateTable /
// deleteFrom / mergeInto with the table's literal name, and raw `sql` text (from / join / into / update).
// db/ (migrations), the app floor (server/app.ts, server/main.ts, server/seed/) and seed files (demo data
// put together across rooms) may name any table.

/** Owner folders or files, by table. `department` is reference data: any feature may read it (not write). */
const OWNERS: Record<string, string[]> = {
  staff: ['server/staff/'],
  staff_oidc_login: ['server/staff/'],
  staff_session: ['server/staff/', 'server/shared/staff-sessions.ts'],
  saved_reply: ['server/shared/moderation/'],
  audit_log: ['server/shared/audit.ts', 'server/settings/'],
  setting: ['server/settings/', 'server/shared/settings.ts'],
  department: ['server/departments/', 'server/shared/departments.ts'],
  throttle: ['server/plugins/throttle.ts'],
  job_lease: ['server/plugins/jobs.ts'],
  token_key: ['server/tokens/'],
  key_log: ['server/tokens/'],
  enrolment_batch: ['server/tokens/'],
  enrolment_code: ['server/tokens/'],
  member: ['server/tokens/', 'server/shared/departments.ts'],
  enrolment_week: ['server/tokens/'],
  token_issuance: ['server/tokens/'],
  spent_token: ['server/tokens/', 'server/shared/private-token.ts'],
  member_sso: ['server/tokens/'],
  oidc_login: ['server/tokens/'],
  suggestion: ['server/suggestions/'],
  thread_receipt: ['server/shared/threads/'],
  thread_message: ['server/shared/threads/', 'server/shared/moderation/'],
  kudos: ['server/kudos/'],
  pulse: ['server/pulses/'],
  pulse_response: ['server/pulses/'],
  focus_group: ['server/focus-groups/'],
  focus_group_seat: ['server/focus-groups/'],
  focus_group_message: ['server/focus-groups/'],
  focus_group_event: ['server/focus-groups/'],
  focus_group_reaction: ['server/focus-groups/'],
  theme: ['server/themes/'],
  theme_item: ['server/themes/'],
  theme_run: ['server/themes/'],
  theme_correction: ['server/themes/'],
  handoff_request_type: ['server/handoffs/'],
  handoff_rating: ['server/handoffs/'],
  journey: ['server/journeys/'],
  journey_version: ['server/journeys/'],
  journey_stage_theme: ['server/journeys/'],
  customer_import: ['server/customer-voice/'],
  customer_feedback: ['server/customer-voice/'],
  customer_voice_rule: ['server/customer-voice/'],
  customer_feedback_department: ['server/customer-voice/'],
  customer_story: ['server/customer-voice/'],
  customer_voice_api_key: ['server/customer-voice/'],
  webhook: ['server/notifications/'],
  theme_action: ['server/actions/'],
  webhook_delivery: ['server/notifications/'],
};

/** Reference data any feature may read (a department's name and kind), never write. */
const READABLE_BY_ALL = new Set(['department']);

/**
 * Crossings that predate this test, each to be moved behind a port by the room that owns the file. The
 * list can only shrink: a crossing that is gone must leave it (last test).
 */
const KNOWN_CROSSINGS = new Set([
  'server/journeys/queries.ts -> theme',
  'server/journeys/theme-overlay.ts -> theme',
  'server/journeys/theme-overlay.ts -> theme_item',
  'server/customer-voice/queries.ts -> setting',
  'server/customer-voice/queries.ts -> theme',
  'server/customer-voice/queries.ts -> theme_item',
  'server/customer-voice/digest-queries.ts -> theme',
  'server/customer-voice/digest-queries.ts -> theme_item',
  'server/customer-voice/blueprint-overlay.ts -> theme_item',
  'server/tokens/queries.ts -> setting',
  'server/staff/reset-password.ts -> audit_log',
]);

function tablesOfSchema(): string[] {
  const files = [
    'db/schema.ts',
    ...readdirSync(path.join(root, 'db/tables')).map((name) => `db/tables/${name}`),
  ];
  return files.flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(/^ {2}([a-z_]+): [A-Za-z]+Table;$/gm)].map(
      (match) => match[1]!,
    ),
  );
}

function serverFiles(): string[] {
  return readdirSync(path.join(root, 'server'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const mayNameAnyTable = (file: string) =>
  ['server/app.ts', 'server/main.ts'].includes(file) ||
  file.startsWith('server/seed/') ||
  /(?:^|\/)seed\.ts$/.test(file);

const tables = tablesOfSchema();
const tableAlternation = tables.join('|');
const KYSELY = new RegExp(
  String.raw`\b(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(\s*['"](${tableAlternation})(?:\s+as\s+\w+)?['"]`,
  'g',
);
const RAW_SQL = new RegExp(String.raw`\b(from|join|into|update)\s+(${tableAlternation})\b(?!\s*\()`, 'gi');
const WRITE = /^(insertInto|updateTable|deleteFrom|mergeInto|into|update)$/i;

/** Raw SQL only: the bodies of sql`…` template literals (comments and prose elsewhere are not queries). */
function sqlTemplates(text: string): string[] {
  return [...text.matchAll(/\bsql(?:<[^`]*?>)?`([^`]*)`/g)].map((match) => match[1]!);
}

interface Use {
  file: string;
  table: string;
  write: boolean;
}

function uses(): Use[] {
  const found: Use[] = [];
  for (const file of serverFiles()) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(KYSELY))
      found.push({ file, table: match[2]!, write: WRITE.test(match[1]!) });
    for (const body of sqlTemplates(text))
      for (const match of body.matchAll(RAW_SQL))
        found.push({ file, table: match[2]!.toLowerCase(), write: WRITE.test(match[1]!) });
  }
  return found;
}

const owns = (file: string, table: string) =>
  (OWNERS[table] ?? []).some((owner) => (owner.endsWith('/') ? file.startsWith(owner) : file === owner));

const crossings = () => {
  const list = new Set<string>();
  for (const use of uses()) {
    if (mayNameAnyTable(use.file) || owns(use.file, use.table)) continue;
    if (!use.write && READABLE_BY_ALL.has(use.table)) continue;
    list.add(`${use.file} -> ${use.table}`);
  }
  return [...list].sort();
};

describe('table owners: a table is queried only by the room that owns it', () => {
  test('every table in the schema has an owner', () => {
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((table) => !OWNERS[table])).toEqual([]);
  });

  test('the scanner sees Kysely calls and raw SQL', () => {
    const found = uses();
    expect(found).toContainEqual({ file: 'server/notifications/queries.ts', table: 'webhook', write: true });
    expect(found).toContainEqual({ file: 'server/plugins/throttle.ts', table: 'throttle', write: true });
  });

  test('no room reaches into another room’s table', () => {
    expect(crossings().filter((crossing) => !KNOWN_CROSSINGS.has(crossing))).toEqual([]);
  });

  test('the notifications feature names no table but its own', () => {
    expect(
      uses()
        .filter((use) => use.file.startsWith('server/notifications/') && !/seed\.ts$/.test(use.file))
        .filter((use) => !['webhook', 'webhook_delivery'].includes(use.table))
        .map((use) => `${use.file} -> ${use.table}`),
    ).toEqual([]);
  });

  test('the list of known crossings only shrinks', () => {
    const now = new Set(crossings());
    expect([...KNOWN_CROSSINGS].filter((crossing) => !now.has(crossing))).toEqual([]);
  });
});
