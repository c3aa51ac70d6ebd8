// Issue 14: combine any two views of a pulse — results vs trend, results vs themes, per department vs
// total, before vs after one more answer — and no group under k may be recoverable by subtraction.
//
// Every shown number is a linear equation over the unknown sizes of "atoms" (answers with one score
// from one department). A group's size is recoverable exactly when its indicator vector lies in the span
// of the shown equations, whatever the attacker knows about which of the shown numbers goes with which.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PulseScale } from '../../db/tables/pulses.ts';
import { releasable } from '../../server/shared/min-group.ts';
import { scaleBands, shapeResults, visibleScore } from '../../server/pulses/results.ts';
import { scaleValues } from '../../server/pulses/score.ts';

const DEPARTMENTS = ['it', 'legal', 'hr'] as const;
type Department = (typeof DEPARTMENTS)[number] | null;
interface Answer {
  score: number;
  department: Department;
  comment: boolean;
}

const atomsOf = (scale: PulseScale) =>
  scaleValues(scale).flatMap((score) => [...DEPARTMENTS, null].map((department) => ({ score, department })));

/** Rank of a set of row vectors (Gaussian elimination; the vectors are small integers). */
function rank(rows: number[][]): number {
  const m = rows.map((row) => [...row]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let pivot = -1;
    for (let i = r; i < m.length; i++) if (Math.abs(m[i]![c]!) > 1e-9) pivot = i;
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const factor = m[i]![c]! / m[r]![c]!;
      if (factor !== 0) for (let j = c; j < width; j++) m[i]![j]! -= factor * m[r]![j]!;
    }
    r++;
  }
  return r;
}

/** The equations a results view discloses (counts, and scores as linear sums given their counts). */
function equations(scale: PulseScale, view: ReturnType<typeof shapeResults>, answers: Answer[]) {
  const atoms = atomsOf(scale);
  const rows: number[][] = [];
  const row = (weight: (atom: { score: number; department: Department }) => number) =>
    rows.push(atoms.map(weight));
  // The number of answers is always shown (participation is public).
  row(() => 1);
  const bands = scaleBands(scale);
  for (const cell of view.distribution.cells) {
    if (cell.count === null) continue;
    const band = bands.find((entry) => entry.key === cell.key);
    row((atom) =>
      band ? +(atom.score >= band.from && atom.score <= band.to) : +(String(atom.score) === cell.key),
    );
  }
  const weight = (score: number) => (scale === '0-10' ? (score >= 9 ? 1 : score <= 6 ? -1 : 0) : score);
  if (view.score !== null) row((atom) => weight(atom.score));
  for (const entry of view.breakdown) {
    if (entry.count === null) continue;
    const id = entry.department!.id;
    row((atom) => +(atom.department === id));
    if (entry.score !== null) row((atom) => (atom.department === id ? weight(atom.score) : 0));
  }
  // Comments count as shown text: their number is another equation only over the commenters, which the
  // atoms do not split; checked separately below (released together with results, or not at all).
  void answers;
  return rows;
}

/** Groups an attacker would want: one department, one score, one band, a department within a band. */
function groups(scale: PulseScale) {
  const atoms = atomsOf(scale);
  const list: { name: string; member: (atom: { score: number; department: Department }) => boolean }[] = [];
  for (const department of [...DEPARTMENTS, null]) {
    list.push({ name: `department ${department}`, member: (atom) => atom.department === department });
    for (const band of scaleBands(scale))
      list.push({
        name: `${department} ${band.key}`,
        member: (atom) => atom.department === department && atom.score >= band.from && atom.score <= band.to,
      });
  }
  for (const score of scaleValues(scale))
    list.push({ name: `score ${score}`, member: (atom) => atom.score === score });
  for (const band of scaleBands(scale))
    list.push({ name: band.key, member: (atom) => atom.score >= band.from && atom.score <= band.to });
  for (const atom of atoms)
    list.push({
      name: `${atom.department} scored ${atom.score}`,
      member: (other) => other.score === atom.score && other.department === atom.department,
    });
  return list.map((group) => ({ ...group, vector: atoms.map((atom) => +group.member(atom)) }));
}

const rowsOf = (answers: Answer[]) =>
  answers.map((answer, index) => ({
    id: String(index),
    score: answer.score,
    comment: answer.comment ? 'a comment' : null,
    day: '2026-01-01',
    departmentId: answer.department,
    departmentName: answer.department,
    commentModeration: 'published' as const,
    commentHideReason: null,
  }));

const scaleArb = fc.constantFrom<PulseScale>('0-10', '1-5');
const answersArb = (scale: PulseScale) =>
  fc.array(
    fc.record({
      score: scale === '0-10' ? fc.integer({ min: 0, max: 10 }) : fc.integer({ min: 1, max: 5 }),
      department: fc.constantFrom<Department>(...DEPARTMENTS, null),
      comment: fc.boolean(),
    }),
    { maxLength: 40 },
  );
const caseArb = scaleArb.chain((scale) =>
  fc.record({ scale: fc.constant(scale), answers: answersArb(scale), k: fc.integer({ min: 3, max: 6 }) }),
);

describe('no group under k is recoverable by combining two views', () => {
  test('results + trend + per department + total (moderator and public views together)', () => {
    fc.assert(
      fc.property(caseArb, ({ scale, answers, k }) => {
        const rows = rowsOf(answers);
        const moderator = shapeResults(scale, rows, k, 'moderator', true);
        const everyone = shapeResults(scale, rows, k, 'public', true);
        // Results vs trend: the trend point is the results' score (or hidden with it), nothing more.
        const trendPoint = visibleScore(
          scale,
          answers.map((answer) => answer.score),
          k,
        ).score;
        expect(trendPoint).toBe(moderator.score);
        const disclosed = [...equations(scale, moderator, answers), ...equations(scale, everyone, answers)];
        const base = rank(disclosed);
        const atoms = atomsOf(scale);
        for (const group of groups(scale)) {
          const size = answers.filter((answer) =>
            group.member({ score: answer.score, department: answer.department }),
          ).length;
          if (size === 0 || size >= k || size === answers.length) continue;
          const recoverable = rank([...disclosed, group.vector]) === base;
          expect(recoverable, `${group.name} (${size} < k=${k}) recoverable; atoms ${atoms.length}`).toBe(
            false,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  test('before vs after one more answer: an open pulse releases no numbers to diff', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 10 }), ({ scale, answers, k }, extra) => {
        const score = scale === '0-10' ? extra : 1 + (extra % 5);
        const before = shapeResults(scale, rowsOf(answers), k, 'moderator', false);
        const after = shapeResults(
          scale,
          rowsOf([...answers, { score, department: 'legal', comment: false }]),
          k,
          'moderator',
          false,
        );
        for (const view of [before, after]) {
          expect(view.score).toBeNull();
          expect(view.breakdown).toEqual([]);
          expect(view.distribution.cells.every((cell) => cell.count === null)).toBe(true);
          expect(view.distribution.total).toBeNull();
        }
        // The one number that moves is the number of answers: participation, not a group's answers.
        expect(after.answers - before.answers).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  test('results vs themes: comments are read by nobody, or by both views, from the same k', () => {
    fc.assert(
      fc.property(caseArb, ({ scale, answers, k }) => {
        const rows = rowsOf(answers);
        const moderator = shapeResults(scale, rows, k, 'moderator', true);
        // The themes reader releases a pulse's comments exactly when releasable(answers, k).
        const themes = releasable(answers.length, k) ? rows.filter((row) => row.comment) : [];
        expect(moderator.comments.map((comment) => comment.id)).toEqual(themes.map((row) => row.id));
      }),
      { numRuns: 200 },
    );
  });
});
