import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localTarget } from './config.js';
import { diskProblem, launcherExitReason, Neo4jSetupError, passwordFile, preparePrivateDataDir } from './local.js';

const made: string[] = [];
function tempTarget() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-private-'));
  made.push(dir);
  return localTarget({ dataDir: path.join(dir, 'data') });
}
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the data folder of the built-in Neo4j', () => {
  it('is created owner-only with a random owner-only password, the same on every later start', () => {
    const t = tempTarget();
    const first = preparePrivateDataDir(t);
    expect(first.length).toBeGreaterThanOrEqual(24);
    expect(fs.statSync(t.dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(passwordFile(t)).mode & 0o777).toBe(0o600);
    expect(preparePrivateDataDir(t)).toBe(first);
    expect(preparePrivateDataDir(tempTarget())).not.toBe(first);
  });

  it('migrates a folder left world-readable by an older version, keeping its password', () => {
    const t = tempTarget();
    fs.mkdirSync(t.dataDir, { mode: 0o755 });
    fs.chmodSync(t.dataDir, 0o755);
    fs.writeFileSync(passwordFile(t), 'an-existing-password\n', { mode: 0o644 });
    fs.chmodSync(passwordFile(t), 0o644);
    expect(preparePrivateDataDir(t)).toBe('an-existing-password');
    expect(fs.statSync(t.dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(passwordFile(t)).mode & 0o777).toBe(0o600);
  });

  it('says what is wrong when it cannot be written, naming the file', () => {
    const t = localTarget({ dataDir: '/dev/full/neo4j' });
    expect(() => preparePrivateDataDir(t)).toThrow(Neo4jSetupError);
    expect(() => preparePrivateDataDir(t)).toThrow(/data folder is not usable: .*\/dev\/full\/neo4j/);
  });
});

describe('diskProblem', () => {
  it('names a full disk, a used-up quota and a permission problem with what to do', () => {
    // /dev/full fails every write with the kernel's own ENOSPC.
    let enospc: unknown;
    try {
      fs.writeFileSync('/dev/full', 'x');
    } catch (err) {
      enospc = err;
    }
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(diskProblem(enospc, '/data/x.log')).toBe('the disk is full: cannot write /data/x.log (ENOSPC). Free some space, then start again.');
    expect(diskProblem(Object.assign(new Error('quota'), { code: 'EDQUOT' }), 'f')).toMatch(/quota is used up.*Free some space/);
    expect(diskProblem(Object.assign(new Error('perm'), { code: 'EACCES' }), 'f')).toMatch(/no permission to write f \(EACCES\)/);
  });
});

describe('launcherExitReason', () => {
  const said = { messages: [] as string[], jvmLines: [] as string[], heap: '1g', logFile: '/dev/full' };

  it('names an out-of-memory exit (the JVM exits 3 under ExitOnOutOfMemoryError) and what to do, with the JVM’s own line', () => {
    const why = launcherExitReason(3, { ...said, jvmLines: ['Terminating due to java.lang.OutOfMemoryError: Java heap space'] });
    expect(why).toMatch(/^Neo4j ran out of memory \(heap 1g\): Terminating due to java\.lang\.OutOfMemoryError: Java heap space\. Give it more with NEO4J_HEAP/);
  });

  it('prefers the launcher’s own message, and otherwise keeps the JVM’s last error lines with the code', () => {
    expect(launcherExitReason(3, { ...said, messages: ['port 7687 on 127.0.0.1 is already in use.'] })).toBe('port 7687 on 127.0.0.1 is already in use.');
    expect(launcherExitReason(1, { ...said, jvmLines: ['Exception in thread "main" java.lang.NoClassDefFoundError: x'] })).toBe(
      'the Neo4j launcher exited with code 1 (Exception in thread "main" java.lang.NoClassDefFoundError: x); see /dev/full',
    );
  });
});
