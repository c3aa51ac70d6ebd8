import { readFileSync } from 'node:fs';
import { computeThemes, type ThemeItem } from './engine/index.ts';
import { wordNet } from './wordnet.ts';

// npm run themes -- <file.jsonl> [--as-of YYYY-MM-DD]
// Reads one {"id","text","day"?} per line; prints {"themes":[{"label","keywords","itemIds","trend"}]}.
// Trends are measured against the latest day in the file unless --as-of says otherwise.

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run themes -- <file.jsonl> [--as-of YYYY-MM-DD]\n`);
  process.exit(2);
}

export function parseJsonl(text: string): ThemeItem[] {
  const items: ThemeItem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${index + 1}: not JSON`);
    }
    const record = value as { id?: unknown; text?: unknown; day?: unknown };
    if (
      typeof record !== 'object' ||
      record === null ||
      (typeof record.id !== 'string' && typeof record.id !== 'number')
    )
      throw new Error(`line ${index + 1}: needs an "id"`);
    if (typeof record.text !== 'string') throw new Error(`line ${index + 1}: needs a "text"`);
    const day =
      typeof record.day === 'string' && /^\d{4}-\d{2}-\d{2}/.test(record.day)
        ? record.day.slice(0, 10)
        : null;
    items.push({ id: String(record.id), text: record.text, day });
  });
  return items;
}

function main(argv: string[]) {
  const args = argv.slice(2);
  const asOfIndex = args.indexOf('--as-of');
  const asOf = asOfIndex >= 0 ? args.splice(asOfIndex, 2)[1] : undefined;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) usage('--as-of needs a day like 2025-03-31');
  const [file] = args;
  if (!file) usage('no input file');
  let items: ThemeItem[];
  try {
    items = parseJsonl(readFileSync(file, 'utf8'));
  } catch (error) {
    usage(`cannot read ${file}: ${(error as Error).message}`);
  }
  const { themes } = computeThemes(items, { lexicon: wordNet(), asOf });
  const output = {
    themes: themes.map((theme) => ({
      label: theme.label,
      keywords: theme.keywords,
      itemIds: theme.itemIds,
      trend: theme.trend,
    })),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv);
