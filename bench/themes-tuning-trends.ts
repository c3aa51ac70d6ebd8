// npx tsx bench/themes-tuning-trends.ts — trends on the TUNING sets (test/themes/tuning/), with trends
// planted the way the frozen sets have them (test/themes/frozen/layout.ts) and in their proportions: of
// eight themes two rising, two fading, one emerging, three steady (the chat set's); of seven, the first
// seven places of that pattern — two rising, one fading, one emerging, three steady (the long set's). Each
// set once per theme with the pattern rotated, three engine seeds each. The frozen sets' trends are
// measured once, after a change (bench/themes-frozen.ts); tune trends here.
//   --detail   every miss: planted, found, the theme it fell in (label, size) and the planted theme's spread
import { ThemeModel, type ThemesResult } from '../server/themes/engine/index.ts';
import { wordNet } from '../server/themes/wordnet.ts';
import { layout, type FrozenSet, type FrozenTheme, type PlantedTrend } from '../test/themes/frozen/layout.ts';
import { CHAT_KITCHEN_MISCELLANEOUS, CHAT_KITCHEN_THEMES } from '../test/themes/tuning/chat-kitchen.ts';
import { LONG_BUS_MISCELLANEOUS, LONG_BUS_THEMES } from '../test/themes/tuning/long-bus.ts';
import { LONG_SCHOOL_MISCELLANEOUS, LONG_SCHOOL_THEMES } from '../test/themes/tuning/long-school.ts';

const TRENDS: PlantedTrend[] = ['rising', 'steady', 'fading', 'emerging'];
// A set of n themes takes the first n places (seven: the long frozen set's mix; eight: the chat set's).
const PATTERN: PlantedTrend[] = [
  'rising',
  'fading',
  'steady',
  'steady',
  'emerging',
  'rising',
  'steady',
  'fading',
];
const SEEDS = [1, 2, 3];
const lexicon = wordNet();
const detail = process.argv.includes('--detail');

const sources: Array<[string, FrozenTheme[], string[]]> = [
  ['long school', LONG_SCHOOL_THEMES, LONG_SCHOOL_MISCELLANEOUS],
  ['long bus', LONG_BUS_THEMES, LONG_BUS_MISCELLANEOUS],
  ['kitchen chat', CHAT_KITCHEN_THEMES, CHAT_KITCHEN_MISCELLANEOUS],
];

type Found = PlantedTrend | 'none';
const confusion = new Map<string, number>();
let right = 0;
let total = 0;

function bestMatch(result: ThemesResult, ids: Set<string>) {
  let best: ThemesResult['themes'][number] | null = null;
  let shared = 0;
  for (const theme of result.themes) {
    const n = theme.itemIds.filter((id) => ids.has(id)).length;
    if (n > shared) [best, shared] = [theme, n];
  }
  return { theme: best, shared };
}

for (const [name, themes, miscellaneous] of sources) {
  let setRight = 0;
  let setTotal = 0;
  for (let rotation = 0; rotation < themes.length; rotation++) {
    const planted = themes.map((theme, i) => ({ ...theme, trend: PATTERN[(i + rotation) % themes.length]! }));
    const set: FrozenSet = layout(`${name} ${rotation}`, planted, miscellaneous, 20261207 + rotation);
    for (const seed of SEEDS) {
      const result = ThemeModel.compute(set.items, { lexicon, seed, asOf: set.lastDay }).result();
      for (const gold of planted) {
        const ids = new Set(set.items.filter((item) => item.theme === gold.theme).map((item) => item.id));
        const { theme, shared } = bestMatch(result, ids);
        const found: Found = theme?.trend ?? 'none';
        const key = `${gold.trend}→${found}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
        total++;
        setTotal++;
        if (found === gold.trend) {
          right++;
          setRight++;
        } else if (detail)
          console.log(
            `  ${name} r${rotation} s${seed}: ${gold.theme} planted ${gold.trend}, found ${found} in "${theme?.label}" (${shared} of its ${ids.size} in a theme of ${theme?.size ?? 0})`,
          );
      }
    }
  }
  console.log(
    `${name}: ${setRight}/${setTotal} trends right (${((100 * setRight) / setTotal).toFixed(0)} %)`,
  );
}
console.log(`all: ${right}/${total} (${((100 * right) / total).toFixed(0)} %)`);
const found: Found[] = [...TRENDS, 'none'];
console.log(`\n| planted \\ found | ${found.join(' | ')} |`);
console.log(`| --- | ${found.map(() => '---').join(' | ')} |`);
for (const planted of TRENDS)
  console.log(`| ${planted} | ${found.map((f) => confusion.get(`${planted}→${f}`) ?? 0).join(' | ')} |`);
