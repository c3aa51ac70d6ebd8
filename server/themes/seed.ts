import { randomUUID } from 'node:crypto';
import type { SeedStep } from '../seed/types.ts';
import { audit } from '../shared/audit.ts';
import { themesJob } from './job.ts';
import { insertCorrection, themeItemIds } from './queries.ts';

/**
 * Themes read what the other features seeded (three months of suggestions, kudos, pulse comments and
 * focus-group transcripts): one recompute at the end, so a new user sees themes with real trends. Then
 * the demo moderator makes two corrections, as a moderator would on a first look, so the dashboard shows
 * them: the car-park theme renamed to what it is about, and the loan-system theme pinned to the top.
 * Both are audited and kept on every later recompute, like any correction.
 */
export const seed: SeedStep = async (app, result) => {
  const job = themesJob(app);
  await job.recompute();
  const staff = await app.db
    .selectFrom('staff')
    .select(['id', 'username', 'display_name as displayName', 'role'])
    .where('username', '=', result.moderator.username)
    .executeTakeFirst();
  const current = await app.db
    .selectFrom('theme')
    .select(['id', 'label', 'keywords'])
    .where('scope', '=', 'all')
    .where('retired', '=', false)
    .orderBy('rank')
    .execute();
  const items = await app.db
    .selectFrom('theme_item')
    .select(['theme_id as themeId', 'text'])
    .where('scope', '=', 'all')
    .execute();
  // By label, then keywords, then the theme holding most comments that say it: the clustering of the
  // same demo content does not always name a car-park theme in its label or keywords (seen once in CI), and
  // the demo must show its corrections every time.
  const mostComments = (pattern: RegExp) => {
    const counts = new Map<string, number>();
    for (const item of items)
      if (pattern.test(item.text)) counts.set(item.themeId, (counts.get(item.themeId) ?? 0) + 1);
    const [best] = [...counts].sort((a, b) => b[1] - a[1]);
    return best ? current.find((theme) => theme.id === best[0]) : undefined;
  };
  const about = (pattern: RegExp) =>
    current.find((theme) => pattern.test(theme.label)) ??
    current.find((theme) => pattern.test(theme.keywords.join(' '))) ??
    mostComments(pattern);
  const corrections = [
    { theme: about(/car park|parking/i), kind: 'rename' as const, label: 'Staff car park spaces' },
    { theme: about(/origination|outage|loan|LOS\b|lending/i), kind: 'pin' as const },
  ];
  let made = 0;
  for (const { theme, kind, ...rest } of corrections) {
    if (!staff || !theme) continue;
    const label = 'label' in rest ? rest.label : undefined;
    const id = randomUUID();
    await insertCorrection(app.db, {
      id,
      kind,
      themeId: theme.id,
      label,
      anchorItems: await themeItemIds(app.db, 'all', theme.id),
      createdBy: staff.username,
    });
    await audit(
      app.db,
      { ...staff, mustChangePassword: false },
      `theme.${kind}`,
      { type: 'theme', id: theme.id },
      { correction: id, from: theme.label, ...(label ? { to: label } : {}) },
    );
    made++;
  }
  if (made > 0) {
    job.forgetModels();
    await job.recompute();
  }
  const themes = await app.db
    .selectFrom('theme')
    .select(['label', 'trend'])
    .where('scope', '=', 'public')
    .where('retired', '=', false)
    .orderBy('rank')
    .execute();
  if (themes.length > 0)
    result.notes.push(
      `Trending themes: ${themes
        .slice(0, 4)
        .map((t) => `${t.label} (${t.trend})`)
        .join(', ')}.`,
    );
};
