import { describe, expect, it } from 'vitest';
import {
  buildDepartmentReference,
  departmentGraph,
  detectFirstIsLead,
  jurisdictionOf,
  loadDepartmentReference,
  resolveResponsibilities,
  type ResolvedParty,
} from './departments.js';
import type { SourceSpan } from '../types.js';

const ref = loadDepartmentReference('seeds/reference');

function spanOf(source: string, list: string, file = 'docs/sample.txt'): SourceSpan {
  const start = source.indexOf(list);
  const before = source.slice(0, start);
  const startLine = before.split('\n').length;
  return { file, startLine, endLine: startLine + list.split('\n').length - 1, startOffset: start, endOffset: start + list.length };
}

const TJ = { jurisdiction: '天津市' };

const brief = (ps: ResolvedParty[]): string[] => ps.map((p) => `${p.name}/${p.role}/${p.kind}`);

describe('resolveResponsibilities', () => {
  it('splits a parenthetical list with 等部门按职责分工负责: every named body is joint', () => {
    const r = resolveResponsibilities('（市商务局、市发改委、天津市工业和信息化局等部门按职责分工负责）', undefined, ref, TJ);
    expect(brief(r.parties)).toEqual([
      '市商务局/joint/institution',
      '市发展改革委/joint/institution',
      '市工业和信息化局/joint/institution',
    ]);
    expect(r.parties[1]!.asWritten).toBe('市发改委');
    expect(r.diagnostics).toEqual([]);
  });

  it('reads 牵头 and 配合 clauses, and a collective after the lead', () => {
    const r = resolveResponsibilities('市体育局牵头，市教委、市卫健委配合；相关部门按职责分工负责', undefined, ref, TJ);
    expect(brief(r.parties)).toEqual([
      '市体育局/lead/institution',
      '市教委/support/institution',
      '市卫生健康委/support/institution',
      '相关部门/joint/collective',
    ]);
  });

  it('gives the lead to a sole party, and to the first one only when the document says so', () => {
    expect(brief(resolveResponsibilities('（市民政局负责）', undefined, ref, TJ).parties)).toEqual(['市民政局/lead/institution']);
    const table = '市交通运输委、市公安局、各区政府';
    expect(resolveResponsibilities(table, undefined, ref, TJ).parties.map((p) => p.role)).toEqual(['joint', 'joint', 'joint']);
    // The convention (排在第一位的为牵头单位，其他为配合单位) names the lead; the rest support it.
    expect(resolveResponsibilities(table, undefined, ref, { ...TJ, firstIsLead: true }).parties.map((p) => p.role)).toEqual([
      'lead',
      'support',
      'support',
    ]);
  });

  it('separates 和各区人民政府, 等有关部门、 and trailing separators, and joins names broken by a line', () => {
    const r = resolveResponsibilities('（市农委、市财政\n局等有关部门和各区人民政府按职责分工负责）', undefined, ref, TJ);
    expect(brief(r.parties)).toEqual(['市农委/joint/institution', '市财政局/joint/institution', '各区人民政府/joint/collective']);
    const t = resolveResponsibilities('市文化和旅游局、市体育局、', undefined, ref, TJ);
    expect(t.parties.map((p) => p.name)).toEqual(['市文化和旅游局', '市体育局']);
  });

  it('keeps comma-separated groups of bodies and collectives (dev-zone committees)', () => {
    const r = resolveResponsibilities(
      '（市市场监管委、市税务局等部门，各区人民政府、滨海新区各开发区管委会按职责分工负责）',
      undefined,
      ref,
      TJ,
    );
    expect(r.parties.map((p) => p.name)).toEqual(['市市场监管委', '市税务局', '各区人民政府', '滨海新区各开发区管委会']);
    expect(r.parties.every((p) => p.role === 'joint')).toBe(true);
  });

  it('maps pure aliases to one institution and merges duplicates', () => {
    const r = resolveResponsibilities('市网信办、市委网信办、天津边防检查总站、市供销合作社', undefined, ref, TJ);
    expect(r.parties.map((p) => p.departmentId)).toEqual(['dept:天津市/市委网信办', 'dept:天津市/天津边检总站', 'dept:天津市/市供销合作总社']);
  });

  it("reads other cities' bodies as theirs (kind inferred), with a diagnostic at the name's line and column", () => {
    const source = '三、保障措施\n（七）加强监管。做好相关工作。（北京市商务局、市商务局、\n上海市经济信息化委等部门按职责分工负责）\n';
    const list = '（北京市商务局、市商务局、\n上海市经济信息化委等部门按职责分工负责）';
    const span = spanOf(source, list);
    const r = resolveResponsibilities(list, span, ref, { ...TJ, source });
    expect(brief(r.parties)).toEqual([
      '市商务局/joint/inferred',
      '市商务局/joint/institution',
      '市经济信息化委/joint/inferred',
    ]);
    expect(r.parties.map((p) => p.departmentId)).toEqual(['dept:北京市/市商务局', 'dept:天津市/市商务局', 'dept:上海市/市经济信息化委']);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.severity])).toEqual([
      ['docs/sample.txt', 2, source.split('\n')[1]!.indexOf('北京') + 1, 'inferred-department', 'info'],
      ['docs/sample.txt', 3, 1, 'inferred-department', 'info'],
    ]);
    // The user is sent to the body's own jurisdiction's file, never to another city's.
    expect(r.diagnostics[0]!.message).toContain('seeds/reference/departments/北京市.json');
    expect(r.diagnostics[1]!.message).toContain('seeds/reference/departments/上海市.json');
  });

  it("reads 市X in another city's document as that city's body, never as the covered city's", () => {
    const r = resolveResponsibilities('（市商务局、市发展改革委、天津海关、各区人民政府等按职责分工负责）', undefined, ref, {
      jurisdiction: jurisdictionOf('北京市人民政府办公厅'),
    });
    expect(r.parties.map((p) => `${p.departmentId}/${p.kind}`)).toEqual([
      'dept:北京市/市商务局/inferred',
      'dept:北京市/市发展改革委/inferred',
      'dept:天津市/天津海关/institution',
      'dept:北京市/各区政府/collective',
    ]);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['inferred-department', 'inferred-department']);
    expect(r.diagnostics.every((d) => !d.message.includes('天津市.json'))).toBe(true);
    // The covered city's own documents are unaffected.
    const own = resolveResponsibilities('市商务局', undefined, ref, { jurisdiction: jurisdictionOf('天津市人民政府') });
    expect(own.parties[0]!.kind).toBe('institution');
  });

  it('without the source text, lines still come from the span', () => {
    const r = resolveResponsibilities('市商务局、\n广州市商务局', { file: 'f.txt', startLine: 10, endLine: 11, startOffset: 500, endOffset: 512 }, ref, TJ);
    expect(r.diagnostics.map((d) => [d.line, d.column])).toEqual([[11, 1]]);
  });

  it('reads a district whose name starts like a conjunction (和平区) as the city\'s district, not 平区', () => {
    const r = resolveResponsibilities('市文化和旅游局、和平区人民政府', undefined, ref, TJ);
    expect(r.parties.map((p) => p.departmentId)).toEqual(['dept:天津市/市文化和旅游局', 'dept:天津市和平区/区政府']);
    // In a document of unknown place (和平区 is also 沈阳市's) it is still 和平区, not 平区.
    expect(resolveResponsibilities('市商务局、和平区人民政府', undefined, ref, {}).parties[1]!.asWritten).toBe('和平区人民政府');
    // A real conjunction before a relative name is still a conjunction.
    expect(resolveResponsibilities('市商务局和各区人民政府', undefined, ref, TJ).parties.map((p) => p.kind)).toEqual(['institution', 'collective']);
    expect(resolveResponsibilities('市商务局，和各区人民政府', undefined, ref, {}).parties.map((p) => p.asWritten)).toEqual(['市商务局', '各区人民政府']);
  });

  it('reads a district or city of the document\'s place named bare as its government', () => {
    const gz = { jurisdiction: '广州市' };
    expect(resolveResponsibilities('黄埔区、南沙区政府', undefined, ref, gz).parties.map((p) => [p.asWritten, p.departmentId])).toEqual([
      ['黄埔区', 'dept:广州市黄埔区/区政府'],
      ['南沙区政府', 'dept:广州市南沙区/区政府'],
    ]);
    expect(resolveResponsibilities('合肥市', undefined, ref, { jurisdiction: '安徽省' }).parties[0]!.departmentId).toBe('dept:合肥市/市政府');
    // A place that is not the document's own is that place's government, never one of the document's.
    expect(resolveResponsibilities('黄埔区', undefined, ref, { jurisdiction: '天津市' }).parties[0]!.jurisdiction).not.toBe('天津市');
    // A district whose name starts like a conjunction, named bare, is not split at 和.
    expect(resolveResponsibilities('和平区', undefined, ref, { jurisdiction: '天津市' }).parties.map((p) => p.departmentId)).toEqual(['dept:天津市和平区/区政府']);
  });

  it('keeps a bracketed 、 inside one name: 各县(市、区)人民政府 is one collective', () => {
    const r = resolveResponsibilities('市应急局、各县（市、区）人民政府', undefined, ref, { jurisdiction: '运城市' });
    expect(r.parties.map((p) => `${p.asWritten}/${p.kind}`)).toEqual(['市应急局/inferred', '各县(市、区)人民政府/collective']);
  });

  it('reads a level-prefixed body named by its function (区绩效考评机构) as inferred, and a collective of firms as a collective', () => {
    const r = resolveResponsibilities('区绩效考评机构、各金融机构', undefined, ref, { jurisdiction: '武汉市蔡甸区' });
    expect(r.parties.map((p) => `${p.departmentId}/${p.kind}`)).toEqual(['dept:武汉市蔡甸区/区绩效考评机构/inferred', 'dept:武汉市蔡甸区/各金融机构/collective']);
  });

  it('reads bare sector words closed by 等有关部门 as the departments of those sectors (inferred), and not elsewhere', () => {
    const r = resolveResponsibilities('信息化、住建、财政等有关部门', undefined, ref, { jurisdiction: '宣城市' });
    expect(brief(r.parties)).toEqual(['信息化/joint/inferred', '住房城乡建设/joint/inferred', '财政/joint/inferred']);
    // The grammar's sector words are departments wherever they are listed; other bare words only in such a group.
    expect(resolveResponsibilities('住建、财政', undefined, ref, { jurisdiction: '宣城市' }).parties.map((p) => p.kind)).toEqual(['inferred', 'inferred']);
    expect(resolveResponsibilities('城建监察、网格', undefined, ref, { jurisdiction: '宣城市' }).parties.map((p) => p.kind)).toEqual(['unresolved', 'unresolved']);
    expect(brief(resolveResponsibilities('城建监察、网格等有关部门', undefined, ref, { jurisdiction: '宣城市' }).parties)).toEqual(['城建监察/joint/inferred', '网格/joint/inferred']);
  });

  it('reads (由)X会同Y负责 as X leading and Y supporting, not as one name', () => {
    const roles = (t: string) => resolveResponsibilities(t, undefined, ref, TJ).parties.map((p) => `${p.asWritten}:${p.role}`);
    expect(roles('市商务局会同市财政局负责')).toEqual(['市商务局:lead', '市财政局:support']);
    expect(roles('由市商务局会同市财政局、市市场监管局等部门负责')).toEqual(['市商务局:lead', '市财政局:support', '市市场监管局:support']);
    expect(roles('市商务局会同有关部门负责')).toEqual(['市商务局:lead', '有关部门:support']);
  });

  it('reads 政府 written bare as the government its list or its document names', () => {
    const region = { jurisdiction: '内蒙古自治区' };
    expect(resolveResponsibilities('自治区党委、政府', undefined, ref, region).parties.map((p) => `${p.asWritten}:${p.departmentId}/${p.kind}`)).toEqual([
      '自治区党委:dept:内蒙古自治区/自治区党委/inferred',
      '政府:dept:内蒙古自治区/自治区政府/inferred',
    ]);
    expect(resolveResponsibilities('各级党委、政府', undefined, ref, region).parties.map((p) => p.kind)).toEqual(['collective', 'collective']);
    expect(resolveResponsibilities('政府', undefined, ref, { jurisdiction: '宣城市' }).parties.map((p) => `${p.name}/${p.kind}`)).toEqual(['市政府/inferred']);
    expect(resolveResponsibilities('政府', undefined, ref, {}).parties.map((p) => p.kind)).toEqual(['unresolved']);
  });

  it('reads the office of an area written bare after a 各 collective as sharing its 各', () => {
    const parties = (t: string, jurisdiction: string) =>
      resolveResponsibilities(t, undefined, ref, { jurisdiction }).parties.map((p) => `${p.departmentId}/${p.kind}`);
    expect(parties('各县区人民政府、园区管委会', '淮安市')).toEqual(['dept:淮安市/各县区政府/collective', 'dept:淮安市/各园区管委会/collective']);
    expect(parties('各乡镇人民政府、街道办事处', '重庆市忠县')).toEqual(['dept:重庆市忠县/各乡镇政府/collective', 'dept:重庆市忠县/各街道办事处/collective']);
    // Not after a collective: one body of the document's place.
    expect(parties('市商务局、园区管委会', '淮安市')).toEqual(['dept:淮安市/市商务局/inferred', 'dept:淮安市/园区管委会/inferred']);
    // Not a bare area office: a named body keeps its own reading.
    expect(parties('各区人民政府、中新天津生态城管委会', '天津市')[1]).not.toMatch(/各/u);
  });

  it('drops 等市级有关部门 after the named bodies, as 等有关部门', () => {
    const r = resolveResponsibilities('市人力社保局、市农业农村局等市级有关部门，各区(县、市)政府', undefined, ref, { jurisdiction: '宁波市' });
    expect(r.parties.map((p) => p.asWritten)).toEqual(['市人力社保局', '市农业农村局', '各区(县、市)政府']);
  });

  it('reads the other members of a named body (联席会议其他成员单位) as a collective', () => {
    const r = resolveResponsibilities('市经济运行监测联席会议其他成员单位', undefined, ref, { jurisdiction: '宁波市' });
    expect(r.parties.map((p) => `${p.jurisdiction}/${p.kind}`)).toEqual(['宁波市/collective']);
  });

  it('never takes kinds of zone written together (开发园区, 开发区(投资区)) for a place', () => {
    const jur = (t: string, jurisdiction: string) =>
      resolveResponsibilities(t, undefined, ref, { jurisdiction }).parties.map((p) => p.jurisdiction);
    expect(jur('开发园区管委会', '宁波市')).toEqual(['宁波市']);
    expect(jur('开发区(投资区)管委会', '漳州市')).toEqual(['漳州市']);
    // A zone with a name that ends in a kind of zone is still placed by its name.
    expect(jur('漳州台商投资区管委会', '漳州市')).toEqual(['漳州市']);
  });

  it('reads a zone named after an autonomous prefecture by its place alone (大理经开区 in a 大理白族自治州 document) as the prefecture\'s', () => {
    const jur = (t: string, jurisdiction: string) =>
      resolveResponsibilities(t, undefined, ref, { jurisdiction }).parties.map((p) => p.jurisdiction);
    expect(jur('大理经开区管委会', '大理白族自治州')).toEqual(['大理白族自治州']);
    expect(jur('红河高新区管委会', '红河哈尼族彝族自治州')).toEqual(['红河哈尼族彝族自治州']);
    expect(jur('延边经济开发区管委会', '延边朝鲜族自治州')).toEqual(['延边朝鲜族自治州']);
  });

  it('never takes a kind of zone written alone (开发区, 工业园区) for a place', () => {
    const ids = (t: string, jurisdiction: string) => resolveResponsibilities(t, undefined, ref, { jurisdiction }).parties.map((p) => p.departmentId);
    expect(ids('开发区管委会', '天津市')).toEqual(['dept:天津市/开发区管委会']);
    expect(ids('经济技术开发区管委会', '武汉市')).toEqual(['dept:武汉市/经济技术开发区管委会']);
    expect(ids('工业园区管委会', '六安市霍山县')).toEqual(['dept:六安市霍山县/工业园区管委会']);
    // A zone with a name is still placed by its name.
    expect(ids('黄冈高新区管委会', '黄冈市')).toEqual(['dept:黄冈市/黄冈高新区管委会']);
  });

  it('in a document of unknown place, reads a body that names a jurisdiction with a file as that jurisdiction\'s', () => {
    const r = resolveResponsibilities('中新天津生态城管委会、市商务局', undefined, ref, {});
    expect(r.parties.map((p) => p.jurisdiction)).toEqual(['天津市', '未知']);
  });

  it('returns fresh objects for a repeated list (the parse is cached, the result is not shared)', () => {
    const first = resolveResponsibilities('市商务局、市财政局', undefined, ref, TJ);
    first.parties[0]!.role = 'support';
    expect(resolveResponsibilities('市商务局、市财政局', undefined, ref, TJ).parties[0]!.role).toBe('joint');
    expect(resolveResponsibilities('市商务局、市财政局', undefined, ref, { ...TJ, firstIsLead: true }).parties[0]!.role).toBe('lead');
  });

  it('reports a list in which no party can be found', () => {
    const r = resolveResponsibilities('（按职责分工负责）', undefined, ref, TJ);
    expect(r.parties).toEqual([]);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['no-responsible-party']);
  });
});

describe('jurisdictionOf', () => {
  it('reads the city or province from an issuer', () => {
    expect(jurisdictionOf('天津市人民政府办公厅')).toBe('天津市');
    expect(jurisdictionOf('广东省人民政府')).toBe('广东省');
    expect(jurisdictionOf('国务院办公厅')).toBe('国家');
  });
  it('reads the place of a title that opens with a verb, and keeps a place the gazetteer lacks', () => {
    expect(jurisdictionOf('加快西宁市流通业发展实施意见')).toBe('西宁市');
    expect(jurisdictionOf('义乌市人民政府')).toBe('义乌市');
  });
});

describe('detectFirstIsLead', () => {
  it('finds the convention only when stated', () => {
    expect(detectFirstIsLead('注：责任单位中排在第一位的为牵头单位，其他为配合单位。')).toBe(true);
    expect(detectFirstIsLead('各单位按职责分工负责。')).toBe(false);
  });

  it('reads the convention however it is worded, and in traditional script', () => {
    expect(detectFirstIsLead('（市发展改革委、市财政局等负责，列第一位者为牵头单位，下同）')).toBe(true);
    expect(detectFirstIsLead('制定本计划（列在任務分工首位的為牽頭單位，其他為主要參加單位）。')).toBe(true);
  });

  it('finds it across layout breaks, deep in a long text', () => {
    const filler = '推动消费提质扩容，市商务局牵头，相关部门按职责分工负责。\n'.repeat(2000);
    expect(detectFirstIsLead(`${filler}注：责任单位中排在第一\n\n位的为牵\n头单位。`)).toBe(true);
    expect(detectFirstIsLead(filler)).toBe(false);
  });

  it('under the convention, the first of a list leads and the others support it', () => {
    const { parties } = resolveResponsibilities('市商务局、市经济和信息化委、市农业局等负责', undefined, ref, { jurisdiction: '内江市', firstIsLead: true });
    expect(parties.map((p) => `${p.asWritten}:${p.role}`)).toEqual(['市商务局:lead', '市经济和信息化委:support', '市农业局:support']);
  });
});

describe('departmentGraph', () => {
  it('adds whole succession chains with SUCCEEDED_BY {year, note}', () => {
    const { parties } = resolveResponsibilities('天津银监局、市商务委', undefined, ref, TJ);
    const g = departmentGraph(ref, parties);
    const ids = g.nodes.map((n) => n.id.replace('dept:天津市/', '')).sort();
    expect(ids).toEqual(['天津金融监管局', '天津银保监局', '天津银监局', '市商务委', '市商务局'].sort());
    const edges = g.relationships.map((r) => `${r.start}->${r.end}@${r.properties.year}`.replaceAll('dept:天津市/', '')).sort();
    expect(edges).toEqual(['天津银保监局->天津金融监管局@2023', '天津银监局->天津银保监局@2018', '市商务委->市商务局@2018']);
    const node = g.nodes.find((n) => n.id === 'dept:天津市/市商务委')!;
    expect(node.labels).toEqual(['Department']);
    expect(node.properties.kind).toBe('institution');
    expect(Array.isArray(node.properties.aliases)).toBe(true);
  });

  it('reaches merged predecessors from the successor (市文化和旅游局 ← two bodies)', () => {
    const { parties } = resolveResponsibilities('市文化和旅游局', undefined, ref, TJ);
    const g = departmentGraph(ref, parties);
    expect(g.relationships.map((r) => r.start).sort()).toEqual(['dept:天津市/市文化广播影视局', 'dept:天津市/市旅游局']);
  });

  it('gives an inferred body of a jurisdiction without a file the generic 2018 succession (confidence inferred)', () => {
    const { parties } = resolveResponsibilities('重庆市商务委', undefined, ref, TJ);
    const g = departmentGraph(ref, parties);
    expect(g.nodes).toEqual([
      { id: 'dept:重庆市/市商务委', labels: ['Department'], properties: { name: '市商务委', aliases: ['重庆市商务委'], kind: 'inferred', jurisdiction: '重庆市' } },
      { id: 'dept:重庆市/市商务局', labels: ['Department'], properties: { name: '市商务局', aliases: [], kind: 'inferred', jurisdiction: '重庆市' } },
    ]);
    expect(g.relationships.map((r) => [r.start, r.end, r.properties.year, r.properties.confidence])).toEqual([
      ['dept:重庆市/市商务委', 'dept:重庆市/市商务局', 2018, 'inferred'],
    ]);
  });

  it('keeps 市商务委 of 上海市 and of 天津市 apart, each with its successor', () => {
    const sh = resolveResponsibilities('市商务委', undefined, ref, { jurisdiction: '上海市' }).parties;
    const tj = resolveResponsibilities('市商务委', undefined, ref, TJ).parties;
    expect(sh[0]!.departmentId).toBe('dept:上海市/市商务委');
    expect(tj[0]!.departmentId).toBe('dept:天津市/市商务委');
    const g = departmentGraph(ref, [...sh, ...tj]);
    const edges = g.relationships.map((r) => `${r.start}->${r.end}:${r.properties.confidence}`).sort();
    expect(edges).toEqual(['dept:上海市/市商务委->dept:上海市/市商务局:inferred', 'dept:天津市/市商务委->dept:天津市/市商务局:stated']);
  });

  it('merges a body written in full, abbreviated and with its place into one inferred body', () => {
    const r = resolveResponsibilities('杭州市发展和改革委员会、市发改委、市发展改革委', undefined, ref, { jurisdiction: '杭州市' });
    expect(r.parties.map((p) => p.departmentId)).toEqual(['dept:杭州市/市发展改革委']);
    const g = departmentGraph(ref, [
      ...r.parties,
      ...resolveResponsibilities('市发改委', undefined, ref, { jurisdiction: '杭州市' }).parties,
    ]);
    expect([...(g.nodes[0]!.properties.aliases as string[])].sort()).toEqual(['市发改委', '杭州市发展和改革委员会'].sort());
  });

  it('resolves national bodies, vertical branches, collectives and posts', () => {
    const r = resolveResponsibilities(
      '国家发改委、工商总局、人民银行杭州中心支行、杭州海关、天津海关、各有关部门、全市经济运行工作专班各部门、分管副市长',
      undefined,
      ref,
      { jurisdiction: '杭州市' },
    );
    expect(r.parties.map((p) => `${p.departmentId}/${p.kind}`)).toEqual([
      'dept:国家/国家发展改革委/institution',
      'dept:国家/工商总局/institution',
      'dept:杭州市/人民银行杭州中心支行/inferred',
      'dept:杭州市/杭州海关/inferred',
      'dept:天津市/天津海关/institution',
      'dept:杭州市/各有关部门/collective',
      'dept:杭州市/全市经济运行工作专班各部门/collective',
      'dept:杭州市/分管副市长/unresolved',
    ]);
    const national = departmentGraph(ref, r.parties.slice(1, 2));
    expect(national.relationships.map((x) => `${x.start}->${x.end}@${x.properties.year}`)).toContain('dept:国家/工商总局->dept:国家/市场监管总局@2018');
  });
});

describe('reference data', () => {
  it('refuses an alias claimed by two bodies', () => {
    expect(() =>
      buildDepartmentReference([
        {
          institutions: [
            { name: '市甲局', kind: 'institution', aliases: ['甲'] },
            { name: '市乙局', kind: 'institution', aliases: ['甲'] },
          ],
        },
      ]),
    ).toThrow(/claimed by both/);
  });

  it('covers the reforms the seeds span (all successions name known bodies)', () => {
    expect(ref.successions.length).toBeGreaterThanOrEqual(18);
    expect(ref.successorsOf.get('dept:天津市/市金融局')?.[0]?.to).toBe('市地方金融管理局');
    // The national file: 银监会 → 银保监会 (2018) → 金融监管总局 (2023), each with its source.
    const chain = ref.successorsOf.get('dept:国家/银监会')![0]!;
    expect([chain.to, chain.year, chain.source]).toEqual(['银保监会', 2018, 'S2018']);
    expect(ref.successorsOf.get('dept:国家/银保监会')![0]!.year).toBe(2023);
  });
});

describe('jurisdictionOf', () => {
  it('reads the place from an issuing government', () => {
    expect(jurisdictionOf('北京市人民政府办公厅')).toBe('北京市');
    expect(jurisdictionOf('广西壮族自治区人民政府')).toBe('广西壮族自治区');
  });
  it('names no place when the issuer line is a list of departments', () => {
    expect(jurisdictionOf('市发展改革委、市委宣传部、市委网信办')).toBeUndefined();
  });
});

describe('addressees written with level words', () => {
  it('resolves 总台, the national broadcaster\'s own short name, in a national document', () => {
    const r = resolveResponsibilities('总台', undefined, ref, { jurisdiction: '国家' });
    expect(r.parties.map((p) => `${p.name}/${p.jurisdiction}/${p.kind}`)).toEqual(['中央广播电视总台/国家/institution']);
  });

  it('reads a broadcaster (市广播电视台) as a body of the document\'s place', () => {
    const r = resolveResponsibilities('（市委宣传部、市广播电视台负责）', undefined, ref, { jurisdiction: '杭州市' });
    expect(r.parties.map((p) => `${p.asWritten}/${p.jurisdiction}/${p.kind}`)).toEqual(['市委宣传部/杭州市/inferred', '市广播电视台/杭州市/inferred']);
  });

  it('keeps 相关市、县政府 (the cities and counties concerned) as one collective', () => {
    const r = resolveResponsibilities('（省发改委、交通运输厅、相关市、县政府负责）', undefined, ref, { jurisdiction: '黑龙江省' });
    expect(r.parties.map((p) => `${p.asWritten}/${p.kind}`)).toEqual(['省发改委/inferred', '交通运输厅/inferred', '相关市、县政府/collective']);
  });

  it('resolves a city named as a party (alone, or sharing the 市政府 of the list) as its government', () => {
    const r = resolveResponsibilities('（哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责）', undefined, ref, { jurisdiction: '黑龙江省' });
    expect(r.parties.map((p) => `${p.asWritten}/${p.jurisdiction}/${p.name}`)).toEqual([
      '哈尔滨机场扩建指挥部/黑龙江省/哈尔滨机场扩建指挥部',
      '哈尔滨/哈尔滨市/市政府',
      '黑河/黑河市/市政府',
      '绥芬河市政府/绥芬河市/市政府',
      '省农垦总局/黑龙江省/省农垦总局',
    ]);
    const s = resolveResponsibilities('（省发展改革委、南京、无锡、苏州市人民政府负责）', undefined, ref, { jurisdiction: '江苏省' });
    expect(s.parties.map((p) => p.jurisdiction)).toEqual(['江苏省', '南京市', '无锡市', '苏州市']);
    const t = resolveResponsibilities('（省商务厅、大庆市负责）', undefined, ref, { jurisdiction: '黑龙江省' });
    expect(t.parties.map((p) => `${p.asWritten}/${p.jurisdiction}/${p.name}/${p.kind}`)).toEqual(['省商务厅/黑龙江省/省商务厅/inferred', '大庆市/大庆市/市政府/inferred']);
  });

  it('keeps 各州、市人民政府 and 各市、县级政府 as one collective each', () => {
    const a = resolveResponsibilities('省商务厅、省农业农村厅等部门及各市、县级政府按职责分工负责', undefined, ref, { jurisdiction: '吉林省' });
    expect(a.parties.map((p) => `${p.asWritten}/${p.kind}`)).toEqual(['省商务厅/inferred', '省农业农村厅/inferred', '各市、县级政府/collective']);
    const b = resolveResponsibilities('水利厅,各州、市人民政府配合', undefined, ref, { jurisdiction: '云南省' });
    expect(b.parties.map((p) => `${p.asWritten}/${p.kind}`)).toEqual(['水利厅/inferred', '各州、市人民政府/collective']);
  });
});

describe('bodies placed by what their names say', () => {
  const place = (name: string, jurisdiction: string) => {
    const p = resolveResponsibilities(name, undefined, ref, { jurisdiction }).parties[0]!;
    return `${p.jurisdiction}/${p.kind}`;
  };

  it('keeps a local body and a branch acting in the place of the document, never the national level', () => {
    expect(place('地方金融监管局', '河南省')).toBe('河南省/inferred');
    expect(place('国家开发银行云南省分行', '云南省')).toBe('云南省/inferred');
    expect(place('人行郑州中心支行', '河南省')).toBe('河南省/inferred');
  });

  it('writes an autonomous region’s bodies as the region does (自治区X), so both spellings are one body', () => {
    const id = (name: string, jurisdiction: string) => resolveResponsibilities(name, undefined, ref, { jurisdiction }).parties[0]!.departmentId;
    expect(id('内蒙古自治区发展改革委', '广西壮族自治区')).toBe(id('自治区发展改革委', '内蒙古自治区'));
    expect(id('内蒙古自治区发展改革委', '广西壮族自治区')).toBe('dept:内蒙古自治区/自治区发展改革委');
  });

  it('places a national system’s branch named after another place in that place, not at the national level', () => {
    expect(place('国家开发银行天津分行', '云南省')).toBe('天津市/inferred');
    expect(place('国家税务总局杭州市税务局', '天津市')).toBe('杭州市/inferred');
    expect(place('国家税务总局', '云南省')).toMatch(/^国家\//);
  });

  it('places a development zone named after the place of the document with its government', () => {
    expect(place('黄冈高新区管委会', '黄冈市')).toBe('黄冈市/inferred');
    expect(place('立山经济开发区', '鞍山市立山区')).toBe('鞍山市立山区/inferred');
  });

  it('reads organisations of the people as bodies and groups of places or task teams as collectives', () => {
    expect(place('市残联', '东莞市')).toBe('东莞市/inferred');
    expect(place('大湾区内地各市', '广东省')).toBe('广东省/collective');
    expect(place('全区经济运行各专班', '鞍山市立山区')).toBe('鞍山市立山区/collective');
    // The member bodies of a command or leading group, with or without 各.
    expect(place('区疫情防控指挥部成员单位', '黄石市下陆区')).toBe('黄石市下陆区/collective');
    expect(place('区创文工作领导小组成员单位', '黄石市下陆区')).toBe('黄石市下陆区/collective');
    // 区属各… / 县属各…: every one of a district's or county's own enterprises or units.
    expect(place('区属各重点国企', '重庆市渝中区')).toBe('重庆市渝中区/collective');
    expect(place('县属各国有企业', '宣城市泾县')).toBe('宣城市泾县/collective');
    // The units responsible for each task of a breakdown, however qualified: never one body.
    expect(place('主要责任单位', '岳阳市华容县')).toBe('岳阳市华容县/collective');
    expect(place('协同责任单位', '岳阳市华容县')).toBe('岳阳市华容县/collective');
  });
});

describe('和 inside an organ name', () => {
  it('keeps 文化和旅游厅 whole after a sector word, and still separates two organs joined by 和', () => {
    const a = resolveResponsibilities('省商务厅、财政厅、文化和旅游厅、工业和信息化厅等相关部门按职责分工负责', undefined, ref, { jurisdiction: '河南省' });
    expect(a.parties.map((p) => p.asWritten)).toEqual(['省商务厅', '财政厅', '文化和旅游厅', '工业和信息化厅']);
    const b = resolveResponsibilities('市商务局和各区人民政府', undefined, ref, TJ);
    expect(b.parties.map((p) => p.asWritten)).toEqual(['市商务局', '各区人民政府']);
  });
});

describe('two collectives written with no separator', () => {
  it('separates the areas a government has many of from the next 各 (各乡镇各部门), not the levels (各级各部门)', () => {
    const J = { jurisdiction: '宣城市泾县' };
    expect(resolveResponsibilities('各乡镇各部门', undefined, ref, J).parties.map((p) => [p.asWritten, p.kind])).toEqual([
      ['各乡镇', 'collective'],
      ['各部门', 'collective'],
    ]);
    expect(resolveResponsibilities('各街道各有关单位', undefined, ref, J).parties.map((p) => p.asWritten)).toEqual(['各街道', '各有关单位']);
    expect(resolveResponsibilities('各级各部门', undefined, ref, J).parties.map((p) => p.asWritten)).toEqual(['各级各部门']);
  });
});
