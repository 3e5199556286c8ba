import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise.js';
import { citationKeys, linkImplementations, type ImplementableMeasure, type ImplementationDocument } from './implementation.js';

// A national opinion and a provincial plan in other wording than the seeds'; the province cites the
// opinion by number, and the national document is known under its placeholder until it arrives.
let n = 0;
function m(documentId: string, text: string): ImplementableMeasure {
  return { id: `m:${documentId}:${String(++n).padStart(3, '0')}`, documentId, text, normText: normalise(text), departments: [] };
}

const NATIONAL = [
  '（一）发展县域商业。完善县乡村三级物流配送体系，支持建设县级物流配送中心和乡镇快递物流站点。推动农村商贸流通企业连锁化经营。',
  '（二）培育夜间经济。鼓励有条件的城市打造夜间消费集聚区，丰富夜间文化演艺和夜游产品，延长公共交通运营时间。',
  '（三）促进汽车消费。稳定增加汽车消费，开展新能源汽车下乡活动，完善充电基础设施，支持老旧车辆报废更新。',
  '（四）提升家政服务。推进家政服务业提质扩容，实施家政服务员技能升级行动，推广家政服务信用信息平台。',
];
const LOCAL = [
  '建设县级物流配送中心12个、乡镇快递物流站点300个，完善县乡村三级物流配送体系。（省商务厅牵头）',
  '打造10条夜间消费集聚区，推出夜游项目和文化演艺，延长地铁和公交运营时间。',
  '组织新能源汽车下乡，加快充电桩建设，落实老旧车辆报废更新补贴。',
  '办好全省青少年足球联赛，建设一批社会足球场地。',
];

function world() {
  n = 0;
  const national = NATIONAL.map((t) => m('doc:nat', t));
  const local = LOCAL.map((t) => m('doc:prov', t));
  const other = ['推进智慧城市建设，完善政务服务一网通办。', '加强耕地保护，推进高标准农田建设。', '发展职业教育，推进产教融合。'].map((t) => m('doc:other', t));
  const docs: ImplementationDocument[] = [
    { id: 'doc:nat', level: 'national', keys: citationKeys('国办发〔2030〕7号', '关于促进消费的意见'), cites: [] },
    { id: 'doc:prov', level: 'provincial', keys: citationKeys(null, '某省促进消费实施方案'), cites: ['nat:国办发〔2030〕7号'] },
    { id: 'doc:other', level: 'provincial', keys: [], cites: [] },
  ];
  return { national, local, other, docs };
}

describe('linkImplementations', () => {
  it('links each local measure to the national clause it carries out, through the placeholder of the citation', () => {
    const { national, local, other, docs } = world();
    const { links } = linkImplementations({ measures: [...national, ...local, ...other], documents: docs });
    const to = (i: number) => links.find((l) => l.from === local[i]!.id)?.to;
    expect(to(0)).toBe(national[0]!.id);
    expect(to(1)).toBe(national[1]!.id);
    expect(to(2)).toBe(national[2]!.id);
    // Football is in no national clause: no link rather than the least bad one.
    expect(to(3)).toBeUndefined();
    const l = links.find((x) => x.from === local[0]!.id)!;
    expect(l.document).toBe('doc:nat');
    expect(l.evidence).toEqual(expect.arrayContaining(['物流配送', '乡镇快递']));
    expect(l.clause).toContain('物流配送');
    expect(national[0]!.text.slice(l.clauseStart, l.clauseEnd)).toBe(l.clause);
    expect(l.score).toBeGreaterThan(0);
  });

  it('links nothing without a citation, nor to a document of the same or a lower level', () => {
    const { national, local, docs } = world();
    const uncited = docs.map((d) => ({ ...d, cites: [] }));
    expect(linkImplementations({ measures: [...national, ...local], documents: uncited }).links).toEqual([]);
    const sameLevel = docs.map((d) => (d.id === 'doc:nat' ? { ...d, level: 'provincial' } : d));
    expect(linkImplementations({ measures: [...national, ...local], documents: sameLevel }).links).toEqual([]);
    // The cited document absent (only its placeholder exists): nothing to link to.
    expect(linkImplementations({ measures: local, documents: docs }).links).toEqual([]);
  });

  it('gives the same links whatever order the measures and documents come in', () => {
    const { national, local, other, docs } = world();
    const a = linkImplementations({ measures: [...national, ...local, ...other], documents: docs });
    const b = linkImplementations({ measures: [...other, ...local, ...national].reverse(), documents: [...docs].reverse() });
    expect(b).toEqual(a);
  });

  it('points a quoted requirement at the clause that contains it, also written with other punctuation', () => {
    const { national, local, docs } = world();
    const req = { id: 'req:1', normText: normalise('鼓励有条件的城市打造夜间消费集聚区，丰富夜间文化演艺和夜游产品'), directive: 'nat:国办发〔2030〕7号' };
    const { quotes } = linkImplementations({ measures: [...national, ...local], documents: docs, requirements: [req] });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ from: 'req:1', to: national[1]!.id, score: 1, tier: 'same' });
    expect(quotes[0]!.evidence[0]).toBe('verbatim');
    const elsewhere = { ...req, id: 'req:2', directive: 'nat:国办发〔2031〕1号' };
    expect(linkImplementations({ measures: national, documents: docs, requirements: [elsewhere] }).quotes).toEqual([]);
  });
});
