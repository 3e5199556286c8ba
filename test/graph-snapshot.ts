import type { Driver } from 'neo4j-driver';

/** The whole stored graph in a canonical, comparable form (ids, labels, properties, edges). */
export async function graphSnapshot(driver: Driver): Promise<{ nodes: string[]; relationships: string[] }> {
  const n = await driver.executeQuery(
    'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  );
  const r = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b',
  );
  const canon = (v: unknown) => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
  return {
    nodes: n.records.map((x) => canon([x.get('id'), [...(x.get('labels') as string[])].sort(), x.get('props')])),
    relationships: r.records.map((x) => canon([x.get('a'), x.get('type'), x.get('b'), x.get('props')])),
  };
}
