import { describe, expect, it } from 'vitest';
import { createPreprocessor } from '../../server/themes/engine/preprocess.ts';
import { sentimentOf, toneDistribution } from '../../server/themes/engine/sentiment.ts';

const pre = createPreprocessor();
const score = (text: string) => sentimentOf(pre.process(text));

describe('comment sentiment', () => {
  it('reads a praise story as praise, even when the story is sad', () => {
    expect(
      score(
        'When my mum was in hospital I was a wreck and cried every night. I want to thank Priya from claims, who rang me every week and sorted everything.',
      ),
    ).toBeGreaterThan(0.1);
    expect(
      score('Shout out to the facilities team, they stayed until midnight after the flood.'),
    ).toBeGreaterThan(0.1);
    expect(
      score('Happy tears when the branch manager read out the customer letter. Well done all.'),
    ).toBeGreaterThan(0.1);
  });

  it('reads sarcasm as a complaint', () => {
    expect(score('Oh great, another reorganisation announced by email on a Friday.')).toBeLessThan(-0.1);
    expect(score('Brilliant communication, really. We found out from the newspaper.')).toBeLessThan(-0.1);
    expect(score('Thanks for nothing, payroll.')).toBeLessThan(-0.1);
  });

  it('reverses negated words', () => {
    expect(score('Not once has anyone from HR been helpful about my flexible working request.')).toBeLessThan(
      -0.1,
    );
    expect(score('The new expense tool is not bad at all, no complaints from me.')).toBeGreaterThan(-0.1);
    expect(score('The canteen is great now.')).toBeGreaterThan(0.1);
  });

  it('reads a request for change as a mild complaint, and a plain statement as neutral', () => {
    expect(score('We need more than two microwaves for the whole floor.')).toBeLessThan(-0.1);
    expect(Math.abs(score('The meeting moved to Thursday.'))).toBeLessThanOrEqual(0.1);
  });

  it("gives a theme's tone as the distribution of its comments", () => {
    expect(toneDistribution([0.5, 0.4, -0.6, 0])).toEqual({ positive: 0.5, neutral: 0.25, negative: 0.25 });
    expect(toneDistribution([])).toEqual({ positive: 0, neutral: 1, negative: 0 });
    // One positive, seven negative: 0.125 and 0.875 round to 0.13 + 0.88; the shares still make 1, none below 0.
    const tone = toneDistribution([0.5, ...Array(7).fill(-0.5)]);
    expect(tone.neutral).toBe(0);
    expect(tone.positive + tone.negative).toBeCloseTo(1, 5);
  });
});
