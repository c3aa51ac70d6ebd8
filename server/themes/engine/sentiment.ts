import type { ProcessedText } from './preprocess.ts';

// Sentiment −1…1 of a comment: wink's general lexicon (AFINN-style, negation-aware) blended with a
// workplace lexicon it lacks — "the system froze", "understaffed", "backlog" are complaints even
// without an emotional word; "sorted it in ten minutes" is praise. A negated word counts reversed.

const WORKPLACE: Record<string, number> = Object.fromEntries([
  ...'crash freeze outage downtime slow broken break fail failure error timeout delay backlog stuck lose lost late unacceptable frustrating awful terrible impossible exhausted exhaustion burnout stress stressed understaffed overworked unfair insulting confusing unclear unbearable complain complaint refuse reject problem worse poor bland overpriced expensive waste chase dread overflow drown miserable freezing boiling leak hang unsafe rude overdue outdated nowhere nobody never chaos angry furious embarrassing cut bounce vanish duplicate'
    .split(' ')
    .map((word) => [word, -1]),
  ...'thank thanks great brilliant excellent fantastic helpful quick smooth appreciate appreciated impressed love lovely kudos improve improvement better easy friendly patient grateful hero perfect painless welcome fix sort resolve solve enjoy proud'
    .split(' ')
    .map((word) => [word, 1]),
]);

export function sentimentOf(doc: ProcessedText): number {
  let sum = 0;
  let hits = 0;
  for (const token of doc.tokens) {
    const polarity = WORKPLACE[token.lemma];
    if (polarity === undefined) continue;
    sum += token.negated ? -polarity : polarity;
    hits++;
  }
  const workplace = hits === 0 ? 0 : Math.tanh(sum / Math.sqrt(hits + 1));
  const general = Math.max(-1, Math.min(1, doc.lexiconSentiment));
  const blended = hits === 0 ? general : general === 0 ? workplace : 0.5 * general + 0.5 * workplace;
  return Math.round(Math.max(-1, Math.min(1, blended)) * 100) / 100;
}
