import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { createCluster, type Cluster } from './cluster.ts';

let cluster: Cluster | undefined;
afterAll(() => cluster?.destroy());

test('a private cluster can be killed with SIGKILL and restarted with its committed data', async () => {
  cluster = await createCluster();
  const client = new pg.Client(cluster.url);
  await client.connect();
  await client.query('create table survivor (n int)');
  await client.query('insert into survivor values (42)');
  client.on('error', () => {});
  cluster.kill();
  await expect(client.query('select 1')).rejects.toThrow();
  cluster.start();
  const again = new pg.Client(cluster.url);
  await again.connect();
  const { rows } = await again.query('select n from survivor');
  expect(rows).toEqual([{ n: 42 }]);
  await again.end();
});
