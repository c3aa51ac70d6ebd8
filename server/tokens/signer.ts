import { Worker } from 'node:worker_threads';
import { blindSign, checkBlindedMessage } from './crypto.ts';
import type { IssuerKey } from './keys.ts';

// Blind signatures on their own threads. The RSA private operation is most of an issuance's CPU; on
// the event loop it runs one at a time and holds up every other request while it does. Here it runs
// on a few threads next to the loop, so a request waiting for its budget commit, or parsing HTTP, never
// waits behind someone else's signature, and all cores sign. Each thread runs rsa-blind-sign.mjs, the
// very function blindSign() runs, self-check included.

const WORKER = new URL('./sign-worker.mjs', import.meta.url);

interface Job {
  key: IssuerKey;
  blindedMsg: Uint8Array;
  resolve: (signature: Buffer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Ids of the keys this thread holds. */
  keys: Set<string>;
  /** Batches sent and not answered yet, by id. */
  pending: Map<number, Job[]>;
  /** Jobs in those batches. */
  load: number;
}

interface Reply {
  id: number;
  /** The signatures back to back, in job order (a failed job's bytes are zero). */
  signatures: Uint8Array;
  errors: (string | null)[];
}

export class BlindSigner {
  readonly #size: number;
  /** Keys a thread may hold before it is told to forget them all (pulses and focus groups add keys). */
  readonly #maxKeysPerThread: number;
  readonly #threads: (Thread | null)[];
  #queue: Job[] = [];
  #scheduled = false;
  #nextId = 0;
  #closed = false;

  /** `threads` 0 signs on the calling thread (no workers at all). */
  constructor(threads: number, options: { maxKeysPerThread?: number } = {}) {
    this.#size = threads;
    this.#maxKeysPerThread = options.maxKeysPerThread ?? 256;
    this.#threads = Array.from({ length: threads }, () => null);
  }

  /**
   * The checked blind signature of `blindedMsg` under `key` (RFC 9474 §4.3). Jobs asked for in one
   * turn of the event loop go out together on the next, after the budget takes queued in this one
   * were sent to the database: one message per thread and turn, not one per token.
   */
  sign(key: IssuerKey, blindedMsg: Uint8Array): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new Error('signer closed'));
    // Format errors are the caller's to report (422), before anything reaches a thread.
    try {
      checkBlindedMessage(key.keyPair, blindedMsg);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.#queue.push({ key, blindedMsg, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(() => this.#flush());
    });
  }

  /** Stops the threads; signatures still waiting are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(
      this.#threads.map(async (thread, index) => {
        if (!thread) return;
        this.#threads[index] = null;
        this.#fail(thread, new Error('signer closed'));
        await thread.worker.terminate();
      }),
    );
  }

  #flush() {
    this.#scheduled = false;
    const jobs = this.#queue;
    this.#queue = [];
    if (this.#closed) {
      for (const job of jobs) job.reject(new Error('signer closed'));
      return;
    }
    if (this.#size === 0) {
      for (const job of jobs) {
        try {
          job.resolve(blindSign(job.key.keyPair, job.blindedMsg));
        } catch (error) {
          job.reject(error as Error);
        }
      }
      return;
    }
    // Each job to the thread with the least work, counting what this flush already gave it.
    const threads = Array.from(
      { length: this.#size },
      (_, index) => this.#threads[index] ?? this.#start(index),
    );
    const batches = threads.map(() => [] as Job[]);
    for (const job of jobs) {
      let best = 0;
      for (let index = 1; index < threads.length; index++) {
        if (threads[index]!.load + batches[index]!.length < threads[best]!.load + batches[best]!.length)
          best = index;
      }
      batches[best]!.push(job);
    }
    for (const [index, batch] of batches.entries()) if (batch.length > 0) this.#send(threads[index]!, batch);
  }

  #send(thread: Thread, jobs: Job[]) {
    const id = ++this.#nextId;
    const forget =
      jobs.some((job) => !thread.keys.has(job.key.id)) && thread.keys.size >= this.#maxKeysPerThread;
    if (forget) thread.keys.clear();
    const keys = [];
    for (const { key } of jobs) {
      if (thread.keys.has(key.id)) continue;
      thread.keys.add(key.id);
      keys.push({ id: key.id, privateKey: key.keyPair.privateKey, publicKey: key.keyPair.publicKey });
    }
    // The messages copied back to back into one buffer that is handed over: a request body may be a
    // view into a much larger buffer, which postMessage would copy whole.
    const size = jobs[0]!.blindedMsg.length;
    const messages = new Uint8Array(size * jobs.length);
    for (const [index, job] of jobs.entries()) messages.set(job.blindedMsg, index * size);
    thread.pending.set(id, jobs);
    thread.load += jobs.length;
    if (thread.pending.size === 1) thread.worker.ref();
    thread.worker.postMessage({ id, forget, keys, keyIds: jobs.map((job) => job.key.id), messages }, [
      messages.buffer,
    ]);
  }

  #start(index: number): Thread {
    const worker = new Worker(WORKER);
    // An idle thread never keeps the process alive; one with work does (ref() in #send).
    worker.unref();
    const thread: Thread = { worker, keys: new Set(), pending: new Map(), load: 0 };
    worker.on('message', (reply: Reply) => {
      const jobs = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (!jobs) return;
      thread.load -= jobs.length;
      const size = reply.signatures.length / jobs.length;
      const signatures = Buffer.from(
        reply.signatures.buffer,
        reply.signatures.byteOffset,
        reply.signatures.length,
      );
      for (const [position, job] of jobs.entries()) {
        const error = reply.errors[position];
        if (error) job.reject(new Error(error));
        else job.resolve(signatures.subarray(position * size, (position + 1) * size));
      }
    });
    // A thread that dies takes only its own jobs with it; the next flush starts a fresh one.
    const lost = (error: Error) => {
      if (this.#threads[index] !== thread) return;
      this.#threads[index] = null;
      this.#fail(thread, error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`signing thread exited with code ${code}`)));
    this.#threads[index] = thread;
    return thread;
  }

  #fail(thread: Thread, error: Error) {
    for (const jobs of thread.pending.values()) for (const job of jobs) job.reject(error);
    thread.pending.clear();
    thread.load = 0;
  }
}

/** Members this node may sign for before their budget commit: their last take here went through. */
export class SpeculationGuard {
  /** credential hash → the key of their last refusal here, or null after a take that went through. */
  #members = new Map<string, string | null>();
  readonly #limit: number;

  constructor(limit = 100_000) {
    this.#limit = limit;
  }

  allows(credentialHash: string, keyId: string): boolean {
    const refused = this.#members.get(credentialHash);
    return refused !== undefined && refused !== keyId;
  }

  record(credentialHash: string, keyId: string, taken: boolean): void {
    if (!taken && !this.#members.has(credentialHash)) return;
    if (this.#members.size >= this.#limit) this.#members.clear();
    this.#members.set(credentialHash, taken ? null : keyId);
  }
}
