// A deterministic generator of measures in the genre, for the linker's tests and scaling runs.
// It is not the benchmark corpus (that one recombines the seeds): it exists so that tests can
// exercise the linker on wording that is not the seeds' and at sizes the seeds cannot reach.
import { normalise } from '../normalise.js';
import type { LinkableMeasure } from './lineage.js';

const SUBJECTS = [
  '冷链物流', '冷库', '基站', '千兆光网', '老字号', '国潮', '养老服务', '托育机构', '家政服务', '直播电商',
  '跨境电商', '海外仓', '免税店', '离境退税', '会展中心', '文旅融合', '夜间经济', '体育赛事', '全民健身', '互联网医院',
  '远程医疗', '在线教育', '职业培训', '农产品上行', '菜市场', '便利店', '商业步行街', '智慧商圈', '汽车消费', '充电桩',
  '新能源汽车', '家电下乡', '以旧换新', '信用承诺', '质量追溯', '标准体系', '消费信贷', '商业保险', '移动支付', '数字人民币',
  '公共数据', '人才公寓', '保障性租赁住房', '物业服务', '社区食堂', '旅游景区', '演艺剧场', '博物馆', '非遗工坊', '动漫游戏',
  '电子竞技', '快递网点', '即时配送', '智能仓储', '邮轮母港', '航空货运', '口岸通关', '外贸转内销', '进口博览', '品牌首店',
  '早餐工程', '社区团购', '二手车', '汽车改装', '露营地', '民宿', '研学旅行', '冰雪运动', '水上运动', '马拉松',
] as const;

const VERBS = ['推动', '加快', '支持', '鼓励', '推进', '加强', '积极发展', '持续推进', '大力发展', '完善'] as const;
const GENERIC = [
  '服务体系', '发展水平', '工作机制', '政策措施', '示范项目', '试点工作', '相关企业', '市场主体', '重点领域',
  '配套设施', '服务能力', '管理水平', '发展环境', '扶持政策', '标准规范',
] as const;
const DEPARTMENTS = ['市商务局', '市发展改革委', '市工业和信息化局', '市文化和旅游局', '市农业农村局', '市市场监管局', '市交通运输局', '市体育局'] as const;
const CITIES = ['成都', '杭州', '武汉', '西安', '青岛', '长沙'] as const;

/** Park–Miller: small, deterministic, good enough for test data. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

export interface SyntheticOptions {
  seed?: number;
  measuresPerDocument?: number;
  /** Number of distinct subjects (each a cluster of related words and one named programme). */
  topics?: number;
  firstYear?: number;
  years?: number;
}

/**
 * `n` measures in documents of `measuresPerDocument`, years spread evenly. Each measure is about
 * one topic (three of its words, sometimes its quoted programme), wrapped in the genre's stock
 * verbs and nouns, and closes with the usual responsibility parenthetical.
 */
export function syntheticMeasures(n: number, opts: SyntheticOptions = {}): LinkableMeasure[] {
  const rnd = random(opts.seed ?? 42);
  const perDoc = opts.measuresPerDocument ?? 25;
  const topicCount = opts.topics ?? 120;
  const firstYear = opts.firstYear ?? 2010;
  const years = opts.years ?? 20;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

  const topics = Array.from({ length: topicCount }, (_, t) => {
    const words = new Set<string>();
    while (words.size < 5) words.add(pick(SUBJECTS));
    return { words: [...words], programme: `${pick(CITIES)}${pick(SUBJECTS).slice(0, 2)}${t}号行动` };
  });

  const measures: LinkableMeasure[] = [];
  for (let i = 0; i < n; i++) {
    const doc = Math.floor(i / perDoc);
    const year = firstYear + (doc % years);
    const topic = topics[Math.floor(rnd() * topicCount)]!;
    const words = [...topic.words].sort(() => rnd() - 0.5).slice(0, 3);
    const programme = rnd() < 0.3 ? `，实施“${topic.programme}”` : '';
    const dept = pick(DEPARTMENTS);
    const text =
      `${pick(VERBS)}${words[0]}${pick(GENERIC)}，${pick(VERBS)}${words[1]}和${words[2]}${pick(GENERIC)}` +
      `${programme}，提升${pick(GENERIC)}。（${dept}、${pick(DEPARTMENTS)}等部门按职责分工负责）`;
    measures.push({
      id: `m:syn${doc}:${String(i % perDoc).padStart(3, '0')}`,
      documentId: `doc:syn${doc}`,
      year,
      text,
      normText: normalise(text),
      themes: [],
      initiatives: [],
      targetMetrics: [],
      departments: [`dept:${dept}`],
    });
  }
  return measures;
}
