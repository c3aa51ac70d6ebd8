import type { SeedStep } from '../seed/types.ts';
import { seededRandom } from '../seeded-random.ts';
import { insertPulse, insertResponse, scopeOf } from './queries.ts';
import type { PulseScale } from '../../db/tables/pulses.ts';
import { addDays, DAY_MS, daysAgo } from '../shared/days.ts';

const dayOffset = (days: number) => daysAgo(-days);

const ENPS = 'How likely are you to recommend Greenroom Bank as a place to work?';
const AGREE: string[] = [
  'I have the tools and systems I need to help customers well.',
  'I know who to ask when a customer problem is outside my area.',
  'My workload this week was manageable.',
  'Backstage teams respond quickly when I need them.',
  'I feel safe raising a concern without worrying about the consequences.',
  'The changes announced this month were explained clearly.',
];

const COMMENTS: Record<'low' | 'mid' | 'high', string[]> = {
  low: [
    'The loan system outages are wearing everyone down. We apologise to customers all day.',
    'Too many targets, not enough time to actually help people properly.',
    'Staffing on the late shift is too thin; queues are long and people are exhausted.',
    'We hear about changes from customers before we hear about them internally.',
    'The new scripts make calls longer and customers notice.',
    "Nobody has followed up on last month's pulse comments. Does anyone read these?",
  ],
  mid: [
    'Good colleagues, but the systems make simple things slow.',
    'Training for new products comes too late — the week after launch.',
    'Better than last quarter. The quiet booths help on hard calls.',
    'Okay week. Would like clearer answers from underwriting on referrals.',
    'The canteen hours change was appreciated on the late shift.',
  ],
  high: [
    'My team lead genuinely listens and the team is supportive.',
    'Flexible working has made a huge difference for me and my family.',
    'Proud of how we handled the scam-season calls together.',
    'IT fixed things fast this week — felt like someone had our back.',
    'Seeing kudos from the branches to our team made my month.',
    'The wellbeing sessions were useful and not a box-ticking exercise.',
  ],
};

// Self-declared departments: the front line answers most; small backstage groups fall below k.
const DEPARTMENT_WEIGHTS: Array<[string | null, number]> = [
  ['Contact Centre', 30],
  ['Branches', 24],
  ['Mortgage Advice', 6],
  ['Loan Processing', 9],
  ['IT', 7],
  ['Underwriting', 4],
  ['Finance', 4],
  ['HR', 2],
  ['Legal & Compliance', 2],
  ['Facilities', 2],
  [null, 10],
];

/** Twelve weekly pulses (the last open now) with 20–60 answers each, comments and own departments. */
export const seed: SeedStep = async (app, result) => {
  // Deterministic (same demo every time) but irregular enough to look like real life.
  const rnd = seededRandom(20261123);
  const departments = new Map(
    (await app.db.selectFrom('department').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  const totalWeight = DEPARTMENT_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  const pickDepartment = () => {
    let roll = rnd() * totalWeight;
    for (const [name, weight] of DEPARTMENT_WEIGHTS) {
      roll -= weight;
      if (roll < 0) return name ? (departments.get(name) ?? null) : null;
    }
    return null;
  };

  let answers = 0;
  let openId = '';
  for (let week = 0; week < 12; week++) {
    const weeksAgo = 11 - week;
    const opensOn = dayOffset(-2 - 7 * weeksAgo);
    const closesOn = dayOffset(4 - 7 * weeksAgo);
    const scale: PulseScale = week % 2 === 0 ? '0-10' : '1-5';
    const question = scale === '0-10' ? ENPS : AGREE[(week >> 1) % AGREE.length]!;
    const id = await insertPulse(app.db, { question, scale, opensOn, closesOn });
    if (weeksAgo === 0) {
      openId = id;
      await app.scopeKeys.create({
        scope: scopeOf(id),
        budget: 1,
        notBefore: new Date(`${opensOn}T00:00:00Z`),
        notAfter: new Date(new Date(`${closesOn}T00:00:00Z`).getTime() + DAY_MS),
      });
    }
    // The open pulse is two days in: fewer answers so far. Mood improves slowly over the quarter.
    const count = weeksAgo === 0 ? 22 : 20 + Math.floor(rnd() * 41);
    const mood = week / 11;
    await app.db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i++) {
        const roll = rnd() * 0.75 + mood * 0.25;
        const score =
          scale === '0-10'
            ? Math.min(10, Math.round(roll * 10.4 + rnd() * 1.5))
            : Math.min(5, Math.max(1, Math.round(1 + roll * 4.4)));
        const band =
          scale === '0-10'
            ? score <= 6
              ? 'low'
              : score <= 8
                ? 'mid'
                : 'high'
            : score <= 2
              ? 'low'
              : score <= 3
                ? 'mid'
                : 'high';
        const pool = COMMENTS[band];
        const comment = rnd() < 0.3 ? pool[Math.floor(rnd() * pool.length)]! : null;
        // Answers arrive over the days the pulse is open (never after today).
        const offset = Math.min(Math.floor(rnd() * 7), weeksAgo === 0 ? 2 : 6);
        const day = addDays(opensOn, offset);
        // Departments as their members' tokens would prove them; this week's comments await a moderator.
        await insertResponse(trx, {
          pulseId: id,
          score,
          comment,
          ownDepartmentId: pickDepartment(),
          day,
          commentModeration: weeksAgo === 0 ? 'pending' : 'published',
        });
        answers++;
      }
    });
  }
  app.contentEvents.changed({ source: 'pulse' });
  result.notes.push(`pulses: 12 weekly pulses, ${answers} answers; open now: ${openId}`);
};
