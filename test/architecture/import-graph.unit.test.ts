import { describe, expect, test } from 'vitest';
import { featureOf, importGraph, type ImportEdge } from './import-graph.ts';

// The floors (docs/architecture.md): common → server/shared → server/plugins → features → app.
// Each rule lists the edges that break it; the expected list is empty.

const edges = importGraph();
const show = (edge: ImportEdge) => `${edge.from} -> ${edge.to ?? edge.specifier}`;
const broken = (rule: (edge: ImportEdge) => boolean) => edges.filter(rule).map(show);

/** Node builtins and packages that reach a disk, a network, a database or another thread. */
const IO =
  /^(?:node:)?(?:fs|fs\/promises|net|http|https|http2|tls|dgram|dns|child_process|worker_threads|cluster)$|^(?:pg|kysely|fastify|@fastify\/|@electric-sql\/|ws$)/;

describe('import graph: the floors hold', () => {
  test('features never import each other', () => {
    expect(
      broken((edge) => {
        const from = featureOf(edge.from);
        const to = edge.to && featureOf(edge.to);
        return from !== null && !!to && to !== from;
      }),
    ).toEqual([]);
  });

  test('plugins never import features', () => {
    expect(
      broken((edge) => edge.from.startsWith('server/plugins/') && !!edge.to && featureOf(edge.to) !== null),
    ).toEqual([]);
  });

  test('server/shared imports no plugin and no feature', () => {
    expect(
      broken(
        (edge) =>
          edge.from.startsWith('server/shared/') &&
          !!edge.to &&
          (edge.to.startsWith('server/plugins/') || featureOf(edge.to) !== null),
      ),
    ).toEqual([]);
  });

  test('themes/engine reaches nothing with I/O (its own imports and everything they import in turn)', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const edge of edges) if (edge.from === file && edge.to) visit(edge.to);
    };
    for (const edge of edges) if (edge.from.startsWith('server/themes/engine/')) visit(edge.from);
    expect(broken((edge) => reached.has(edge.from) && edge.to === null && IO.test(edge.specifier))).toEqual(
      [],
    );
  });

  test('db/migrations import nothing of the app', () => {
    expect(
      broken(
        (edge) =>
          edge.from.startsWith('db/migrations/') && !!edge.to && !edge.to.startsWith('db/migrations/'),
      ),
    ).toEqual([]);
  });

  test('the client imports only client/ and common/', () => {
    expect(
      broken(
        (edge) =>
          edge.from.startsWith('client/') &&
          !!edge.to &&
          !edge.to.startsWith('client/') &&
          !edge.to.startsWith('common/'),
      ),
    ).toEqual([]);
  });

  test('common/ (run by both sides) imports only common/', () => {
    expect(
      broken((edge) => edge.from.startsWith('common/') && !!edge.to && !edge.to.startsWith('common/')),
    ).toEqual([]);
  });

  test('the graph is read at all (a broken reader would pass every rule)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((edge) => edge.from.endsWith('.svelte') && edge.to?.startsWith('client/'))).toBe(true);
  });
});
