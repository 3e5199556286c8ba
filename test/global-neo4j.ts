// Starts the integration tests' own Neo4j once per run: its own port and data folder, never a
// user's database. NEO4J_TEST_URI points the tests at another server instead (which they wipe).
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { localTarget, projectRoot } from '../db/config.js';
import { portInUse, startLocalNeo4j, type LocalNeo4j } from '../db/local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** The test Neo4j's data folder ('' for NEO4J_TEST_URI). */
    neo4jDataDir: string;
  }
}

let local: LocalNeo4j | undefined;

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    if (!(await portInUse(port))) return port;
  }
  throw new Error(`no free port for the test Neo4j between ${from} and ${from + 49}`);
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4jUri', process.env.NEO4J_TEST_URI);
    project.provide('neo4jUser', process.env.NEO4J_TEST_USERNAME ?? 'neo4j');
    project.provide('neo4jPassword', process.env.NEO4J_TEST_PASSWORD ?? '');
    project.provide('neo4jDataDir', '');
    return;
  }
  const port = await freePort(Number(process.env.NEO4J_TEST_PORT ?? 7697));
  const dataDir = path.join(projectRoot, '.data', `test-neo4j-${port}-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  local = await startLocalNeo4j(localTarget({ port, dataDir, pageCache: '256m', heap: '1g' }), {
    log: (line) => console.error(line),
  });
  project.provide('neo4jUri', local.uri);
  project.provide('neo4jUser', local.username);
  project.provide('neo4jPassword', local.password);
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    await local?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
