import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { portalHtml } from '../fixtures/formats.js';
import { extractHtml } from './html.js';

const text = ['关于印发某市促进消费若干措施的通知', '', '各区人民政府：', '一、扩大消费', '（一）发展夜间经济。建设夜间消费集聚区。（市商务局负责）'].join('\n');

function ok(bytes: Buffer) {
  const r = extractHtml(bytes);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('HTML from a government portal', () => {
  it('keeps the main text with its lines, and leaves navigation, tools, related links and footer out', () => {
    const r = ok(portalHtml(text));
    expect(r.text).toBe(text);
    expect(r.format).toBe('html');
  });

  it('reads the metadata table into meta (labels without their layout spaces) and keeps it out of the text', () => {
    const r = ok(portalHtml(text, { meta: [['索 引 号', '000014349/2023-00012'], ['发布机构', '某市人民政府办公厅'], ['文\u3000\u3000号', '某政办发〔2023〕5号'], ['成文日期', '2023年03月02日'], ['主题分类', '商贸、海关、旅游'], ['关键词', '消费']] }));
    expect(r.meta).toEqual({ 索引号: '000014349/2023-00012', 发布机构: '某市人民政府办公厅', 文号: '某政办发〔2023〕5号', 成文日期: '2023年03月02日', 主题分类: '商贸、海关、旅游', 关键词: '消费' });
    expect(r.text).toBe(text);
  });

  it('decodes a GBK page by its declared charset', () => {
    const r = ok(portalHtml(text, { charset: 'gb2312' }));
    expect(r.encoding).toBe('GB18030');
    expect(r.text).toBe(text);
  });

  it('detects the encoding when the declaration is wrong', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><div class="content"><p>${text.split('\n').join('</p><p>')}</p></div></body></html>`;
    const r = ok(iconv.encode(html, 'gbk'));
    expect(r.text.replace(/\n+/gu, '\n')).toBe(text.replace(/\n+/gu, '\n'));
  });

  it('puts a title shown above the text container at the top of the text', () => {
    const body = text.split('\n').slice(2).join('\n');
    const r = ok(portalHtml(body, { heading: '某市人民政府办公厅关于印发某市促进消费若干措施的通知' }));
    expect(r.text).toBe(`某市人民政府办公厅关于印发某市促进消费若干措施的通知\n\n${body}`);
  });

  it('finds the text on a page of no known template: the smallest element holding most of its Chinese text', () => {
    const paras = text.split('\n').filter(Boolean).map((p) => `<p>${p}</p>`).join('');
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/n${i}">某市新闻动态第${i}条消息标题</a></li>`).join('');
    const html = `<html><body><div id="top"><ul>${links}</ul></div><div id="wrap"><div id="main"><div id="left"><h3>栏目</h3></div><div id="right">${paras}</div></div></div><div id="bottom">版权所有：某市人民政府 主办单位：办公厅</div></body></html>`;
    const r = ok(Buffer.from(html));
    expect(r.text).toBe(text.split('\n').filter(Boolean).join('\n'));
  });

  it('renders tables as rows of tab-separated cells, <br> as a line break, and drops scripts', () => {
    const html = `<html><body><div id="zoom"><p>附件：任务分工表</p><table><tr><th>序号</th><th>主要任务</th><th>责任单位</th></tr>
      <tr><td>1</td><td><p>建设夜间消费集聚区</p><p>打造特色街区</p></td><td>市商务局<br>各区政府</td></tr></table>
      <p>第一行<br>第二行</p><script>var x = "不是正文";</script></div></body></html>`;
    const r = ok(Buffer.from(html));
    expect(r.text).toBe('附件：任务分工表\n序号\t主要任务\t责任单位\n1\t建设夜间消费集聚区 打造特色街区\t市商务局 各区政府\n第一行\n第二行');
  });

  it('reads metadata written as a list of label/value pairs and as several pairs in one line', () => {
    const html = `<html><body><div class="xxgk"><ul>
      <li><strong>索引号：</strong><span>11330000002482870P/2022-00123</span></li>
      <li><strong>发文机关：</strong><span>浙江省人民政府办公厅</span></li>
      <li>发文字号：浙政办发〔2022〕12号\u3000\u3000成文日期：2022-03-15</li></ul></div>
      <div class="pages_content" id="UCAP-CONTENT"><p>${text.split('\n').join('</p><p>')}</p></div></body></html>`;
    const r = ok(Buffer.from(html));
    expect(r.meta).toEqual({ 索引号: '11330000002482870P/2022-00123', 发文机关: '浙江省人民政府办公厅', 发文字号: '浙政办发〔2022〕12号', 成文日期: '2022-03-15' });
    expect(r.text).toBe(text);
  });

  it('keeps the line breaks of text published in <pre>', () => {
    const r = ok(Buffer.from(`<html><body><div id="zoom"><pre>${text}</pre></div></body></html>`));
    expect(r.text).toBe(text);
  });

  it('keeps metadata written as paragraphs of the text itself in the text, and reads it', () => {
    // Two kinds of page: fields as the article's first paragraphs, and fields in a block of their own.
    const head = '发文机关:某省人民政府\n文号 :某政发〔2018〕13号';
    const r = ok(portalHtml(`${head}\n${text}`));
    expect(r.text).toBe(`${head}\n${text}`);
    expect(r.meta).toMatchObject({ 发文机关: '某省人民政府', 文号: '某政发〔2018〕13号' });
    const html = `<html><body><div id="zoom"><div class="info"><p>发文机关：某省人民政府</p><p>文号：某政发〔2018〕13号</p></div><p>${text.split('\n').join('</p><p>')}</p></div></body></html>`;
    expect(ok(Buffer.from(html)).text).toBe(text);
  });
});
