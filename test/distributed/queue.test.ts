import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { tree, writeExperiment } from '../experiment/fixtures.ts';
import { startRedis, type TestRedis } from './redisServer.ts';
import { start, stop, until, type Child } from './processes.ts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '../../sim/engine/distributed/runJob.ts';
import { parseQueueAddress } from '../../sim/engine/distributed/queueAddress.ts';

const dir = tempDir('icity-queue-');
let redis: TestRedis;
const workers: Child[] = [];
// 2 arms × 2 replications of a 1,500-resident city over 15 days.
const file = writeExperiment(dir, 'queued.json', (e) => {
  e.set['population.residents'] = 1500;
  e.days = 15;
  e.reportDays = [10, 'end'];
});
const local = path.join(dir, 'local');
const OUTPUTS = ['summary.csv', 'series.csv', 'series.parquet', 'report.md'];

/** A worker that hands a dead worker's run to another within about 2 × 2 s. */
const worker = (extra: string[] = []) => {
  const w = start(['worker', '--queue', redis.url, '--workers', '1', '--lock-seconds', '2', ...extra]);
  workers.push(w);
  return w;
};

/** Hidden unfinished run folders of a process, under runs/<arm>/. */
const partialsOf = (out: string, pid: number) =>
  fs.existsSync(path.join(out, 'runs'))
    ? fs.readdirSync(path.join(out, 'runs')).flatMap((arm) =>
        fs
          .readdirSync(path.join(out, 'runs', arm))
          .filter((f) => f.includes(`.partial-${pid}-`))
          .map((f) => `runs/${arm}/${f}`),
      )
    : [];

beforeAll(async () => {
  redis = await startRedis();
  const r = icity(['experiment', file, '--out', local, '--workers', '2']);
  expect(r.status, r.stderr).toBe(0);
});

afterAll(async () => {
  for (const w of workers) await stop(w, 'SIGKILL');
  await redis?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('icity experiment --queue with icity workers', () => {
  const out = path.join(dir, 'queued');

  it('a worker stopped with Ctrl+C in the middle of a run leaves no unfinished folder in the shared experiment', async () => {
    const stopped = path.join(dir, 'interrupted');
    const c = worker();
    await until(() => /taking runs/.test(c.output()), 30_000, 'the worker to start');
    const submitter = start(['experiment', file, '--out', stopped, '--queue', redis.url, '--json']);
    await until(() => partialsOf(stopped, c.process.pid!).length > 0, 60_000, 'the worker to be in the middle of a run');
    expect(await stop(c, 'SIGINT')).toEqual({ code: 0, signal: null });
    expect(c.output()).toMatch(/SIGINT: stopping/);
    expect(partialsOf(stopped, c.process.pid!)).toEqual([]);
    const locks = fs
      .readdirSync(path.join(stopped, 'runs'))
      .flatMap((arm) => fs.readdirSync(path.join(stopped, 'runs', arm)).filter((f) => f.endsWith('.lock')));
    expect(locks).toEqual([]);
    // Another worker finishes the experiment the stopped one handed back.
    const d = worker();
    expect((await submitter.exited).code, submitter.output()).toBe(0);
    await stop(d);
  });

  it('finishes although one of two workers is killed mid-run, with a summary byte-identical to a local run', async () => {
    const a = worker();
    const b = worker();
    await until(() => /taking runs/.test(a.output()) && /taking runs/.test(b.output()), 30_000, 'the workers to start');
    const submitter = start(['experiment', file, '--out', out, '--queue', redis.url, '--json']);
    await until(() => partialsOf(out, a.process.pid!).length > 0, 60_000, 'worker A to be in the middle of a run');
    const killed = partialsOf(out, a.process.pid!)[0];
    a.process.kill('SIGKILL');
    const runDir = killed.replace(/\/\.(\d+)\.partial-.*$/, '/$1');

    const done = await submitter.exited;
    expect(done.code, submitter.output()).toBe(0);
    const s = JSON.parse(
      submitter
        .output()
        .split('\n')
        .find((l) => l.startsWith('{'))!,
    );
    expect(s).toMatchObject({ runs: 4, ran: 4, reused: 0, unfinished: 0, summarised: true, failed: [] });
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(local, f))), f).toBe(true);

    // The killed run was done again by the other worker; nothing looks finished that is not.
    expect(b.output()).toContain(`${runDir}: started`);
    expect(b.output()).toMatch(new RegExp(`${runDir}: done in`));
    const files = tree(out);
    for (const arm of ['baseline', 'allport'])
      expect(
        fs
          .readdirSync(path.join(out, 'runs', arm))
          .filter((f) => !f.startsWith('.'))
          .sort(),
      ).toEqual(['1', '2']);
    expect(files.filter((f) => f.includes('.partial-') && !f.startsWith(killed + '/'))).toEqual([]);
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.runs.map((r: { status: string }) => r.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(m.distributed).toEqual({ queue: redis.url });

    expect(await stop(b)).toEqual({ code: 0, signal: null });
    expect(b.output()).toMatch(/SIGTERM: stopping/);
  });

  it('a second submission of the same experiment reuses every run and enqueues nothing to do', () => {
    const r = icity(['experiment', file, '--out', out, '--queue', redis.url, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ran: 0, reused: 4 });
  });

  it("enqueues each run once, whoever submits it: a killed submitter's runs are picked up by the next one", async () => {
    const twice = path.join(dir, 'twice');
    const queue = new Queue(QUEUE_NAME, { connection: parseQueueAddress(redis.url).options });
    try {
      const before = await queue.getJobCounts('waiting', 'completed');
      const first = start(['experiment', file, '--out', twice, '--queue', redis.url, '--json']);
      await until(() => fs.existsSync(path.join(twice, 'manifest.json')), 30_000, 'the first submitter');
      await expect.poll(async () => (await queue.getJobCounts('waiting')).waiting, { timeout: 30_000 }).toBe(before.waiting + 4);
      await stop(first, 'SIGKILL');
      const second = start(['experiment', file, '--out', twice, '--queue', redis.url, '--json']);
      await new Promise((r) => setTimeout(r, 3000));
      expect((await queue.getJobCounts('waiting')).waiting).toBe(before.waiting + 4);
      const w = worker();
      expect((await second.exited).code, second.output()).toBe(0);
      expect((await queue.getJobCounts('completed')).completed).toBe(before.completed + 4);
      expect(w.output().match(/: started/g)).toHaveLength(4);
      expect(w.output()).not.toMatch(/already complete/);
      for (const f of OUTPUTS) expect(fs.readFileSync(path.join(twice, f)).equals(fs.readFileSync(path.join(local, f))), f).toBe(true);
      await stop(w);
    } finally {
      await queue.close();
    }
  });

  it('with --transfer, the workers send each run folder back through Redis and the submitter writes it: same bytes', async () => {
    const sent = path.join(dir, 'transferred');
    const w = worker();
    const submitter = start(['experiment', file, '--out', sent, '--queue', redis.url, '--transfer']);
    const done = await submitter.exited;
    expect(done.code, submitter.output()).toBe(0);
    expect(submitter.output()).toContain(`by the workers of ${redis.url}, their folders sent back through Redis.`);
    expect(w.output().match(/MB sent back/g)).toHaveLength(4);
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(sent, f)).equals(fs.readFileSync(path.join(local, f))), f).toBe(true);
    for (const run of ['baseline/1', 'allport/2']) {
      for (const f of ['metrics.csv', 'frames.bin', 'frames.json'])
        expect(fs.readFileSync(path.join(sent, 'runs', run, f)).equals(fs.readFileSync(path.join(local, 'runs', run, f))), `${run}/${f}`).toBe(true);
    }
    expect(JSON.parse(fs.readFileSync(path.join(sent, 'manifest.json'), 'utf8')).distributed).toEqual({ queue: redis.url, transfer: true });
    const client = new Redis(parseQueueAddress(redis.url).options);
    try {
      expect(await client.keys('icity:result:*')).toEqual([]); // collected and removed
    } finally {
      client.disconnect();
    }
    expect(icity(['experiment', file, '--transfer']).stderr).toMatch(/--transfer: sends run folders back through a --queue/);
    await stop(w);
  });

  it('waits out a Redis restart that loses the queue, and still gives the same summary', async () => {
    const again = path.join(dir, 'restarted');
    const w = worker();
    const submitter = start(['experiment', file, '--out', again, '--queue', redis.url, '--json']);
    await until(() => fs.existsSync(path.join(again, 'runs', 'baseline', '1', 'manifest.json')), 60_000, 'the first run');
    await redis.restart(1000);
    const done = await submitter.exited;
    expect(done.code, submitter.output()).toBe(0);
    expect(submitter.output()).toMatch(/not on the queue \(was Redis restarted without its data\?\); enqueued again/);
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(local, f))), f).toBe(true);
    expect(await stop(w)).toEqual({ code: 0, signal: null });
  });
});

describe('icity experiment --queue and icity worker with bad input', () => {
  it('refuses a bad queue address, --shard with --queue, and a worker without --queue, with exit 2', () => {
    for (const [args, expected] of [
      [['experiment', file, '--queue', 'http://x:1'], /--queue: found "http:\/\/x:1"; expected redis:\/\/ or rediss:\/\//],
      [['experiment', file, '--queue', 'redis://127.0.0.1:1/zero'], /the database after the port must be a number, found "zero"/],
      [['experiment', file, '--queue', 'redis://127.0.0.1:1/0', '--shard', '1/2'], /give --shard or --queue, not both/],
      [['worker'], /icity worker: --queue is required/],
      [['worker', '--queue', 'redis://127.0.0.1:1/0', '--concurrency', '0'], /--concurrency: found "0"/],
    ] as [string[], RegExp][]) {
      const r = icity(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('says so, with exit 1, when nothing answers at the address', () => {
    const r = icity(['worker', '--queue', 'redis://127.0.0.1:1/0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(.*ECONNREFUSED.*\); is redis-server running there/);
  });
});
