// Import through the browser against the real server, pipeline and Neo4j: the user gives the
// write token, drops documents (plain text, HTML and a PDF with a text layer), watches each
// file's progress and diagnostics, opens a new document, finds it linked into the stored
// lineage, and removes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { newPage, startApp, type App } from './harness.js';
import { testDriver } from '../../test/neo4j.js';
import { graphSnapshot } from '../../test/graph-snapshot.js';
import { seedFiles } from '../../test/seed-graph.js';
import { extractPdf } from '../../ingest/formats/pdf.js';

const TOKEN = 'e2e-write-token-0123456789abcdef';
// pdfkit embeds a subset of this font with its ToUnicode map, as a word processor's PDF export does.
const CJK_FONT = process.env.CJK_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
let app: App;
let dir: string;

beforeAll(async () => {
  app = await startApp({ writeToken: TOKEN, importDir: fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-imports-')) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-upload-'));
});

afterAll(async () => {
  await app?.close();
});

/** The smallest stored seed with a stated year, re-dated `shift` years later: a new version of a known plan. */
function laterVersion(shift: number): { text: string; year: number } {
  const texts = seedFiles().map((f) => fs.readFileSync(f, 'utf8')).sort((a, b) => a.length - b.length);
  for (const text of texts) {
    const m = /(20\d\d)(\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/u.exec(text);
    if (m) {
      const year = Number(m[1]);
      return { text: text.replace(new RegExp(`${year}(\\s*年)`, 'gu'), `${year + shift}$1`), year: year + shift };
    }
  }
  throw new Error('no seed states its date');
}

function htmlOf(text: string): string {
  const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  const lines = text.split(/\r?\n/u);
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(lines.find((l) => l.trim()) ?? '')}</title></head>\n<body>\n${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}\n</body></html>\n`;
}

/**
 * A printed plan: the text wraps at the page width and runs over several pages, and a last page
 * is a scanned picture (no text layer), which the pipeline reports with its place.
 */
async function pdfOf(text: string, file: string): Promise<void> {
  if (!fs.existsSync(CJK_FONT)) {
    throw new Error(`ui/e2e/import: no font with Chinese glyphs at ${CJK_FONT} to make the PDF upload; install Debian's fonts-wqy-zenhei (apt-get install -y fonts-wqy-zenhei) or set CJK_FONT to a .ttf/.otf/.ttc that has them`);
  }
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 80, right: 80 } });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('cjk', CJK_FONT, CJK_FONT.endsWith('.ttc') ? (process.env.CJK_FONT_FACE ?? 'WenQuanYiZenHei') : undefined);
  doc.font('cjk').fontSize(11);
  doc.text(text, { lineGap: 3 });
  doc.addPage();
  for (let i = 0; i < 20; i++) doc.rect(80, 80 + i * 24, 320 + (i % 4) * 40, 12).fill('#444');
  doc.end();
  await new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
}

describe('import in the browser', () => {
  it('imports documents with per-file progress and diagnostics, opens one, finds its lineage, and removes them', async () => {
    const driver = testDriver();
    const before = await graphSnapshot(driver);
    const text = laterVersion(9);
    const files = [path.join(dir, '新版实施方案.txt')];
    fs.writeFileSync(files[0]!, text.text);
    // Without its date line: the pipeline must say so, with the line it points to.
    const undated = path.join(dir, '未注明日期.txt');
    fs.writeFileSync(undated, laterVersion(10).text.replace(/^\s*20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*$/gmu, ''));
    files.push(undated);
    const html = path.join(dir, '网页版方案.html');
    fs.writeFileSync(html, htmlOf(laterVersion(11).text));
    files.push(html);
    const pdfVersion = laterVersion(12);
    const pdf = path.join(dir, '打印版方案.pdf');
    await pdfOf(pdfVersion.text, pdf);
    files.push(pdf);

    const page = await newPage(app);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.url}/import`);
    await page.fill('[data-testid="write-token-input"]', TOKEN);
    await page.press('[data-testid="write-token-input"]', 'Enter');
    await page.waitForSelector('[data-testid="import-form"]');
    await page.setInputFiles('[data-testid="import-file-input"]', files);
    expect(await page.$$eval('[data-testid="import-chosen"] li', (els) => els.length)).toBe(files.length);
    await page.click('[data-testid="import-submit"]');

    // Per-file progress, followed while the job runs.
    await page.waitForSelector('[data-testid="import-file"]');
    const seen = new Set<string>();
    // Bounded at 5 minutes: the job ran 137 s for these four files on the shared 2-core machine.
    for (let i = 0; i < 3000; i++) {
      const stages = await page.$$eval('[data-testid="import-file"]', (els) => els.map((e) => (e as HTMLElement).dataset.stage ?? ''));
      for (const s of stages) seen.add(s);
      if ((await page.getAttribute('[data-testid="import-job"]', 'data-status')) === 'done') break;
      await page.waitForTimeout(100);
    }
    expect(await page.getAttribute('[data-testid="import-job"]', 'data-status')).toBe('done');
    expect([...seen].some((s) => ['queued', 'parsing', 'linking', 'writing'].includes(s))).toBe(true);
    const stages = await page.$$eval('[data-testid="import-file"]', (els) => els.map((e) => [(e as HTMLElement).dataset.name, (e as HTMLElement).dataset.stage]));
    expect(stages).toEqual(files.map((f) => [path.basename(f), 'done']));
    const progress = await page.$$eval('[data-testid="import-progress"]', (els) => els.map((e) => (e as HTMLProgressElement).value));
    expect(progress).toEqual(files.map(() => 1));

    // The undated file's diagnostics show the source line they point to.
    const undatedFile = page.locator('[data-testid="import-file"][data-name="未注明日期.txt"]');
    const diagnostic = undatedFile.locator('[data-testid="import-diagnostic"]').filter({ hasText: /year/ }).first();
    await diagnostic.waitFor();
    const place = /(\d+):\d+/u.exec((await diagnostic.locator('.diagnostic__place').textContent()) ?? '');
    const shown = (await diagnostic.locator('[data-testid="import-diagnostic-line"]').textContent()) ?? '';
    const sourceLine = fs.readFileSync(undated, 'utf8').split(/\r?\n/u)[Number(place![1]) - 1]!;
    expect(shown).toContain(sourceLine.trim());

    // The preview: year with its evidence, measures, links into the stored lineage.
    const first = page.locator('[data-testid="import-file"]').first();
    expect(await first.locator('[data-testid="import-year"]').textContent()).toContain(String(text.year));
    expect(Number(await first.locator('[data-testid="import-measures"]').textContent())).toBeGreaterThan(0);
    expect(Number(await first.locator('[data-testid="import-links"]').textContent())).toBeGreaterThan(0);

    // The HTML and the PDF are the same plan in other clothes: each makes as many measures as the
    // plain text did, states its year and links into the stored lineage.
    const plain = Number(await first.locator('[data-testid="import-measures"]').textContent());
    for (const [name, year] of [[path.basename(html), text.year + 2], [path.basename(pdf), pdfVersion.year]] as const) {
      const card = page.locator(`[data-testid="import-file"][data-name="${name}"]`);
      expect(await card.locator('[data-testid="import-year"]').textContent(), name).toContain(String(year));
      expect(Number(await card.locator('[data-testid="import-measures"]').textContent()), name).toBe(plain);
      expect(Number(await card.locator('[data-testid="import-links"]').textContent()), name).toBeGreaterThan(0);
    }

    // The PDF's scanned last page is reported at the line where that page starts in the read text.
    const read = await extractPdf(new Uint8Array(fs.readFileSync(pdf)));
    if (!read.ok) throw new Error(`the test's PDF is not readable: ${read.message}`);
    const scanned = page
      .locator(`[data-testid="import-file"][data-name="${path.basename(pdf)}"] [data-testid="import-diagnostic"]`)
      .filter({ hasText: 'pdf-page-without-text' });
    expect(await scanned.count()).toBe(1);
    expect(await scanned.textContent()).toContain(`page ${read.pages!.length} of the PDF`);
    const scannedAt = /(\d+):\d+/u.exec((await scanned.locator('.diagnostic__place').textContent()) ?? '');
    expect(Number(scannedAt![1])).toBe(read.text.slice(0, read.pages!.at(-1)).split('\n').length);
    expect(read.pages!.length).toBeGreaterThan(2);

    // Open the new document in its own tab: its outline is there.
    const href = await first.locator('[data-testid="import-open"]').getAttribute('href');
    const docPage = await newPage(app);
    await docPage.goto(`${app.url}${href}`);
    await docPage.waitForSelector('h1');
    expect(await docPage.textContent('h1')).toBe(await first.locator('[data-testid="import-open"]').textContent());
    await docPage.context().close();

    // Remove each: the graph is the one before the import.
    const count = await page.locator('[data-testid="import-remove"]').count();
    expect(count).toBe(files.length);
    for (let i = 0; i < count; i++) {
      await page.locator('[data-testid="import-remove"]').first().click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-removed"]').length === n, i + 1, { timeout: 120_000 });
    }
    expect(await graphSnapshot(driver)).toEqual(before);
    await page.context().close();
  }, 600_000);
});
