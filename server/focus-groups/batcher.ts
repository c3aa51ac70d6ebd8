import type { DatabaseHandle } from '../../db/connect.ts';
import { sayMany, type NewSay, type Said } from './queries.ts';

interface Waiting {
  say: NewSay;
  resolve: (said: Said | null) => void;
  reject: (error: unknown) => void;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Group commit for participants' messages: while one batch is being written, the next ones queue,
 * then go together in one statement and one commit. Idle, a message waits only for the current
 * tick; under load batches grow by themselves, so throughput rises instead of latency exploding.
 * One batch at a time per node keeps room locks taken in one order.
 */
export class SayBatcher {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'db' | 'pool'>,
    private readonly maxBatch = 256,
  ) {}

  /** Stores the message; null when a check failed (closed, not started, silenced, unknown seat, duplicate). */
  say(say: NewSay): Promise<Said | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ say, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      await this.write(batch);
    }
    this.writing = false;
  }

  private async write(batch: Waiting[]) {
    try {
      const results = await sayMany(this.database, batch.map((waiting) => waiting.say));
      batch.forEach((waiting, i) => waiting.resolve(results[i] ?? null));
    } catch (error) {
      if (batch.length > 1 && isUniqueViolation(error)) {
        // A duplicate (same seat, same clientId) raced in: write one by one so only it fails.
        for (const waiting of batch) await this.write([waiting]);
        return;
      }
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
