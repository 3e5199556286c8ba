import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the product's database lives: a server the user names, or the built-in one. */
export type Neo4jTarget =
  | { kind: 'remote'; uri: string; username: string; password: string; database?: string }
  | { kind: 'local'; port: number; dataDir: string; pageCache: string; heap: string; logFile?: string };

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jTarget {
  if (env.NEO4J_URI) {
    return {
      kind: 'remote',
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
    };
  }
  return localTarget({
    port: env.NEO4J_PORT ? Number(env.NEO4J_PORT) : undefined,
    dataDir: env.NEO4J_DATA,
    pageCache: env.NEO4J_PAGECACHE,
    heap: env.NEO4J_HEAP,
    logFile: env.NEO4J_LOG,
  });
}

export function localTarget(
  opts: { port?: number; dataDir?: string; pageCache?: string; heap?: string; logFile?: string } = {},
): Extract<Neo4jTarget, { kind: 'local' }> {
  const port = opts.port ?? 7687;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`NEO4J_PORT must be a port number (1–65535), got "${opts.port}".`);
  }
  return {
    kind: 'local',
    port,
    dataDir: path.resolve(projectRoot, opts.dataDir ?? '.data/neo4j'),
    pageCache: opts.pageCache ?? '512m',
    heap: opts.heap ?? '2g',
    // Where the JVM's output is copied (default: launcher.log in the data folder).
    logFile: opts.logFile || undefined,
  };
}
