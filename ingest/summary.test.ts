import { describe, expect, it } from 'vitest';
import { ingestSync } from './pipeline.js';
import { documentSummaries } from './summary.js';

describe('dry-run summary', () => {
  it('shows the document facts, each measure with its parties and roles, deadlines and diagnostics', () => {
    const { graph } = ingestSync(['ingest/fixtures/labelled-lines.txt', 'ingest/fixtures/cell-table.txt']);
    const s = documentSummaries(graph);
    expect(s).toContain('── ingest/fixtures/labelled-lines.txt');
    expect(s).toMatch(/title\s+江北区促进夜间经济发展工作方案/u);
    expect(s).toMatch(/year\s+2019\s+number 江北政办〔2019〕6号\s+issued 2019-03-05/u);
    expect(s).toMatch(/level\s+district\s+jurisdiction 江川市江北区/u);
    expect(s).toMatch(/measures\s+7/u);
    expect(s).toContain('区文化和旅游局(牵头)、区商务局(配合)、各街道办事处(配合)');
    expect(s).toContain('[2019年底前 → 2019-12-31]');
    expect(s).toMatch(/ingest\/fixtures\/cell-table\.txt:20:\d+ warning .*\[cut-item\]/u);
  });
});
