// The import graph of the app's own code, read with the TypeScript compiler's pre-processor (static
// imports, `export … from`, dynamic `import()`), including the <script> blocks of .svelte files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const root = path.resolve(import.meta.dirname, '../..');

/** The folders whose imports the floors govern (tests, benchmarks and build configs are outside). */
const SOURCE_ROOTS = ['common', 'db', 'server', 'client/src'];
const SOURCE = /\.(?:ts|mts|mjs|svelte)$/;

export interface ImportEdge {
  /** Importing file, relative to the repository root with forward slashes. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Imported file relative to the root, or null for a package or `node:` builtin. */
  to: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.parentPath.includes('node_modules'),
    )
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function scriptText(file: string, text: string): string {
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
}

export function importGraph(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of SOURCE_ROOTS.flatMap(sourceFiles)) {
    const text = scriptText(file, readFileSync(path.join(root, file), 'utf8'));
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of importedFiles) {
      const relative = specifier.startsWith('.');
      const to = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : null;
      edges.push({ from: file, specifier, to });
    }
  }
  return edges;
}

/** A feature is a folder directly under server/ that is not a lower floor (shared, plugins) or the app (seed). */
const NOT_FEATURES = new Set(['shared', 'plugins', 'seed']);
export function featureOf(file: string): string | null {
  const match = /^server\/([^/]+)\//.exec(file);
  return match && !NOT_FEATURES.has(match[1]!) ? match[1]! : null;
}
