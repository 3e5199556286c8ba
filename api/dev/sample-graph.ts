// A small synthetic graph of the model (README) for trying the API by hand before the real
// pipeline runs: `npx tsx api/dev/sample-graph.ts` writes it to the Neo4j of NEO4J_URI/NEO4J_PORT.
// Not used by any test: the tests run on the seeds ingested by the real pipeline.
import { connect } from '../../db/neo4j.js';
import { migrate } from '../../db/migrations.js';
import { clearGraph, writeGraph } from '../../db/writer.js';
import type { Graph, GraphNode, GraphRelationship } from '../../ingest/types.js';

const nodes: GraphNode[] = [];
const rels: GraphRelationship[] = [];
const node = (id: string, label: string, properties: GraphNode['properties']) => nodes.push({ id, labels: [label], properties: { id, ...properties } });
const rel = (type: string, start: string, end: string, properties: GraphRelationship['properties'] = {}) => rels.push({ type, start, end, properties });

const docs = [
  { id: 'doc:a', year: 2017, title: '信息消费实施方案', texts: ['争取5G试验网络先试先用。', '发展冷链物流。'] },
  { id: 'doc:b', year: 2020, title: '分工方案', texts: ['加快5G网络建设，推进5G商用。', '开发“津体惠”体育健身平台。'] },
  { id: 'doc:c', year: 2021, title: '新型消费实施方案', texts: ['到2022年底累计建成5G基站5万个。', '“津体惠”正式上线。'] },
];
for (const d of docs) {
  let offset = 0;
  const sourceText = d.texts.join('\n');
  node(d.id, 'Document', { title: d.title, year: d.year, yearSource: 'stated', level: 'municipal', sourceFile: `seeds/${d.id}.txt`, issuedOn: `${d.year}-05-01`, sourceText });
  d.texts.forEach((text, i) => {
    const id = `${d.id.slice(4)}:m00${i + 1}`;
    node(id, 'Measure', { text, normText: text, year: d.year, path: `（${i + 1}）`, documentId: d.id, sourceFile: `seeds/${d.id}.txt`, startLine: i + 1, endLine: i + 1, startOffset: offset, endOffset: offset + text.length });
    offset += text.length + 1;
    rel('HAS_MEASURE', d.id, id);
  });
}
node('dept:市商务委', 'Department', { name: '市商务委', aliases: [], kind: 'institution' });
node('dept:市商务局', 'Department', { name: '市商务局', aliases: ['市商务局（市口岸办）'], kind: 'institution' });
node('dept:市工业和信息化局', 'Department', { name: '市工业和信息化局', aliases: ['市工信局'], kind: 'institution' });
node('dept:市体育局', 'Department', { name: '市体育局', aliases: [], kind: 'institution' });
rel('SUCCEEDED_BY', 'dept:市商务委', 'dept:市商务局', { year: 2018, note: '2018 机构改革' });
rel('ASSIGNED_TO', 'a:m001', 'dept:市工业和信息化局', { role: 'lead', asWritten: '市工业和信息化委' });
rel('ASSIGNED_TO', 'a:m002', 'dept:市商务委', { role: 'lead', asWritten: '市商务委' });
rel('ASSIGNED_TO', 'a:m002', 'dept:市工业和信息化局', { role: 'joint', asWritten: '市工业和信息化委' });
rel('ASSIGNED_TO', 'b:m001', 'dept:市工业和信息化局', { role: 'lead', asWritten: '市工业和信息化局' });
rel('ASSIGNED_TO', 'b:m002', 'dept:市体育局', { role: 'lead', asWritten: '市体育局' });
rel('ASSIGNED_TO', 'c:m001', 'dept:市工业和信息化局', { role: 'lead', asWritten: '市工业和信息化局' });
rel('ASSIGNED_TO', 'c:m001', 'dept:市商务局', { role: 'joint', asWritten: '市商务局' });
rel('ASSIGNED_TO', 'c:m002', 'dept:市体育局', { role: 'lead', asWritten: '市体育局' });
node('theme:5g', 'Theme', { name: '5G', nameEn: '5G', synonyms: ['第五代移动通信'] });
node('theme:cold-chain', 'Theme', { name: '冷链', nameEn: 'cold chain', synonyms: ['冷链物流'] });
for (const m of ['a:m001', 'b:m001', 'c:m001']) rel('ABOUT', m, 'theme:5g', { evidence: ['5G'] });
rel('ABOUT', 'a:m002', 'theme:cold-chain', { evidence: ['冷链物流'] });
node('init:津体惠', 'Initiative', { name: '津体惠' });
rel('MENTIONS', 'b:m002', 'init:津体惠');
rel('MENTIONS', 'c:m002', 'init:津体惠');
node('c:m001:t1', 'Target', { text: '到2022年底累计建成5G基站5万个', year: 2022, value: 50000, unit: '个', metric: '5G基站' });
rel('SETS', 'c:m001', 'c:m001:t1');
node('nat:国发〔2017〕40号', 'Document', { title: '关于进一步扩大和升级信息消费持续释放内需潜力的指导意见', level: 'national', docNumber: '国发〔2017〕40号' });
rel('CITES', 'doc:a', 'nat:国发〔2017〕40号');
node('req:1', 'Requirement', { text: '加快5G网络建设', section: '（一）' });
rel('PART_OF', 'req:1', 'nat:国发〔2017〕40号');
rel('IMPLEMENTS', 'b:m001', 'req:1');
rel('EVOLVES_FROM', 'b:m001', 'a:m001', { score: 0.7, method: 'themes+ngrams', evidence: ['5G'], sharedThemes: ['5G'], sharedInitiatives: [] });
rel('EVOLVES_FROM', 'c:m001', 'b:m001', { score: 0.8, method: 'themes+ngrams', evidence: ['5G', '网络'], sharedThemes: ['5G'], sharedInitiatives: [] });
rel('EVOLVES_FROM', 'c:m002', 'b:m002', { score: 0.9, method: 'initiative', evidence: ['津体惠'], sharedThemes: [], sharedInitiatives: ['津体惠'] });

const graph: Graph = { nodes, relationships: rels, diagnostics: [] };
const conn = await connect();
try {
  await clearGraph(conn.driver, conn.database);
  await migrate(conn.driver, conn.database);
  console.log(await writeGraph(conn.driver, graph, { database: conn.database }));
} finally {
  await conn.close();
}
