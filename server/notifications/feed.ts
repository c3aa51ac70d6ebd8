// The public digest as an Atom feed: anyone can subscribe in a feed reader without identifying
// themselves (no token, no cookie, nothing per reader). Published content only, dated by day.
import { weekOf } from './service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotificationSources } from '../shared/notification-sources.ts';

const escape = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

export async function digestFeed(
  { db, sources }: { db: Kysely<Database>; sources: NotificationSources },
  origin: string,
  now = new Date(),
): Promise<string> {
  const week = weekOf(now);
  const themes = await sources.publicThemes(db, 10);
  const responses = await sources.recentResponses(db, weekOf(new Date(now.getTime() - 28 * 86_400_000)), 30);
  const updated = `${responses[0]?.day ?? week}T00:00:00Z`;
  const entries = responses.map(
    (item, index) => `  <entry>
    <id>${escape(`${origin}/#/board?you-said-we-did=${item.day}-${index}`)}</id>
    <title>${escape(`${item.status.replace('_', ' ')}: ${item.text.slice(0, 80)}`)}</title>
    <updated>${item.day}T00:00:00Z</updated>
    <link href="${escape(`${origin}/#/board`)}"/>
    <content type="text">${escape(`You said: ${item.text}\nWe did: ${item.response ?? ''}`)}</content>
  </entry>`,
  );
  const themeList = themes.map((theme) => `${theme.label} (${theme.trend})`).join('; ');
  entries.unshift(`  <entry>
    <id>${escape(`${origin}/#/themes?week=${week}`)}</id>
    <title>${escape(`Trending themes, week of ${week}`)}</title>
    <updated>${week}T00:00:00Z</updated>
    <link href="${escape(`${origin}/#/themes`)}"/>
    <content type="text">${escape(themeList || 'No themes yet.')}</content>
  </entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Greenroom digest: themes and “you said, we did”</title>
  <id>${escape(`${origin}/api/digest.atom`)}</id>
  <updated>${updated > `${week}T00:00:00Z` ? updated : `${week}T00:00:00Z`}</updated>
  <link rel="self" href="${escape(`${origin}/api/digest.atom`)}"/>
${entries.join('\n')}
</feed>
`;
}
