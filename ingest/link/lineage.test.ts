import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise.js';
import { LINK_DEFAULTS, linkMeasures, splitClauses, type LineageLink, type LinkableMeasure } from './lineage.js';
import { syntheticMeasures } from './synthetic.js';

// Measures in the genre, in other cities' wording (not the seeds'). Each document carries a few
// unrelated measures so that document frequencies look like a real plan's.
let counter = 0;
function measure(documentId: string, year: number | null, text: string, extra: Partial<LinkableMeasure> = {}): LinkableMeasure {
  return {
    id: `m:${documentId}:${String(counter++).padStart(3, '0')}`,
    documentId,
    year,
    text,
    normText: normalise(text),
    themes: [],
    initiatives: [],
    targetMetrics: [],
    departments: [],
    ...extra,
  };
}

const FILLER = [
  '推动夜间经济集聚区建设，打造一批夜市街区和深夜食堂，延长商业营业时间。',
  '完善社区养老服务设施，发展老年助餐和居家上门服务，扩大普惠养老床位供给。',
  '支持企业开展汽车以旧换新，落实报废更新补贴，引导新能源汽车下乡。',
  '培育跨境电商产业园，支持企业建设海外仓，拓展国际营销网络。',
  '加快发展托育服务，支持用人单位办托和社区嵌入式托育机构建设。',
  '提升家政服务标准化水平，开展家政人员技能培训和持证上岗。',
  '鼓励景区推出夜游项目，丰富演艺、灯光秀等夜间文旅产品。',
  '完善城市快递末端网点，推广智能快件箱和共配站点。',
];

function corpus(): LinkableMeasure[] {
  counter = 0;
  const docs: LinkableMeasure[] = [];
  const years: [string, number][] = [
    ['doc:cd2018', 2018],
    ['doc:cd2020', 2020],
    ['doc:cd2022', 2022],
  ];
  for (const [doc, year] of years) for (const f of FILLER) docs.push(measure(doc, year, f + `（市商务局等部门按职责分工负责）`));
  return docs;
}

const COLD_2018 = '加快冷链物流基地建设，支持农产品产地冷库和冷链配送中心建设，完善生鲜冷链追溯体系。（市商务局、市发展改革委等部门按职责分工负责）';
const COLD_2020 = '推进国家骨干冷链物流基地建设，新建产地冷库和冷链配送中心，推动生鲜冷链追溯体系全覆盖。（市商务局牵头，相关部门按职责分工负责）';
const APP_2018 = '开发“蓉易办”政务服务移动端应用，实现高频事项掌上办理。（市政务服务办负责）';
const APP_2020 = '全面推广“蓉易办”，实现企业开办、不动产登记等事项一网通办、全程网办。（市政务服务办负责）';

function find(links: LineageLink[], from: LinkableMeasure, to: LinkableMeasure): LineageLink | undefined {
  return links.find((l) => l.from === from.id && l.to === to.id);
}

describe('linkMeasures', () => {
  it('links a later measure to the earlier one it continues, later → earlier, with evidence', () => {
    const ms = corpus();
    const early = measure('doc:cd2018', 2018, COLD_2018);
    const late = measure('doc:cd2020', 2020, COLD_2020);
    const { links } = linkMeasures([...ms, late, early]);
    const link = find(links, late, early);
    expect(link).toBeDefined();
    expect(find(links, early, late)).toBeUndefined();
    expect(link!.evidence.join(' ')).toMatch(/冷链|冷库/u);
    expect(link!.method).toMatch(/^tfidf/u);
    expect(link!.score).toBeGreaterThan(0);
  });

  it('never links two measures of the same document, however alike', () => {
    const ms = corpus();
    const a = measure('doc:cd2020', 2020, COLD_2018);
    const b = measure('doc:cd2020', 2020, COLD_2020);
    const { links } = linkMeasures([...ms, a, b]);
    expect(find(links, a, b)).toBeUndefined();
    expect(find(links, b, a)).toBeUndefined();
    for (const l of links) {
      const from = [...ms, a, b].find((m) => m.id === l.from)!;
      const to = [...ms, a, b].find((m) => m.id === l.to)!;
      expect(from.documentId).not.toBe(to.documentId);
      expect(from.year!).toBeGreaterThan(to.year!);
    }
  });

  it('does not link documents of the same year unless their issue dates order them', () => {
    const ms = corpus();
    const a = measure('doc:x', 2020, COLD_2018);
    const b = measure('doc:y', 2020, COLD_2020);
    expect(find(linkMeasures([...ms, a, b]).links, b, a)).toBeUndefined();
    const dated = [{ ...a, issuedOn: '2020-03-01' }, { ...b, issuedOn: '2020-11-20' }];
    expect(find(linkMeasures([...ms, ...dated]).links, b, a)).toBeDefined();
  });

  it('scores no pair within one document (a single file links nothing)', () => {
    const a = measure('doc:one', 2018, COLD_2018);
    const b = measure('doc:one', 2018, COLD_2020);
    const { links, stats } = linkMeasures([a, b]);
    expect(links).toEqual([]);
    expect(stats.candidatePairs).toBe(0);
    expect(stats.measures).toBe(2);
  });

  it('never links measures without a year', () => {
    const ms = corpus();
    const a = measure('doc:x', null, COLD_2018);
    const b = measure('doc:y', 2022, COLD_2020);
    const { links, stats } = linkMeasures([...ms, a, b]);
    expect(links.some((l) => l.from === a.id || l.to === a.id)).toBe(false);
    expect(stats.unordered).toBe(1);
  });

  it('links through a shared named programme and reports it', () => {
    const ms = corpus();
    const early = measure('doc:cd2018', 2018, APP_2018);
    const late = measure('doc:cd2022', 2022, APP_2020);
    const { links } = linkMeasures([...ms, early, late]);
    const link = find(links, late, early);
    expect(link).toBeDefined();
    expect(link!.method).toContain('initiative');
    // A quoted name that is no Initiative node is evidence, never a shared initiative.
    expect(link!.sharedInitiatives).toEqual([]);
    expect(link!.evidence).toContain('“蓉易办”');
  });

  it('links within a jurisdiction as EVOLVES_FROM and across jurisdictions of one level as RESEMBLES, never across levels', () => {
    const ms = corpus().map((m) => ({ ...m, jurisdiction: '成都市', level: 'municipal' }));
    const cd = measure('doc:cd2018', 2018, COLD_2018, { jurisdiction: '成都市', level: 'municipal' });
    const wh = measure('doc:wh2020', 2020, COLD_2020, { jurisdiction: '武汉市', level: 'municipal', issuedOn: '2020-05-01' });
    const cd2 = measure('doc:cd2022', 2022, COLD_2020, { jurisdiction: '成都市', level: 'municipal' });
    const nat = measure('doc:nat2021', 2021, COLD_2020, { jurisdiction: '国家', level: 'national' });
    const { links } = linkMeasures([...ms, cd, wh, cd2, nat]);
    expect(find(links, cd2, cd)?.kind).toBe('EVOLVES_FROM');
    const diffusion = find(links, wh, cd)!;
    expect(diffusion.kind).toBe('RESEMBLES');
    expect(diffusion.earlierIssuedOn).toBe('2018');
    expect(diffusion.evidence.length).toBeGreaterThan(0);
    // Wuhan's measure never "evolves" into Chengdu's, and the national one is linked to neither here.
    expect(links.filter((l) => l.kind === 'EVOLVES_FROM' && [l.from, l.to].includes(wh.id))).toEqual([]);
    expect(links.filter((l) => l.from === nat.id || l.to === nat.id)).toEqual([]);
  });

  it('does not say which place wrote a measure first on a year that is only a lower bound', () => {
    const ms = corpus().map((m) => ({ ...m, jurisdiction: '成都市', level: 'municipal' }));
    const cd = (yearSource: string) => measure('doc:cd2018', 2018, COLD_2018, { jurisdiction: '成都市', level: 'municipal', yearSource });
    const wh = measure('doc:wh2020', 2020, COLD_2020, { jurisdiction: '武汉市', level: 'municipal', yearSource: 'stated' });
    const stated = cd('stated');
    expect(find(linkMeasures([...ms, stated, wh]).links, wh, stated)?.kind).toBe('RESEMBLES');
    // 'inferred': issued in 2018 or later, perhaps after Wuhan's.
    const inferred = cd('inferred');
    expect(find(linkMeasures([...ms, inferred, wh]).links, wh, inferred)).toBeUndefined();
    // The later side's lower bound is enough when the earlier year is stated.
    const whInferred = { ...wh, yearSource: 'inferred' };
    expect(find(linkMeasures([...ms, stated, whInferred]).links, whInferred, stated)?.kind).toBe('RESEMBLES');
  });

  it('links a measure of unknown place to none among placed ones, and a corpus without places as one jurisdiction', () => {
    const placed = corpus().map((m) => ({ ...m, jurisdiction: '成都市', level: 'municipal' }));
    const early = measure('doc:cd2018', 2018, COLD_2018, { jurisdiction: '成都市', level: 'municipal' });
    const unknown = measure('doc:x2020', 2020, COLD_2020, { level: 'municipal' });
    expect(linkMeasures([...placed, early, unknown]).links.filter((l) => l.from === unknown.id || l.to === unknown.id)).toEqual([]);
    const bare = measure('doc:cd2018', 2018, COLD_2018);
    const bareLater = measure('doc:x2020', 2020, COLD_2020);
    expect(find(linkMeasures([...corpus(), bare, bareLater]).links, bareLater, bare)?.kind).toBe('EVOLVES_FROM');
  });

  it('keeps the best-aligned clauses (texts and offsets) as evidence and tiers the link', () => {
    const ms = corpus();
    const bundled = '推进宽带网络提速降费，扩大光纤覆盖范围。积极争取第五代移动通信（5G）试验网络先试先用。推动数据中心绿色化发展。（市通信管理局负责）';
    const early = measure('doc:cd2018', 2018, bundled);
    const late = measure('doc:cd2022', 2022, '加快5G试验网络向商用网络升级，扩大5G覆盖。（市通信管理局负责）');
    const link = find(linkMeasures([...ms, early, late]).links, late, early)!;
    expect(link).toBeDefined();
    const best = link.clauses![0]!;
    expect(best.earlier).toContain('5G');
    expect(early.text.slice(best.earlierStart, best.earlierEnd)).toBe(best.earlier);
    expect(late.text.slice(best.laterStart, best.laterEnd)).toBe(best.later);
    expect(['same', 'related']).toContain(link.tier);
    expect(link.reason).toBeTruthy();
  });

  it('tiers as `same` only the pair that is each other\'s best match; a look-alike of the same plan is `related`', () => {
    const ms = corpus();
    const early = measure('doc:cd2018', 2018, COLD_2018);
    const successor = measure('doc:cd2020', 2020, COLD_2020);
    // Same plan, same cold-chain words, another measure: the traceability part alone.
    const lookalike = measure('doc:cd2020', 2020, '推动生鲜冷链追溯体系与农产品质量安全追溯平台对接，开展冷链食品抽检。（市市场监管委负责）');
    const { links } = linkMeasures([...ms, early, successor, lookalike]);
    expect(find(links, successor, early)?.tier).toBe('same');
    const other = find(links, lookalike, early);
    if (other) expect(other.tier).toBe('related');
  });

  it('cuts clauses at sentence ends, table cells and list markers, not at the hard line wraps of a PDF', () => {
    const text = '加快第五代移动通信（5G）网络建设，实现中心城区、滨海新区核\n心区全面覆盖。\t推进千兆光网（1）提升宽带速率';
    expect(splitClauses(text).map((c) => text.slice(c.start, c.end))).toEqual([
      '加快第五代移动通信（5G）网络建设，实现中心城区、滨海新区核\n心区全面覆盖。',
      '推进千兆光网',
      '（1）提升宽带速率',
    ]);
  });

  it('gives the same links whatever the order of the measures (deterministic over the stored corpus)', () => {
    const ms = [...corpus(), measure('doc:cd2018', 2018, COLD_2018), measure('doc:cd2020', 2020, COLD_2020), measure('doc:cd2018', 2018, APP_2018), measure('doc:cd2022', 2022, APP_2020)];
    const a = linkMeasures(ms).links;
    const b = linkMeasures([...ms].reverse()).links;
    const c = linkMeasures(ms.slice(0, 10), { existing: ms.slice(10), reduce: false }).links;
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(0);
    // Incremental (existing not relinked among themselves) is a subset of the whole-corpus run
    // (before the chain reduction, which needs the stored links an incremental run does not see).
    const whole = linkMeasures(ms, { reduce: false }).links;
    for (const l of c) expect(whole).toContainEqual(l);
  });

  it('reports supplied initiative and theme ids', () => {
    const ms = corpus();
    const early = measure('doc:cd2018', 2018, APP_2018, { initiatives: ['init:蓉易办'], themes: ['theme:e-government'] });
    const late = measure('doc:cd2022', 2022, APP_2020, { initiatives: ['init:蓉易办'], themes: ['theme:e-government'] });
    const link = find(linkMeasures([...ms, early, late]).links, late, early)!;
    expect(link.sharedInitiatives).toEqual(['init:蓉易办']);
    expect(link.sharedThemes).toEqual(['theme:e-government']);
  });

  it('does not link on the genre’s boilerplate and the same departments alone', () => {
    const ms = corpus();
    const boiler = '，进一步加大工作力度，积极推动相关工作落实，加快完善工作机制，不断提升服务水平。（市商务局、市发展改革委等部门按职责分工负责）';
    const early = measure('doc:cd2018', 2018, '支持社区菜市场标准化改造' + boiler, { departments: ['dept:市商务局', 'dept:市发展改革委'] });
    const late = measure('doc:cd2022', 2022, '鼓励发展首店经济和品牌旗舰店' + boiler, { departments: ['dept:市商务局', 'dept:市发展改革委'] });
    const { links } = linkMeasures([...ms, early, late]);
    expect(find(links, late, early)).toBeUndefined();
  });

  it('keeps at most maxLinks predecessors per measure', () => {
    const ms = corpus();
    const earlier = [2010, 2012, 2014, 2016, 2018].map((y) => measure(`doc:y${y}`, y, COLD_2018));
    const late = measure('doc:cd2022', 2022, COLD_2020);
    const { links } = linkMeasures([...ms, ...earlier, late], { maxLinks: 2, reduce: false });
    expect(links.filter((l) => l.from === late.id)).toHaveLength(2);
  });

  it('links a measure to its nearest version, not to every ancestor, and keeps the chain', () => {
    const ms = corpus();
    const earlier = [2010, 2012, 2014, 2016, 2018].map((y) => measure(`doc:y${y}`, y, COLD_2018));
    const late = measure('doc:cd2022', 2022, COLD_2020);
    const { links } = linkMeasures([...ms, ...earlier, late]);
    const next = new Map(links.map((l) => [l.from, l.to]));
    expect(links.filter((l) => l.from === late.id).map((l) => l.to)).toEqual([earlier[4]!.id]);
    // 2022 → 2018 → 2016 → … → 2010: every version still reachable, one step at a time.
    let at = late.id;
    const path: string[] = [];
    while (next.has(at)) path.push((at = next.get(at)!));
    expect(path).toEqual([...earlier].reverse().map((m) => m.id));
    expect(linkMeasures([...ms, ...earlier, late], { reduce: false }).links.length).toBeGreaterThan(links.length);
  });

  it('drops a related link whose only common subject is one generic word, keeps one with a rare shared name', () => {
    const ms = corpus();
    // Two measures of different subjects that share one generic phrase, 技能培训 (skills training).
    const a = measure('doc:cd2018', 2018, '组织开展市民数字技能培训，普及网上办事和移动支付。（市网信办负责）');
    const b = measure('doc:cd2020', 2020, '鼓励职业院校开设导游专业，开展酒店从业人员技能培训。（市文化和旅游局负责）');
    const kept = linkMeasures([...ms, a, b], { relatedScore: 0 }).links;
    const strict = linkMeasures([...ms, a, b]).links;
    const weak = find(kept, b, a);
    expect(weak?.tier).toBe('related');
    expect(find(strict, b, a)).toBeUndefined();
    // A rare multi-word name in one clause of each vouches for the link.
    const c = measure('doc:cd2018', 2018, '实施信息进村入户工程，建设村级益农信息社，提供便民服务和电商服务。（市农业农村委负责）');
    const d = measure('doc:cd2020', 2020, '深化信息进村入户工程，推动益农信息社与农村电商站点共建共享。（市农业农村委负责）');
    expect(find(linkMeasures([...ms, c, d]).links, d, c)).toBeDefined();
  });

  it('links a new document to existing measures without relinking the existing ones', () => {
    const ms = corpus();
    const early = measure('doc:cd2018', 2018, COLD_2018);
    const mid = measure('doc:cd2020', 2020, COLD_2020);
    const existing = [...ms, early, mid];
    const full = linkMeasures(existing);
    expect(find(full.links, mid, early)).toBeDefined();

    const fresh = measure('doc:cd2024', 2024, '建设冷链物流基地和产地冷库，推动生鲜冷链追溯体系升级。（市商务局负责）');
    const incremental = linkMeasures([fresh], { existing });
    expect(incremental.stats.measures).toBe(1);
    expect(incremental.stats.existing).toBe(existing.length);
    expect(incremental.links.length).toBeGreaterThan(0);
    // Every link involves the new measure: pairs among existing ones are not produced again.
    for (const l of incremental.links) expect(l.from === fresh.id || l.to === fresh.id).toBe(true);
    expect(incremental.links.some((l) => l.from === fresh.id && (l.to === mid.id || l.to === early.id))).toBe(true);
  });

  it('lets an older new document become the predecessor of an existing measure', () => {
    const ms = corpus();
    const existingLate = measure('doc:cd2022', 2022, COLD_2020);
    const olderNew = measure('doc:cd2016', 2016, COLD_2018);
    const { links } = linkMeasures([olderNew], { existing: [...ms, existingLate] });
    expect(find(links, existingLate, olderNew)).toBeDefined();
  });

  it('is deterministic', () => {
    const ms = syntheticMeasures(500, { seed: 7 });
    expect(linkMeasures(ms).links).toEqual(linkMeasures(ms).links);
  }, 60_000);
});

describe('candidate generation', () => {
  it('grows about linearly with the corpus (pairs counted, not timed)', () => {
    const small = linkMeasures(syntheticMeasures(2000, { seed: 1 })).stats;
    const large = linkMeasures(syntheticMeasures(8000, { seed: 1 })).stats;
    expect(small.candidatePairs).toBeGreaterThan(0);
    // The hard bound that makes the cost linear: each measure scores at most maxCandidates.
    expect(small.candidatePairs).toBeLessThanOrEqual(2000 * LINK_DEFAULTS.maxCandidates);
    expect(large.candidatePairs).toBeLessThanOrEqual(8000 * LINK_DEFAULTS.maxCandidates);
    // All pairs would grow 16×; a linear method grows about 4×.
    expect(large.candidatePairs / small.candidatePairs).toBeLessThan(5);
    expect(large.candidatePairs).toBeLessThan((8000 * 7999) / 2 / 100);
    // Capped posting lists are what keeps generic words out of the candidate search.
    expect(large.cappedKeys).toBeGreaterThan(0);
  }, 240_000);
});
