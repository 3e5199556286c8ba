// The integration tests' driver, to the Neo4j the global setup started (or NEO4J_TEST_URI).
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';
import { migrate } from '../db/migrations.js';

let driver: Driver | undefined;

export function testDriver(): Driver {
  if (!driver) {
    const password = inject('neo4jPassword');
    driver = neo4j.driver(
      inject('neo4jUri'),
      password ? neo4j.auth.basic(inject('neo4jUser'), password) : undefined,
    );
    afterAll(async () => {
      await driver?.close();
      driver = undefined;
    });
  }
  return driver;
}

/** A migrated, empty database. */
export async function emptyDatabase(): Promise<Driver> {
  const d = testDriver();
  const { clearGraph } = await import('../db/writer.js');
  await clearGraph(d);
  await migrate(d);
  return d;
}
