import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Graph, PropertyValue } from '../../ingest/types.js';
import {
  bodyKey,
  departmentJurisdiction,
  departmentTotals,
  judgeParty,
  loadDepartmentLabels,
  sameJurisdiction,
  scoreDepartments,
  type DepartmentLabel,
  type ObservedDepartment,
} from './departments.js';
import { loadSources, observedFromGraph, partyMatches, type DocumentLabel } from './evaluate.js';
import { citiesOf } from '../../ingest/structure/places.js';

const dept = (id: string, props: Partial<ObservedDepartment> = {}): ObservedDepartment => ({ id, aliases: [], ...props });
const hzDrc: DepartmentLabel = { jurisdiction: '杭州市', kind: 'institution', name: '杭州市发展和改革委员会', aliases: ['市发展改革委'] };
const collective: DepartmentLabel = { jurisdiction: '西宁市', kind: 'collective', name: null };

describe('departmentJurisdiction', () => {
  it('reads the property first, then the dept:<jurisdiction>/… id', () => {
    expect(departmentJurisdiction(dept('dept:x/y', { jurisdiction: '杭州市' }))).toBe('杭州市');
    expect(departmentJurisdiction(dept('dept:国家/商务部'))).toBe('国家');
    expect(departmentJurisdiction(dept('dept:天津市蓟州区/区政府'))).toBe('天津市蓟州区');
  });

  it('says none for an unscoped id (dept:市商务局) and for an unknown place', () => {
    expect(departmentJurisdiction(dept('dept:市商务局'))).toBeUndefined();
    expect(departmentJurisdiction(dept('dept:北京市商务局'))).toBeUndefined();
    expect(departmentJurisdiction(dept('dept:未知/区发展改革局', { jurisdiction: '未知' }))).toBeUndefined();
  });
});

describe('sameJurisdiction', () => {
  it('matches after normalisation and accepts a district written without its city', () => {
    expect(sameJurisdiction('杭州市', ' 杭州市')).toBe(true);
    expect(sameJurisdiction('天津市蓟州区', '蓟州区')).toBe(true);
    expect(sameJurisdiction('三明市沙县', '沙县')).toBe(true);
    expect(sameJurisdiction('牡丹江市绥芬河市', '绥芬河市')).toBe(true);
  });

  it('keeps a city apart from its districts and from other cities', () => {
    expect(sameJurisdiction('天津市和平区', '天津市')).toBe(false);
    expect(sameJurisdiction('天津市', '和平区')).toBe(false);
    expect(sameJurisdiction('杭州市', '天津市')).toBe(false);
    expect(sameJurisdiction('杭州市西湖区', '西安市西湖区')).toBe(false);
    expect(sameJurisdiction('牡丹江市', '江市')).toBe(false);
  });
});

describe('bodyKey', () => {
  it('folds a full name and its short form in the jurisdiction to one key', () => {
    expect(bodyKey('天津市发展和改革委员会', '天津市')).toBe(bodyKey('市发展改革委', '天津市'));
    expect(bodyKey('昆明市官渡区发展和改革局', '昆明市官渡区')).toBe(bodyKey('区发展改革局', '昆明市官渡区'));
    expect(bodyKey('天津市蓟州区人民政府', '天津市蓟州区')).toBe(bodyKey('区政府', '天津市蓟州区'));
    expect(bodyKey('天津市人民政府新闻办公室', '天津市')).toBe(bodyKey('市人民政府新闻办', '天津市'));
  });

  it('keeps different bodies apart', () => {
    expect(bodyKey('市商务局', '天津市')).not.toBe(bodyKey('市商务委', '天津市'));
    expect(bodyKey('市农委', '天津市')).not.toBe(bodyKey('市农业农村委', '天津市'));
    // 市市场监管委: the level prefix goes, the 市 of 市场 stays.
    expect(bodyKey('市市场监管委', '天津市')).toBe('市场监管委');
  });
});

describe('judgeParty', () => {
  it('is exact for the right jurisdiction and a name or alias of the body', () => {
    expect(judgeParty('市发改委', hzDrc, dept('dept:杭州市/市发展改革委', { name: '市发展改革委', kind: 'inferred' })).outcome).toBe('exact');
    expect(judgeParty('市发改委', hzDrc, dept('dept:杭州市/x', { name: '杭州市发展和改革委员会', jurisdiction: '杭州市', kind: 'institution' })).outcome).toBe('exact');
    expect(judgeParty('各区县政府', collective, dept('dept:西宁市/各区县政府', { name: '各区县政府', kind: 'collective' })).outcome).toBe('exact');
  });

  it('reports another jurisdiction’s body as its own error, before any other', () => {
    const tianjin = dept('dept:天津市/市发展改革委', { name: '市发展改革委', aliases: ['市发改委'], kind: 'institution', jurisdiction: '天津市' });
    expect(judgeParty('市发改委', hzDrc, tianjin).outcome).toBe('otherJurisdiction');
    expect(judgeParty('市发改委', hzDrc, dept('dept:天津市/其他', { kind: 'unresolved' })).outcome).toBe('otherJurisdiction');
  });

  it('scores a department without jurisdiction as wrong, without crashing on missing properties', () => {
    expect(judgeParty('市发改委', hzDrc, dept('dept:市发展改革委', { name: '市发展改革委', kind: 'institution' })).outcome).toBe('noJurisdiction');
    expect(judgeParty('市发改委', hzDrc, dept('dept:市发改委')).outcome).toBe('noJurisdiction');
    expect(judgeParty('市发改委', hzDrc, undefined).outcome).toBe('missing');
  });

  it('tells unresolved, wrong kind and wrong body apart', () => {
    expect(judgeParty('市发改委', hzDrc, dept('dept:杭州市/市发改委', { name: '市发改委', kind: 'unresolved' })).outcome).toBe('unresolved');
    expect(judgeParty('各区县政府', collective, dept('dept:西宁市/区县政府', { name: '区县政府', kind: 'inferred' })).outcome).toBe('wrongKind');
    expect(judgeParty('市发改委', hzDrc, dept('dept:杭州市/市经信委', { name: '市经济信息化委', aliases: ['市经信委'], kind: 'inferred' })).outcome).toBe('wrongBody');
  });
});

describe('scoreDepartments', () => {
  const labels = { 市发改委: hzDrc, 各区县市: { jurisdiction: '杭州市', kind: 'collective', name: null } as DepartmentLabel };

  it('counts each outcome, leaves missing and unlabelled parties out of the scored ones', () => {
    const s = scoreDepartments(
      'x.txt',
      [
        { written: '市发改委', departments: [dept('dept:杭州市/市发展改革委', { name: '市发展改革委' })] },
        { written: '各区县市', departments: [] },
        { written: '市科委', departments: [dept('dept:杭州市/市科委', { name: '市科委' })] },
      ],
      labels,
    );
    expect(s.counts.exact).toBe(1);
    expect(s.counts.missing).toBe(1);
    expect(s.counts.unlabelled).toBe(1);
    expect(s.scored).toBe(1);
    expect(s.parties).toBe(3);
    expect(s.differences.join('\n')).toContain('各区县市: missing');
  });

  it('counts a party that reaches another jurisdiction’s body anywhere in the document as that error', () => {
    const s = scoreDepartments(
      'x.txt',
      [{ written: '市发改委', departments: [dept('dept:杭州市/市发展改革委', { name: '市发展改革委' }), dept('dept:天津市/市发展改革委', { name: '市发展改革委' })] }],
      labels,
    );
    expect(s.counts.otherJurisdiction).toBe(1);
    expect(s.counts.exact).toBe(0);
    expect(s.differences[0]).toContain('dept:天津市/市发展改革委');
  });

  it('totals exact over scored parties', () => {
    const a = scoreDepartments('a', [{ written: '市发改委', departments: [dept('dept:杭州市/市发展改革委', { name: '市发展改革委' })] }], labels);
    const b = scoreDepartments('b', [{ written: '市发改委', departments: [dept('dept:市发改委')] }], labels);
    const t = departmentTotals([a, b]);
    expect(t).toMatchObject({ documents: 2, parties: 2, scored: 2, exact: 1, exactRate: 0.5 });
    expect(t.counts.noJurisdiction).toBe(1);
  });
});

describe('from a graph to department scores', () => {
  const label: DocumentLabel = {
    file: 'doc.txt',
    url: null,
    jurisdiction: '杭州市',
    level: 'municipal',
    year: 2015,
    docNumber: null,
    issuedOn: null,
    measures: [
      { text: '大力发展众创空间', parties: [{ name: '市科委', role: 'lead' }, { name: '各区县市', role: 'support' }] },
      { text: '加快特色小镇建设', parties: [{ name: '市发改委', role: 'lead' }] },
    ],
  };
  const graph = (deptProps: (id: string) => Record<string, PropertyValue>): Graph => ({
    nodes: [
      { id: 'doc:1', labels: ['Document'], properties: { sourceFile: 'doc.txt' } },
      { id: 'm:1', labels: ['Measure'], properties: { documentId: 'doc:1', text: '大力发展众创空间。通过' } },
      { id: 'm:2', labels: ['Measure'], properties: { documentId: 'doc:1', text: '某个未标注的措施' } },
      ...['dept:杭州市/市科委', 'dept:杭州市/各区县市', 'dept:天津市/市发展改革委'].map((id) => ({ id, labels: ['Department'], properties: deptProps(id) })),
    ],
    relationships: [
      { type: 'ASSIGNED_TO', start: 'm:1', end: 'dept:杭州市/市科委', properties: { role: 'lead', asWritten: '市科委' } },
      { type: 'ASSIGNED_TO', start: 'm:1', end: 'dept:杭州市/各区县市', properties: { role: 'support', asWritten: '各区县市' } },
      // The second labelled measure was cut differently: its party is still scored.
      { type: 'ASSIGNED_TO', start: 'm:2', end: 'dept:天津市/市发展改革委', properties: { role: 'lead', asWritten: '市发改委' } },
    ],
    diagnostics: [],
  });
  const labels: Record<string, DepartmentLabel> = {
    市科委: { jurisdiction: '杭州市', kind: 'institution', name: '杭州市科学技术委员会' },
    各区县市: { jurisdiction: '杭州市', kind: 'collective', name: null },
    市发改委: hzDrc,
  };

  it('reads each party’s department from the graph and scores it', () => {
    const g = graph((id) => ({
      name: id.split('/')[1] ?? id,
      aliases: [],
      kind: id.includes('各') ? 'collective' : 'inferred',
      jurisdiction: id.slice(5, id.indexOf('/')),
    }));
    const s = scoreDepartments('doc.txt', partyMatches(label, observedFromGraph(g, 'doc.txt')), labels);
    expect(s.counts).toMatchObject({ exact: 2, otherJurisdiction: 1, missing: 0 });
  });

  it('scores a graph whose departments have no jurisdiction as wrong, not as a crash', () => {
    const g = graph(() => ({}));
    for (const n of g.nodes) if (n.labels.includes('Department')) n.id = n.id.replace(/^dept:[^/]+\//u, 'dept:');
    for (const r of g.relationships) r.end = r.end.replace(/^dept:[^/]+\//u, 'dept:');
    const s = scoreDepartments('doc.txt', partyMatches(label, observedFromGraph(g, 'doc.txt')), labels);
    expect(s.counts).toMatchObject({ exact: 0, noJurisdiction: 3 });
  });
});

describe('departments.json', () => {
  const labels = loadDepartmentLabels();
  const docs = loadSources().filter((d) => d.measures !== null);

  it('has an entry for every labelled party of sources.json, and none for a party it does not list', () => {
    for (const d of docs) {
      const written = new Set(d.measures!.flatMap((m) => m.parties.map((p) => p.name)));
      for (const w of written) expect(labels[d.file]?.[w], `${d.file}: ${w}`).toBeDefined();
      for (const w of Object.keys(labels[d.file] ?? {})) expect(written.has(w), `${d.file}: stale entry ${w}`).toBe(true);
    }
    const files = new Set(docs.map((d) => d.file));
    for (const f of Object.keys(labels)) expect(files.has(f), `unknown document ${f}`).toBe(true);
  });

  it('puts a name relative to the issuer (市X, 区X, 省X, 县X, 各…) in the document’s own jurisdiction', () => {
    for (const d of docs) {
      for (const [w, l] of Object.entries(labels[d.file] ?? {})) {
        if (/^(?:市|区|省|县|各)/u.test(w)) expect(l.jurisdiction, `${d.file}: ${w}`).toBe(d.jurisdiction);
        // Any other party belongs to the document's place, a place inside it (a province's city is
        // written without its province: 哈尔滨市, 牡丹江市绥芬河市), or the nation.
        else {
          const inside = [d.jurisdiction, ...citiesOf(d.jurisdiction)].some((j) => l.jurisdiction.startsWith(j));
          expect(l.jurisdiction === '国家' || inside, `${d.file}: ${w}`).toBe(true);
        }
        if (l.kind === 'collective') expect(l.name, `${d.file}: ${w}: a collective has no full name`).toBeNull();
      }
    }
  });

  describe('loading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'depteval-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names the entry and what to write when a label is malformed', () => {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ documents: { 'a.txt': { 市商务局: { jurisdiction: '天津市', kind: 'body', name: null } } } }));
      expect(() => loadDepartmentLabels(file)).toThrow(/bad\.json: documents\["a\.txt"\]\["市商务局"\]: "kind" must be "institution" or "collective"/u);
      writeFileSync(file, JSON.stringify({ documents: { 'a.txt': { 市商务局: { kind: 'institution', name: null } } } }));
      expect(() => loadDepartmentLabels(file)).toThrow(/"jurisdiction" must be a place name/u);
      writeFileSync(file, JSON.stringify({ parties: {} }));
      expect(() => loadDepartmentLabels(file)).toThrow(/missing "documents" object/u);
    });
  });
});
