// The launcher of `npm run ingest`: it runs a TypeScript entry from a cached bundle, passes the
// arguments through, keeps each module's own import.meta.url (modules find their data files by
// it), and rebuilds when a source changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'run-bundled-'));
const name = `probe${process.pid}`;
const entry = join(dir, `${name}.ts`);
const dep = join(dir, 'dep.ts');
const stamp = join('.cache', 'bundles', `${name}.json`);

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/run-bundled.mjs', entry, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => {
  if (existsSync(stamp)) {
    const { dir: built } = JSON.parse(readFileSync(stamp, 'utf8')) as { dir: string };
    rmSync(join('.cache', 'bundles', built), { recursive: true, force: true });
    rmSync(stamp, { force: true });
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('run-bundled', () => {
  it('runs the entry with its arguments and each module’s own URL, and rebuilds after an edit', () => {
    writeFileSync(dep, `export const value: number = 1;\nexport const here = import.meta.url;\n`);
    writeFileSync(entry, `import { here, value } from './dep.js';\nconsole.log(JSON.stringify({ value, here, args: process.argv.slice(2) }));\n`);
    const first = run('--dry-run', 'x.txt');
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({ value: 1, here: pathToFileURL(dep).href, args: ['--dry-run', 'x.txt'] });
    const built = JSON.parse(readFileSync(stamp, 'utf8')) as { dir: string; builtAt: number };

    // Unchanged sources: the same bundle.
    expect(JSON.parse(run().stdout).value).toBe(1);
    expect((JSON.parse(readFileSync(stamp, 'utf8')) as { dir: string }).dir).toBe(built.dir);

    writeFileSync(dep, `export const value: number = 2;\nexport const here = import.meta.url;\n`);
    const later = new Date(built.builtAt + 5000);
    utimesSync(dep, later, later);
    expect(JSON.parse(run().stdout).value).toBe(2);
    expect((JSON.parse(readFileSync(stamp, 'utf8')) as { dir: string }).dir).not.toBe(built.dir);
    rmSync(join('.cache', 'bundles', built.dir), { recursive: true, force: true });
  }, 60_000);
});
