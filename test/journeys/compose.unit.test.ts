import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { composeBlueprint, quarterDays, quarterOf, themeMatches } from '../../server/journeys/blueprint.ts';
import type { JourneyDefinitionT } from '../../common/api/journeys.ts';

const ids = ['d0', 'd1', 'd2', 'd3', 'd4'];
const definition = (stages: string[][]): JourneyDefinitionT => ({
  name: 'J',
  description: '',
  stages: stages.map((departments, i) => ({
    key: `s${i}`,
    name: `S${i}`,
    customerActions: ['x'],
    frontstage: { actions: [], people: [] },
    lineOfVisibility: '',
    backstage: departments.map((departmentId) => ({ departmentId, actions: [] })),
    systems: [],
    policies: [],
    touchpoints: [],
  })),
});

describe('composeBlueprint under k (property)', () => {
  test('no hidden cell can be recovered from the cells and the journey total, for any counts and k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        fc.array(fc.subarray(ids, { minLength: 1 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(fc.nat({ max: 14 }), { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 3,
        }),
        (k, stages, overlayCounts) => {
          const body = composeBlueprint({
            journey: { id: 'j', version: 1, definition: definition(stages) },
            departments: ids.map((id) => ({ id, name: id, kind: 'backstage' })),
            period: '2026-Q4',
            k,
            overlays: overlayCounts.map((counts, o) => ({
              id: `o${o}`,
              label: `O${o}`,
              lane: 'backstage',
              scoreLabel: null,
              cells: ids.map((departmentId, i) => ({
                departmentId,
                count: counts[i]!,
                score: 1,
                friction: true,
                pain: true,
              })),
            })),
            touchpointThemes: [],
          });
          const onJourney = new Set(stages.flat());
          overlayCounts.forEach((counts, o) => {
            let shownSum = 0;
            let hiddenSum = 0;
            for (const departmentId of onJourney) {
              const signals = body.stages
                .flatMap((s) => s.cells.filter((c) => c.departmentId === departmentId && c.involved))
                .map((c) => c.signals[o]!);
              // The same team reads the same on every stage.
              for (const s of signals) expect(s).toEqual(signals[0]);
              const s = signals[0]!;
              const count = counts[ids.indexOf(departmentId)]!;
              if (s.hidden) {
                expect(s).toMatchObject({ count: null, score: null, friction: false, pain: false });
                hiddenSum += count;
              } else {
                expect(s.count).toBe(count);
                expect(count === 0 || count >= k).toBe(true);
                shownSum += count;
              }
            }
            const total = body.totals[o]!;
            if (!total.hidden) {
              expect(total.count).toBe(shownSum + hiddenSum);
              expect(hiddenSum === 0 || hiddenSum >= k).toBe(true);
            }
          });
          // Hotspots come from shown numbers only.
          for (const s of body.stages)
            for (const c of s.cells)
              if (c.hotspot) expect(c.signals.some((x) => !x.hidden && x.friction)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('helpers', () => {
  test('quarters', () => {
    expect(quarterOf('2026-12-03')).toBe('2026-Q4');
    expect(quarterDays('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterDays('2024-Q1').to).toBe('2024-03-31');
    expect(quarterDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
  test('themes map to stages by declared touchpoint', () => {
    const theme = {
      id: 't',
      label: 'Valuation delays',
      keywords: ['surveyor', 'valuation'],
      size: 9,
      sentiment: -0.4,
    };
    expect(themeMatches(theme, ['valuation'])).toBe(true);
    expect(themeMatches(theme, ['Surveyor'])).toBe(true);
    expect(themeMatches(theme, ['offer'])).toBe(false);
    expect(themeMatches(theme, [' '])).toBe(false);
    // Whole words only: 'call' is not in 'recall', 'valu' is not 'valuation'.
    expect(themeMatches({ ...theme, label: 'Product recall', keywords: [] }, ['call'])).toBe(false);
    expect(themeMatches(theme, ['valu'])).toBe(false);
    expect(themeMatches({ ...theme, label: 'Loan origination system down' }, ['loan origination'])).toBe(
      true,
    );
  });
});
