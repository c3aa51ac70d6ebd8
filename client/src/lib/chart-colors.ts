// Canvas charts cannot read CSS variables, so they ask for the design tokens' current values
// (the dark scheme changes them) when they draw.
function token(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function chartColors() {
  const line = token('--color-accent', '#2a7560');
  return {
    line,
    /** The line's colour at a given opacity, for area and bar fills. */
    fill: (alpha: number) => `color-mix(in srgb, ${line} ${Math.round(alpha * 100)}%, transparent)`,
    text: token('--color-text-soft', '#4d5a56'),
    grid: token('--color-line', '#dfe6e3'),
  };
}

/** uPlot axis styling in the current scheme. */
export function axisStyle() {
  const colors = chartColors();
  return { stroke: colors.text, grid: { stroke: colors.grid }, ticks: { stroke: colors.grid } };
}
