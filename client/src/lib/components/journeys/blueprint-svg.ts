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

const signalLine = (signal: SignalView) =>
  signal.hidden
    ? `${signal.label}: hidden`
    : `${signal.label}: ${signal.count ?? 0}${signal.score !== null ? ` (${signal.score})` : ''}`;

interface Row {
  label: string;
  cells: Array<{ lines: string[]; hot?: boolean; pain?: boolean; empty?: boolean }>;
}

export function blueprintSvg(blueprint: BlueprintView): { svg: string; width: number; height: number } {
  const rows: Row[] = [
    {
      label: 'Customer',
      cells: blueprint.stages.map((stage) => ({
        lines: [...stage.customerActions, ...stage.customer.map(signalLine)].flatMap((text) => wrap(text)),
        pain: stage.pain,
      })),
    },
    {
      label: 'Frontstage',
      cells: blueprint.stages.map((stage) => ({
        lines: [...stage.frontstage.actions, ...stage.frontstage.people].flatMap((text) => wrap(text)),
      })),
    },
    {
      label: 'Line of visibility',
      cells: blueprint.stages.map((stage) => ({ lines: wrap(stage.lineOfVisibility) })),
    },
    ...blueprint.departments.map((department, r) => ({
      label: department.name,
      cells: blueprint.stages.map((stage) => {
        const cell = stage.cells[r]!;
        if (!cell.involved) return { lines: [], empty: true };
        return {
          lines: [
            ...(cell.hotspot ? ['HOTSPOT'] : []),
            ...cell.actions,
            ...cell.signals.map(signalLine),
          ].flatMap((text) => wrap(text)),
          hot: cell.hotspot,
        };
      }),
    })),
    {
      label: 'Support systems and policies',
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
    `<title>${escape(`Service blueprint: ${blueprint.journey.name}, ${blueprint.period}`)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="22" font-size="18" font-weight="700">${escape(blueprint.journey.name)}</text>`,
    `<text x="${PAD}" y="40" fill="#555">${escape(`${blueprint.period} · version ${blueprint.journey.version} · numbers from at least ${blueprint.minimumGroupSize} people`)}</text>`,
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

export function downloadSvg(blueprint: BlueprintView): void {
  download(new Blob([blueprintSvg(blueprint).svg], { type: 'image/svg+xml' }), fileName(blueprint, 'svg'));
}

export async function downloadPng(blueprint: BlueprintView): Promise<void> {
  const { svg, width, height } = blueprintSvg(blueprint);
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
