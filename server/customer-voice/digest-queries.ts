import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { scaleTallies, type ScaleTallies } from './queries.ts';

// The SQL of the weekly digest: the feedback mapped to one department, by ISO week, and its themes beside
// the employees' themes about the same department. Only counts and means leave here, and the texts of items
// that are published already; the route applies k.

type Db = Kysely<Database> | Transaction<Database>;

export interface WeekScores extends ScaleTallies {
  /** Monday of the week, YYYY-MM-DD. */
  monday: string;
  /** Scored comments by band: NPS 9–10, CSAT 4–5, CES 5–7 are positive; NPS 0–6, CSAT 1–2, CES 1–3 negative. */
  positive: number;
  negative: number;
  scored: number;
}

/** Per ISO week from `fromDay` (a Monday) to `toDay`: responses and each scale's tallies. */
export async function weeklyScores(db: Db, departmentId: string, fromDay: string, toDay: string) {
  const result = await sql<WeekScores>`
    select to_char(date_trunc('week', f.day), 'YYYY-MM-DD') as monday, ${scaleTallies},
      count(*) filter (where (f.score_kind = 'nps' and f.score >= 9) or (f.score_kind = 'csat' and f.score >= 4)
        or (f.score_kind = 'ces' and f.score >= 5))::int as positive,
      count(*) filter (where (f.score_kind = 'nps' and f.score <= 6) or (f.score_kind = 'csat' and f.score <= 2)
        or (f.score_kind = 'ces' and f.score <= 3))::int as negative,
      count(f.score)::int as scored
    from customer_feedback f
    join customer_feedback_department m on m.feedback_id = f.id and m.department_id = ${departmentId}
    where f.day between ${fromDay} and ${toDay}
    group by 1 order by 1`.execute(db);
  return result.rows;
}

/** This week's customer themes for the department (moderators' snapshot), with their mean sentiment. */
export async function weekThemes(db: Db, departmentId: string, fromDay: string, toDay: string) {
  const result = await sql<{ label: string; keywords: string[]; count: number; sentiment: number }>`
    select t.label, t.keywords, count(*)::int as count, avg(i.sentiment)::float8 as sentiment
    from theme_item i
    join theme t on t.id = i.theme_id and t.scope = i.scope
    join customer_feedback_department m on m.feedback_id = i.item_id::uuid and m.department_id = ${departmentId}
    where i.scope = 'all' and i.source = 'customer' and not t.retired and i.day between ${fromDay} and ${toDay}
    group by t.id, t.label, t.keywords
    order by count desc, t.label`.execute(db);
  return result.rows;
}

/**
 * Themes holding customer comments mapped to the department, or published employee items about it (a
 * suggestion's concerned department, a kudos or handoff team…), from `fromDay` to `toDay`: what customers
 * and employees say on the same topic. Unpublished employee words are counted nowhere here.
 */
export async function themesAlongside(db: Db, departmentId: string, fromDay: string, toDay: string) {
  const result = await sql<{
    label: string;
    keywords: string[];
    customers: number;
    employees: number;
    employee_quote: string | null;
  }>`
    select t.label, t.keywords,
      count(*) filter (where i.source = 'customer' and m.department_id is not null)::int as customers,
      count(*) filter (where i.source <> 'customer' and i.published and i.department_id = ${departmentId})::int
        as employees,
      (array_agg(i.text order by i.centrality desc)
        filter (where i.source <> 'customer' and i.published and i.department_id = ${departmentId}))[1]
        as employee_quote
    from theme_item i
    join theme t on t.id = i.theme_id and t.scope = i.scope
    left join customer_feedback_department m
      on i.source = 'customer' and m.feedback_id = i.item_id::uuid and m.department_id = ${departmentId}
    where i.scope = 'all' and not t.retired and i.day between ${fromDay} and ${toDay}
    group by t.id, t.label, t.keywords
    having count(*) filter (where i.source = 'customer' and m.department_id is not null) > 0
        or count(*) filter (where i.source <> 'customer' and i.published and i.department_id = ${departmentId}) > 0`.execute(
    db,
  );
  return result.rows;
}

/** The stories most recently shared with the department (by when they were shared, not when customers wrote). */
export async function latestStoryIds(db: Db, departmentId: string, limit: number) {
  const rows = await db
    .selectFrom('customer_story')
    .select('id')
    .where('department_id', '=', departmentId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
