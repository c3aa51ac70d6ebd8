import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { preprocessorFor, ThemeModel, type ThemeItem, type ThemesResult } from './engine/index.ts';
import { proposeSplit } from './engine/split.ts';
import {
  keepsStored,
  type Computation,
  type EngineReply,
  type EngineRequest,
  type Membership,
} from './engine-client.ts';
import { SLICE } from './queries.ts';
import { wordNet } from './wordnet.ts';

// The themes engine's thread (started by engine-client.ts through engine-worker.mjs). It holds one
// ThemeModel per scope between runs, so incremental updates need only the change; WordNet and the
// wink model load once, here, never on the server's event loop. Comments arrive in slices before their
// request; an answer leaves in parts of SLICE memberships, each once the server's side asks for it
// (see engine-client.ts: a message is copied in one go on both threads).

/**
 * A computation leaves every comment it processed behind as garbage (~9 KB a comment: at 18k comments a
 * full run left 229 MB in use, 65 MB of it live; an update of 1,500 left 9.2 KB an added comment), and V8
 * kept that memory committed long after on this mostly idle thread — the server's RSS followed the runs'
 * peaks. So the thread collects once after each computation, full or incremental, and compacts while it
 * does: a plain full collection frees the garbage but keeps the pages it lay in (few are wholly empty; the
 * survivors are spread over all of them), so committed stayed near the peak (test: 4.9 KB a comment
 * over a 6,000-comment computation, 2.1 KB with compaction; at 19k comments after full runs, 158 →
 * 105 MB). It costs ~2× a plain collection (≈ 0.1 s at 18k, on this thread, while the server's loop runs
 * on; a run takes 0.5–4 s). `gc` exists only in contexts made while V8's --expose-gc flag is on: one is
 * made, and the flag turned off again, so no other context sees it. Compaction on every full collection
 * is a process-wide flag: it is on only for the length of this one collection.
 */
const gc = (() => {
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
})();

function collectGarbage(): void {
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

const models = new Map<string, ThemeModel>();
/** Comments received for requests not yet made. */
const incoming = new Map<number, ThemeItem[]>();
/** Answers being sent: what is left of their memberships. */
const outgoing = new Map<number, { memberships: Membership[]; next: number }>();

/**
 * Per scope, each comment's membership as last sent to the server: a full recompute from the held
 * comments (`recompute`) sends only the memberships that differ, so the server's side handles the change.
 */
const sent = new Map<string, Map<string, string>>();
const sentPrefix = (membership: Membership) => `${membership.themeId}|${membership.sentiment}`;
/** What the server's side holds for a comment after this membership: its old key while it still stands. */
const sentKey = (membership: Membership, before?: string) => {
  const prefix = sentPrefix(membership);
  return keepsStored(before, prefix, membership.centrality) ? before! : `${prefix}|${membership.centrality}`;
};

/**
 * Each comment's membership, its centrality coarse on purpose: it only orders quotes, and a full
 * recompute nudges every lift a little, which would otherwise make every row differ from the stored one
 * (a rewrite of the whole snapshot, and every membership sent back).
 */
function membershipsOf(model: ThemeModel, ids?: Iterable<string>): Membership[] {
  return model
    .memberships(ids)
    .map((membership) => ({ ...membership, centrality: Math.round(membership.centrality * 10) / 10 }));
}

function handle(
  request: Computation,
  items: ThemeItem[],
): Pick<ThemesResult, 'themes' | 'hidden'> & { unclustered: number; memberships: Membership[] } {
  const { scope } = request;
  let model: ThemeModel;
  if (request.kind === 'update') {
    const existing = models.get(scope);
    if (!existing) throw new Error(`no themes model for scope ${scope}`);
    existing.update({ added: items, removed: request.removed, asOf: request.asOf });
    model = existing;
  } else {
    let corpus = items;
    let previous = request.previous;
    if (request.kind === 'derive') {
      // The base scope's held comments that are published, less the withdrawn and changed, plus the added.
      const base = models.get(request.base);
      if (!base) throw new Error(`no themes model for scope ${request.base}`);
      const gone = new Set(request.removed);
      for (const item of items) gone.add(item.id);
      corpus = base.items().filter((item) => item.published && !gone.has(item.id));
      for (const item of items) corpus.push(item);
    } else if (request.kind === 'recompute') {
      // The held comments less the withdrawn and changed ones, plus the added; the themes it holds are
      // the previous ones (with their comments), then the retired ones the server still knows.
      const existing = models.get(scope);
      if (!existing) throw new Error(`no themes model for scope ${scope}`);
      const gone = new Set(request.removed);
      for (const item of items) gone.add(item.id);
      corpus = existing.items().filter((item) => !gone.has(item.id));
      for (const item of items) corpus.push(item);
      // One entry per id: themes are matched by position, so an id listed twice could go to two themes.
      const held = existing.result().themes.map(({ id, signature, label, trend, itemIds }) => ({
        id,
        signature,
        label,
        trend,
        itemIds,
      }));
      const heldIds = new Set(held.map((theme) => theme.id));
      previous = [...held, ...previous.filter((theme) => !heldIds.has(theme.id))];
    }
    // The old model goes first: kept through the computation, two models were alive at the peak.
    models.delete(scope);
    model = ThemeModel.compute(corpus, {
      lexicon: wordNet(),
      asOf: request.asOf,
      previous,
      corrections: request.corrections,
      warmStart: true,
      added: request.kind === 'recompute' ? items.map((item) => item.id) : undefined,
    });
    // A derived scope's model is not kept: its next run derives again from the base's.
    if (request.kind !== 'derive') models.set(scope, model);
  }
  const { themes, hidden, unclustered } = model.result();
  const bare = themes.map((theme) => ({ ...theme, itemIds: [] }));
  const reply = (memberships: Membership[]) => ({
    themes: bare,
    hidden,
    unclustered: unclustered.length,
    memberships,
  });
  if (request.kind === 'update') {
    // An update places its new comments and moves no other: only theirs go back.
    const placed = membershipsOf(
      model,
      items.map((item) => item.id),
    );
    const known = sent.get(scope);
    for (const id of request.removed) known?.delete(id);
    for (const membership of placed) known?.set(membership.itemId, sentKey(membership));
    return reply(placed);
  }
  const all = membershipsOf(model);
  const before = sent.get(scope);
  const now = new Map<string, string>();
  const differs = new Set<string>();
  // A derived scope keeps nothing between runs: its answer is complete.
  if (request.kind === 'derive') sent.delete(scope);
  else {
    for (const membership of all) {
      const held = before?.get(membership.itemId);
      const key = sentKey(membership, held);
      now.set(membership.itemId, key);
      if (key !== held) differs.add(membership.itemId);
    }
    sent.set(scope, now);
  }
  // A recompute sends what differs from what the server's side holds, and every comment it was sent
  // (a changed comment may land where it was, but its row carries its new text or moderation).
  if (request.kind === 'recompute') {
    const sentOver = new Set(items.map((item) => item.id));
    return reply(
      all.filter((membership) => sentOver.has(membership.itemId) || differs.has(membership.itemId)),
    );
  }
  // Memberships in the order the other side rebuilds item lists from: theme by theme (each theme's
  // ids in the engine's order), then everything in no shown theme (unclustered or hidden as noise).
  const byItem = new Map(all.map((membership) => [membership.itemId, membership]));
  const ordered: Membership[] = [];
  for (const theme of themes)
    for (const id of theme.itemIds) {
      ordered.push(byItem.get(id)!);
      byItem.delete(id);
    }
  for (const membership of byItem.values()) ordered.push({ ...membership, themeId: null });
  return reply(ordered);
}

function sendPart(id: number): void {
  const answer = outgoing.get(id);
  if (!answer) return;
  const memberships = answer.memberships.slice(answer.next, answer.next + SLICE);
  answer.next += SLICE;
  const done = answer.next >= answer.memberships.length;
  if (done) outgoing.delete(id);
  parentPort!.postMessage({ id, ok: true, memberships, done } satisfies EngineReply);
}

parentPort!.on('message', (request: EngineRequest) => {
  switch (request.kind) {
    case 'forget':
      models.delete(request.scope);
      sent.delete(request.scope);
      return;
    case 'items': {
      const items = incoming.get(request.id);
      if (items) for (const item of request.items) items.push(item);
      else incoming.set(request.id, request.items);
      return;
    }
    case 'more':
      sendPart(request.id);
      return;
    case 'split':
      try {
        const lexicon = wordNet();
        const preprocessor = preprocessorFor(lexicon);
        const split = proposeSplit(
          request.texts.map((text) => preprocessor.process(text)),
          lexicon,
          { label: request.label, nameable: request.published },
        );
        parentPort!.postMessage({ id: request.id, ok: true, split } satisfies EngineReply);
      } catch (error) {
        parentPort!.postMessage({ id: request.id, ok: false, error } satisfies EngineReply);
      }
      return;
  }
  const items = incoming.get(request.id) ?? [];
  incoming.delete(request.id);
  let reply: EngineReply;
  try {
    const { themes, hidden, unclustered, memberships } = handle(request, items);
    collectGarbage();
    const first = memberships.slice(0, SLICE);
    const done = memberships.length <= SLICE;
    if (!done) outgoing.set(request.id, { memberships, next: SLICE });
    const heap = getHeapStatistics();
    reply = {
      id: request.id,
      ok: true,
      themes,
      hidden,
      unclustered,
      memberships: first,
      done,
      heap: { used: heap.used_heap_size, total: heap.total_heap_size, external: heap.external_memory },
    };
  } catch (error) {
    // A half-applied update must not be built on: the next run of this scope starts over.
    models.delete(request.scope);
    sent.delete(request.scope);
    reply = { id: request.id, ok: false, error };
  }
  parentPort!.postMessage(reply);
});
