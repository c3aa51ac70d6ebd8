// The tuning sets' layout: every comment spread evenly over 90 days, deterministically (tuning is about
// clustering and labels; the frozen sets' planted trends are in ../frozen/layout.ts).
import type { FrozenItem, FrozenSet, FrozenTheme } from '../frozen/layout.ts';

const FIRST_DAY = '2026-01-01';
const SPAN = 90;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A tuning set of `themes` and `miscellaneous` comments (theme 'miscellaneous'), spread over 90 days. */
export function evenlySpread(name: string, themes: FrozenTheme[], miscellaneous: string[]): FrozenSet {
  const items: FrozenItem[] = [];
  let n = 0;
  const add = (theme: string, texts: string[]) =>
    texts.forEach((text, index) =>
      items.push({ id: `${theme}-${index + 1}`, text, day: addDays(FIRST_DAY, (n++ * 37) % SPAN), theme }),
    );
  for (const { theme, texts } of themes) add(theme, texts);
  add('miscellaneous', miscellaneous);
  items.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  return { name, themes, items, lastDay: addDays(FIRST_DAY, SPAN - 1) };
}
