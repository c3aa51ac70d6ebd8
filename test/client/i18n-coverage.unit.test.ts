// Issue #20: no user-visible English left in the employee portal's code. Every .svelte file an employee
// route reaches (through imports, not into the staff console) is parsed with Svelte's own compiler, and any
// text a person would read that does not come from `t()` is reported: text nodes, the attributes people or
// screen readers read (aria-label, placeholder, title, alt), string literals printed by `{…}`, and prose-like
// string literals in the script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const CLIENT = path.resolve('client/src');
// The staff console has a dictionary of its own (test/client/i18n-staff.unit.test.ts).
const NOT_HERE = [/lib\/components\/staff\//, /routes\/(moderator|admin|staff)\//];
// Names and codes that read the same in every language (and all-capitals codes: CSV, RFC, XXXXX).
const VERBATIM = new Set(['Greenroom', 'k', 'eNPS']);
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'title',
  'alt',
  'label',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(svelte|ts)$/.test(name) ? [full] : [];
  });
}

/** Every .svelte file the employee routes reach through static or dynamic relative imports. */
function employeeFiles(): string[] {
  const files = sourceFiles(CLIENT);
  const imports = new Map(
    files.map((file) => {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(/(?:import|from)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((match) =>
        path.resolve(path.dirname(file), match[1]!),
      );
      return [file, targets];
    }),
  );
  const starts = files.filter((file) => /routes\/(employee\/|NotFound\.svelte)/.test(file));
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || NOT_HERE.some((pattern) => pattern.test(file))) continue;
    seen.add(file);
    stack.push(...(imports.get(file) ?? []));
  }
  return [...seen].filter((file) => file.endsWith('.svelte')).sort();
}

type Node = { type: string; [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'metadata') continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

const hasLetters = (text: string) => /\p{L}/u.test(text);
const verbatim = (text: string) =>
  text
    .split(/[\s·—–:,()/]+/)
    .filter(hasLetters)
    .every((word) => VERBATIM.has(word) || /^[A-Z0-9-]{2,}$/.test(word));
const prose = (text: string) => hasLetters(text) && !verbatim(text.trim());
const COMPARISONS = new Set(['===', '!==', '==', '!=', 'in', 'instanceof']);

/** String literals a `{…}` prints: everything but t()'s arguments, comparisons, keys and call options. */
function printedLiterals(expression: Node, found: string[], strictCalls = true): void {
  const visit = (node: Node, parent: Node | null, key: string): void => {
    if (node.type === 'CallExpression') {
      const callee = node['callee'] as Node;
      if (callee.type === 'Identifier' && ['t', 'errorText'].includes(callee['name'] as string)) return;
      // Arguments of other calls are options ('long', 'en-GB') unless they read like a sentence.
      visit(callee, node, 'callee');
      for (const argument of node['arguments'] as Node[]) {
        const before = found.length;
        visit(argument, node, 'arguments');
        if (!strictCalls) found.splice(before).forEach((text) => /\s/.test(text) && found.push(text));
        else found.splice(before).forEach((text) => /\s|^[A-Z][a-z]/.test(text) && found.push(text));
      }
      return;
    }
    if (node.type === 'BinaryExpression' && COMPARISONS.has(node['operator'] as string)) return;
    if (node.type === 'MemberExpression' && key === 'property') return;
    if (
      node.type === 'Property' ||
      node.type === 'ImportDeclaration' ||
      node.type === 'ExportNamedDeclaration'
    ) {
      if (node.type === 'Property') return visit(node['value'] as Node, node, 'value');
      return;
    }
    if (node.type === 'Literal' && typeof node['value'] === 'string' && prose(node['value'])) {
      found.push(node['value']);
    }
    if (node.type === 'TemplateElement') {
      const cooked = (node['value'] as { cooked: string }).cooked;
      if (prose(cooked)) found.push(cooked);
    }
    for (const child of children(node)) visit(child, node, '');
    void parent;
  };
  visit(expression, null, '');
}

/** Prose-like literals in the script: two words or more, read as a sentence or a label. */
function scriptProse(program: Node, found: string[]): void {
  const all: string[] = [];
  printedLiterals(program, all, false);
  for (const text of all) {
    const trimmed = text.trim();
    if (!/\p{L}{2,}\s+\p{L}{2,}/u.test(trimmed)) continue;
    // Selectors, class lists, MIME types, URLs and identifiers are not prose.
    if (/^[a-z0-9_\-\s.#[\]=:*>]+$/.test(trimmed) && !/[.!?…:]$/.test(trimmed)) continue;
    if (/^[\w-]+\/[\w.+-]+/.test(trimmed) || trimmed.includes('://')) continue;
    found.push(trimmed);
  }
}

/** The English a reader would see in one component, outside t(). */
function untranslated(file: string): string[] {
  const ast = parse(readFileSync(file, 'utf8'), { modern: true }) as unknown as Node;
  const found: string[] = [];
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'Text':
        if (prose(node['data'] as string)) found.push((node['data'] as string).trim());
        return;
      case 'ExpressionTag':
        printedLiterals(node['expression'] as Node, found);
        return;
      case 'Attribute': {
        const name = node['name'] as string;
        if (!READ_ATTRIBUTES.has(name)) {
          // Other attributes hold classes, ids and hrefs, but their `{…}` may still print through a component prop.
          return;
        }
        const value = node['value'];
        const parts = Array.isArray(value) ? (value as Node[]) : isNode(value) ? [value] : [];
        for (const part of parts) {
          if (part.type === 'Text' && prose(part['data'] as string)) found.push(`${name}="${part['data']}"`);
          if (part.type === 'ExpressionTag') printedLiterals(part['expression'] as Node, found);
        }
        return;
      }
      case 'StyleSheet':
      case 'StyleDirective':
        // style:width="{width}px" sets CSS, which nobody reads.
        return;
      case 'Script':
        scriptProse(node['content'] as Node, found);
        return;
    }
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  return found;
}

describe('the employee portal speaks through t()', () => {
  const files = employeeFiles();

  it('finds the employee views and the components they use', () => {
    const names = files.map((file) => path.relative(CLIENT, file));
    expect(names).toContain('routes/employee/Home.svelte');
    expect(names).toContain('routes/NotFound.svelte');
    expect(names).toContain('lib/components/moderation/ModerationQueue.svelte');
    expect(names).not.toContain('lib/components/RequireStaff.svelte');
    expect(files.length).toBeGreaterThan(60);
  });

  it('the scanner sees English in text, read attributes, printed literals and script prose', () => {
    expect(hasLetters('Loading…')).toBe(true);
    expect(verbatim('Greenroom')).toBe(true);
    const sample = path.resolve('test/client/fixtures/untranslated.svelte');
    expect(untranslated(sample).sort()).toEqual(
      [
        'Could not load the board.',
        'Page not found',
        'aria-label="Close"',
        'Sending…',
        'Send',
        'votes',
      ].sort(),
    );
  });

  for (const file of files) {
    it(`${path.relative(CLIENT, file)} has no English outside t()`, () => {
      expect(untranslated(file)).toEqual([]);
    });
  }
});
