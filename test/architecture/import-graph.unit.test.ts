import { describe, expect, test } from 'vitest';
import { featureOf, importGraph, type ImportEdge } from './import-graph.ts';

// The floors (docs/architecture.md): common → server/shared → server/plugins → features → app.
// Each rule lists the edges that break it; the expected list is empty.

/**
 * Edges into or out of server/tokens/ and server/plugins/private-token.ts, which another branch is
 * reworking at the same time (token issuance and redemption). They move after that branch is merged;
 * then this list is emptied and every rule holds without exceptions.
 */
const PENDING_TOKENS_MOVE: readonly string[] = [
  // The redemption hook is a plugin that reaches up into the tokens feature; it becomes the feature's own
  // fp plugin (server/tokens/redemption.ts) and imports database errors from server/shared/db-errors.ts.
  'server/plugins/private-token.ts -> server/tokens/crypto.ts',
  'server/plugins/private-token.ts -> server/tokens/keys.ts',
  'server/plugins/private-token.ts -> server/tokens/scopes.ts',
  'server/plugins/private-token.ts -> server/tokens/queries.ts',
  // Scope keys for pulses and focus groups: tokens is to offer them as a port (app.scopeKeys.create).
  'server/focus-groups/routes.ts -> server/tokens/keys.ts',
  'server/pulses/routes.ts -> server/tokens/keys.ts',
  'server/pulses/seed.ts -> server/tokens/keys.ts',
  // tokens/* still import old paths, kept as one-line re-exports of server/shared/* until then.
  'server/tokens/codes.ts -> server/staff/passwords.ts',
  'server/tokens/keys.ts -> server/settings/queries.ts',
  'server/tokens/routes.ts -> server/staff/queries.ts',
  'server/tokens/routes.ts -> server/departments/queries.ts',
  'server/tokens/transparency.ts -> server/departments/queries.ts',
  // The client's token and key-log shapes: server/tokens/schemas.ts moves to common/api/tokens.ts.
  'client/src/lib/api/key-log.ts -> server/tokens/schemas.ts',
  'client/src/lib/api/tokens.ts -> server/tokens/schemas.ts',
];

const edges = importGraph();
const show = (edge: ImportEdge) => `${edge.from} -> ${edge.to ?? edge.specifier}`;
const broken = (rule: (edge: ImportEdge) => boolean) =>
  edges
    .filter(rule)
    .map(show)
    .filter((edge) => !PENDING_TOKENS_MOVE.includes(edge));

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

  test('every PENDING_TOKENS_MOVE exception is still in the graph (the list only shrinks)', () => {
    const present = new Set(edges.map(show));
    expect(PENDING_TOKENS_MOVE.filter((edge) => !present.has(edge))).toEqual([]);
  });

  test('the graph is read at all (a broken reader would pass every rule)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((edge) => edge.from.endsWith('.svelte') && edge.to?.startsWith('client/'))).toBe(true);
  });
});
