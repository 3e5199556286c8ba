import { describe, expect, it } from 'vitest';
import { decodeFile } from './decode.js';
import { manifestEntryFor, normaliseDocNumber } from './metadata.js';
import { parseDocument } from './parse/document.js';
import type { SourceText } from './types.js';

function fromText(text: string, file = 'mem/plan.txt'): SourceText {
  return { file, text, encoding: 'UTF-8', sha256: 'f'.repeat(64) };
}

const BODY = '\n一、任务\n（一）建设平台。建设一批服务平台。（市商务局负责）\n';

describe('metadata', () => {
  it('normalises document numbers written with other brackets and spaces', () => {
    expect(normaliseDocNumber('国办发［2020］32 号')).toBe('国办发〔2020〕32号');
    expect(normaliseDocNumber('津政发[2018]5号')).toBe('津政发〔2018〕5号');
  });

  it('reads the head of a traditional-script copy: its number on its own line, its issuer and title', () => {
    const text = `東府〔2021〕54號\n東莞市人民政府關于貫徹落實穩定和擴大就業若干政策措施的實施意見\n各鎮人民政府(街道辦事處),市府直屬各單位:${BODY}`;
    const { doc } = parseDocument(fromText(text));
    expect(doc.docNumber).toBe('东府〔2021〕54号');
    expect(doc.issuer).toBe('东莞市人民政府');
    expect(doc.jurisdiction).toBe('东莞市');
  });

  it('leaves a page number printed between the title and the addressee out of the title', () => {
    const text = `某市委办公室某市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(某办发〔2017〕2号)\n— 1 —\n各县市区人民政府,市直各单位:${BODY}`;
    const { doc } = parseDocument(fromText(text));
    expect(doc.docNumber).toBe('某办发〔2017〕2号');
    expect(doc.title).toBe('关于全面推进政务公开工作的实施意见');
  });

  it('places a relative title by the government its portal names as 来源', () => {
    const text = `• 发布机构:县人民政府办公室\n2021年县政府重点工作任务(华政发〔2021〕2号)\n来源:华容县政府   2021-03-23 10:56\n各乡镇人民政府、县直各单位:${BODY}`;
    const { doc } = parseDocument(fromText(text));
    expect(doc.jurisdiction).toBe('岳阳市华容县');
    expect(doc.level).toBe('district');
  });

  it('keeps a portal’s breadcrumb, share button, section name and validity field out of the title', () => {
    const glued = `当前位置:首页\n> 政务公开 > 法规文件 > 县政府文件 > 金政发\n有效性 失效\n金政发〔2021〕1号关于印发2021年金乡县政府重要工作事项责任分工的通知\n分享\n\n各镇政府,各街道办事处:\n现将责任分工印发给你们。\n金乡县人民政府\n2021年2月10日${BODY}`;
    const a = parseDocument(fromText(glued)).doc;
    expect(a.title).toBe('2021年金乡县政府重要工作事项责任分工');
    expect(a.docNumber).toBe('金政发〔2021〕1号');
    const section = `无障碍阅读 关怀版 返回首页\n政府信息公开\n济南市长清区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知\n各街道办事处、镇人民政府:${BODY}`;
    const b = parseDocument(fromText(section.replace('镇人民政府:', '镇人民政府,区政府各部门(单位'))).doc;
    expect(b.issuer).toBe('济南市长清区人民政府办公室');
    expect(b.title).toBe('《政府工作报告》重点工作任务分工');
  });

  it('reads the number standing alone in brackets on the line below the title', () => {
    const text = `广州市越秀区人民政府办公室关于印发若干措施的通知\n(越府办规〔2020〕2号)\n各街道办事处,区政府各部门:${BODY}`;
    expect(parseDocument(fromText(text)).doc.docNumber).toBe('越府办规〔2020〕2号');
    const cited = `某区人民政府关于促进消费的实施意见\n根据上级文件,制定本意见。\n(国办发〔2022〕9号文件已废止的条款除外)${BODY}`;
    expect(parseDocument(fromText(cited)).doc.docNumber).toBeUndefined();
  });

  it('finds the number of a head flattened to one line, standing alone after the title', () => {
    const text = `河南省人民政府 关于明确政府工作报告提出的2023年 重点工作责任单位的通知 豫政〔2023〕5号 现将重点工作任务予以分解(依据国办发〔2022〕9号)。${BODY}`;
    expect(parseDocument(fromText(text)).doc.docNumber).toBe('豫政〔2023〕5号');
    const cited = `某市人民政府关于促进消费的实施意见\n各区人民政府:\n根据《国务院办公厅关于进一步释放消费潜力的意见》(国办发〔2022〕9号),制定本意见。${BODY}`;
    expect(parseDocument(fromText(cited)).doc.docNumber).toBeUndefined();
    // The parts of the number spaced out as well.
    const spaced = `大理白族自治州人民政府办公室关于印发大理州促进消费恢复发展若干政策措施的通知 大政办发 〔2022〕 29号 2022-08-12 各县、市人民政府:${BODY}`;
    expect(parseDocument(fromText(spaced)).doc.docNumber).toBe('大政办发〔2022〕29号');
  });

  it('reads a joint notice of a ministry and the national broadcaster under a page title, and the year its title names', () => {
    const text = [
      '政策文件',
      '疫情应对丨关于组织开展2020年全国消费促进月活动的通知',
      '商务部 中央广播电视总台关于组织开展2020年全国消费促进月活动的通知',
      '各省、自治区、直辖市商务主管部门:',
      '现将有关事项通知如下:',
    ].join('\n');
    const { doc } = parseDocument(fromText(`${text}${BODY}`));
    expect(doc.title).toBe('商务部中央广播电视总台关于组织开展2020年全国消费促进月活动的通知');
    expect(doc.issuers).toEqual(['商务部', '中央广播电视总台']);
    expect(doc.issuer).toBe('商务部、中央广播电视总台');
    expect([doc.level, doc.jurisdiction]).toEqual(['national', '国家']);
    expect([doc.year, doc.yearSource]).toEqual([2020, 'inferred']);
  });

  it('takes no year from a title that names a span or a horizon', () => {
    const span = parseDocument(fromText(`某市商贸消费提质扩容三年行动方案(2022-2024年)\n各区人民政府：${BODY}`)).doc;
    expect(span.year).toBeUndefined();
    const horizon = parseDocument(fromText(`某市到2025年建成消费中心城市实施方案\n各区人民政府：${BODY}`)).doc;
    expect(horizon.year).toBeUndefined();
  });

  it('infers a year from dated clues and records why', () => {
    const text = `某市人民政府关于推进平台经济发展的实施意见\n各区人民政府：\n为全面贯彻党的二十大精神，到2026年，平台企业达到100家。${BODY}`;
    const { doc, diagnostics } = parseDocument(fromText(text));
    expect(doc.yearSource).toBe('inferred');
    expect(doc.year).toBe(2023);
    expect(doc.yearReason).toMatch(/二十大/u);
    expect(doc.yearReason).toMatch(/2026/u);
    expect(diagnostics.find((d) => d.rule === 'year-inferred')?.severity).toBe('info');
  });

  it('dates a text by the last plenary session it names', () => {
    const text = `某市促进消费实施方案\n\n深入贯彻党的十九大和十九届二中、三中、四中、五中全会精神。${BODY}`;
    const { doc } = parseDocument(fromText(text));
    expect(doc.year).toBe(2020);
    expect(doc.yearSource).toBe('inferred');
  });

  it('titles a copy without a title line by its file name, and says so', () => {
    const excerpt = parseDocument(fromText(`为促进消费，到2025年，社会消费品零售总额达到1万亿元。${BODY}`, 'mem/某市促消费节选.txt'));
    expect(excerpt.doc.title).toBe('某市促消费节选');
    expect(excerpt.diagnostics.find((d) => d.rule === 'title-from-file-name')?.severity).toBe('info');
    const titled = parseDocument(fromText(`某市促进消费实施方案\n\n为促进消费，制定本方案。${BODY}`));
    expect(titled.diagnostics.some((d) => d.rule === 'title-from-file-name')).toBe(false);
  });

  it('leaves the year unknown, with a warning, when nothing dates the text', () => {
    const { doc, diagnostics } = parseDocument(fromText(`某市促进消费实施方案\n\n为促进消费，制定本方案。${BODY}`));
    expect(doc.year).toBeUndefined();
    expect(doc.yearSource).toBe('unknown');
    expect(diagnostics.find((d) => d.rule === 'year-unknown')?.severity).toBe('warning');
  });

  it('dates an undated text no earlier than the latest document it cites', () => {
    const text = `为落实《某省人民政府关于稳增长的意见》(某政发〔2015〕8号)和《某市人民政府关于促进投资的通知》(某市政发〔2016〕13号)，结合全区实际，制定如下措施。${BODY}`;
    const { doc, diagnostics } = parseDocument(fromText(text));
    expect(doc.year).toBe(2016);
    expect(doc.yearSource).toBe('inferred');
    expect(doc.yearReason).toMatch(/〔2016〕13号/u);
    expect(diagnostics.find((d) => d.rule === 'year-inferred')?.severity).toBe('info');
  });

  it('takes the number at the end of a portal heading, and keeps it out of the title', () => {
    const text = `当前位置:首页>政务公开>政策法规\n某市人民政府办公室印发《关于推进政务公开的实施意见》的通知(某办发〔2017〕2号)\n浏览量:\n各区人民政府，市政府各部门：\n现印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2017年1月10日\n关于推进政务公开的实施意见${BODY}`;
    const { doc, meta } = parseDocument(fromText(text));
    expect(doc.docNumber).toBe('某办发〔2017〕2号');
    expect(meta.noticeTitle).toBe('某市人民政府办公室印发《关于推进政务公开的实施意见》的通知');
    expect(doc.title).toBe('关于推进政务公开的实施意见');
  });

  it('keeps page chrome and a page title printed above out of the notice title', () => {
    const text = [
      '某某资讯网',
      '首页 > 政策 > 正文',
      '某省人民政府办公厅印发关于促进消费若干措施的通知',
      '网络编辑 2022-10-08 10:00:42',
      '某省人民政府办公厅',
      '印发关于促进消费若干措施的通知',
      '某政办发〔2022〕19号',
      '各市人民政府，省直各部门：',
      '现印发给你们，请认真贯彻执行。',
    ].join('\n');
    const { doc, meta } = parseDocument(fromText(text + BODY));
    expect(meta.noticeTitle).toBe('某省人民政府办公厅印发关于促进消费若干措施的通知');
    expect(doc.title).toBe('关于促进消费若干措施');
    expect(doc.issuers).toEqual(['某省人民政府办公厅']);
    expect(doc.docNumber).toBe('某政办发〔2022〕19号');
  });

  it('reads a notice title a page wraps in 《》, or in table cells after its number, without them', () => {
    const bracketed = `京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n京政办发〔2016〕26号\n各区人民政府,市政府各委、办、局:${BODY}`;
    const a = parseDocument(fromText(bracketed)).doc;
    expect([a.title, a.issuer]).toEqual(['北京市2016年政务公开工作要点', '北京市人民政府办公厅']);
    const cells = `标 题: | 盘政发〔2016〕30号 盘锦市人民政府关于促进商贸流通发展的实施意见 | ||\n盘政发〔2016〕30号 盘锦市人民政府关于促进商贸流通发展的实施意见\n各区、县人民政府,市政府各部门:${BODY}`;
    const b = parseDocument(fromText(cells)).doc;
    expect([b.title, b.issuer, b.docNumber]).toEqual(['盘锦市人民政府关于促进商贸流通发展的实施意见', '盘锦市人民政府', '盘政发〔2016〕30号']);
  });

  it('joins a title broken over two lines below its covering notice, and not a signature or a marker line above it', () => {
    const split = `各区县人民政府,市政府各部门:\n《实施方案》已经市政府同意,现印发给你们。\n重庆市人民政府办公厅\n2024年9月30日\n(此件公开发布)\n重庆市构建分型分类精准培育机制\n促进个体工商户高质量发展实施方案\n为推动个体经济发展,制定本方案。${BODY}`;
    expect(parseDocument(fromText(split)).doc.title).toBe('重庆市构建分型分类精准培育机制促进个体工商户高质量发展实施方案');
    const signed = `各区县人民政府:\n现印发给你们。\n重庆市人民政府办公厅\n促进个体工商户高质量发展实施方案\n为推动个体经济发展,制定本方案。${BODY}`;
    expect(parseDocument(fromText(signed)).doc.title).toBe('促进个体工商户高质量发展实施方案');
  });

  it('does not take a cited number at the end of a title as the document’s own', () => {
    const text = `某市人民政府关于贯彻《国务院关于促进消费的意见》(国发〔2015〕9号)\n各区人民政府：\n现提出如下意见。${BODY}`;
    expect(parseDocument(fromText(text)).doc.docNumber).toBeUndefined();
  });

  it('uses only the year of a number that lost its closing bracket, and says so', () => {
    const text = `某县人民政府\n关于加快第三产业发展的实施意见\n某政〔2012478\n各乡镇人民政府：\n现提出如下意见。${BODY}`;
    const { doc, diagnostics } = parseDocument(fromText(text));
    expect(doc.docNumber).toBeUndefined();
    expect(doc.year).toBe(2012);
    const d = diagnostics.find((x) => x.rule === 'garbled-doc-number');
    expect(d?.severity).toBe('warning');
    expect(d?.line).toBe(3);
  });

  it('completes an issuer named without its place from the signature after the notice’s items', () => {
    const text = [
      '区人民政府办公室关于印发重点任务责任分解方案的通知',
      '发文日期 2023-01-03',
      '各街道办事处，区人民政府各部门：',
      '现将方案印发给你们，并就有关事项通知如下：',
      '一、各责任单位要高度重视，抓好落实。',
      '二、区发展和改革局要加强调度。',
      '蔡甸区人民政府办公室',
      '2023年1月3日',
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.issuers).toEqual(['蔡甸区人民政府办公室']);
    expect(doc.level).toBe('district');
    expect(doc.jurisdiction).toBe('武汉市蔡甸区');
  });

  it('reads the issuer of a title found below the page chrome', () => {
    const text = `搜索\n您当前的位置:首页>互动交流>意见征集\n\n平阳县商务局关于《平阳县促进服务消费若干措施(征求意见稿)》公开征求意见的通知\n\n日期:2024-03-01\n\n为促进服务消费，现征求意见。${BODY}`;
    const { doc } = parseDocument(fromText(text));
    expect(doc.issuer).toBe('平阳县商务局');
  });

  it('reads a title given in book-title brackets on a line of its own', () => {
    const text = `《关于促进服务消费提质扩容的若干措施》\n为促进服务消费，结合本市实际，制定如下措施。${BODY}`;
    expect(parseDocument(fromText(text)).doc.title).toBe('关于促进服务消费提质扩容的若干措施');
  });

  it('reads an autonomous region that names its own organs without the region (自治区人民政府办公厅) from its signature', () => {
    const text = [
      '自治区人民政府办公厅关于印发西藏自治区促进服务消费工作方案的通知',
      '藏政办发〔2024〕9号',
      '各地（市）行署、人民政府，自治区各委、办、厅、局：',
      '现将方案印发给你们，请认真贯彻落实。',
      '西藏自治区人民政府办公厅',
      '2024年6月3日',
      BODY,
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.issuers).toEqual(['西藏自治区人民政府办公厅']);
    expect([doc.level, doc.jurisdiction]).toEqual(['provincial', '西藏自治区']);
  });

  it('completes an issuer named without its place, with no signature, from the place the text gives', () => {
    const text = `省人民政府关于\n进一步优化营商环境的若干意见\n鄂政发〔2018〕26号\n各市、州、县人民政府,省政府各部门:\n全面落实习近平总书记视察湖北重要讲话精神,加快把湖北打造成为内陆开放高地,推动全省经济高质量发展。${BODY}`;
    const { doc } = parseDocument(fromText(text));
    expect([doc.issuer, doc.jurisdiction]).toEqual(['湖北省人民政府', '湖北省']);
    // Two organs run together are left as they are: they are two issuers.
    const two = `市发展改革委市商务局关于印发冷链产业行动方案的通知\n各区人民政府:\n推动本市冷链产业发展，打造天津冷链枢纽，服务天津港。${BODY}`;
    const b = parseDocument(fromText(two)).doc;
    expect([b.issuer, b.jurisdiction]).toEqual(['市发展改革委市商务局', '天津市']);
  });

  it('places a copy with no issuer by how it speaks of itself, and says so', () => {
    const text = `为加快本市全域旅游发展，结合本市实际，提出如下意见：\n一、重点任务\n（一）推进示范区创建。推进蓟州区、和平区创建示范区。（责任单位：蓟州区人民政府、和平区人民政府）\n（二）打造天津旅游品牌。（市文化和旅游局负责）\n`;
    const { doc, diagnostics } = parseDocument(fromText(text));
    expect(doc.jurisdiction).toBe('天津市');
    expect(doc.level).toBe('municipal');
    expect(diagnostics.find((d) => d.rule === 'jurisdiction-inferred')?.message).toMatch(/本市/u);
  });

  it('warns, and guesses no place, when the text does not say where it is from', () => {
    const { doc, diagnostics } = parseDocument(fromText(`促进消费若干措施\n\n为促进消费，制定本措施。\n一、任务\n（一）建设平台。建设一批服务平台。\n`));
    expect(doc.jurisdiction).toBeUndefined();
    expect(diagnostics.find((d) => d.rule === 'jurisdiction-unknown')?.severity).toBe('warning');
  });

  it('places a text that names no place where its manifest entry says, and its parties there', () => {
    const text = `放心消费行动\n\n一、任务\n（一）开展培育活动。培育一批放心消费单位。（市市场监督管理局负责）\n`;
    const { doc, diagnostics } = parseDocument(fromText(text), { file: 'plan.txt', jurisdiction: '淮北市' });
    expect(doc.jurisdiction).toBe('淮北市');
    expect(doc.level).toBe('municipal');
    expect(diagnostics.some((d) => d.rule === 'jurisdiction-unknown')).toBe(false);
    const unplaced = parseDocument(fromText(text)).diagnostics.find((d) => d.rule === 'jurisdiction-unknown');
    expect(unplaced?.message).toMatch(/manifest\.json/u);
  });

  it('keeps the place the text names over a different one in the manifest, and says so', () => {
    const text = `武汉市蔡甸区人民政府办公室关于印发促进消费若干措施的通知\n${BODY}`;
    const { doc, diagnostics } = parseDocument(fromText(text), { file: 'plan.txt', jurisdiction: '淮北市' });
    expect(doc.jurisdiction).toBe('武汉市蔡甸区');
    expect(diagnostics.find((d) => d.rule === 'manifest-conflict')?.message).toMatch(/淮北市/u);
  });

  it('takes the year from manifest.json beside the file when the text states none', () => {
    const file = 'ingest/fixtures/manifest/undated-plan.txt';
    const r = decodeFile(file);
    if (!r.ok) throw new Error('fixture did not decode');
    const entry = manifestEntryFor(file, r.source.sha256);
    const { doc } = parseDocument(r.source, entry);
    expect(doc.yearSource).toBe('manifest');
    expect(doc.year).toBe(2022);
    expect(doc.yearReason).toMatch(/paper copy/u);
  });

  it('keeps a stated date over the manifest and reports the conflict', () => {
    const text = `某市人民政府关于印发某市方案的通知\n各区人民政府：\n现将《某市方案》印发给你们。\n某市人民政府\n2021年5月6日\n${BODY}`;
    const { doc, diagnostics } = parseDocument(fromText(text), { file: 'plan.txt', year: 2020 });
    expect(doc.issuedOn).toBe('2021-05-06');
    expect(doc.yearSource).toBe('stated');
    expect(diagnostics.find((d) => d.rule === 'manifest-conflict')).toBeDefined();
  });

  it('cites national directives by number or title, not the document itself nor local rules', () => {
    const text = [
      '某市人民政府关于印发某市消费方案的通知',
      '各区人民政府：',
      '现将《某市消费方案》印发给你们。',
      '某市消费方案',
      '根据《国务院关于促进消费的意见》（国发〔2022〕3 号）、《中共中央办公厅 国务院办公厅关于印发〈提振消费专项行动方案〉的通知》和《天津市商业网点规划》（津政发〔2021〕9号），制定本方案。',
      BODY,
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.title).toBe('某市消费方案');
    expect(doc.citations.map((c) => c.docNumber ?? c.title)).toEqual(['国发〔2022〕3号', '提振消费专项行动方案']);
    expect(doc.citations[0]!.issuer).toBe('国务院');
  });

  it('does not cite the document a notice encloses when it words the title differently', () => {
    const text = [
      '某省人民政府办公厅印发关于促进消费若干措施的通知',
      '各市人民政府：',
      '《关于促进消费的若干措施》已经省人民政府同意，现印发给你们，请认真贯彻落实。',
      '关于促进消费的若干措施',
      '为贯彻落实《国务院办公厅关于促进消费的意见》（国办发〔2022〕9号），制定以下措施。',
      BODY,
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.citations.map((c) => c.docNumber ?? c.title)).toEqual(['国办发〔2022〕9号']);
  });

  it('does not cite an enclosed document approved by a meeting, nested in angle brackets', () => {
    const text = [
      '某区人民政府办公室关于印发工作方案的通知',
      '各街道办事处，区直各部门：',
      '《某区关于贯彻落实<某市行动计划>的工作方案》已经区政府六届二次常务会议审议通过，现予印发，请认真组织实施。',
      BODY,
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.citations.map((c) => c.title)).not.toContainEqual(expect.stringContaining('工作方案'));
  });

  it('cites no title that only names a kind of document: a short name (以下简称《纲要》) or the government\'s own report', () => {
    const text = [
      '某省人民政府关于落实规划纲要主要目标和任务工作分工的通知',
      '各市人民政府：',
      '《福建省国民经济和社会发展第十一个五年规划纲要》(以下简称《纲要》)是我省发展的蓝图。为做好《纲要》实施工作，根据《国务院关于落实规划纲要工作分工的通知》（国发〔2006〕29号），对照《政府工作报告》，通知如下：',
      BODY,
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.citations.map((c) => c.docNumber ?? c.title)).toEqual(['国发〔2006〕29号']);
    const report = parseDocument(fromText(`2023年区《政府工作报告》确定的主要目标任务责任分解方案\n${BODY}`)).doc;
    expect(report.citations).toEqual([]);
  });

  it('titles a notice found below page chrome by the document it encloses', () => {
    const text = [
      '您当前位置: 首页>区政府部门>发展和改革委员会>政务公开',
      '某区发展和改革委员会关于印发《某区促进消费恢复发展若干政策措施》的通知',
      '日期:2022-05-16',
      '各镇街人民政府(办事处),区政府有关部门,有关单位',
      '某区促进消费恢复发展若干政策措施》已经区政府同意,现印发给你们。',
      BODY,
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.title).toBe('某区促进消费恢复发展若干政策措施');
    expect(doc.issuer).toBe('某区发展和改革委员会');
  });

  it('titles a notice that encloses several documents by the notice', () => {
    const text = [
      '某市人民政府办公室关于印发《〈政府工作报告〉重点工作任务分工方案》《疫情防控和经济社会发展责任分工方案》的通知',
      '各区人民政府，市级各部门：',
      '现印发给你们，请认真抓好贯彻落实。',
      BODY,
    ].join('\n');
    expect(parseDocument(fromText(text)).doc.title).toBe('某市人民政府办公室关于印发《〈政府工作报告〉重点工作任务分工方案》《疫情防控和经济社会发展责任分工方案》的通知');
  });
});
