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

  it('leaves the year unknown, with a warning, when nothing dates the text', () => {
    const { doc, diagnostics } = parseDocument(fromText(`某市促进消费实施方案\n\n为促进消费，制定本方案。${BODY}`));
    expect(doc.year).toBeUndefined();
    expect(doc.yearSource).toBe('unknown');
    expect(diagnostics.find((d) => d.rule === 'year-unknown')?.severity).toBe('warning');
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
});
