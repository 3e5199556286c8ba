import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobQueue, type ImportJobRecord, type JobFile } from './jobs.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-'));
const file = (name: string) => ({ name, path: `x/${name}`, size: 1, kind: 'text' as const });

describe('import job queue', () => {
  it('runs jobs one at a time in order, file by file, and keeps their state on disk', async () => {
    const dir = tmp();
    const log: string[] = [];
    let running = 0;
    const queue = new JobQueue(dir, async (job: ImportJobRecord, f: JobFile, update) => {
      running++;
      expect(running).toBe(1);
      log.push(`${job.id}:${f.name}`);
      f.stage = 'parsing';
      update();
      await new Promise((r) => setTimeout(r, 5));
      f.stage = f.name === 'bad' ? 'refused' : 'done';
      running--;
    });
    const a = queue.create('t', {}, [file('a1'), file('a2')], 'job-a');
    const b = queue.create('t', {}, [file('bad')], 'job-b');
    await queue.idle();
    expect(log).toEqual(['job-a:a1', 'job-a:a2', 'job-b:bad']);
    expect(queue.get(a.id)?.status).toBe('done');
    expect(queue.get(b.id)?.status).toBe('done');
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'job-a', 'job.json'), 'utf8')) as ImportJobRecord;
    expect(stored.files.map((f) => f.stage)).toEqual(['done', 'done']);
    expect(queue.list(10).map((j) => j.id)).toEqual(['job-b', 'job-a']);
  });

  it('reports a failing file and goes on with the next', async () => {
    const queue = new JobQueue(tmp(), async (_job, f) => {
      if (f.name === 'boom') throw new Error('database unavailable');
      f.stage = 'done';
    });
    const job = queue.create('t', {}, [file('boom'), file('ok')]);
    await queue.idle();
    expect(job.files.map((f) => f.stage)).toEqual(['failed', 'done']);
    expect(job.files[0]!.message).toMatch(/database unavailable; nothing of this file was written/);
    expect(job.status).toBe('done');
  });

  it('after a restart reports the interrupted job failed and resumes the queued one', async () => {
    const dir = tmp();
    const never = new JobQueue(dir, () => new Promise(() => {}));
    const interrupted = never.create('t', {}, [file('a'), file('b')], 'job-1');
    never.create('t', {}, [file('c')], 'job-2');
    await new Promise((r) => setTimeout(r, 20));
    expect(interrupted.status).toBe('running');
    // A new process reads the same folder (the first one "stopped" without finishing).
    const ran: string[] = [];
    const next = new JobQueue(dir, async (_job, f) => {
      ran.push(f.name);
      f.stage = 'done';
    });
    expect(next.recover()).toEqual({ failed: 1, requeued: 1 });
    await next.idle();
    const failed = next.get('job-1')!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/server stopped while this job ran/);
    expect(failed.files.map((f) => f.stage)).toEqual(['failed', 'failed']);
    expect(next.get('job-2')!.status).toBe('done');
    expect(ran).toEqual(['c']);
  });
});
