// npm run db:start / db:stop: keep the built-in Neo4j running between runs; db:password prints
// its password for a person's own Cypher tools (user neo4j, bolt://127.0.0.1:NEO4J_PORT).
import { targetFromEnv } from './config.js';
import { Neo4jSetupError, passwordFile, readLocalPassword, startLocalNeo4j, stopDetached } from './local.js';

async function main(command: string | undefined): Promise<number> {
  const target = targetFromEnv();
  if (target.kind === 'remote') {
    console.error(`NEO4J_URI is set (${target.uri}): that server is managed outside this project; nothing to ${command ?? 'do'}.`);
    return 0;
  }
  if (command === 'start') {
    const db = await startLocalNeo4j(target, { detached: true, log: (l) => console.error(l) });
    console.error(`Neo4j is running at ${db.uri} (data: ${target.dataDir}). Stop it with: npm run db:stop`);
    return 0;
  }
  if (command === 'stop') {
    const stopped = await stopDetached(target);
    console.error(stopped ? 'Neo4j stopped.' : `No Neo4j started by db:start is running for ${target.dataDir}.`);
    return 0;
  }
  if (command === 'password') {
    const password = readLocalPassword(target);
    if (password === null) {
      console.error(`No password yet at ${passwordFile(target)}: the first start of the built-in Neo4j (npm start or npm run db:start) creates it.`);
      return 1;
    }
    console.error(`user neo4j, bolt://127.0.0.1:${target.port}; password:`);
    console.log(password);
    return 0;
  }
  console.error('usage: tsx db/cli.ts start|stop|password');
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Neo4jSetupError ? `error: ${err.message}` : err);
    process.exit(1);
  },
);
