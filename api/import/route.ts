// POST /api/documents: multipart/form-data with one or more `file` parts and optional fields
// year, issuedOn, jurisdiction, level. Answers 202 with the queued job (follow it with the
// GraphQL query `job(id)`), and names each refused file with the reason; nothing is queued when
// every file was refused (400) or the token is missing (401).
import fs from 'node:fs';
import path from 'node:path';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { IMPORT_LIMITS, parseMetadata } from './limits.js';
import { JobQueue, newJobId, type JobFile } from './jobs.js';
import { safeFileName, sniff } from './sniff.js';
import { UNAUTHENTICATED_MESSAGE, WRITES_DISABLED_MESSAGE } from '../auth.js';

export interface RefusedUpload {
  name: string;
  reason: string;
}

interface Received {
  name: string;
  bytes: Buffer;
  truncated: boolean;
}

function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code } }], ...extra };
}

/** Reads the multipart body into memory within the limits (busboy enforces them while streaming). */
function receive(req: Request): Promise<{ files: Received[]; fields: Record<string, string>; refused: RefusedUpload[] }> {
  return new Promise((resolve, reject) => {
    const files: Received[] = [];
    const fields: Record<string, string> = {};
    const refused: RefusedUpload[] = [];
    let total = 0;
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: IMPORT_LIMITS.maxFiles, fields: 20, fieldSize: 1024, parts: IMPORT_LIMITS.maxFiles + 20 },
      });
    } catch (error) {
      reject(Object.assign(new Error((error as Error).message), { status: 400 }));
      return;
    }
    bb.on('file', (field, stream, info) => {
      const name = info.filename || `(unnamed part "${field}")`;
      const chunks: Buffer[] = [];
      let over = false;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > IMPORT_LIMITS.maxTotalBytes) over = true;
        if (!over) chunks.push(chunk);
      });
      stream.on('limit', () => {
        over = true;
      });
      stream.on('close', () => {
        if (field !== 'file') refused.push({ name, reason: `sent as part "${field}": send files as parts named "file"` });
        else files.push({ name, bytes: Buffer.concat(chunks), truncated: over || (stream as { truncated?: boolean }).truncated === true });
      });
    });
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('filesLimit', () => refused.push({ name: '(further files)', reason: `more than ${IMPORT_LIMITS.maxFiles} files in one request: send the rest in another import` }));
    bb.on('error', (error) => reject(Object.assign(new Error(`the multipart body is malformed: ${(error as Error).message}`), { status: 400 })));
    bb.on('close', () => resolve({ files, fields, refused }));
    req.pipe(bb);
  });
}

export function importHandler(opts: { queue: JobQueue | undefined; authorize: (req: Request) => { configured: boolean; authorized: boolean; actor: string } }) {
  return async (req: Request, res: Response) => {
    const auth = opts.authorize(req);
    const queue = opts.queue;
    if (!auth.authorized || !queue) {
      // The body is not read: nothing of an unauthorised upload is stored, even in memory.
      res.status(auth.configured && queue ? 401 : 403).set('connection', 'close').json(errorBody(auth.configured ? 'UNAUTHENTICATED' : 'FORBIDDEN', auth.configured ? UNAUTHENTICATED_MESSAGE : WRITES_DISABLED_MESSAGE));
      req.resume();
      return;
    }
    if (!req.is('multipart/form-data')) {
      res.status(415).json(errorBody('UNSUPPORTED_MEDIA_TYPE', 'Send the files as multipart/form-data, one part named "file" per file (curl -F file=@plan.txt).'));
      return;
    }
    if (queue.queued() >= IMPORT_LIMITS.maxQueuedJobs) {
      res.status(429).json(errorBody('TOO_MANY_JOBS', `${IMPORT_LIMITS.maxQueuedJobs} imports are already waiting; try again when some have finished.`));
      req.resume();
      return;
    }
    let received: Awaited<ReturnType<typeof receive>>;
    try {
      received = await receive(req);
    } catch (error) {
      res.status(400).json(errorBody('BAD_REQUEST', (error as Error).message));
      return;
    }
    const { metadata, errors } = parseMetadata(received.fields);
    if (errors.length > 0) {
      res.status(400).json(errorBody('BAD_USER_INPUT', `The import's fields are wrong: ${errors.join('; ')}.`, { fieldErrors: errors }));
      return;
    }
    const refused = [...received.refused];
    const accepted: { name: string; stored: string; bytes: Buffer; kind: JobFile['kind'] }[] = [];
    const taken = new Set<string>();
    for (const [i, f] of received.files.entries()) {
      if (f.truncated) {
        refused.push({ name: f.name, reason: `larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB per file (or ${IMPORT_LIMITS.maxTotalBytes / 1024 / 1024} MB per request): split the document or import it with npm run ingest` });
        continue;
      }
      const kind = await sniff(f.bytes);
      if (!kind.ok) {
        refused.push({ name: f.name, reason: kind.reason });
        continue;
      }
      let stored = safeFileName(f.name, kind.extension, i);
      // Two uploads with one name are two files: the second gets a number.
      for (let n = 2; taken.has(stored); n++) stored = stored.replace(/(?:-\d+)?(\.[^.]+)$/u, `-${n}$1`);
      taken.add(stored);
      accepted.push({ name: f.name, stored, bytes: f.bytes, kind: kind.kind });
    }
    if (accepted.length === 0) {
      const message = refused.length === 0 ? 'No file was sent: add one or more parts named "file".' : `No file could be imported: ${refused.map((r) => `${r.name}: ${r.reason}`).join('; ')}.`;
      res.status(400).json(errorBody('NO_FILES', message, { refused }));
      return;
    }
    const id = newJobId();
    const folder = JobQueue.folder(queue.dir, id);
    const files = accepted.map((a) => {
      const full = path.join(folder, a.stored);
      fs.writeFileSync(full, a.bytes, { mode: 0o600 });
      return { name: a.name, path: path.relative(process.cwd(), full), size: a.bytes.length, kind: a.kind };
    });
    if (metadata.year !== undefined || metadata.issuedOn || metadata.jurisdiction || metadata.level) {
      // The CLI's own way to give what a text does not state: a manifest beside the files.
      const reason = `given at import by ${auth.actor}`;
      const documents = accepted.map((a) => ({ file: a.stored, ...metadata, reason }));
      fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ documents }, null, 1), { mode: 0o600 });
    }
    const job = queue.create(auth.actor, metadata, files, id);
    res.status(202).json({ job: { id: job.id, status: job.status, files: job.files.map((f) => ({ name: f.name, size: f.size, kind: f.kind, stage: f.stage })) }, refused });
  };
}
