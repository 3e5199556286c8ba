// The printable lineage in a real browser against the real server and Neo4j with the seeds: a 5G
// measure's version group opened from its lineage page as a document, printed to PDF by
// Chromium, and the PDF read back. What the page must show is taken from the API's answer, not
// written here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { newPage, startApp, type App } from './harness.js';

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

interface GroupMeasure {
  id: string;
  year: number | null;
  text: string;
  document: { title: string; docNumber: string | null };
  source: { startLine: number; endLine: number } | null;
}

interface Group {
  versions: { measure: GroupMeasure }[];
  related: { measure: GroupMeasure }[];
  links: { tier: string; score: number; earlier: { id: string }; later: { id: string } }[];
}

async function api<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A 5G measure with more than one version, and its group as the API gives it. */
async function fiveGGroup(): Promise<{ id: string; group: Group }> {
  const { search } = await api<{ search: { id: string }[] }>('query($t: String!) { search(text: $t, types: [Measure], first: 20) { id } }', { t: '5G' });
  for (const { id } of search) {
    const { versionGroup } = await api<{ versionGroup: Group }>(
      `query($id: ID!) { versionGroup(id: $id) {
        versions { measure { id year text document { title docNumber } source { startLine endLine } } }
        related { measure { id year text document { title docNumber } source { startLine endLine } } }
        links { tier score earlier { id } later { id } } } }`,
      { id },
    );
    if (versionGroup.versions.length > 1 && versionGroup.versions.some((v) => /5G/u.test(v.measure.text))) return { id, group: versionGroup };
  }
  throw new Error('no 5G measure with more than one version in the seeds');
}

const flat = (s: string) => s.replace(/\s+/gu, '');

describe('printable lineage', () => {
  it('prints a 5G measure\'s versions with their documents, places, texts and links, to a PDF that holds every text', async () => {
    const { id, group } = await fiveGGroup();
    const versions = group.versions.map((v) => v.measure);
    const page = await newPage(app);
    await page.goto(`${app.url}/lineage/${encodeURIComponent(id)}`);
    const button = page.locator('[data-testid="lineage-print"]');
    expect(await button.textContent()).toBe('打印');
    await button.click();
    await page.waitForURL(/\/lineage\/.+\/print$/u);
    await page.waitForSelector('[data-testid="print-version"]');

    // every version, in the API's order, with its year, document, place and whole text
    const blocks = page.locator('[data-testid="print-version"]');
    expect(await blocks.count()).toBe(versions.length);
    for (const [i, m] of versions.entries()) {
      const block = blocks.nth(i);
      expect(await block.getAttribute('data-measure-id')).toBe(m.id);
      const shown = (await block.textContent()) ?? '';
      expect(shown).toContain(String(m.year));
      expect(shown).toContain(m.document.title);
      if (m.document.docNumber) expect(shown).toContain(m.document.docNumber);
      expect(flat((await block.locator('[data-testid="print-text"]').textContent()) ?? '')).toBe(flat(m.text));
      const place = (await block.locator('[data-testid="print-place"]').textContent()) ?? '';
      expect(place).toMatch(/^[^/]+ · 第 [\d–]+ 行$/u);
      expect(place).toContain(String(m.source!.startLine));
    }

    // the link into each later version, with its kind and strength
    const byId = new Map(versions.map((m) => [m.id, m]));
    const same = group.links.filter((l) => l.tier === 'same' && byId.has(l.earlier.id) && byId.has(l.later.id));
    expect(same.length).toBeGreaterThan(0);
    const links = page.locator('[data-testid="print-link"]');
    const linkTexts = await links.allTextContents();
    for (const l of same) {
      const heading = `${byId.get(l.earlier.id)!.year} → ${byId.get(l.later.id)!.year}`;
      const text = linkTexts.find((t) => t.startsWith(heading));
      expect(text, heading).toBeDefined();
      expect(text).toContain('同一措施的新版本');
      expect(text).toContain(`关联强度 ${Math.round(l.score * 100)}%`);
      expect(text).toMatch(/共有词语|共同主题|共同项目/u);
    }

    // a reader's page: no raw field names or values
    const all = await page.$eval('[data-testid="print-page"]', (el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const t of copy.querySelectorAll('[data-testid="print-text"]')) t.remove();
      return copy.textContent ?? '';
    });
    for (const raw of ['EVOLVES_FROM', 'RESEMBLES', 'tier', 'startLine', 'null', 'undefined', 'same', 'related', 'row ']) expect(all).not.toContain(raw);

    // related measures on request, after the versions
    if (group.related.length > 0) {
      await page.check('[data-testid="print-related-toggle"]');
      await page.waitForSelector('[data-testid="print-related"] [data-testid="print-version"]');
      expect(page.url()).toMatch(/related=1$/u);
      expect(await page.locator('[data-testid="print-related"] [data-testid="print-version"]').count()).toBe(group.related.length);
      await page.uncheck('[data-testid="print-related-toggle"]');
      await page.waitForSelector('[data-testid="print-related"]', { state: 'detached' });
    }

    // on paper: no navigation, no buttons
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.app__header')).toBe(false);
    expect(await page.isVisible('[data-testid="print-button"]')).toBe(false);
    expect(await page.isVisible('[data-testid="print-version"]')).toBe(true);
    if (process.env.PRINT_SCREENSHOTS) {
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: path.join(process.env.PRINT_SCREENSHOTS, 'lineage-print-media.png'), fullPage: true });
    }

    // Chromium prints it; the PDF's text holds every version's text
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(totalPages).toBeGreaterThan(0);
    const pdfText = flat(text);
    for (const m of versions) {
      expect(pdfText, `${m.year} text in the PDF`).toContain(flat(m.text));
      expect(pdfText).toContain(flat(m.document.title));
    }
    expect(pdfText).not.toContain(flat('返回沿革页面'));
    if (process.env.PRINT_SCREENSHOTS) fs.writeFileSync(path.join(process.env.PRINT_SCREENSHOTS, 'lineage-print.pdf'), pdf);
    await page.context().close();
  }, 300_000);

  it('follows the language switch', async () => {
    const { id } = await fiveGGroup();
    const page = await newPage(app);
    const response = await page.goto(`${app.url}/lineage/${encodeURIComponent(id)}/print?lang=en`);
    expect(response?.status()).toBe(200);
    expect((await fetch(`${app.url}/lineage/${encodeURIComponent('m:no-such-measure')}/print`)).status).toBe(404);
    await page.waitForSelector('[data-testid="print-version"]');
    expect(await page.textContent('h1')).toBe('Lineage of a measure (print version)');
    expect(await page.textContent('[data-testid="print-button"]')).toBe('Print');
    expect(await page.textContent('[data-testid="print-place"]')).toMatch(/^[^/]+ · line [\d–]+$/u);
    const links = await page.locator('[data-testid="print-link"]').allTextContents();
    expect(links.some((t) => /a new version of the same measure.*link strength \d+%/u.test(t))).toBe(true);
    // every label the page writes itself (not the documents' own words) is English
    const labels = await page.$$eval('[data-testid="print-page"] :is(h1, dt, button, label, .print-link__kind, .print-link__score, .print-version__label, .print-summary, .print-colophon, .hint)', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.filter((l) => /[\u4e00-\u9fff]/u.test(l))).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])('lays the page out without overflow (%s)', async (label, size) => {
    const { id } = await fiveGGroup();
    const page = await newPage(app, size);
    await page.goto(`${app.url}/lineage/${encodeURIComponent(id)}/print`);
    await page.waitForSelector('[data-testid="print-version"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (process.env.PRINT_SCREENSHOTS) {
      // The shell scrolls its main area, not the page: a viewport as tall as the content shows all of it.
      const height = await page.$eval('[data-testid="print-page"]', (el) => el.scrollHeight + 120);
      await page.setViewportSize({ width: size.width, height });
      await page.screenshot({ path: path.join(process.env.PRINT_SCREENSHOTS, `lineage-print-${label}.png`) });
    }
    await page.context().close();
  });
});
