import { describe, expect, it } from 'vitest';
import { LABELS } from '../model/graph.js';
import { migrate, schemaState } from './migrations.js';
import { emptyDatabase, testDriver } from '../test/neo4j.js';

describe('the local Neo4j', () => {
  it('answers through neo4j-driver and round-trips Chinese text', async () => {
    const driver = await emptyDatabase();
    await driver.executeQuery('CREATE (:Measure {id: $id, text: $text})', { id: 'probe', text: '到2022年底累计建成5G基站5万个' });
    const r = await driver.executeQuery('MATCH (m:Measure {id: $id}) RETURN m.text AS text', { id: 'probe' });
    expect(r.records[0]?.get('text')).toBe('到2022年底累计建成5G基站5万个');
  });

  it('has a uniqueness constraint on id for every label, and migrating twice changes nothing', async () => {
    const driver = testDriver();
    await migrate(driver);
    const before = await schemaState(driver);
    await migrate(driver);
    const after = await schemaState(driver);
    expect(after).toEqual(before);
    for (const label of LABELS) expect(after.constraints).toContain(`${label.toLowerCase()}_id`);
    await expect(driver.executeQuery('CREATE (:Measure {id: $id})', { id: 'probe' })).rejects.toThrow(/already exists/);
  });

  it('has a full-text index with the cjk analyzer that finds Chinese words inside sentences', async () => {
    const driver = testDriver();
    expect((await schemaState(driver)).fulltext).toEqual({ name: 'policyFulltext', analyzer: 'cjk' });
    await driver.executeQuery('CREATE (:Initiative {id: $id, name: $name})', { id: 'init:x', name: '推广“津体惠”体育服务平台' });
    await driver.executeQuery('CALL db.awaitIndexes(60)');
    const r = await driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('policyFulltext', $q) YIELD node RETURN node.id AS id",
      { q: '津体惠' },
    );
    expect(r.records.map((x) => x.get('id'))).toContain('init:x');
  });
});
