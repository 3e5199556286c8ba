// The write path's key. Reads stay open; every mutation and every import needs this token, sent
// as `Authorization: Bearer <token>`. It comes from API_TOKEN, or from a file created on first
// start with owner-only permissions, so a fresh install is protected without any set-up.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';

export interface WriteToken {
  token: string;
  /** Where it came from, for the start-up message (never the token itself, except on creation). */
  source: 'env' | 'file';
  file?: string;
  /** True when the file was created by this call: the only time the token is shown. */
  created: boolean;
}

/** Shorter keys are refused: a guessable key protects nothing. */
export const MIN_TOKEN_LENGTH = 16;

export function loadWriteToken(opts: { env?: NodeJS.ProcessEnv; file: string }): WriteToken {
  const fromEnv = (opts.env ?? process.env).API_TOKEN?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_TOKEN_LENGTH) throw new Error(`API_TOKEN is too short (${fromEnv.length} characters, at least ${MIN_TOKEN_LENGTH}): use a long random value, e.g. \`openssl rand -hex 24\`.`);
    return { token: fromEnv, source: 'env', created: false };
  }
  if (fs.existsSync(opts.file)) {
    const mode = fs.statSync(opts.file).mode & 0o077;
    if (mode !== 0) throw new Error(`${opts.file} is readable by other users (mode ${(fs.statSync(opts.file).mode & 0o777).toString(8)}): run \`chmod 600 ${opts.file}\`, or delete it to get a new token.`);
    const token = fs.readFileSync(opts.file, 'utf8').trim();
    if (token.length < MIN_TOKEN_LENGTH) throw new Error(`${opts.file} holds no valid token: delete it and restart to get a new one.`);
    return { token, source: 'file', file: opts.file, created: false };
  }
  fs.mkdirSync(path.dirname(opts.file), { recursive: true, mode: 0o700 });
  const token = randomBytes(24).toString('base64url');
  // 'wx': never overwrite a token another process has just written.
  fs.writeFileSync(opts.file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, source: 'file', file: opts.file, created: true };
}

/** The bearer token of a request's Authorization header, if any. */
export function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const m = /^Bearer\s+(\S+)\s*$/iu.exec(value ?? '');
  return m?.[1];
}

/** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
export function tokenMatches(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const UNAUTHENTICATED_MESSAGE =
  'This changes the graph and needs the write token: send `Authorization: Bearer <token>`. The token is API_TOKEN, or the one `npm start` printed on first start (stored in .data/api-token).';

export const WRITES_DISABLED_MESSAGE = 'Writes are disabled on this server (it was started without a write token).';

export class WriteDenied extends GraphQLError {
  constructor(configured: boolean) {
    super(configured ? UNAUTHENTICATED_MESSAGE : WRITES_DISABLED_MESSAGE, { extensions: { code: configured ? 'UNAUTHENTICATED' : 'FORBIDDEN', http: { status: configured ? 401 : 403 } } });
  }
}

/** Throws unless the request carried the token. */
export function requireWrite(auth: { configured: boolean; authorized: boolean }): void {
  if (!auth.authorized) throw new WriteDenied(auth.configured);
}
