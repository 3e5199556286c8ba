import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bearer, loadWriteToken, tokenMatches } from './auth.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'auth-'));

describe('write token', () => {
  it('creates an owner-only token file once, then reads the same token', () => {
    const file = path.join(tmp(), 'sub', 'api-token');
    const first = loadWriteToken({ env: {}, file });
    expect(first.created).toBe(true);
    expect(first.token.length).toBeGreaterThanOrEqual(16);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadWriteToken({ env: {}, file });
    expect(second).toMatchObject({ created: false, token: first.token, source: 'file' });
  });

  it('prefers API_TOKEN and refuses a short one', () => {
    const file = path.join(tmp(), 'api-token');
    expect(loadWriteToken({ env: { API_TOKEN: 'x'.repeat(20) }, file })).toMatchObject({ source: 'env', token: 'x'.repeat(20) });
    expect(fs.existsSync(file)).toBe(false);
    expect(() => loadWriteToken({ env: { API_TOKEN: 'short' }, file })).toThrow(/too short/);
  });

  it('refuses a token file others can read', () => {
    const file = path.join(tmp(), 'api-token');
    fs.writeFileSync(file, 'y'.repeat(32), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(() => loadWriteToken({ env: {}, file })).toThrow(/chmod 600/);
  });

  it('reads bearer headers and compares tokens exactly', () => {
    expect(bearer('Bearer abc')).toBe('abc');
    expect(bearer('bearer abc ')).toBe('abc');
    expect(bearer('Basic abc')).toBeUndefined();
    expect(bearer(undefined)).toBeUndefined();
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });
});
