import type { DatabaseHandle } from '../../db/connect.ts';
import { takeBudgets, type BudgetRule } from './queries.ts';

interface Waiting {
  credentialHash: string;
  keyId: string;
  rule: BudgetRule;
  count: number;
  resolve: (taken: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for issuance budgets. Standard Privacy Pass clients send one TokenRequest per request,
 * and each must be counted durably before its signature leaves; one commit per token would make the
 * disk's flush rate the issuer's speed. So the takes of one tick go together: one statement and one
 * commit per key for every member waiting (takeBudgets). Idle, a request waits only for the current
 * tick; under load the groups grow by themselves. A member appears once per group (a second request
 * of theirs waits for the next one), so each member's check is exactly the single-request check.
 */
export class BudgetBatcher {
  #queue: Waiting[] = [];
  #writing = 0;
  #scheduled = false;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'db' | 'pool'>,
    /** Groups written at once: while one waits for its commit, the next is already on its way. */
    private readonly concurrency = 2,
    private readonly maxGroup = 256,
  ) {}

  /** Takes `count` tokens of the key's budget; false when the credential is unknown or over budget. */
  take(credentialHash: string, keyId: string, rule: BudgetRule, count: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ credentialHash, keyId, rule, count, resolve, reject });
      this.#pump();
    });
  }

  #pump() {
    if (this.#scheduled || this.#writing >= this.concurrency || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#writing >= this.concurrency || this.#queue.length === 0) return;
      const group = this.#nextGroup();
      this.#writing++;
      void this.#write(group).finally(() => {
        this.#writing--;
        this.#pump();
      });
      this.#pump();
    });
  }

  /** The oldest waiting takes, at most one per member and key; the rest keep their place in line. */
  #nextGroup(): Waiting[] {
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    const seen = new Set<string>();
    for (const waiting of this.#queue) {
      const id = `${waiting.keyId}:${waiting.credentialHash}`;
      if (group.length >= this.maxGroup || seen.has(id)) rest.push(waiting);
      else {
        seen.add(id);
        group.push(waiting);
      }
    }
    this.#queue = rest;
    return group;
  }

  async #write(group: Waiting[]) {
    const byKey = new Map<string, Waiting[]>();
    for (const waiting of group) {
      const takes = byKey.get(waiting.keyId);
      if (takes) takes.push(waiting);
      else byKey.set(waiting.keyId, [waiting]);
    }
    await Promise.all(
      [...byKey.values()].map(async (takes) => {
        try {
          const taken = await takeBudgets(
            this.database.db,
            takes[0]!.keyId,
            takes[0]!.rule,
            takes,
            this.database.pool,
          );
          for (const waiting of takes) waiting.resolve(taken.has(waiting.credentialHash));
        } catch (error) {
          for (const waiting of takes) waiting.reject(error);
        }
      }),
    );
  }
}
