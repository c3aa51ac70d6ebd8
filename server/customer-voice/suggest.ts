import type { Mapping } from '../../common/api/customer-voice.ts';

// A first guess at the column mapping from the header names survey tools use; the moderator confirms it.

const GUESSES: Array<[keyof Mapping, RegExp]> = [
  ['externalId', /^(external[ _-]?id|response[ _-]?id|survey[ _-]?id|id|ref(erence)?)$/i],
  ['text', /(comment|verbatim|feedback|text|answer|remarks?|why)/i],
  ['scoreKindColumn', /(score[ _-]?(kind|type|scale)|scale|metric)/i],
  ['score', /(score|nps|csat|ces|rating)/i],
  ['date', /(date|day|submitted|created|responded|time)/i],
  ['channel', /(channel|medium|source)/i],
  ['stage', /(stage|touch ?point|journey|step)/i],
  ['product', /(product|service|line)/i],
];

export function suggestMapping(columns: string[], rows: Array<Record<string, string>>): Partial<Mapping> {
  const suggested: Partial<Mapping> = {};
  const taken = new Set<string>();
  for (const [field, pattern] of GUESSES) {
    const column = columns.find((name) => !taken.has(name) && pattern.test(name));
    if (!column) continue;
    (suggested as Record<string, string>)[field] = column;
    taken.add(column);
  }
  if (suggested.score && !suggested.scoreKindColumn) {
    const name = suggested.score.toLowerCase();
    const values = rows.map((row) => Number(row[suggested.score!])).filter(Number.isFinite);
    suggested.scoreKind = name.includes('csat')
      ? 'csat'
      : name.includes('ces') || name.includes('effort')
        ? 'ces'
        : name.includes('nps') || values.some((value) => value === 0 || value > 7)
          ? 'nps'
          : undefined;
    if (!suggested.scoreKind) delete suggested.scoreKind;
  }
  return suggested;
}
