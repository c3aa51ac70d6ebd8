import type { PulseCommentModeration, PulseScale } from '../../db/tables/pulses.ts';
import { piiKinds, redactPii } from '../../common/pii.ts';
import { releasable, suppress } from '../shared/min-group.ts';
import { pulseScore, scaleValues } from './score.ts';

// Shapes a pulse's answers into results through the one minimum-group-size module.

interface Answer {
  id: string;
  score: number;
  comment: string | null;
  day: string;
  departmentId: string | null;
  departmentName: string | null;
  commentModeration: PulseCommentModeration;
  commentHideReason: string | null;
}

/**
 * When a pulse's numbers are released: once, when it closes. Results that moved with every answer would
 * let anyone who reads them before and after one more answer (a colleague saying "I just answered")
 * recover that one answer by subtraction, so while a pulse is open only the number of answers and
 * (from k answers on) the comments, for moderation, are shown.
 */
export const isReleased = (state: 'scheduled' | 'open' | 'closed') => state === 'closed';

/** Coarser cells used when exact ones would be hidden. */
export function scaleBands(scale: PulseScale) {
  return scale === '0-10'
    ? [
        { key: '0–6 detractors', from: 0, to: 6 },
        { key: '7–8 passives', from: 7, to: 8 },
        { key: '9–10 promoters', from: 9, to: 10 },
      ]
    : [
        { key: '1–2 disagree', from: 1, to: 2 },
        { key: '3 neutral', from: 3, to: 3 },
        { key: '4–5 agree', from: 4, to: 5 },
      ];
}

const hideAll = <K extends string>(cells: Array<{ key: K; count: number }>) => ({
  cells: cells.map((cell) => ({ key: cell.key, count: null, suppressed: true })),
  total: null,
});

/**
 * The distribution and score a pulse's answers may show: the one rule results and trend share, so a
 * trend point can never show a score the results hide.
 */
export function visibleScore(scale: PulseScale, scores: number[], k: number) {
  const total = scores.length;
  const enough = releasable(total, k);
  const distributionCells = scaleValues(scale).map((value) => ({
    key: String(value),
    count: scores.filter((s) => s === value).length,
  }));
  // Below k answers every cell is hidden, zeros included: shown zeros would point at the hidden answers.
  let distribution = enough ? suppress(distributionCells, k, total) : hideAll(distributionCells);
  // The score is one more equation over the cells: next to hidden exact cells it can solve them.
  // So when any exact cell is hidden, the distribution is shown in bands, and the score only where
  // the bands it is made of are all shown (eNPS is a function of its bands; an average is not).
  let scoreVisible = enough;
  if (enough && distribution.cells.some((cell) => cell.suppressed)) {
    const bands = scaleBands(scale).map((band) => ({
      key: band.key,
      count: scores.filter((value) => value >= band.from && value <= band.to).length,
    }));
    distribution = suppress(bands, k, total);
    scoreVisible = scale === '0-10' && distribution.cells.every((cell) => !cell.suppressed);
  }
  return { distribution, score: scoreVisible ? pulseScore(scale, scores) : null };
}

export function shapeResults(
  scale: PulseScale,
  answers: Answer[],
  k: number,
  audience: 'moderator' | 'public',
  released: boolean,
) {
  const total = answers.length;
  const enough = releasable(total, k);
  const scores = answers.map((answer) => answer.score);
  const { distribution, score } = released
    ? visibleScore(scale, scores, k)
    : {
        distribution: hideAll(scaleValues(scale).map((value) => ({ key: String(value), count: 0 }))),
        score: null,
      };

  // Departments are proven by the answer's token (one per person), so a group's count is its people.
  // Only departments someone proved are listed; "not stated" is the remainder suppress() accounts for.
  const groups = new Map<string, { name: string; scores: number[] }>();
  for (const answer of released ? answers : []) {
    if (!answer.departmentId) continue;
    const group = groups.get(answer.departmentId) ?? { name: answer.departmentName!, scores: [] };
    group.scores.push(answer.score);
    groups.set(answer.departmentId, group);
  }
  const entries = [...groups.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name));
  const groupCells = entries.map(([id, group]) => ({ key: id, count: group.scores.length }));
  const shown = enough ? suppress(groupCells, k, total) : hideAll(groupCells);
  const visibleRows = shown.cells.flatMap((cell, index) => {
    if (cell.suppressed) return [];
    const [id, group] = entries[index]!;
    return [
      {
        department: { id, name: group.name },
        count: cell.count,
        suppressed: false,
        // The department's own score follows the same rule as the whole pulse's.
        score: visibleScore(scale, group.scores, k).score,
      },
    ];
  });
  // Hidden departments are folded into one row: listing each by name would tell that somebody from
  // that department answered.
  const breakdown = shown.cells.some((cell) => cell.suppressed)
    ? [
        ...visibleRows,
        {
          department: { id: 'other', name: `Other departments (fewer than ${k} each)` },
          count: null,
          suppressed: true,
          score: null,
        },
      ]
    : visibleRows;

  // Comments are read by nobody below k answers, moderators included. Employees see published ones;
  // moderators all of them with their moderation state, to publish or hide.
  const withComment = enough ? answers.filter((answer) => answer.comment) : [];
  const comments =
    audience === 'moderator'
      ? withComment.map((answer) => ({
          id: answer.id,
          text: answer.comment!,
          day: answer.day,
          piiFlags: piiKinds(answer.comment!),
          moderation: answer.commentModeration,
          ...(answer.commentHideReason ? { hideReason: answer.commentHideReason } : {}),
        }))
      : withComment
          .filter((answer) => answer.commentModeration === 'published')
          .map((answer) => ({ id: answer.id, text: redactPii(answer.comment!), day: answer.day }));

  return {
    minimumGroupSize: k,
    answers: total,
    released,
    distribution,
    score,
    scoreKind: scale === '0-10' ? ('enps' as const) : ('average' as const),
    breakdown,
    comments,
    commentsHidden: !enough && answers.some((answer) => answer.comment),
  };
}
