// Screenshots of the running product in headless chromium (Debian's, via playwright-core), for
// looking at spacing, overlaps and legibility, and for the README.
// Usage: npx tsx ui/scripts/screenshots.ts [baseUrl=http://localhost:4000] [outDir=/tmp/ui-shots] [WxH,...]
// With README=1, also writes docs/screenshots/explorer.png and lineage.png at 1600×900.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const base = (process.argv[2] ?? 'http://localhost:4000').replace(/\/$/, '');
const outDir = process.argv[3] ?? '/tmp/ui-shots';
const sizes = (process.argv[4] ?? '1280x720,1600x900').split(',').map((s) => s.split('x').map(Number) as [number, number]);
fs.mkdirSync(outDir, { recursive: true });

async function firstHit(page: Page, q: string, type: string): Promise<string | null> {
  await page.goto(`${base}/explore?q=${encodeURIComponent(q)}`);
  const hit = await page.waitForSelector(`[data-hit-type="${type}"]`, { timeout: 10_000 }).catch(() => null);
  return hit ? ((await hit.getAttribute('data-hit-id')) ?? null) : null;
}

/**
 * The measure of a search whose lineage reads best in a picture: a straight chain (one version
 * per year) over the most years, else the chain with the most years.
 */
async function longestLineage(page: Page, q: string): Promise<string | null> {
  await page.goto(`${base}/explore?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('[data-hit-type="Measure"]', { timeout: 10_000 }).catch(() => null);
  const ids = await page.$$eval('[data-hit-type="Measure"]', (els) => els.map((e) => (e as HTMLElement).dataset.hitId!));
  let best: { id: string; n: number } | null = null;
  for (const id of ids.slice(0, 8)) {
    await page.goto(`${base}/lineage/${encodeURIComponent(id)}`);
    await page.waitForSelector('[data-testid="lineage-years"], [data-testid="empty-state"], [data-testid="error-state"]');
    const versions = await page.$$eval('[data-testid="lineage-versions"] > li', (els) => els.map((e) => (e as HTMLElement).dataset.year ?? ''));
    const years = new Set(versions).size;
    const n = (years === versions.length ? 1000 : 0) + years * 100 - versions.length;
    if (versions.length > 1 && (!best || n > best.n)) best = { id, n };
  }
  return best?.id ?? null;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const probe = await browser.newPage();
  const measure = await firstHit(probe, '津体惠', 'Measure');
  const initiative = await firstHit(probe, '津体惠', 'Initiative');
  const lineage = await longestLineage(probe, '5G');
  await probe.goto(`${base}/documents`);
  await probe.waitForSelector('[data-testid="documents"] tbody a');
  const docs = await probe.$$eval('[data-testid="documents"] tbody a', (as) => as.map((a) => a.getAttribute('href')!));
  await probe.close();

  const views: [string, string, string][] = [
    ['explorer', '/explore', '[data-testid="graph-canvas"][data-layout-ms]'],
    ['explorer-search', `/explore?q=${encodeURIComponent('津体惠')}${initiative ? `&focus=${encodeURIComponent(initiative)}` : ''}${measure ? `&node=${encodeURIComponent(measure)}` : ''}`, '[data-testid="measure-details"] && [data-testid="graph-canvas"][data-layout-ms]'],
    ['explorer-measure', lineage ? `/explore?q=5G&focus=${encodeURIComponent(lineage)}&node=${encodeURIComponent(lineage)}` : '/explore', '[data-testid="measure-details"] && [data-testid="graph-canvas"][data-layout-ms]'],
    ['lineage', lineage ? `/lineage/${encodeURIComponent(lineage)}` : '/explore', '[data-testid="lineage-years"] && [data-testid="graph-canvas"][data-layout-ms]'],
    ['themes', '/themes', '.echart canvas'],
    ['theme', `/themes/${encodeURIComponent('冷链')}`, '[data-testid="theme-years"], [data-testid="empty-state"]'],
    ['departments', '/departments', 'table'],
    ['department', `/departments/${encodeURIComponent('市商务局')}`, '[data-testid="responsibilities"], [data-testid="empty-state"]'],
    ['document', docs[1] ?? docs[0] ?? '/documents', '[data-testid="outline"], [data-testid="requirement-table"], [data-testid="empty-state"]'],
    ['document-0', docs[0] ?? '/documents', '[data-testid="outline"], [data-testid="requirement-table"], [data-testid="empty-state"]'],
  ];
  for (const [w, h] of sizes) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    for (const [name, url, ready] of views) {
      await page.goto(`${base}${url}`);
      for (const selector of ready.split(' && ')) {
        await page.waitForSelector(selector, { timeout: 15_000 }).catch(() => console.error(`${name}: not ready (${selector})`));
      }
      await page.waitForTimeout(400);
      const file = path.join(outDir, `${name}-${w}x${h}.png`);
      await page.screenshot({ path: file });
      console.error(`wrote ${file}`);
    }
    if (process.env.README === '1' && w === 1600) {
      fs.mkdirSync('docs/screenshots', { recursive: true });
      await page.goto(`${base}${views[2]![1]}`);
      for (const selector of views[2]![2].split(' && ')) await page.waitForSelector(selector);
      await page.waitForTimeout(500);
      await page.screenshot({ path: 'docs/screenshots/explorer.png' });
      await page.goto(`${base}${views[3]![1]}`);
      for (const selector of views[3]![2].split(' && ')) await page.waitForSelector(selector);
      await page.waitForTimeout(500);
      await page.screenshot({ path: 'docs/screenshots/lineage.png' });
      console.error('wrote docs/screenshots/explorer.png and lineage.png');
    }
    await page.close();
  }
} finally {
  await browser.close();
}
