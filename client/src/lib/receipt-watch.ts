// Looks for news behind the wallet's receipts while Greenroom is open, so the nav can show a badge.
// Each check opens ONE receipt in its own request, in the wallet's queue (one at a time, a random gap
// apart, never next to a credential request), in a fresh random order every round, with a random pause
// between rounds: the server sees unrelated single receipts arriving at unrelated moments, never a
// batch it could tie to one author (DESIGN §2.6).
import { suggestionsApi } from './api/suggestions.ts';
import { ApiError } from './api.ts';
import { receiptState, wallet } from './wallet.svelte.ts';

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const [word] = crypto.getRandomValues(new Uint32Array(1));
    const j = word! % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Starts the background checks; abort the signal to stop them. */
export async function watchReceipts(signal: AbortSignal): Promise<void> {
  await sleep(wallet.drawJitter(), signal);
  while (!signal.aborted) {
    // Only receipts whose item reached the server: one still in the outbox has nothing to open yet.
    const waiting = new Set(wallet.outbox.map((entry) => entry.receipt));
    const due = shuffled(wallet.receipts.filter((entry) => entry.id && !waiting.has(entry.receipt)));
    await wallet.spaced(
      due,
      async (entry) => {
        try {
          const thread = await suggestionsApi.openThread(entry.receipt);
          await wallet.noteReceiptState(entry.receipt, receiptState(thread), false);
        } catch (error) {
          // A receipt the server no longer knows is not news; anything else is tried again next round.
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
      },
      signal,
    );
    await sleep(Math.max(1000, wallet.drawQuiet()), signal);
  }
}
