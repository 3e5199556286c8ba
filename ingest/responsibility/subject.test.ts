import { describe, expect, it } from 'vitest';
import { sentenceSubjects, subjectParties } from './subject.js';

const subject = (s: string) => {
  const r = subjectParties(s, 0, s.length);
  return r && s.slice(r.start, r.end);
};

describe('parties as the subject of the sentence', () => {
  it('reads a list of organs before 要 / 负责 / 牵头', () => {
    expect(subject('市商务局、市财政局要建立协调机制，定期研究。')).toBe('市商务局、市财政局');
    expect(subject('各级各有关部门要从讲政治的高度，做好工作。')).toBe('各级各有关部门');
    expect(subject('县经贸、统计、工商等部门要加强统计监测。')).toBe('县经贸、统计、工商等部门');
    expect(subject('区绩效考评机构要将目标任务纳入考核。')).toBe('区绩效考评机构');
  });

  it('reads the governments a document addresses by level words alone (各市县, 各区县)', () => {
    expect(subject('各市县、各部门要将支持企业高质量发展作为重要职责。')).toBe('各市县、各部门');
    expect(subject('各区县要落实属地责任。')).toBe('各区县');
    expect(subject('各地要结合实际制定方案。')).toBeUndefined();
  });

  it('reads a broadcaster as an organ (总台将…, 市广播电视台要…)', () => {
    expect(subject('总台将对启动仪式进行现场直播。')).toBe('总台');
    expect(subject('市广播电视台要做好宣传报道。')).toBe('市广播电视台');
  });

  it('does not end a subject inside 主要 / 重要: 要 there is no predicate', () => {
    expect(subject('各主要责任单位要对照目标任务，制订实施方案。')).toBe('各主要责任单位');
    expect(subject('主要责任单位要切实履行主职主责。')).toBe('主要责任单位');
  });

  it('does not read an ordinary sentence start as a party', () => {
    expect(subject('加快推进网上审批，完善服务大厅功能。')).toBeUndefined();
    expect(subject('重点景区要延长开放时间。')).toBeUndefined();
    expect(subject('从2023年第一季度开始，各责任单位要报送进展。')).toBeUndefined();
  });
});

describe('the subjects of every sentence of an item', () => {
  const subjects = (s: string) => sentenceSubjects(s, 0, s.length).map((x) => [s.slice(x.start, x.end), x.role ?? '']);

  it('reads a later subject that names the same collective again, qualified by 的, as no second party', () => {
    expect(subjects('各主要责任单位要制订实施方案。各项工作任务的主要责任单位要将实施方案报县政府督查室备案。')).toEqual([['各主要责任单位', '']]);
    expect(subjects('市商务局要制订方案。承担任务的区级部门要抓好落实。')).toEqual([
      ['市商务局', ''],
      ['承担任务的区级部门', ''],
    ]);
  });

  it('reads 要积极配合 / 要积极履行配合职责 as support', () => {
    expect(subjects('各主要责任单位要主动协调，其他责任单位要积极配合。')).toEqual([
      ['各主要责任单位', ''],
      ['其他责任单位', 'support'],
    ]);
    expect(subjects('主要责任单位要带头推进；其他责任单位要积极履行配合职责。')).toEqual([
      ['主要责任单位', ''],
      ['其他责任单位', 'support'],
    ]);
  });

  it('reads each body its own sentence gives, with the role its predicate says', () => {
    expect(
      subjects('建立工作协调机制，研究解决重大问题。市商务局作为牵头单位负责组织实施。市发展改革委、市工业和信息化局等单位和各区人民政府参加，按照职责分工做好相关工作。'),
    ).toEqual([
      ['市商务局', 'lead'],
      ['市发展改革委、市工业和信息化局等单位和各区人民政府', 'support'],
    ]);
    expect(subjects('市城市管理委员会负责重大问题的协调处理。市城市管理委员会办公室具体负责推进工作。住建、规划、公安等有关部门应当按照各自职责，协同做好相关工作。')).toEqual([
      ['市城市管理委员会', ''],
      ['市城市管理委员会办公室', ''],
      ['住建、规划、公安等有关部门', 'support'],
    ]);
  });

  it('keeps 和 inside a name and does not take 应急 for 应', () => {
    expect(subjects('市工业和信息化局要加快推进。')).toEqual([['市工业和信息化局', '']]);
    expect(subjects('推进政府及其部门应急预案“精编化”，及时修订完善现有应急预案。')).toEqual([]);
    expect(subjects('加快推进网上审批。重点景区要延长开放时间。')).toEqual([]);
  });
});

describe('a 会同 clause: one body acts with others, in charge', () => {
  const subjects = (s: string) => sentenceSubjects(s, 0, s.length).map((x) => [s.slice(x.start, x.end), x.role ?? '']);

  it('reads 由X会同Y after the item topic: X leads, Y supports', () => {
    expect(subjects('关于“严守耕地保护红线，划定永久基本农田”的问题，由国土资源部会同农业部等部门负责落实。')).toEqual([
      ['国土资源部', 'lead'],
      ['农业部等部门', 'support'],
    ]);
    expect(subjects('關於“確保穀物基本自給”的問題,由發展改革委會同中央農辦、農業部、財政部等部門研究提出落實意見。')).toEqual([
      ['發展改革委', 'lead'],
      ['中央農辦、農業部、財政部等部門', 'support'],
    ]);
  });

  it('reads X会同Y at the start of a sentence as two parties, not one name', () => {
    expect(subjects('市商务局会同市财政局、市市场监管局负责制定实施细则。')).toEqual([
      ['市商务局', 'lead'],
      ['市财政局、市市场监管局', 'support'],
    ]);
  });

  it('needs organs on both sides', () => {
    expect(subjects('企业会同高校研究提出技术路线。')).toEqual([]);
    expect(subjects('全部会同有关方面负责落实。')).toEqual([]);
  });
});

describe('the subjects of the clauses of a notice item', () => {
  const subjects = (s: string) => sentenceSubjects(s, 0, s.length).map((x) => s.slice(x.start, x.end));

  it('reads a subject after a comma, an agent with 由, and 将 / 向 as predicates', () => {
    expect(
      subjects('从2012年起，对工作情况建立月报告制度，各牵头单位每月向领导小组办公室报告工作进展情况，每季度由自治区贯彻落实国务院\n《意见》工作领导小组办公室汇总进展情况，由自治区党委办公厅、政府办公厅通报。'),
    ).toEqual(['各牵头单位', '自治区贯彻落实国务院\n《意见》工作领导小组办公室', '自治区党委办公厅、政府办公厅']);
    expect(subjects('从2023年第一季度开始，各责任单位要在每季度报区人民政府办公室，区人民政府办公室将对落实情况进行全程跟踪督办。')).toEqual([
      '各责任单位',
      '区人民政府办公室',
    ]);
  });

  it('reads 由X牵头 as X leading, and an agent after a demonstrative topic (此项活动由X、Y共同组织实施)', () => {
    const roles = (s: string) => sentenceSubjects(s, 0, s.length).map((x) => `${s.slice(x.start, x.end)}:${x.role ?? '-'}`);
    expect(roles('由区商务局牵头，全面负责活动的组织实施；某街道办负责协调落实工作。')).toEqual(['区商务局:lead', '某街道办:-']);
    expect(roles('此项活动由区商务局、区文旅局共同组织实施。')).toEqual(['区商务局、区文旅局:-']);
    // A 由 inside a word or after another topic is no agent.
    expect(roles('自由贸易试验区负责人员培训。')).toEqual([]);
  });

  it('does not read the body that holds others to account, or a clause that names no organ', () => {
    expect(subjects('各乡镇人民政府要严格执行计划。完不成目标任务的乡镇，县人民政府将实行问责。')).toEqual(['各乡镇人民政府']);
    expect(subjects('加快推进网上审批，由企业自主决定，重点景区要延长开放时间。')).toEqual([]);
  });
});
