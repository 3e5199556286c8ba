// Import jobs: each one's state is a JSON file under .data/imports/<id>/ beside its uploaded
// files, rewritten at every step, so a restart knows which jobs never finished. Jobs run one at
// a time, in the order they came.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../ingest/types.js';
import type { ImportMetadata } from './limits.js';
import type { UploadKind } from './sniff.js';

export type FileStage = 'queued' | 'parsing' | 'linking' | 'writing' | 'curating' | 'done' | 'refused' | 'failed';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobDiagnostic extends Diagnostic {
  /** The source line the diagnostic points to, as written (when the text could be read). */
  lineText: string | null;
}

export interface JobFile {
  name: string;
  /** The path the pipeline read, which becomes Document.sourceFile. */
  path: string;
  size: number;
  kind: UploadKind;
  stage: FileStage;
  /** 0–1 over the stages of this file. */
  progress: number;
  message: string | null;
  documentId: string | null;
  measures: number;
  linksToStored: number;
  diagnostics: JobDiagnostic[];
}

export interface ImportJobRecord {
  id: string;
  status: JobStatus;
  author: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  metadata: ImportMetadata;
  files: JobFile[];
  error: string | null;
}

export const STAGE_PROGRESS: Record<FileStage, number> = { queued: 0, parsing: 0.1, linking: 0.4, writing: 0.7, curating: 0.9, done: 1, refused: 1, failed: 1 };

export type RunJobFile = (job: ImportJobRecord, file: JobFile, update: () => void) => Promise<void>;

export class JobQueue {
  private readonly jobs = new Map<string, ImportJobRecord>();
  private readonly order: string[] = [];
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    readonly dir: string,
    private readonly runFile: RunJobFile,
    private readonly log: (line: string) => void = () => {},
  ) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /**
   * Reads the jobs of earlier runs. One that was running when the server stopped is reported
   * failed (its finished documents are complete, the one being written was committed whole or
   * not at all); queued ones run again, their files are still here.
   */
  recover(): { failed: number; requeued: number } {
    let failed = 0;
    let requeued = 0;
    const found: ImportJobRecord[] = [];
    for (const entry of fs.readdirSync(this.dir, { withFileTypes: true })) {
      const file = path.join(this.dir, entry.name, 'job.json');
      if (!entry.isDirectory() || !fs.existsSync(file)) continue;
      try {
        found.push(JSON.parse(fs.readFileSync(file, 'utf8')) as ImportJobRecord);
      } catch (error) {
        this.log(`import: ${file} is unreadable (${(error as Error).message}); the job is ignored`);
      }
    }
    found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const job of found) {
      this.jobs.set(job.id, job);
      this.order.push(job.id);
      if (job.status === 'running') {
        failed++;
        job.status = 'failed';
        job.finishedAt = new Date().toISOString();
        job.error = 'the server stopped while this job ran; every document written before is complete, and the one in progress was written whole or not at all (one transaction per document): import the unfinished files again';
        for (const f of job.files) {
          if (!['done', 'refused', 'failed', 'queued'].includes(f.stage)) {
            f.stage = 'failed';
            f.progress = 1;
            f.message = 'interrupted by a server stop';
          } else if (f.stage === 'queued') {
            f.stage = 'failed';
            f.message = 'not started: the server stopped first';
          }
        }
        this.save(job);
      } else if (job.status === 'queued') {
        requeued++;
      }
    }
    if (requeued > 0) this.kick();
    return { failed, requeued };
  }

  create(author: string, metadata: ImportMetadata, files: Omit<JobFile, 'stage' | 'progress' | 'message' | 'documentId' | 'measures' | 'linksToStored' | 'diagnostics'>[], id = newJobId()): ImportJobRecord {
    const job: ImportJobRecord = {
      id,
      status: 'queued',
      author,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      metadata,
      files: files.map((f) => ({ ...f, stage: 'queued', progress: 0, message: null, documentId: null, measures: 0, linksToStored: 0, diagnostics: [] })),
      error: null,
    };
    this.jobs.set(job.id, job);
    this.order.push(job.id);
    this.save(job);
    this.kick();
    return job;
  }

  /** The folder a new job's files go to (created here). */
  static folder(dir: string, id: string): string {
    const folder = path.join(dir, id);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    return folder;
  }

  get(id: string): ImportJobRecord | undefined {
    return this.jobs.get(id);
  }

  /** Newest first. */
  list(first: number): ImportJobRecord[] {
    return this.order.slice(-first).reverse().map((id) => this.jobs.get(id)!);
  }

  queued(): number {
    return [...this.jobs.values()].filter((j) => j.status === 'queued').length;
  }

  /** Resolves when no job is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking the next job; the one running finishes its current document. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private save(job: ImportJobRecord): void {
    const folder = path.join(this.dir, job.id);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const file = path.join(folder, 'job.json');
    // Write then rename: a stop mid-write leaves the previous state, never a torn file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(job, null, 1), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const job = this.order.map((id) => this.jobs.get(id)!).find((j) => j.status === 'queued');
      if (!job) return;
      job.status = 'running';
      job.startedAt = new Date().toISOString();
      this.save(job);
      const update = () => this.save(job);
      for (const file of job.files) {
        if (this.stopped) break;
        if (file.stage !== 'queued') continue;
        try {
          await this.runFile(job, file, update);
        } catch (error) {
          file.stage = 'failed';
          file.progress = 1;
          file.message = `${(error as Error).message}; nothing of this file was written (one transaction per document)`;
          this.log(`import ${job.id}: ${file.name} failed: ${(error as Error).stack ?? error}`);
        }
        this.save(job);
      }
      if (this.stopped && job.files.some((f) => f.stage === 'queued')) return;
      job.status = job.files.every((f) => f.stage === 'failed') ? 'failed' : 'done';
      if (job.status === 'failed') job.error ??= 'no file of this job could be imported: see each file';
      job.finishedAt = new Date().toISOString();
      this.save(job);
    }
  }
}

export function newJobId(): string {
  return `job-${new Date().toISOString().replace(/[-:T]/gu, '').slice(0, 14)}-${randomUUID().slice(0, 8)}`;
}
