// npx tsx bench/wallet-rank-sim.ts — how well an operator ranks anonymous writes to members by when they
// enrolled or last fetched tokens, under the wallet's timing, in simulation (the linkability attack in
// test/attacks/ measures the same with real browsers; this isolates the timing rule). The first lines
// keep the attack's design before 7 December 2026 (arrivals over 12 s, chance fixed at 1/4): four people,
// a refill that takes `refill` seconds, a 5–240 s or 5–600 s hold, 6–16 s quiet, 2–30 s jitter, a pulse
// answer, two suggestions and two kudos each; top-1 accuracy ÷ chance for holds counted from the
// refill's end (before 4 December 2026) and from the enrolment (now). The last block models the attack
// as it runs now.

const uniform = (low: number, high: number) => low + Math.random() * (high - low);
const ROUNDS = 6000;

type Anchor = 'refill end' | 'enrolment';

function ratio(
  anchor: Anchor,
  ranksBy: Anchor,
  refill: [number, number],
  hold: number,
  groupSize = 4,
  rounds = ROUNDS,
): number {
  let hits = 0;
  let items = 0;
  for (let round = 0; round < rounds; round++) {
    const people = Array.from({ length: groupSize }, (_, person) => {
      const enrolled = uniform(0, 12);
      return { person, enrolled, refilled: enrolled + uniform(...refill) };
    });
    const tables = new Map<string, Array<{ person: number; at: number }>>();
    for (const { person, enrolled, refilled } of people) {
      let now = enrolled + 5;
      const steps = ['pulse', 'suggest', 'suggest', 'kudos', 'kudos', 'vote', 'browse', 'browse'].sort(
        () => Math.random() - 0.5,
      );
      for (const step of steps) {
        now += uniform(1, 4) + 3;
        if (!['pulse', 'suggest', 'kudos'].includes(step)) continue;
        const held = (anchor === 'enrolment' ? enrolled : refilled) + uniform(5, hold);
        const at = Math.max(now, held, refilled + uniform(6, 16)) + uniform(2, 30);
        tables.set(step, [...(tables.get(step) ?? []), { person, at }]);
      }
    }
    const order = [...people]
      .sort((a, b) => (ranksBy === 'enrolment' ? a.enrolled - b.enrolled : a.refilled - b.refilled))
      .map(({ person }) => person);
    for (const writes of tables.values()) {
      writes.sort((a, b) => a.at - b.at);
      writes.forEach(({ person }, i) => {
        const rank = i / Math.max(1, writes.length - 1);
        if (order[Math.round(rank * (groupSize - 1))] === person) hits++;
        items++;
      });
    }
  }
  return hits / items / (1 / groupSize);
}

for (const hold of [240, 600])
  for (const refill of [
    [10, 30],
    [10, 90],
    [30, 200],
    [60, 300],
  ] as Array<[number, number]>) {
    for (const anchor of ['refill end', 'enrolment'] as Anchor[])
      console.log(
        `hold 5–${hold} s, refill ${refill[0]}–${refill[1]} s, hold from the ${anchor}: operator ranking by refill end ` +
          `${ratio(anchor, 'refill end', refill, hold).toFixed(2)}×, by enrolment ${ratio(anchor, 'enrolment', refill, hold).toFixed(2)}× chance`,
      );
  }

// How often a fair wallet (5–600 s hold from the enrolment, refills of 80–120 s as CI measured them with
// 40 browsers arriving within 12 s) measures above 1.5 × chance by luck over the attack's 200 items:
// 5 runs of 8 people against 10 of 4.
for (const [people, runs] of [
  [8, 5],
  [4, 10],
]) {
  const TRIALS = 4000;
  let above = 0;
  for (let trial = 0; trial < TRIALS; trial++)
    if (ratio('enrolment', 'enrolment', [80, 120], 600, people, runs) > 1.5) above++;
  console.log(
    `fair wallet, ${runs} runs of ${people}: above 1.5 × chance by rank order of enrolment in ${((100 * above) / TRIALS).toFixed(2)} % of attacks`,
  );
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Since 7 December 2026 the attack's people enrol one after another over 75 s (each in their own quarter
// of it), not all within 12 s, and the same attack with the hold turned off (0–1 s) must succeed: arriving
// together everyone's writes overlapped anyway, and a wallet with every delay at 1–2 s passed. This
// models the attack as it runs: steps of 9–19 s (think time and pages under load), refills of 25–55 s
// (40 browsers arriving within 12 s took 30–55 s; arriving one by one, 1–34 s: the longer is the harder),
// chance counted among the members enrolled before each item arrives, as the test scores it.
function attack(
  hold: [number, number],
  arrivals: number,
  stratified: boolean,
  runs: number,
  { slower = 1, refill = [25, 55], restricted = false } = {} as {
    /** Steps this many times slower than the model's. */
    slower?: number;
    refill?: [number, number];
    /** Rank onto only the members enrolled before the item arrived (the attack's strategies since 8 December). */
    restricted?: boolean;
  },
): number {
  let hits = 0;
  let chance = 0;
  for (let run = 0; run < runs; run++) {
    const people = Array.from({ length: 4 }, (_, person) => {
      const enrolled = stratified ? ((person + Math.random()) * arrivals) / 4 : uniform(0, arrivals);
      return { person, enrolled, refilled: enrolled + uniform(...refill) };
    });
    const tables = new Map<string, Array<{ person: number; at: number }>>();
    for (const { person, enrolled, refilled } of people) {
      let now = enrolled + 5;
      const steps = shuffle(['pulse', 'suggest', 'suggest', 'kudos', 'kudos', 'vote', 'browse', 'browse']);
      for (const step of steps) {
        now += slower * (uniform(1, 4) + uniform(8, 15));
        if (!['pulse', 'suggest', 'kudos'].includes(step)) continue;
        const at = Math.max(now, enrolled + uniform(...hold), refilled + uniform(6, 16)) + uniform(2, 30);
        tables.set(step, [...(tables.get(step) ?? []), { person, at }]);
      }
    }
    const order = [...people].sort((a, b) => a.enrolled - b.enrolled).map(({ person }) => person);
    for (const writes of tables.values()) {
      writes.sort((a, b) => a.at - b.at);
      writes.forEach(({ person, at }, i) => {
        chance += 1 / people.filter((other) => other.enrolled < at).length;
        const candidates = restricted ? order.filter((member) => people[member]!.enrolled < at) : order;
        if (candidates[Math.round((i / Math.max(1, writes.length - 1)) * (candidates.length - 1))] === person)
          hits++;
      });
    }
  }
  return hits / chance;
}

for (const [arrivals, stratified, runs] of [
  [12, false, 10],
  [75, false, 10],
  [75, true, 10],
] as Array<[number, boolean, number]>) {
  const TRIALS = 4000;
  const measure = (hold: [number, number]) => {
    const ratios = Array.from({ length: TRIALS }, () => attack(hold, arrivals, stratified, runs));
    const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / TRIALS;
    const above = ratios.filter((ratio) => ratio > 1.5).length;
    return `${mean.toFixed(2)} × (above 1.5 × in ${((100 * above) / TRIALS).toFixed(2)} %)`;
  };
  console.log(
    `${runs} runs of 4 arriving over ${arrivals} s${stratified ? ' one by one' : ''}: the wallet ${measure([5, 600])}, ` +
      `without the hold ${measure([0, 1])}, by rank order of enrolment`,
  );
}

// 8 December 2026: a CI run read 1.45 × by rank order of enrolment (the line is 1.5) on a slow day (each
// member's identified activity 77–164 s against 2–41 s on a quick one; the shuffled-delay baseline 1.26 ×
// against 1.12 ×). A fair wallet here reads 1.12–1.15 × with steps 1.6 × and refills twice as slow; what moves it
// is how far apart the enrolments fall (page loads under 40 browsers push later arrivals later), and a
// hold twice as long is what buys it back. Rank strategies restricted to the members enrolled before an
// item arrived (review finding 3) read the same.
for (const [arrivals, hold] of [
  [75, [5, 600]],
  [150, [5, 600]],
  [225, [5, 600]],
  [150, [5, 900]],
  [225, [5, 900]],
] as Array<[number, [number, number]]>) {
  const TRIALS = 2000;
  for (const restricted of [false, true]) {
    const ratios = Array.from({ length: TRIALS }, () =>
      attack(hold, arrivals, true, 10, { slower: 1.6, refill: [60, 120], restricted }),
    );
    const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / TRIALS;
    const above = ratios.filter((ratio) => ratio > 1.5).length;
    console.log(
      `slow day, enrolments over ${arrivals} s, hold ${hold[0]}–${hold[1]} s${restricted ? ', restricted' : ''}: ` +
        `the wallet ${mean.toFixed(2)} × (above 1.5 × in ${((100 * above) / TRIALS).toFixed(2)} %)`,
    );
  }
}
