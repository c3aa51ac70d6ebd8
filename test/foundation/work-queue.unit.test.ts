import { describe, expect, test } from 'vitest';
import { Overloaded, WorkQueue } from '../../server/work-queue.ts';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('the bounded work queue', () => {
  test('runs at most `concurrency` tasks, sheds beyond a lane’s waiting room with 503 + Retry-After', async () => {
    const queue = new WorkQueue(2, [
      { name: 'sign-in', maxWaiting: 4 },
      { name: 'enrolment', maxWaiting: 2 },
    ]);
    const release = gate();
    const started: number[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      queue.run('enrolment', async () => {
        started.push(i);
        await release.opened;
        return i;
      }),
    );
    const settled = Promise.allSettled(tasks);
    await Promise.resolve();
    expect(queue.running).toBe(2);
    expect(queue.waiting('enrolment')).toBe(2);
    release.open();
    const results = await settled;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(error).toBeInstanceOf(Overloaded);
      expect(error).toMatchObject({ statusCode: 503, code: 'overloaded', headers: { 'retry-after': '1' } });
    }
    expect(queue.shed.get('enrolment')).toBe(2);
  });

  test('serves the first lane before the others: a sign-in overtakes queued enrolments', async () => {
    const queue = new WorkQueue(1, [
      { name: 'sign-in', maxWaiting: 4 },
      { name: 'enrolment', maxWaiting: 8 },
    ]);
    const release = gate();
    const order: string[] = [];
    const running = queue.run('enrolment', async () => {
      await release.opened;
      order.push('enrolment 0');
    });
    const queued = [1, 2, 3].map((i) =>
      queue.run('enrolment', async () => void order.push(`enrolment ${i}`)),
    );
    const signIn = queue.run('sign-in', async () => void order.push('sign-in'));
    release.open();
    await Promise.all([running, ...queued, signIn]);
    expect(order).toEqual(['enrolment 0', 'sign-in', 'enrolment 1', 'enrolment 2', 'enrolment 3']);
    expect(queue.running).toBe(0);
  });
});
