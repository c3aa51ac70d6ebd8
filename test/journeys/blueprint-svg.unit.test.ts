import { describe, expect, test } from 'vitest';
import { blueprintSvg } from '../../client/src/lib/components/journeys/blueprint-svg.ts';
import { composeBlueprint } from '../../server/journeys/blueprint.ts';
import { journey, stage } from './helpers.ts';

// The SVG export draws what the page shows: a cell under k says "hidden" and carries no number.
describe('the blueprint as SVG', () => {
  test('draws every stage and team, escapes text, and keeps hidden cells hidden', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const blueprint = composeBlueprint({
      journey: {
        id: 'j',
        version: 3,
        definition: journey([stage('apply', [a]), stage('decide', [a, b])], 'Loans & <more>'),
      },
      departments: [
        { id: a, name: 'Underwriting', kind: 'backstage' },
        { id: b, name: 'Legal', kind: 'backstage' },
      ],
      period: '2026-Q4',
      k: 5,
      overlays: [
        {
          id: 'kudos',
          label: 'Kudos',
          lane: 'backstage',
          scoreLabel: null,
          cells: [
            { departmentId: a, count: 12 },
            { departmentId: b, count: 2 },
          ],
        },
      ],
      touchpointThemes: [],
    });
    const { svg } = blueprintSvg(blueprint as never);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Loans &amp; &lt;more&gt;');
    expect(svg).toContain('1. Stage apply');
    expect(svg).toContain('2. Stage decide');
    expect(svg).toContain('Underwriting');
    // Legal's 2 is under k, and so (complementary) is the next smallest: neither number is drawn.
    expect(svg).not.toMatch(/Kudos: 2\b/);
    expect(svg).toContain('Kudos: hidden');
    expect(svg).toContain('version 3');
  });
});
