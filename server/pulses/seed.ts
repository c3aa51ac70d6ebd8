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

// Each said in several ways, as people do: a pool of a few texts per band made the demo's 161 comments
// ten texts posted a dozen times each, which no real pulse looks like (and which the themes then showed
// as themes of one sentence).
const COMMENTS: Record<'low' | 'mid' | 'high', string[]> = {
  low: [
    'The loan system outages are wearing everyone down. We apologise to customers all day.',
    'Third LOS outage this week. I spent the afternoon re-keying applications from paper.',
    'When the loan system goes down we have nothing to tell customers except sorry.',
    'Too many targets, not enough time to actually help people properly.',
    'The call targets mean I rush people who need more time, and I hate doing that.',
    'Sales targets keep going up while the time we have for each customer goes down.',
    'Staffing on the late shift is too thin; queues are long and people are exhausted.',
    'Two people on the late shift for the whole queue again. Everyone is running on empty.',
    'Evenings are short-staffed every week and the same few people cover the gaps.',
    'We hear about changes from customers before we hear about them internally.',
    'A customer told me about the new fee before anyone at work did. Embarrassing.',
    'Product changes land on the intranet after they are live; we find out from callers.',
    'The new scripts make calls longer and customers notice.',
    'The compliance script adds three minutes to every call and customers get impatient.',
    "Nobody has followed up on last month's pulse comments. Does anyone read these?",
    'I answered this survey last month and heard nothing back. What happens to our comments?',
    'My laptop takes ten minutes to start and the phone system drops calls. Hard to do a good job.',
    'Another restructure rumour and no one will say anything. People are worried about their jobs.',
  ],
  mid: [
    'Good colleagues, but the systems make simple things slow.',
    'Nice team, clunky tools. Three screens to update one address.',
    'Training for new products comes too late — the week after launch.',
    'We got the product training after customers had already started asking about it.',
    'Better than last quarter. The quiet booths help on hard calls.',
    'Having a quiet booth to step into after a difficult call makes a real difference.',
    'Okay week. Would like clearer answers from underwriting on referrals.',
    'Referrals to underwriting come back without a reason, so we cannot explain them to customers.',
    'The canteen hours change was appreciated on the late shift.',
    'Fine overall. Parking is still a daily lottery for the early shift.',
    'Meetings could be shorter; half of them could be an email.',
    'Workload was heavy but manageable, mostly thanks to the people around me.',
    'The new desk booking system works, but there are never enough desks on Tuesdays.',
    'Pay review letters arrived late and nobody could explain the numbers.',
  ],
  high: [
    'My team lead genuinely listens and the team is supportive.',
    'My manager made time for a proper one-to-one this week and actually followed through.',
    'Flexible working has made a huge difference for me and my family.',
    'Being able to work from home two days a week means I can do the school run.',
    'Proud of how we handled the scam-season calls together.',
    'We stopped two scams this week by spotting the signs early. Great teamwork.',
    'IT fixed things fast this week — felt like someone had our back.',
    'The service desk sorted my headset within the hour. Small thing, big difference.',
    'Seeing kudos from the branches to our team made my month.',
    'A thank-you note from a branch manager was pinned up in our office. Lovely to see.',
    'The wellbeing sessions were useful and not a box-ticking exercise.',
    'The mental health first aider on our floor has been a real help.',
    'Good week. The new starters are settling in well and asking great questions.',
    'Underwriting turned a tricky case round in a day. Customer was delighted.',
    'I feel trusted to do the right thing for customers, not just follow the script.',
    'The new rota gives us more notice of shifts, which helps a lot with childcare.',
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
