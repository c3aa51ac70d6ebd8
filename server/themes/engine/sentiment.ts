import type { ProcessedText } from './preprocess.ts';

// Sentiment −1…1 of a comment, from three kinds of evidence:
//  - words: wink's general lexicon (AFINN-style, negation-aware) blended with a workplace lexicon it
//    lacks — "the system froze", "understaffed", "backlog" are complaints without an emotional word;
//    "sorted it in ten minutes" is praise. A negated word counts reversed ("not once has anyone
//    helped", "no complaints").
//  - praise cues: thanking or crediting someone ("thank you to…", "shout out", "well done", "legend",
//    "above and beyond") makes a comment praise even when the story it tells is sad ("I was in tears",
//    "when my dad died") — a praise story, not a complaint.
//  - complaint cues: sarcasm ("oh brilliant, another…", "fantastic planning, really", "thanks for
//    nothing") turns its positive words negative; a request for change ("we need…", "please can we…",
//    "not enough…") is a mild complaint when nothing else is said.

const WORKPLACE: Record<string, number> = Object.fromEntries([
  ...'crash freeze outage downtime slow broken break fail failure error timeout delay backlog stuck lose lost late unacceptable frustrating frustrate awful terrible impossible exhausted exhaust exhaustion burnout stress stressed understaffed overworked unfair insulting confusing unclear unbearable complain complaint refuse reject problem worse worst poor bland overpriced expensive waste chase dread overflow drown miserable misery freezing boiling roasting leak hang unsafe rude overdue outdated nowhere nobody never chaos chaotic angry furious embarrassing cut bounce vanish duplicate missing ignore ignored cancel cancelled useless joke ridiculous mad nightmare disaster shameful appalling horrendous dangerous scared frightened terrified abuse abusive threaten threatened assault shout undervalued disrespectful deflated heartbreaking short shortage cramped filthy dirty noisy tired sick quit unpaid underpaid ancient cracked die dead faulty rushed disposable'
    .split(' ')
    .map((word) => [word, -1]),
  ...'thank thanks great brilliant excellent fantastic helpful quick smooth appreciate appreciated impressed love lovely kudos improve improvement better easy friendly patient grateful hero perfect painless welcome fix sort resolve solve enjoy proud legend wonderful incredible amazing supportive kind kindness caring compassion decent'
    .split(' ')
    .map((word) => [word, 1]),
]);

const PRAISE =
  /\b(thank(s| you)( so much)? (to|for)|thanks to|shout ?-?out|big up|props to|respect to|well done|hats off|kudos|above and beyond|couldn't have (done|wished)|could not have (done|wished)|(is|are|was|were) (a )?(legend|legends|heroes|hero|class|brilliant|amazing|incredible|wonderful|the best)|best [a-z ]{0,20}(we'?ve|i'?ve|ever) (had|worked)|i want(ed)? to (say )?thank|(so|really) proud of|unsung heroes|deserve[s]? (so much )?(more )?(recognition|credit|praise))\b/gi;
const SARCASM = [
  /(^|[.!?]\s+)(oh,? )?(great|brilliant|fantastic|wonderful|lovely|perfect|marvellous|super)[,!.]\s/i,
  /\b(oh|yeah),? (great|brilliant|fantastic|wonderful|perfect|lovely)\b/i,
  /\b(great|brilliant|fantastic|wonderful|excellent) (planning|work|job|idea|management|restructure|communication)[,!.]? (really|truly|guys|there|again)\b/i,
  /\b(really|truly)[.!]\s/i,
  /\bthanks for nothing\b/i,
  /\byeah right\b/i,
  /\bi (just )?love (skipping|being|having|waiting|getting|how)\b/i,
  /\bat least the [a-z ]+ looks?\b/i,
  /\breally makes? [a-z ]+worth ?while\b/i,
];
const REQUEST =
  /\b(we need|need (more|a|an|proper|the|to)|please|pls|can we|could we|can someone|should (be|have|pay)|not enough|too (hot|cold|slow|late|early|much|few|many|long)|no (one|proper|hot|way|warning|notice|buddy|training|aircon|support)|why (do|does|is|are|on earth)|still (chasing|waiting|no)|again\b)/i;

export interface SentimentCues {
  praise: number;
  sarcasm: boolean;
  request: boolean;
}

/** Cues read from the raw text (phrases a word lexicon cannot see). */
export function sentimentCues(text: string): SentimentCues {
  const praise = text.replace(/\bthanks for nothing\b/gi, '').match(PRAISE)?.length ?? 0;
  return {
    praise,
    sarcasm: praise === 0 && SARCASM.some((pattern) => pattern.test(text)),
    request: REQUEST.test(text),
  };
}

export function sentimentOf(doc: ProcessedText): number {
  const cues = doc.cues ?? { praise: 0, sarcasm: false, request: false };
  let positive = 0;
  let negative = 0;
  for (const token of doc.tokens) {
    let polarity = WORKPLACE[token.lemma] ?? WORKPLACE[token.surface];
    if (polarity === undefined) continue;
    if (token.negated) polarity = -polarity;
    // Sarcasm: "oh brilliant", "fantastic planning, really" — the praise words are the complaint.
    if (cues.sarcasm && polarity > 0) polarity = -polarity;
    if (polarity > 0) positive += polarity;
    else negative -= polarity;
  }
  let general = Math.max(-1, Math.min(1, doc.lexiconSentiment));
  if (cues.sarcasm && general > 0) general = -general;
  // A praise story: thanking someone outweighs the sadness of the story told around it.
  if (cues.praise > 0) {
    positive += 2 * cues.praise;
    negative *= 0.5;
    if (general < 0) general *= 0.3;
  }
  const hits = positive + negative;
  const workplace = hits === 0 ? 0 : Math.tanh((positive - negative) / Math.sqrt(hits + 1));
  let blended = hits === 0 ? general : general === 0 ? workplace : 0.4 * general + 0.6 * workplace;
  // Asking for a change is a mild complaint when nothing else gives the tone.
  if (cues.request && cues.praise === 0 && blended > -0.2 && blended < 0.2) blended -= 0.25;
  return Math.round(Math.max(-1, Math.min(1, blended)) * 100) / 100;
}

/** Comments below this are negative, above its opposite positive, between neutral. */
export const NEUTRAL_BAND = 0.1;

export interface ToneDistribution {
  positive: number;
  neutral: number;
  negative: number;
}

/** A theme's tone: the shares of its comments that are positive, neutral, negative. */
export function toneDistribution(sentiments: number[]): ToneDistribution {
  if (sentiments.length === 0) return { positive: 0, neutral: 1, negative: 0 };
  let positive = 0;
  let negative = 0;
  for (const s of sentiments)
    if (s > NEUTRAL_BAND) positive++;
    else if (s < -NEUTRAL_BAND) negative++;
  const round = (x: number) => Math.round((x / sentiments.length) * 100) / 100;
  // Rounded apart, two shares can pass 1 (1 and 7 of 8: 0.13 + 0.88), leaving neutral below 0: the larger gives.
  let [p, n] = [round(positive), round(negative)];
  if (p + n > 1)
    [p, n] = p >= n ? [Math.round((1 - n) * 100) / 100, n] : [p, Math.round((1 - p) * 100) / 100];
  return {
    positive: p,
    negative: n,
    neutral: Math.max(0, Math.round((1 - p - n) * 100) / 100),
  };
}
