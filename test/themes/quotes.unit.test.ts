import { describe, expect, it } from 'vitest';
import { coreFrom, namesUsed, pickQuotes, vocabularyOf } from '../../server/themes/engine/quotes.ts';
import { moderatorThemes } from '../../server/themes/view.ts';
import { ThemeModel } from '../../server/themes/engine/index.ts';
import { wordNet } from '../../server/themes/wordnet.ts';
import { corpusItems } from './corpus.ts';

const theme = {
  id: 't1',
  label: 'App update and documents',
  keywords: ['app', 'update'],
  firstSeen: '2026-11-01',
  trend: 'steady' as const,
  trendTest: {},
};
const options = {
  asOf: '2026-12-01',
  firstDay: '2026-10-01',
  k: 5,
  names: new Map<string, string>(),
  departmentFilter: false,
  awaiting: new Map<'customer' | 'suggestion', Set<string>>(),
  span: 30,
  snapshotTrend: true,
};
let n = 0;
const item = (
  text: string,
  centrality: number,
  source: 'customer' | 'suggestion',
  published: boolean,
  status: string | null = source === 'customer' ? null : published ? 'published' : 'pending',
) => ({
  id: `i${++n}`,
  themeId: 't1',
  source,
  text,
  day: '2026-11-20',
  published,
  status,
  departmentId: null,
  sentiment: 0,
  centrality,
  prompt: null,
  promptAskedOn: null,
});

describe('quotes', () => {
  it("a theme's core begins at the lower median of the finite typicalities", () => {
    expect(coreFrom([3, 1, 2, 4])).toBe(2);
    expect(coreFrom([5, Number.NaN, 1, -Infinity, 3, Infinity])).toBe(3);
    expect(coreFrom([Number.NaN])).toBe(-Infinity);
    expect(coreFrom([])).toBe(-Infinity);
  });

  it('a theme whose core is customer feedback quotes none of the employee comments on its edge', () => {
    const members = [
      ...Array.from({ length: 12 }, (_, i) =>
        item(`The app update lost my saved documents again (${i})`, 2 + i / 10, 'customer', false),
      ),
      item('The intranet search never finds the policy documents', 0.4, 'suggestion', true),
      item('Could the intranet home page load faster', 0.3, 'suggestion', true),
    ];
    const {
      themes: [shown],
    } = moderatorThemes([theme], members, options);
    // Before: the two intranet suggestions, only loosely about the theme, were its quotes.
    expect(shown!.quoteItems).toEqual([]);
    expect(shown!.size).toBe(14);
  });

  it("quotes published comments of the core, those using most of the theme's names first, then the most typical", () => {
    const members = [
      item('The mobile app crashes when I upload a payslip', 3, 'suggestion', true),
      item('Uploading documents in the app times out on the train', 2.5, 'suggestion', true),
      item('The app asks me to log in again after every update', 2, 'suggestion', true),
      item('The app is slow on the train', 2.1, 'suggestion', true),
      item('Customers say the app update removed the statements tab', 2.8, 'customer', false),
      item('Something only loosely related about printers', 0.2, 'suggestion', true),
      item('The lifts are slow in the mornings', 0.1, 'suggestion', true),
      item('Printer paper runs out on Fridays', 0.1, 'suggestion', true),
    ];
    const {
      themes: [shown],
    } = moderatorThemes([theme], members, options);
    // "App update and documents", keywords app, update: the third uses "app update", "app" and "update"
    // (3 names), the second "documents" and "app" (2); the first and fourth "app" (1), the first more typical.
    expect(shown!.quoteItems.map((quote) => quote.text)).toEqual([
      'The app asks me to log in again after every update',
      'Uploading documents in the app times out on the train',
      'The mobile app crashes when I upload a payslip',
    ]);
  });

  it('does not let a typical core member about something else stand for the theme', () => {
    // The demo's "Email" theme (keywords email, direct debit, phone, system, slow) quoted a core member
    // about a VPN password first: its centrality was the highest, and it named nothing on the card.
    const email = {
      ...theme,
      id: 't1',
      label: 'Email',
      keywords: ['email', 'direct debit', 'phone', 'system', 'slow'],
    };
    const members = [
      item('The password reset process locks us out of the VPN for an hour.', 3, 'suggestion', true),
      item(
        'Contact Centre laptops are so slow that customers hear us apologise for the system.',
        2.6,
        'suggestion',
        true,
      ),
      item('Direct debit changes by email take a week to reach the system.', 2.4, 'suggestion', true),
      item('Hold music on the phone line is too loud.', 1, 'suggestion', true),
      item('Printer paper runs out on Fridays', 0.1, 'suggestion', true),
    ];
    const {
      themes: [shown],
    } = moderatorThemes([email], members, options);
    expect(shown!.quoteItems.map((quote) => quote.text)).toEqual([
      'Direct debit changes by email take a week to reach the system.',
      'Contact Centre laptops are so slow that customers hear us apologise for the system.',
      'The password reset process locks us out of the VPN for an hour.',
    ]);
    expect(namesUsed('Emails about direct debits', vocabularyOf(email))).toBe(2);
    // Words of one or two letters are no names ("IT"); a moderator's "A, B & C" is three names.
    const desk = vocabularyOf({ label: 'IT service desk', keywords: ['HR'] });
    expect(namesUsed('The service desk fixed it', desk)).toBe(1);
    // A plural is the name ("app" / "apps").
    expect(namesUsed('Both apps crash', vocabularyOf({ label: 'App', keywords: [] }))).toBe(1);
    expect(vocabularyOf({ label: 'Pay, pensions & benefits', keywords: [] })).toHaveLength(3);
    expect(vocabularyOf({ label: 'Other comments', keywords: [] })).toEqual([]);
  });

  it("the engine quotes the same way: each theme's first quote uses at least as many of its names as the others", () => {
    const result = ThemeModel.compute(corpusItems(), { lexicon: wordNet(), seed: 1 }).result();
    let compared = 0;
    for (const shown of result.themes) {
      const used = shown.quotes.map((q) => namesUsed(q.text, vocabularyOf(shown)));
      expect(used[0], shown.label).toBe(Math.max(...used));
      if (used.length > 1) compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  it('does not quote two comments that say nearly the same thing', () => {
    const members = [
      { id: 'a', text: 'The car park barrier is broken again', published: true, typicality: 3 },
      { id: 'b', text: 'The car park barrier is broken again today!', published: true, typicality: 2.9 },
      { id: 'c', text: 'Visitors cannot find a space in the car park', published: true, typicality: 2.5 },
      { id: 'd', text: 'Barrier broken, car park again', published: true, typicality: 2.4 },
      { id: 'e', text: 'Permits cost too much for part-time staff', published: true, typicality: 2.45 },
      { id: 'f', text: 'Lifts are slow', published: true, typicality: 0.5 },
      { id: 'g', text: 'The canteen closes early', published: true, typicality: 0.5 },
    ];
    expect(pickQuotes(members, 3, (member) => member.typicality).map((quote) => quote.id)).toEqual([
      'a',
      'c',
      'e',
    ]);
  });

  it('does not quote two comments that tell the same story in other words, while others can stand in', () => {
    // The demo's "Legal reviewed …" quotes: a Jaccard of 0.24, so both were quoted before.
    const members = [
      {
        id: 'a',
        text: 'Legal reviewed our new savings leaflet the same afternoon so it could go out before the rate change.',
        published: true,
        typicality: 3,
      },
      {
        id: 'b',
        text: 'Legal reviewed the new savings leaflet in two days instead of two weeks because it was a launch emergency.',
        published: true,
        typicality: 2.9,
      },
      {
        id: 'c',
        text: 'Legal turned the data protection rules into a one-page checklist we keep at the desk.',
        published: true,
        typicality: 2.5,
      },
      { id: 'd', text: 'Lifts are slow', published: true, typicality: 0.1 },
    ];
    const ids = (count: number) => pickQuotes(members, count, (member) => member.typicality).map((q) => q.id);
    expect(ids(2)).toEqual(['a', 'c']);
    // With nothing else to quote, the second telling still beats no quote.
    expect(ids(3)).toEqual(['a', 'b', 'c']);
  });

  it('counts as pending what is in the moderation queue, per source: not customer feedback, nor what was decided', () => {
    const members = [
      item('The app update lost my saved documents', 2, 'customer', false),
      item('The app logs me out after every update', 2, 'customer', false),
      item('Uploading documents in the app times out', 1.5, 'suggestion', true),
      item('The app asks for my password twice', 1.2, 'suggestion', false),
      item('The app update is rubbish and so is IT', 1, 'suggestion', false, 'rejected'),
    ];
    // Post-moderation: the published suggestion is not reviewed yet; the held one waits too. An id the
    // queue holds under another source (the first customer comment's) is not this item.
    const awaiting = new Map([
      ['suggestion' as const, new Set([members[2]!.id, members[3]!.id, members[0]!.id])],
    ]);
    const {
      themes: [shown],
    } = moderatorThemes([theme], members, { ...options, awaiting });
    // Before: size − published − customer feedback, 2 (the rejected suggestion counted as waiting); then
    // status 'pending' only, 1 (the published unreviewed one missed).
    expect(shown!).toMatchObject({ size: 5, published: 1, pending: 2 });
    expect(moderatorThemes([theme], members, options).themes[0]).toMatchObject({ pending: 0 });
  });
});
