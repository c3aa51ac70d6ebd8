import type { BlueprintView, SignalView } from '../../api/journeys.ts';

// The blueprint as a standalone SVG for a workshop wall: stages across, lanes down, each cell's actions and
// shown numbers. Built from what the page already holds (the same k-suppressed signals), so a hidden cell
// is "hidden" here too. PNG is the same drawing rasterised by the browser.

const COLUMN = 220;
const HEAD = 150;
const LINE = 15;
const PAD = 8;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words wrapped to about `width` characters a line. */
function wrap(text: string, width = 30): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The drawing's own words, in the reader's language (the page passes them; English otherwise). */
export interface SvgWords {
  customer: string;
  frontstage: string;
  visibility: string;
  systems: string;
  hotspot: string;
  hidden: string;
  /** The overlay's name by id. */
  overlay: (id: string, fallback: string) => string;
  title: (journey: string, period: string) => string;
  subtitle: (period: string, version: number, k: number) => string;
}

export const ENGLISH_WORDS: SvgWords = {
  customer: 'Customer',
  frontstage: 'Frontstage',
  visibility: 'Line of visibility',
  systems: 'Support systems and policies',
  hotspot: 'HOTSPOT',
  hidden: 'hidden',
  overlay: (_id, fallback) => fallback,
  title: (journey, period) => `Service blueprint: ${journey}, ${period}`,
  subtitle: (period, version, k) => `${period} · version ${version} · numbers from at least ${k} people`,
};

const signalLine = (words: SvgWords) => (signal: SignalView) =>
  signal.hidden
    ? `${words.overlay(signal.overlay, signal.label)}: ${words.hidden}`
    : `${words.overlay(signal.overlay, signal.label)}: ${signal.count ?? 0}${signal.score !== null ? ` (${signal.score})` : ''}`;

interface Row {
  label: string;
  cells: Array<{ lines: string[]; hot?: boolean; pain?: boolean; empty?: boolean }>;
}

export function blueprintSvg(
  blueprint: BlueprintView,
  words: SvgWords = ENGLISH_WORDS,
): { svg: string; width: number; height: number } {
  const line = signalLine(words);
  const rows: Row[] = [
    {
      label: words.customer,
      cells: blueprint.stages.map((stage) => ({
        lines: [...stage.customerActions, ...stage.customer.map(line)].flatMap((text) => wrap(text)),
        pain: stage.pain,
      })),
    },
    {
      label: words.frontstage,
      cells: blueprint.stages.map((stage) => ({
        lines: [...stage.frontstage.actions, ...stage.frontstage.people].flatMap((text) => wrap(text)),
      })),
    },
    {
      label: words.visibility,
      cells: blueprint.stages.map((stage) => ({ lines: wrap(stage.lineOfVisibility) })),
    },
    ...blueprint.departments.map((department, r) => ({
      label: department.name,
      cells: blueprint.stages.map((stage) => {
        const cell = stage.cells[r]!;
        if (!cell.involved) return { lines: [], empty: true };
        return {
          lines: [
            ...(cell.hotspot ? [words.hotspot] : []),
            ...cell.actions,
            ...cell.signals.map(line),
          ].flatMap((text) => wrap(text)),
          hot: cell.hotspot,
        };
      }),
    })),
    {
      label: words.systems,
      cells: blueprint.stages.map((stage) => ({
        lines: [...stage.systems, ...stage.policies].flatMap((text) => wrap(text)),
      })),
    },
  ];
  const width = HEAD + COLUMN * blueprint.stages.length;
  const heights = rows.map(
    (row) => Math.max(2, ...row.cells.map((cell) => cell.lines.length)) * LINE + 2 * PAD,
  );
  const top = 70;
  const height = top + heights.reduce((sum, h) => sum + h, 0) + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escape(words.title(blueprint.journey.name, blueprint.period))}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="22" font-size="18" font-weight="700">${escape(blueprint.journey.name)}</text>`,
    `<text x="${PAD}" y="40" fill="#555">${escape(words.subtitle(blueprint.period, blueprint.journey.version, blueprint.minimumGroupSize))}</text>`,
  ];
  blueprint.stages.forEach((stage, c) => {
    const x = HEAD + c * COLUMN;
    parts.push(`<rect x="${x}" y="48" width="${COLUMN}" height="22" fill="#163a2c"/>`);
    parts.push(
      `<text x="${x + PAD}" y="63" fill="#ffffff" font-weight="700">${escape(`${c + 1}. ${stage.name}`)}</text>`,
    );
  });
  let y = top;
  rows.forEach((row, i) => {
    const h = heights[i]!;
    parts.push(`<rect x="0" y="${y}" width="${HEAD}" height="${h}" fill="#eef5f1" stroke="#ccd"/>`);
    wrap(row.label, 20).forEach((line, l) =>
      parts.push(`<text x="${PAD}" y="${y + PAD + 12 + l * LINE}" font-weight="700">${escape(line)}</text>`),
    );
    row.cells.forEach((cell, c) => {
      const x = HEAD + c * COLUMN;
      const fill = cell.hot ? '#fde8e8' : cell.empty ? '#f4f6f5' : '#ffffff';
      const stroke = cell.hot || cell.pain ? '#b42318' : '#ccd';
      parts.push(
        `<rect x="${x}" y="${y}" width="${COLUMN}" height="${h}" fill="${fill}" stroke="${stroke}"/>`,
      );
      cell.lines.forEach((line, l) =>
        parts.push(`<text x="${x + PAD}" y="${y + PAD + 12 + l * LINE}">${escape(line)}</text>`),
      );
    });
    y += h;
  });
  parts.push('</svg>');
  return { svg: parts.join('\n'), width, height };
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (blueprint: BlueprintView, ext: string) =>
  `blueprint-${blueprint.journey.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${blueprint.period}-v${blueprint.journey.version}.${ext}`;

export function downloadSvg(blueprint: BlueprintView, words?: SvgWords): void {
  download(
    new Blob([blueprintSvg(blueprint, words).svg], { type: 'image/svg+xml' }),
    fileName(blueprint, 'svg'),
  );
}

export async function downloadPng(blueprint: BlueprintView, words?: SvgWords): Promise<void> {
  const { svg, width, height } = blueprintSvg(blueprint, words);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) download(blob, fileName(blueprint, 'png'));
}
