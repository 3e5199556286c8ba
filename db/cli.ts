// npm run db:start / db:stop: keep the built-in Neo4j running between runs.
import { targetFromEnv } from './config.js';
import { Neo4jSetupError, startLocalNeo4j, stopDetached } from './local.js';

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
  console.error('usage: tsx db/cli.ts start|stop');
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Neo4jSetupError ? `error: ${err.message}` : err);
    process.exit(1);
  },
);
