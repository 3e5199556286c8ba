import { describe, expect, it } from 'vitest';
import { wordDocx } from '../fixtures/formats.js';
import { extractDocx } from './docx.js';

describe('DOCX', () => {
  it('gives a line per paragraph (blank ones kept), tables as tab-separated rows, and leaves the running header out', async () => {
    const text = ['关于印发某市促进消费若干措施的通知', '', '各区人民政府：', '序号\t主要任务\t责任单位', '1\t建设夜间消费集聚区\t市商务局', '（此件公开发布）'].join('\n');
    const r = await extractDocx(await wordDocx(text));
    if (!r.ok) throw new Error(r.message);
    expect(r.format).toBe('docx');
    expect(r.text).toBe(text);
    expect(r.text).not.toContain('某市人民政府办公厅文件');
  });

  it('refuses a damaged Word file with what to do', async () => {
    const good = await wordDocx('一、总体要求');
    const r = await extractDocx(good.subarray(0, Math.floor(good.length / 2)));
    expect(r).toMatchObject({ ok: false, rule: 'corrupt-docx' });
    if (!r.ok) expect(r.message).toContain('save it again as .docx');
  });
});
