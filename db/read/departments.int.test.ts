// department(name, jurisdiction): one body per jurisdiction, and the ambiguity said when none is given.
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../model/graph.js';
import { emptyDatabase } from '../../test/neo4j.js';
import { writeGraph } from '../writer.js';
import { findDepartment } from './departments.js';
import { Reader } from './reader.js';

const dept = (j: string, name: string) => ({
  id: `dept:${j}/${name}`,
  labels: ['Department'],
  properties: { name, aliases: [] as string[], kind: j === '天津市' ? 'institution' : 'inferred', jurisdiction: j },
});

describe('findDepartment', () => {
  it('picks the jurisdiction asked for, and lists the others when none is given', async () => {
    const driver = await emptyDatabase();
    const graph: Graph = {
      nodes: [
        { id: 'doc:a', labels: ['Document'], properties: { title: 'a', sourceFile: 'a.txt', year: 2017, jurisdiction: '天津市' } },
        { id: 'm:a:001', labels: ['Measure'], properties: { text: '一', documentId: 'doc:a' } },
        { id: 'm:a:002', labels: ['Measure'], properties: { text: '二', documentId: 'doc:a' } },
        dept('天津市', '市商务委'),
        dept('上海市', '市商务委'),
      ],
      relationships: [
        { type: 'HAS_MEASURE', start: 'doc:a', end: 'm:a:001', properties: { order: 1 } },
        { type: 'HAS_MEASURE', start: 'doc:a', end: 'm:a:002', properties: { order: 2 } },
        { type: 'ASSIGNED_TO', start: 'm:a:001', end: 'dept:天津市/市商务委', properties: { role: 'lead', asWritten: '市商务委' } },
        { type: 'ASSIGNED_TO', start: 'm:a:002', end: 'dept:上海市/市商务委', properties: { role: 'lead', asWritten: '市商务委' } },
        { type: 'ASSIGNED_TO', start: 'm:a:002', end: 'dept:天津市/市商务委', properties: { role: 'joint', asWritten: '市商务委' } },
      ],
      diagnostics: [],
    };
    await writeGraph(driver, graph);
    // A generous timeout: the point is the answer, not the speed of a loaded test machine.
    const reader = new Reader(driver, { timeoutMs: 120_000 });
    const sh = await findDepartment(reader, '市商务委', '上海市');
    const tj = await findDepartment(reader, '市商务委', '天津市');
    expect([sh?.id, sh?.ambiguousWith]).toEqual(['dept:上海市/市商务委', []]);
    expect(tj?.id).toBe('dept:天津市/市商务委');
    const any = await findDepartment(reader, '市商务委');
    expect([any?.id, any?.ambiguousWith]).toEqual(['dept:天津市/市商务委', ['上海市']]);
    expect(await findDepartment(reader, '市商务委', '北京市')).toBeNull();
  }, 600_000);
});
