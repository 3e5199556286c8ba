// The built-in Neo4j: Neo4j Community embedded in a small JVM launcher (db/launcher), built
// with Maven from Maven Central on first use and run as a child process on loopback.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot, type Neo4jTarget } from './config.js';

type LocalTarget = Extract<Neo4jTarget, { kind: 'local' }>;

const launcherDir = path.join(projectRoot, 'db', 'launcher');
const launcherJar = path.join(launcherDir, 'target', 'neo4j-launcher-1.0.0.jar');
const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');

/** A problem a person can fix; printed as one message, never as a stack trace. */
export class Neo4jSetupError extends Error {
  override name = 'Neo4jSetupError';
}

/**
 * The store does not open and Neo4j cannot recover it (the launcher's exit code 6): starting it
 * again cannot help, so the supervisor gives up at once with this message instead of retrying.
 */
export class StoreDamagedError extends Neo4jSetupError {
  override name = 'StoreDamagedError';
}

/** The JVM ran out of heap while the launcher started Neo4j (its exit code 3). */
export class Neo4jOutOfMemoryError extends Neo4jSetupError {
  override name = 'Neo4jOutOfMemoryError';
}

/** The launcher's exit code for a store that does not open and is not short of space. */
const STORE_DAMAGED_EXIT = 6;
/** The JVM's own exit code under -XX:+ExitOnOutOfMemoryError (the launcher never uses it). */
const OUT_OF_MEMORY_EXIT = 3;

const remoteHint = 'Or use a Neo4j 5.x server you already run: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD).';

export function javaMajorVersion(): number | null {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  if (!m) return null;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

function checkJava(): void {
  const major = javaMajorVersion();
  if (major === null) {
    throw new Neo4jSetupError(`Java was not found. The built-in Neo4j needs Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless). ${remoteHint}`);
  }
  if (major < 17) {
    throw new Neo4jSetupError(`Java ${major} was found; the built-in Neo4j needs Java 17 or newer. ${remoteHint}`);
  }
}

function launcherBuilt(): boolean {
  if (!fs.existsSync(launcherJar) || !fs.existsSync(classpathFile)) return false;
  const built = fs.statSync(launcherJar).mtimeMs;
  const sources = [path.join(launcherDir, 'pom.xml'), path.join(launcherDir, 'src/main/java/policylineage/Launcher.java')];
  if (sources.some((f) => fs.statSync(f).mtimeMs > built)) return false;
  // The classpath points into ~/.m2; a cleaned repository means a rebuild.
  return readClasspath().every((jar) => fs.existsSync(jar));
}

function readClasspath(): string[] {
  return fs.readFileSync(classpathFile, 'utf8').trim().split(path.delimiter).filter(Boolean);
}

/** Builds the launcher with Maven (first run downloads Neo4j from Maven Central; later runs are offline). */
export function buildLauncher(log: (line: string) => void = () => {}): void {
  if (launcherBuilt()) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new Neo4jSetupError(`Maven was not found. The first start of the built-in Neo4j fetches it with Maven (Debian: apt-get install maven). ${remoteHint}`);
  }
  log('Building the Neo4j launcher with Maven (first run downloads Neo4j Community from Maven Central)…');
  const r = spawnSync('mvn', ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), 'package', '-DskipTests'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n');
    throw new Neo4jSetupError(`Maven could not build the Neo4j launcher (db/launcher). Check that Maven Central is reachable, then retry.\n${tail}\n${remoteHint}`);
  }
}

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Why the launcher's JVM exited, for a person: the launcher's own message when it gave one; else
 * what its exit code and the JVM's last error lines say (kept because the log file may be the
 * thing that could not be written).
 */
export function launcherExitReason(
  code: number | null,
  said: { messages: string[]; jvmLines: string[]; heap: string; logFile: string },
): string {
  if (said.messages.length > 0) return said.messages.join(' ');
  const jvm = said.jvmLines.join(' ');
  if (code === OUT_OF_MEMORY_EXIT) return `Neo4j ran out of memory (heap ${said.heap}): ${jvm || 'OutOfMemoryError'}. Give it more with NEO4J_HEAP, or see ${said.logFile}.`;
  return `the Neo4j launcher exited with code ${code}${jvm ? ` (${jvm})` : ''}; see ${said.logFile}`;
}

/** The built-in Neo4j's one user; its password lives in the data folder, readable by its owner only. */
export const LOCAL_USER = 'neo4j';

export function passwordFile(target: LocalTarget): string {
  return path.join(target.dataDir, 'neo4j-password');
}

/** What a failed write of ours to the data folder means, for a person. */
export function diskProblem(err: unknown, file: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return `the disk is full: cannot write ${file} (ENOSPC). Free some space, then start again.`;
  if (code === 'EDQUOT') return `the disk quota is used up: cannot write ${file} (EDQUOT). Free some space, then start again.`;
  if (code === 'EACCES' || code === 'EPERM') return `no permission to write ${file} (${code}); the data folder must belong to the user running the product.`;
  return `cannot write ${file}: ${(err as Error).message}`;
}

/**
 * Below this much free space the built-in Neo4j is not (re)started: its recovery and first writes
 * need room, and a recovery cut short by a full disk is how a store gets damaged. The launcher
 * uses the same figure to tell a full disk from a damaged store.
 */
export const LOW_SPACE_MB = 64;

/** Free space for this user on the disk holding `dir`, in MB; undefined when it cannot be told. */
export function freeSpaceMb(dir: string): number | undefined {
  try {
    const s = fs.statfsSync(dir);
    return Math.floor((s.bavail * s.bsize) / 2 ** 20);
  } catch {
    return undefined;
  }
}

/**
 * The data folder, owner-only (0700, existing folders included: they are migrated on the next
 * start), and the password of its Neo4j: read when there is one, else created at random (0600).
 */
export function preparePrivateDataDir(target: LocalTarget): string {
  const file = passwordFile(target);
  try {
    fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(target.dataDir, 0o700);
    if (fs.existsSync(file)) {
      fs.chmodSync(file, 0o600);
      const existing = fs.readFileSync(file, 'utf8').trim();
      if (existing.length >= 8) return existing;
    }
    const password = randomBytes(24).toString('base64url');
    // Written beside, then renamed: a full disk never leaves a half-written password behind.
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, `${password}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
    return password;
  } catch (err) {
    throw new Neo4jSetupError(`The built-in Neo4j's data folder is not usable: ${diskProblem(err, file)}`);
  }
}

/** The password of the built-in Neo4j of this data folder, or null before its first start. */
export function readLocalPassword(target: LocalTarget): string | null {
  try {
    const password = fs.readFileSync(passwordFile(target), 'utf8').trim();
    return password === '' ? null : password;
  } catch {
    return null;
  }
}

export function pidFile(target: LocalTarget): string {
  return path.join(target.dataDir, 'launcher.pid');
}

function readPid(target: LocalTarget): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(target), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** A launcher left running by `npm run db:start` for this data folder and port, if any. */
export async function runningDetached(target: LocalTarget): Promise<number | null> {
  const pid = readPid(target);
  if (pid === null) return null;
  return (await portInUse(target.port)) ? pid : null;
}

export interface LocalNeo4j {
  uri: string;
  username: string;
  password: string;
  /** Stops the JVM (if this process started it) and waits for it to exit. */
  stop(): Promise<void>;
  pid: number | undefined;
  /**
   * Settles when the JVM this process started ends without stop() (a crash, kill -9, the OOM
   * killer) with how it ended; never settles for a launcher started elsewhere or stopped by us.
   */
  died: Promise<string>;
}

/**
 * Copies the JVM's output to its log. A failed write (a full disk) is reported once per streak
 * and the output dropped: losing log lines must not take the database or the API down.
 */
function logWriter(logFile: string, log: (line: string) => void) {
  let fd: number | null = null;
  let failing = false;
  const report = (err: unknown) => {
    if (!failing) log(`warning: the Neo4j log is not being written: ${diskProblem(err, logFile)} Neo4j keeps running.`);
    failing = true;
  };
  try {
    fd = fs.openSync(logFile, 'a', 0o600);
  } catch (err) {
    report(err);
  }
  return {
    write(chunk: Buffer) {
      if (fd === null) return;
      try {
        fs.writeSync(fd, chunk);
        if (failing) log(`The Neo4j log (${logFile}) is being written again.`);
        failing = false;
      } catch (err) {
        report(err);
      }
    },
    close() {
      if (fd === null) return;
      try {
        fs.closeSync(fd);
      } catch {
        // Closing after a failed write may fail the same way; nothing is left to save.
      }
      fd = null;
    },
  };
}

/**
 * Starts the launcher and resolves once Bolt is bound. `detached` keeps it running after this
 * process exits (db:start); otherwise it is tied to this process through its stdin pipe.
 */
export async function startLocalNeo4j(
  target: LocalTarget,
  opts: {
    detached?: boolean;
    log?: (line: string) => void;
    timeoutMs?: number;
    logFile?: string;
    /** The last run stopped on a full disk: recovery may drop the torn tail of the transaction log (see the launcher). */
    afterDiskFull?: boolean;
  } = {},
): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  const uri = `bolt://127.0.0.1:${target.port}`;
  const never = new Promise<string>(() => {});

  const already = await runningDetached(target);
  if (already !== null) {
    const password = readLocalPassword(target);
    if (password === null) {
      throw new Neo4jSetupError(`A Neo4j runs for ${target.dataDir} (pid ${already}) but its password file ${passwordFile(target)} is missing. Stop it (npm run db:stop) and start again.`);
    }
    log(`Using the Neo4j already running for ${path.relative(projectRoot, target.dataDir) || target.dataDir} (pid ${already}).`);
    return { uri, username: LOCAL_USER, password, pid: undefined, stop: async () => {}, died: never };
  }
  checkJava();
  buildLauncher(log);
  if (await portInUse(target.port)) {
    throw new Neo4jSetupError(
      `Port ${target.port} on 127.0.0.1 is already in use. Stop what holds it, set NEO4J_PORT to a free port, or if it is a Neo4j server you want to use, set NEO4J_URI=bolt://127.0.0.1:${target.port}.`,
    );
  }
  const password = preparePrivateDataDir(target);

  const classpath = [launcherJar, ...readClasspath()].join(path.delimiter);
  const args = [
    `-Xms256m`,
    `-Xmx${target.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    // Neo4j's embedded runtime reflects into these JDK packages.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    classpath,
    'policylineage.Launcher',
    '--data',
    target.dataDir,
    '--port',
    String(target.port),
    '--pagecache',
    target.pageCache,
    // A file, not the password itself: a command line is visible to every user of the machine.
    '--password-file',
    passwordFile(target),
  ];
  if (opts.detached) args.push('--no-stdin-watch');
  if (opts.afterDiskFull) args.push('--after-disk-full');

  const logFile = opts.logFile ?? target.logFile ?? path.join(target.dataDir, 'launcher.log');
  const out = logWriter(logFile, log);
  const child: ChildProcess = spawn('java', args, {
    cwd: projectRoot,
    detached: Boolean(opts.detached),
    stdio: [opts.detached ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });

  const messages: string[] = [];
  // The JVM's own last words (an OutOfMemoryError, a stack trace's head): the log file may be
  // unwritable (a full disk), and then they would be lost with it.
  const jvmLines: string[] = [];
  const exitReason = (code: number | null) => launcherExitReason(code, { messages, jvmLines, heap: target.heap, logFile });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Neo4jSetupError(`Neo4j did not start within ${(opts.timeoutMs ?? 300_000) / 1000} s; see ${logFile}. ${remoteHint}`));
    }, opts.timeoutMs ?? 300_000);
    const onData = (chunk: Buffer) => {
      out.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.startsWith('LAUNCHER: ready')) {
          clearTimeout(timer);
          resolve();
        } else if (line.startsWith('LAUNCHER: ')) {
          messages.push(line.slice('LAUNCHER: '.length));
        } else if (/Error|Exception|Terminating/.test(line)) {
          jvmLines.push(line.trim().slice(0, 300));
          if (jvmLines.length > 3) jvmLines.shift();
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Neo4jSetupError(`Could not run java: ${err.message}. ${remoteHint}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const why = exitReason(code);
      reject(
        code === STORE_DAMAGED_EXIT
          ? new StoreDamagedError(why)
          : code === OUT_OF_MEMORY_EXIT
            ? new Neo4jOutOfMemoryError(`${why} ${remoteHint}`)
            : new Neo4jSetupError(`${why} ${remoteHint}`),
      );
    });
  });

  if (opts.detached) {
    child.stdout!.destroy();
    child.stderr!.destroy();
    child.unref();
    out.close();
    try {
      fs.writeFileSync(pidFile(target), String(child.pid), { mode: 0o600 });
    } catch (err) {
      child.kill('SIGTERM');
      throw new Neo4jSetupError(`Neo4j was stopped again: ${diskProblem(err, pidFile(target))}`);
    }
    return { uri, username: LOCAL_USER, password, pid: child.pid, stop: async () => void (await stopDetached(target)), died: never };
  }

  log(`Neo4j is up (pid ${child.pid}, ${uri}, data ${target.dataDir}).`);
  let exited = false;
  let stopping = false;
  const died = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      out.close();
      if (!stopping) resolve(signal ? `killed by ${signal}` : `exited with code ${code}: ${exitReason(code)}`);
    });
  });
  const stop = async () => {
    stopping = true;
    if (exited) return;
    const done = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await done;
    clearTimeout(timer);
  };
  return { uri, username: LOCAL_USER, password, pid: child.pid, stop, died };
}

/** Stops a launcher started by db:start; true when one was running. */
export async function stopDetached(target: LocalTarget): Promise<boolean> {
  const pid = readPid(target);
  if (pid === null) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      await new Promise((r) => setTimeout(r, 200));
    } catch {
      break;
    }
  }
  try {
    process.kill(pid, 0);
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  fs.rmSync(pidFile(target), { force: true });
  return true;
}
