import { describe, expect, it } from 'vitest';
import { decodeFile } from '../decode.js';
import { parseDocument } from '../parse/document.js';
import type { SourceText } from '../types.js';

function source(file: string): SourceText {
  const r = decodeFile(file);
  if (!r.ok) throw new Error(`fixture ${file} did not decode`);
  return r.source;
}

function fromText(text: string, file = 'mem.txt'): SourceText {
  return { file, text, encoding: 'UTF-8', sha256: 'x'.repeat(64) };
}

describe('measures of an outline', () => {
  const src = source('ingest/fixtures/prose-plan.txt');
  const { doc, diagnostics, refused } = parseDocument(src);

  it('finds one measure per responsibility parenthetical, across PDF line breaks', () => {
    expect(refused).toBe(false);
    expect(doc.genre).toBe('outline');
    expect(doc.measures.map((m) => m.path)).toEqual(['二、(一)#1', '二、(一)#2', '二、(二)#1', '三、(三)#1']);
    expect(doc.measures.map((m) => m.responsibleText.replace(/\s+/gu, ''))).toEqual([
      '市文化和旅游局负责',
      '市工业和信息化局、市通信管理局等部门按职责分工负责',
      '市商务局牵头，相关部门按职责分工负责',
      '市发展改革委、市商务局等部门按职责分工负责',
    ]);
  });

  it('keeps the text as written and spans that slice it exactly', () => {
    for (const m of doc.measures) {
      expect(src.text.slice(m.span.startOffset, m.span.endOffset)).toBe(m.text);
      expect(src.text.slice(m.responsibleSpan!.startOffset, m.responsibleSpan!.endOffset)).toBe(m.responsibleText);
      expect(m.span.startLine).toBeLessThanOrEqual(m.span.endLine);
    }
    // A measure that spans a PDF line break keeps the break; a non-responsibility parenthetical stays in the text.
    expect(doc.measures[0]!.text).toContain('\n');
    expect(doc.measures[0]!.text).toContain('（APP）');
    expect(doc.measures[0]!.text.startsWith('推进 A 级景区')).toBe(true);
  });

  it('records the item heading as section and title', () => {
    expect(doc.measures[0]!.section).toBe('（一）建设智慧景区');
    expect(doc.measures[0]!.title).toBe('建设智慧景区');
  });

  it('reads title, issuer, date and the cited directive', () => {
    expect(doc.title).toBe('江川市促进智慧文旅消费实施方案');
    expect(doc.issuer).toBe('江川市人民政府办公厅');
    expect(doc.issuedOn).toBe('2022-03-09');
    expect(doc.year).toBe(2022);
    expect(doc.yearSource).toBe('stated');
    expect(doc.citations.map((c) => c.docNumber)).toEqual(['国办发〔2019〕41号']);
    expect(doc.citations[0]!.title).toBe('国务院办公厅关于进一步激发文化和旅游消费潜力的意见');
  });

  it('treats the closing paragraph as remarks, not a measure without departments', () => {
    expect(diagnostics).toEqual([]);
  });

  it('does not take a numeral that a line break puts first on a line for a heading', () => {
    const text = '一、任务\n\n（一）推进工作。推动试点，开展“双随机、\n\n一、公开”监管。（市市场监管委负责）\n';
    const { doc: d } = parseDocument(fromText(text));
    expect(d.measures).toHaveLength(1);
    expect(d.measures[0]!.path).toBe('一、(一)#1');
    expect(d.measures[0]!.text).toContain('一、公开');
  });

  it('keeps an item without parenthetical among items with one as a measure, and says it names no party', () => {
    const text = '一、任务\n（一）甲。做甲事。（市商务局负责）\n（二）乙。做乙事，没有写明部门。\n（三）丙。做丙事。（市财政局负责）\n';
    const { doc: d, diagnostics: ds } = parseDocument(fromText(text));
    expect(d.measures.map((m) => m.path)).toEqual(['一、(一)#1', '一、(二)#1', '一、(三)#1']);
    expect(d.measures[1]!.responsibleText).toBe('');
    expect(ds.filter((x) => x.rule === 'no-responsible-party')).toMatchObject([{ line: 3, column: 1, severity: 'warning' }]);
  });

  it('keeps a document without any party, with no diagnostic about parties', () => {
    const text = '一、任务\n（一）甲。做甲事。\n（二）乙。做乙事。\n';
    const { doc: d, diagnostics: ds } = parseDocument(fromText(text));
    expect(d.measures.map((m) => m.path)).toEqual(['一、(一)#1', '一、(二)#1']);
    expect(ds.filter((x) => x.rule === 'no-responsible-party')).toEqual([]);
  });

  it('keeps the complete items of a document that ends mid-sentence, and warns about the cut text', () => {
    const t = parseDocument(source('ingest/fixtures/truncated-prose.txt'));
    expect(t.refused).toBe(false);
    expect(t.doc.measures).toHaveLength(1);
    expect(t.diagnostics.find((d) => d.rule === 'cut-item')).toMatchObject({ severity: 'warning', line: 9 });
  });

  it('drops a cut last item and keeps the ones before it', () => {
    const text = '一、任务\n（一）甲。做甲事。（市商务局负责）\n（二）乙。做乙事，推进乙项工作，到年底完成乙项建设并（市财';
    const t = parseDocument(fromText(text));
    expect(t.refused).toBe(false);
    expect(t.doc.measures.map((m) => m.path)).toEqual(['一、(一)#1']);
    expect(t.diagnostics.find((d) => d.rule === 'cut-item')).toMatchObject({ severity: 'warning', line: 3 });
  });

  it('takes a text ending in a complete responsibility line as complete, and one cut inside the list as cut', () => {
    const whole = parseDocument(fromText('一、主要预期目标\n1.地区生产总值增长6%左右。\n牵头单位:区发改局\n2.社会消费品零售总额增长9%左右。\n牵头单位:区商务局\n责任单位:各街道,区市场局\n'));
    expect(whole.doc.measures.map((m) => m.path)).toEqual(['一、1.#1', '一、2.#1']);
    expect(whole.diagnostics.map((d) => d.rule)).not.toContain('cut-item');
    const cut = parseDocument(fromText('一、主要预期目标\n(一)地区生产总值增长7%以上\n责任单位:区发展和改革局\n(二)工业投资增长12%以上\n责任单位:区'));
    expect(cut.doc.measures.map((m) => [m.path, m.text])).toEqual([['一、(一)#1', '地区生产总值增长7%以上']]);
    expect(cut.diagnostics.map((d) => d.rule)).toContain('cut-item');
  });

  it('reads the label lines of indented items as their own, not the next item\'s line under its indent', () => {
    const t = parseDocument(fromText('一、主要目标和任务分工\n\n  1.约束性指标。\n\n  ⑴九年义务教育巩固率达到97%。\n\n  责任单位:省教育厅。\n\n  ⑵耕地保有量保持在6120万亩。\n\n  牵头单位:省国土资源厅。\n\n  责任单位:省国土资源厅、省农业厅。\n'));
    expect(t.doc.measures.map((m) => [m.text, m.responsibleClauses?.map((c) => [c.text, c.role])])).toEqual([
      ['九年义务教育巩固率达到97%。', [['省教育厅', undefined]]],
      ['耕地保有量保持在6120万亩。', [['省国土资源厅', 'lead'], ['省国土资源厅、省农业厅', undefined]]],
    ]);
  });

  it('ends a label line at its full stop: the paragraph after it names no party, and a cut one leaves the item whole', () => {
    const t = parseDocument(fromText('一、任务分工\n1.耕地保有量保持在6120万亩。\n责任单位:省国土资源厅。\n2.城镇保障性安居工程建设。\n责任单位:省住房城乡建设厅。\n耕地保有量、单位地区生'));
    expect(t.doc.measures.map((m) => [m.path, m.responsibleText])).toEqual([
      ['一、1.#1', '责任单位:省国土资源厅。'],
      ['一、2.#1', '责任单位:省住房城乡建设厅。'],
    ]);
    expect(t.diagnostics.find((d) => d.rule === 'cut-item')?.message).toContain('after the last complete measure');
  });

  it('takes an item whose label lines stop before any party (only the leader in charge) as cut', () => {
    const t = parseDocument(fromText('一、确保完成全年主要预期目标\n1﹒全省生产总值增长7%以上。\n牵头负责领导:刘惠。\n牵头责任单位:省发展改革委。\n2﹒城镇居民人均可支配收入增长8%左右。\n牵头负责领导:杨光荣。\n牵头责'));
    expect(t.doc.measures.map((m) => [m.path, m.responsibleClauses?.map((c) => [c.text, c.role])])).toEqual([['一、1.#1', [['省发展改革委', 'lead']]]]);
    expect(t.diagnostics.find((d) => d.rule === 'cut-item')?.message).toContain('一、2.');
  });

  it('keeps the principles of a division of tasks (分工原则) as aims, not tasks', () => {
    const t = parseDocument(fromText('一、分工原则\n(一)明确政府职责和市场功能。对涉及需要政府履行职责的目标和任务进行分解。\n(二)合理划分各级政府责任。重点将主要目标和任务分解落实到省有关部门。\n二、主要目标和任务分工\n(一)加快发展现代服务业。(省发展改革委牵头)\n'));
    expect(t.doc.measures.map((m) => m.path)).toEqual(['二、(一)#1']);
  });

  it('reads the party from the subject of a later sentence, and keeps an aim with only a subject party an aim', () => {
    const text = '一、总体要求\n（一）工作目标。各区人民政府要在年底前建成十个示范点。\n二、主要任务\n（一）充分认识就业工作的重要性。当前形势严峻。各级各有关部门要把就业摆在首位。\n';
    const { doc: d } = parseDocument(fromText(text));
    expect(d.measures.map((m) => [m.path, m.responsibleText])).toEqual([['二、(一)#1', '各级各有关部门']]);
    expect(d.targets?.map((t) => t.path)).toEqual(['一、(一)#1']);
  });

  it('takes a copy that ends in a pinyin annotation inside a sentence as cut', () => {
    const text = ['一、重点任务', '1.實施網絡提升行動。統籌5G網絡建設。(責任單位:省財政廳)', '2.實施存儲算力提升行動。專項資金的設(shè)立、調(diào)整、監(jiān)'].join('\n');
    const { doc, diagnostics } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => m.path)).toEqual(['一、1.#1']);
    expect(diagnostics.some((d) => d.rule === 'cut-item')).toBe(true);
  });

  it('keeps a document cut inside its first item for what its head says, without measures', () => {
    const t = parseDocument(fromText('江川市文旅消费实施方案\n一、任务\n（一）甲。做甲事，推进甲项工作，到年底完成甲项建设，并且继续'));
    expect(t.refused).toBe(false);
    expect(t.doc.measures).toEqual([]);
    expect(t.doc.title).toBe('江川市文旅消费实施方案');
    expect(t.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['cut-item', 'no-measures']));
    expect(t.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps the complete clauses of a national directive cut inside its first item, as that item\'s measure', () => {
    const body = '\n一、培育新业态。\n拓展无接触式消费体验，建设智慧超市。开展便利店连锁化行动，推动数字化改造。发展直播经济，鼓励建设直播基地，加强直播人才培';
    const national = parseDocument(fromText(`国家发展改革委关于印发加快培育新型消费实施方案的通知${body}`));
    expect(national.doc.level).toBe('national');
    expect(national.doc.measures.map((m) => m.text)).toEqual(['拓展无接触式消费体验，建设智慧超市。开展便利店连锁化行动，推动数字化改造。发展直播经济，鼓励建设直播基地']);
    const kept = national.doc.measures[0]!;
    expect(national.doc.source.text.slice(kept.span.startOffset, kept.span.endOffset)).toBe(kept.text);
    expect(national.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['cut-item', 'cut-item-kept']));
    // A local plan's cut item stays out: its responsible parties are in the lost part.
    expect(parseDocument(fromText(`江川市人民政府办公室关于印发加快培育新型消费实施方案的通知${body}`)).doc.measures).toEqual([]);
  });

  it('reports a text with no measures', () => {
    const { doc: d, diagnostics: ds } = parseDocument(fromText('一份说明\n\n这里没有任何任务。\n'));
    expect(d.genre).toBe('unknown');
    expect(ds.map((x) => x.rule)).toContain('no-measures');
  });
});

describe('a plan with label lines, a group line, subject parties and a portal block (labelled-lines fixture)', () => {
  const { doc, diagnostics } = parseDocument(source('ingest/fixtures/labelled-lines.txt'));
  const rows = doc.measures.map((m) => [m.path, m.responsibleClauses?.map((c) => [c.text, c.role ?? null]) ?? m.responsibleText, m.deadline ?? null]);

  it('reads the head: title, inner title, number and date from the portal block and the signature, level and jurisdiction', () => {
    expect(doc.title).toBe('江北区促进夜间经济发展工作方案');
    expect(doc.docNumber).toBe('江北政办〔2019〕6号');
    expect(doc.issuedOn).toBe('2019-03-05');
    expect(doc.issuers).toEqual(['江北区人民政府办公室']);
    expect([doc.level, doc.jurisdiction]).toEqual(['district', '江川市江北区']);
  });

  it('finds every operative item, and keeps the aims of 总体要求 as document targets', () => {
    expect(doc.measures.map((m) => m.path)).toEqual(['二、(一)1.#1', '二、(一)2.#1', '二、(二)1.#1', '二、(二)2.#1', '二、(二)3.#1', '三、(一)#1', '三、(二)#1']);
    expect(doc.targets?.map((t) => t.text)).toEqual(['到2020年，培育夜间经济集聚区5个。', '夜间消费额年均增长10%以上。']);
  });

  it('reads responsibility from label lines, a group line, the subject and a bracket with a deadline; the label is never a name', () => {
    expect(rows).toEqual([
      ['二、(一)1.#1', [['区商务局、区文化和旅游局', null]], '2019年底前'],
      ['二、(一)2.#1', [['区文化和旅游局', 'lead'], ['区商务局、各街道办事处', 'support']], null],
      ['二、(二)1.#1', [['区市场监管局、区交通运输局、区公安分局', null]], null],
      ['二、(二)2.#1', [['区市场监管局、区交通运输局、区公安分局', null]], null],
      ['二、(二)3.#1', [['区市场监管局、区交通运输局、区公安分局', null]], null],
      ['三、(一)#1', '区商务局、区财政局', null],
      ['三、(二)#1', [['区委宣传部负责', null]], '长期坚持'],
    ]);
    expect(doc.measures[0]!.deadlineDate).toBe('2019-12-31');
  });

  it('keeps page furniture out of the measure texts', () => {
    expect(doc.measures.some((m) => m.text.includes('—'))).toBe(false);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('responsibility brackets that carry a convention or a collective', () => {
  it.each([
    {
      what: 'the parties before a first-is-lead convention stated in the bracket',
      lines: [
        '一、深入实施就业优先战略',
        '(一)建立联动机制。把稳定和扩大就业作为经济运行的下限。(市发展改革委、市财政局、市商务局等负责,列第一位者为牵头单位,下同)',
        '(二)发展吸纳就业能力强的产业。挖掘第二产业就业潜力。(市商务局、市农业局等负责)',
      ],
      parties: ['市发展改革委、市财政局、市商务局等负责', '市商务局、市农业局等负责'],
    },
    {
      what: 'a bare list that ends with a collective of places',
      lines: [
        '一、优化提升空间发展格局',
        '1.构建网络化空间格局。加快珠江口东西两岸融合互动发展。(省发展改革委,省交通运输厅,大湾区内地各市)',
        '2.促进城乡区域融合发展。实施乡村振兴战略。(省农业农村厅,各市)',
      ],
      parties: ['省发展改革委,省交通运输厅,大湾区内地各市', '省农业农村厅,各市'],
    },
    {
      what: 'a square bracket with lead and party labels (half-width and full-width)',
      lines: [
        '一、全力统筹疫情防控',
        '1、建立常态化疫情防控机制。全面落实科学防控。[牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)]',
        '2、大力开展环境卫生综合整治。［牵头单位：区卫健局、区创文办；责任单位：各街办(新区)］',
      ],
      parties: ['牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)', '牵头单位：区卫健局、区创文办；责任单位：各街办(新区)'],
    },
  ])('reads $what as the responsible parties', ({ lines, parties }) => {
    const { doc } = parseDocument(fromText(lines.join('\n')));
    expect(doc.measures.map((m) => m.responsibleText)).toEqual(parties);
  });

  it('takes a bare list closed by 等 as the parties, with or without the convention after it', () => {
    const text = [
      '一、全面推进生态建设',
      '1.加强草原生态保护。启动实施重点生态功能区保护与建设工程。(农牧业厅、发展改革委、财政厅等。列第一位者为牵头部门,其他有关部门按职责分工负责,下同)',
      '2.全面落实草原生态保护补助奖励政策。对严重退化草原实行禁牧。 (农牧业厅、发展改革委、财政厅、国土资源厅等)',
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => m.responsibleText)).toEqual(['农牧业厅、发展改革委、财政厅等', '农牧业厅、发展改革委、财政厅、国土资源厅等']);
  });
});

describe('an item whose one sentence is its run-in title', () => {
  it('is a measure with the responsibility that follows the title', () => {
    const text = ['一、加快提振市场信心', '1.落实好提振市场信心90条措施。(省发展改革委牵头,省商务厅、财政厅等相关部门按职责分工负责)', '2.激活房地产市场,落实首套房贷款支持政策。(省住房城乡建设厅负责)'].join('\n');
    const { doc, diagnostics } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => m.text)).toEqual(['落实好提振市场信心90条措施。', '激活房地产市场,落实首套房贷款支持政策。']);
    expect(doc.measures[0]!.responsibleText).toBe('省发展改革委牵头,省商务厅、财政厅等相关部门按职责分工负责');
    expect(diagnostics.some((d) => d.rule === 'empty-measure')).toBe(false);
  });
});

describe('a heading on its own line above a short first sentence', () => {
  it('keeps the heading as the title and the sentence in the measure', () => {
    const text = ['一、健全基础型消费体系', '(一)激发餐饮住宿消费潜能', '开展餐饮系列促消费活动。鼓励餐饮企业、影院等联合推出主题套餐。(市商务局负责)'].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => [m.title, m.text])).toEqual([['激发餐饮住宿消费潜能', '开展餐饮系列促消费活动。鼓励餐饮企业、影院等联合推出主题套餐。']]);
  });

  it('still joins a run-in title that the page wrapped at its width', () => {
    // A copy whose paragraphs wrap at one width: the break after 供给 is a wrap like the others.
    const first = '(一)发展新型信息产品和服务供给';
    const body = '能力建设。支持企业开发智能家居、可穿戴设备等新型信息产品，扩大信息消费，推广智能终端，培育信息消费新业态新模式，提升信息服务供给水平。';
    const lines = [first];
    for (let k = 0; k < body.length; k += first.length) lines.push(body.slice(k, k + first.length));
    const text = ['一、扩大信息消费', ...lines, '(市工业和信息化局负责)'].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures[0]!.title).toBe('发展新型信息产品和服务供给能力建设');
  });
});

describe('a heading on its own line above a paragraph whose subject is the party', () => {
  it('reads the subject from the paragraph, not from the heading joined to it', () => {
    const text = ['二、主要政策', '(一)确保栽足种实', '各乡镇人民政府要严格执行烟叶生产、收购计划管理政策,确保目标任务完成。', '(二)强化质量管控', '各乡镇人民政府要依据市场需求组织生产,切实加强烟叶质量管理。'].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => m.responsibleText)).toEqual(['各乡镇人民政府', '各乡镇人民政府']);
  });
});

describe('the framing articles of a regulation', () => {
  it('are no measures in a traditional-script copy, after an article title in brackets', () => {
    const text = [
      '成都市市級財政專項資金管理暫行辦法',
      '第一章總則',
      '第一條(目的依據)為加強市級財政專項資金管理,提高財政資金使用效益,根據《中華人民共和國預算法》,制定本辦法。',
      '第二條(適用範圍)本辦法所稱市級財政專項資金是指由市級財政性資金安排的資金。',
      '第三條(管理職責)市財政局負責專項資金的預算管理和監督檢查。',
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => m.text)).toEqual(['(管理職責)市財政局負責專項資金的預算管理和監督檢查。']);
  });
});

describe('the fields of an activity plan', () => {
  it('are no measures when they give a period, the organisers or who takes part; the content and the funding are', () => {
    const text = [
      '2022年汽车促消费活动工作方案',
      '一、实施单位',
      '(一)主办单位:省商务厅',
      '(二)承办单位:各市(州)商务局',
      '二、重点任务',
      '(一)扩大汽车消费。支持重点汽车零售企业开展展示展销活动。',
      '1.时 间:2022年6月9日至2023年1月31日。',
      '2.参与活动企业:省内重点限上汽车零售企业。',
      '3.活动内容:对当季促销投入不低于50万元的汽车零售主体给予支持。',
      '4.财政资金支持方式:安排300万元省级资金予以事后奖补。',
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => m.text.slice(0, 8))).toEqual(['活动内容:对当季', '财政资金支持方式']);
  });
});
