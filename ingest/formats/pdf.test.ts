import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageOnlyPdf, lockedPdf } from '../fixtures/formats.js';
import { extractPdf, joinWrapped, linesOfPage, withoutPageNumber } from './pdf.js';
import { textPdf } from '../fixtures/formats.js';

const seed = readFileSync('seeds/004_fc6deff135ccd3ca.txt', 'utf8');
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('PDF', () => {
  it('rebuilds the lines of every page and records where each page starts', async () => {
    const r = await extractPdf(readFileSync('ingest/fixtures/seed-004.pdf'));
    if (!r.ok) throw new Error(r.message);
    expect(r.format).toBe('pdf');
    expect(r.pages!.length).toBe(5);
    expect(r.pages![0]).toBe(0);
    for (const start of r.pages!.slice(1)) expect(r.text[start - 1]).toBe('\n');
    // Every character of the document, in order; only line breaks differ (the page width wraps lines).
    expect(squash(r.text)).toBe(squash(seed));
    expect(r.text.split('\n').slice(0, 3)).toEqual(['天津市人民政府办公厅关于推动', '生活性服务领域平台经济', '健康发展的实施意见']);
    expect(r.issues).toEqual([]);
  });

  it('refuses a scan without a text layer and says to OCR it', async () => {
    const r = await extractPdf(await imageOnlyPdf(3));
    expect(r).toMatchObject({ ok: false, rule: 'pdf-without-text' });
    if (r.ok) return;
    expect(r.message).toContain('no text layer');
    expect(r.message).toContain('3 pages');
    expect(r.message).toMatch(/OCR/u);
  });

  it('refuses a password-protected PDF', async () => {
    const r = await extractPdf(await lockedPdf());
    expect(r).toMatchObject({ ok: false, rule: 'encrypted-pdf' });
  });

  it('refuses a damaged PDF with what to do', async () => {
    const r = await extractPdf(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF', 'latin1'));
    expect(r).toMatchObject({ ok: false, rule: 'corrupt-pdf' });
    if (!r.ok) expect(r.message).toContain('supply the text');
  });

  it('joins runs on one baseline: CJK without spaces, Latin words with one, table columns with a tab', () => {
    const run = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, size: 12 });
    expect(
      linesOfPage([
        run('（市商务局', 100, 700, 60), run('负责）', 160, 700.3, 36), // same line, y jitter
        run('GDP', 100, 680, 24), run('growth', 128, 680, 36), // a word space
        run('序号', 100, 660, 24), run('主要任务', 200, 660, 48), // a column gap
      ]),
    ).toEqual(['（市商务局负责）', 'GDP growth', '序号\t主要任务']);
  });

  it('joins the lines a paragraph was wrapped into at the right edge, and keeps items, fields and short lines apart', () => {
    // Lines as a page prints them: the block runs from x 80 to about 515; each line's right end is where its ink stops.
    const line = (text: string, right: number, left = 80) => ({ text, left, right, size: 12 });
    const page = [
      line('某市商务局某市财政局关于开展下半年促消费活动的通知', 380),
      line('各县市区委、人民政府，某某经济技术开发区、某某新港区、南湖新区、屈原管', 512),
      line('理区，市直各单位：', 190),
      line('一、加快提振市场信心，全面促进消费增长，调整妨碍消费的限制性措施，改善', 514),
      line('消费条件。', 140),
      line('2.将放心消费培育指标完成情况纳入政府质量工作考核，鼓励各县区出台奖补政策。', 513),
      line('责任单位：市市场监督管理局', 250),
      line('（二）持续开展购车补贴，个人消费者在本市购买乘用车按购车价分四档享受补贴，', 495),
      line('（三）开展家电以旧换新。', 230),
      line('为贯彻落实全市促消费工作部署，开展提振消费专项行动，进一步激发重点领域消', 511),
      line('费信心。', 128, 104),
    ];
    expect(joinWrapped([page])).toEqual([[
      '某市商务局某市财政局关于开展下半年促消费活动的通知',
      '各县市区委、人民政府，某某经济技术开发区、某某新港区、南湖新区、屈原管理区，市直各单位：',
      '一、加快提振市场信心，全面促进消费增长，调整妨碍消费的限制性措施，改善消费条件。',
      '2.将放心消费培育指标完成情况纳入政府质量工作考核，鼓励各县区出台奖补政策。',
      '责任单位：市市场监督管理局',
      '（二）持续开展购车补贴，个人消费者在本市购买乘用车按购车价分四档享受补贴，',
      '（三）开展家电以旧换新。',
      '为贯彻落实全市促消费工作部署，开展提振消费专项行动，进一步激发重点领域消',
      '费信心。', // indented: a new paragraph
    ]]);
    // A document of short lines has no edge: nothing is joined.
    expect(joinWrapped([[line('一、总体要求', 150), line('二、主要任务', 152)]])).toEqual([['一、总体要求', '二、主要任务']]);
  });

  it('gives a wrapped paragraph of a printed document back as one line', async () => {
    // Long enough to wrap three times: the edge is where several lines end.
    const para = '各县（市、区）人民政府，市政府各部门，各直属机构，市属各企业，驻市各单位，人民银行某市中心支行，某市税务局，某市邮政管理局，某海关，某市气象局，某市通信管理局，某市消防救援支队，某市烟草专卖局，某市供电公司：';
    const font = process.env.CJK_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
    if (!existsSync(font)) return; // the fixture needs a font with Chinese glyphs (generate.ts)
    const r = await extractPdf(await textPdf(`关于印发某市促进消费若干措施的通知\n${para}\n一、扩大消费`, { font, family: font.endsWith('.ttc') ? 'WenQuanYiZenHei' : undefined }));
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toBe(`关于印发某市促进消费若干措施的通知\n${para}\n一、扩大消费`);
  });

  it('leaves the page number printed at the foot of a page out of the text', async () => {
    const line = (text: string) => ({ text, left: 80, right: 300, size: 12 });
    expect(withoutPageNumber([line('（三）完成时限：全年'), line('— 2 —')]).map((l) => l.text)).toEqual(['（三）完成时限：全年']);
    expect(withoutPageNumber([line('第3页 共10页'), line('一、总体要求')]).map((l) => l.text)).toEqual(['一、总体要求']);
    // A number inside the page is text (a table cell, a list): only the head and foot of a page are the print's.
    expect(withoutPageNumber([line('甲'), line('— 2 —'), line('乙')]).map((l) => l.text)).toEqual(['甲', '— 2 —', '乙']);
    const font = process.env.CJK_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
    if (!existsSync(font)) return; // the fixture needs a font with Chinese glyphs (generate.ts)
    const r = await extractPdf(await textPdf(seed, { font, family: font.endsWith('.ttc') ? 'WenQuanYiZenHei' : undefined, pageNumbers: true }));
    if (!r.ok) throw new Error(r.message);
    expect(r.pages!.length).toBeGreaterThan(2);
    expect(r.text).not.toMatch(/— \d+ —/u);
    expect(squash(r.text)).toBe(squash(seed));
  });
});
