import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { RUN_THREAD, RunThread, RunThreads, reusableAfter } from '../../sim/engine/experiment/runInThread.ts';
import { runCity } from '../../sim/engine/runCity.ts';
import { smallCity, tempDir } from '../helpers.ts';

const dir = tempDir('icity-run-thread-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = (out: string, file: string) => fs.readFileSync(path.join(out, file));

describe('a pool thread', () => {
  it('does run after run, each the same bytes as in the calling thread, survives a failed run, and ends when told', async () => {
    const thread = new RunThread(new Worker(RUN_THREAD.filename, RUN_THREAD.options));
    const exited = once(thread.worker, 'exit');
    // The third run takes the second's memory, full of another city (spareMemory.ts).
    const seeds = [1, 2, 1];
    for (const [k, seed] of seeds.entries()) {
      const out = path.join(dir, `thread-${k}`);
      const reply = await thread.run({ scenario: smallCity({ seed, days: 5, 'population.residents': 1500 }), out, threads: 1 });
      expect(reply).toMatchObject({ ok: true });
      expect(thread.alive).toBe(true);
      const here = path.join(dir, `here-${k}`);
      runCity(smallCity({ seed, days: 5, 'population.residents': 1500 }), { out: here, progress: false });
      expect(bytes(out, 'metrics.csv').equals(bytes(here, 'metrics.csv'))).toBe(true);
      expect(bytes(out, 'frames.bin').equals(bytes(here, 'frames.bin'))).toBe(true);
    }
    expect(bytes(path.join(dir, 'thread-0'), 'metrics.csv').equals(bytes(path.join(dir, 'thread-1'), 'metrics.csv'))).toBe(false);

    // A folder that is not a run's is refused: the run fails, the thread takes the next one.
    const foreign = path.join(dir, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    const refused = await thread.run({ scenario: smallCity({ days: 2, 'population.residents': 1500 }), out: foreign, threads: 1 });
    expect(refused.ok).toBe(false);
    expect(fs.readFileSync(path.join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
    const after = await thread.run({ scenario: smallCity({ days: 2, 'population.residents': 1500 }), out: path.join(dir, 'after'), threads: 2 });
    expect(after).toMatchObject({ ok: true });

    thread.end();
    expect(thread.alive).toBe(false);
    await exited;
    expect(await thread.run({ scenario: smallCity({ days: 2 }), out: path.join(dir, 'late'), threads: 1 })).toMatchObject({ ok: false });
    expect(fs.existsSync(path.join(dir, 'late'))).toBe(false);
  });

  it('whose run code cannot load answers its run with why', async () => {
    const thread = new RunThread(new Worker(RUN_THREAD.filename, { workerData: { entry: new URL('./no-such-module.ts', import.meta.url).href } }));
    const reply = await thread.run({ scenario: smallCity({ days: 2 }), out: path.join(dir, 'never'), threads: 1 });
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/^the pool thread could not start: .*no-such-module/);
    expect(thread.alive).toBe(false);
  });
});

describe('run threads for runs that come one by one', () => {
  const task = (seed: number, name: string) => ({
    scenario: smallCity({ seed, days: 4, 'population.residents': 1500 }),
    out: path.join(dir, name),
    threads: 1,
  });

  it('give a run the thread of the run before, write the same bytes as the calling thread, and end the threads when closed', async () => {
    const threads = new RunThreads();
    const first = threads.run(task(1, 'kept-1'));
    expect(await first.reply).toMatchObject({ ok: true });
    const second = threads.run(task(2, 'kept-2'));
    expect(await second.reply).toMatchObject({ ok: true });
    expect(second.threadId).toBe(first.threadId);
    runCity(task(2, 'kept-here').scenario, { out: path.join(dir, 'kept-here'), progress: false });
    expect(bytes(path.join(dir, 'kept-2'), 'metrics.csv').equals(bytes(path.join(dir, 'kept-here'), 'metrics.csv'))).toBe(true);

    // Two runs at once: the second starts a thread of its own, and both are kept.
    const a = threads.run(task(3, 'kept-3'));
    const b = threads.run(task(4, 'kept-4'));
    expect(b.threadId).not.toBe(a.threadId);
    expect([a.threadId, b.threadId]).toContain(first.threadId);
    await Promise.all([a.reply, b.reply]);

    threads.close();
    const late = threads.run(task(5, 'kept-5'));
    expect([a.threadId, b.threadId]).not.toContain(late.threadId);
    expect(await late.reply).toMatchObject({ ok: true });
  });

  it('end a thread after a run of a large city', () => {
    expect(reusableAfter(task(1, 'x'))).toBe(true);
    expect(reusableAfter({ ...task(1, 'x'), scenario: smallCity({ 'population.residents': 250_001 }) })).toBe(false);
  });
});
