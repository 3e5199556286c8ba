import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { portalHtml, wordDocx } from '../fixtures/formats.js';
import { sniffFormat } from './sniff.js';

describe('format from the content', () => {
  it('tells PDF, DOCX, HTML and text apart whatever their names', async () => {
    expect(sniffFormat(readFileSync('ingest/fixtures/seed-004.pdf'))).toBe('pdf');
    expect(sniffFormat(await wordDocx('一、总体要求'))).toBe('docx');
    expect(sniffFormat(portalHtml('一、总体要求'))).toBe('html');
    expect(sniffFormat(portalHtml('一、总体要求', { charset: 'gb2312' }))).toBe('html');
    expect(sniffFormat(Buffer.from('\ufeff<!-- saved from url -->\n<HTML><BODY><P>通知</P></BODY></HTML>'))).toBe('html');
    expect(sniffFormat(readFileSync('ingest/fixtures/prose-plan.txt'))).toBe('text');
    expect(sniffFormat(iconv.encode('<div>是正文里的标签</div>之后', 'utf16le'))).toBe('text'); // no BOM: not sniffed as markup
  });

  it('does not take text that mentions a tag later on for HTML', () => {
    expect(sniffFormat(Buffer.from('关于网页的说明\n请使用<p>标签分段'))).toBe('text');
  });

  it('takes a text whose body is stored as markup, after plain labelled lines, for HTML', () => {
    const stored = '发文机关:山西省人民政府\n文号 :晋政发〔2018〕13号\n<p>各市、县人民政府:</p><p> 现将方案印发给你们。</p><p style="text-align: right;"> 山西省人民政府</p><p><br/></p><p style="text-align: center;"><strong>实施方案</strong></p>';
    expect(sniffFormat(Buffer.from(stored))).toBe('html');
    expect(sniffFormat(Buffer.from('说明:<p>与</p>是段落标签,<br/>是换行。\n一、总体要求'))).toBe('text');
  });

  it('names the formats it refuses: other ZIP files, legacy Word, RTF', () => {
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, ...Buffer.from('xl/workbook.xml')]))).toBe('zip');
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(sniffFormat(Buffer.from('{\\rtf1\\ansi 通知}'))).toBe('rtf');
  });
});
