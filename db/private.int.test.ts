// The built-in Neo4j is private to its owner: no client without the password, no files or URLs
// through LOAD CSV, and a data folder only its owner can read.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { testDriver } from '../test/neo4j.js';

const local = inject('neo4jDataDir') !== '';

async function refused(auth: ReturnType<typeof neo4j.auth.basic> | undefined): Promise<string> {
  const driver = neo4j.driver(inject('neo4jUri'), auth);
  try {
    await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    return 'answered';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await driver.close();
  }
}

describe.runIf(local)('the built-in Neo4j is private', () => {
  it('refuses a client without the password, or with the default one', async () => {
    expect(await refused(undefined)).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await refused(neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await refused(neo4j.auth.basic('neo4j', ''))).toBe('Neo.ClientError.Security.Unauthorized');
  });

  it('reads no local file through LOAD CSV', async () => {
    await expect(testDriver().executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1")).rejects.toThrow(
      /allow_csv_import_from_file_urls/,
    );
  });

  it('fetches no URL through LOAD CSV, not even on loopback', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end('a,b\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(testDriver().executeQuery(`LOAD CSV FROM $url AS line RETURN line`, { url: `http://127.0.0.1:${port}/x.csv` })).rejects.toThrow(
        /blocked/,
      );
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('keeps the data folder and the password owner-only', () => {
    const dir = inject('neo4jDataDir');
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'neo4j-password')).mode & 0o777).toBe(0o600);
  });
});
