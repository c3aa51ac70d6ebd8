import type { PulseScale } from '../../db/tables/pulses.ts';
import { piiKinds, redactPii } from '../privacy/pii.ts';
import { suppress } from '../privacy/min-group.ts';
import { pulseScore, scaleValues } from './score.ts';

// Shapes a pulse's answers into results through the one minimum-group-size module.

interface Answer {
  id: string;
  score: number;
  comment: string | null;
  day: string;
  departmentId: string | null;
  departmentName: string | null;
}

export function shapeResults(
  scale: PulseScale,
  answers: Answer[],
  k: number,
  audience: 'moderator' | 'public',
) {
  const total = answers.length;
  const enough = total >= k;
  const scores = answers.map((answer) => answer.score);

  // Below k answers every cell is hidden, zeros included: shown zeros would point at the hidden answers.
  const hideAll = <K extends string>(cells: Array<{ key: K; count: number }>) => ({
    cells: cells.map((cell) => ({ key: cell.key, count: null, suppressed: true })),
    total: null,
  });
  const distributionCells = scaleValues(scale).map((value) => ({
    key: String(value),
    count: scores.filter((s) => s === value).length,
  }));
  const distribution = enough ? suppress(distributionCells, k, total) : hideAll(distributionCells);

  // Only departments someone declared are listed; "not stated" is the remainder suppress() accounts for.
  const groups = new Map<string, { name: string; scores: number[] }>();
  for (const answer of answers) {
    if (!answer.departmentId) continue;
    const group = groups.get(answer.departmentId) ?? { name: answer.departmentName!, scores: [] };
    group.scores.push(answer.score);
    groups.set(answer.departmentId, group);
  }
  const entries = [...groups.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name));
  const groupCells = entries.map(([id, group]) => ({ key: id, count: group.scores.length }));
  const shown = enough ? suppress(groupCells, k, total) : hideAll(groupCells);
  const breakdown = shown.cells.map((cell, index) => {
    const [id, group] = entries[index]!;
    return {
      department: { id, name: group.name },
      count: cell.count,
      suppressed: cell.suppressed,
      score: cell.suppressed ? null : pulseScore(scale, group.scores),
    };
  });

  const comments = enough
    ? answers
        .filter((answer) => answer.comment)
        .map((answer) =>
          audience === 'moderator'
            ? { id: answer.id, text: answer.comment!, day: answer.day, piiFlags: piiKinds(answer.comment!) }
            : { id: answer.id, text: redactPii(answer.comment!), day: answer.day },
        )
    : [];

  return {
    minimumGroupSize: k,
    answers: total,
    distribution,
    score: enough ? pulseScore(scale, scores) : null,
    scoreKind: scale === '0-10' ? ('enps' as const) : ('average' as const),
    breakdown,
    comments,
    commentsHidden: !enough && answers.some((answer) => answer.comment),
  };
}
