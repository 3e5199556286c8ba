import neo4j, { type Driver } from 'neo4j-driver';
import { localTarget, targetFromEnv, type Neo4jTarget } from './config.js';
import { Neo4jSetupError, startLocalNeo4j, type LocalNeo4j } from './local.js';

export { Neo4jSetupError } from './local.js';

export interface Connection {
  driver: Driver;
  /** undefined: the server's default database. */
  database: string | undefined;
  /** 'remote' when NEO4J_URI named a server; 'local' for the built-in one. */
  kind: Neo4jTarget['kind'];
  uri: string;
  /** Closes the driver and stops the built-in Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * The one way the product reaches Neo4j: the server in NEO4J_URI, or the built-in one started
 * on loopback. Resolves once a session answers.
 */
export async function connect(
  opts: { target?: Neo4jTarget; log?: (line: string) => void } = {},
): Promise<Connection> {
  const target = opts.target ?? targetFromEnv();
  const log = opts.log ?? (() => {});
  let local: LocalNeo4j | undefined;
  let driver: Driver;
  let uri: string;
  let database: string | undefined;

  if (target.kind === 'remote') {
    uri = target.uri;
    database = target.database;
    driver = neo4j.driver(uri, neo4j.auth.basic(target.username, target.password), {
      disableLosslessIntegers: false,
    });
  } else {
    local = await startLocalNeo4j(target, { log });
    uri = local.uri;
    driver = neo4j.driver(uri, undefined);
  }

  try {
    await waitForSession(driver, database);
  } catch (err) {
    await driver.close();
    await local?.stop();
    const why = err instanceof Error ? err.message : String(err);
    throw new Neo4jSetupError(
      target.kind === 'remote'
        ? `Could not reach Neo4j at ${uri}: ${why}. Check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, or unset NEO4J_URI to use the built-in Neo4j.`
        : `The built-in Neo4j started but does not answer on ${uri}: ${why}.`,
    );
  }

  let closed = false;
  return {
    driver,
    database,
    kind: target.kind,
    uri,
    async close() {
      if (closed) return;
      closed = true;
      await driver.close();
      await local?.stop();
    },
  };
}

async function waitForSession(driver: Driver, database: string | undefined): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await driver.executeQuery('RETURN 1', {}, { database });
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      // Authentication and unknown-database errors will not fix themselves.
      if (code.includes('Security') || code.includes('DatabaseNotFound') || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export { localTarget };
