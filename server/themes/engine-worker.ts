import { parentPort } from 'node:worker_threads';
import { ThemeModel } from './engine/index.ts';
import type { Computation, EngineReply, EngineRequest } from './engine-client.ts';
import { wordNet } from './wordnet.ts';

// The themes engine's thread (started by engine-client.ts through engine-worker.mjs). It holds one
// ThemeModel per scope between runs, so incremental updates need only the change; WordNet and the
// wink model load once, here, never on the server's event loop.

const models = new Map<string, ThemeModel>();

function handle(request: Computation): EngineReply {
  let model: ThemeModel;
  if (request.kind === 'compute') {
    model = ThemeModel.compute(request.items, {
      lexicon: wordNet(),
      asOf: request.asOf,
      previous: request.previous,
      corrections: request.corrections,
    });
    models.set(request.scope, model);
  } else {
    const existing = models.get(request.scope);
    if (!existing) throw new Error(`no themes model for scope ${request.scope}`);
    existing.update({ added: request.added, removed: request.removed, asOf: request.asOf });
    model = existing;
  }
  const { themes, unclustered } = model.result();
  return { id: request.id, ok: true, themes, unclustered, memberships: model.memberships() };
}

parentPort!.on('message', (request: EngineRequest) => {
  if (request.kind === 'forget') {
    models.delete(request.scope);
    return;
  }
  let reply: EngineReply;
  try {
    reply = handle(request);
  } catch (error) {
    // A half-applied update must not be built on: the next run of this scope starts over.
    models.delete(request.scope);
    reply = { id: request.id, ok: false, error };
  }
  parentPort!.postMessage(reply);
});
