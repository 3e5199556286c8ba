// Screenshots of every view of the running product in headless chromium (Debian's, via
// playwright-core), at a desktop and a phone size, with the time each page took to become usable
// (navigation start → the view's ready element). For looking at spacing, overlaps and legibility,
// and for the README.
// Usage: npx tsx ui/scripts/screenshots.ts [baseUrl=http://localhost:4000] [outDir=/tmp/ui-shots] [WxH,...]
// With README=1 the shots are also written to docs/screenshots/<view>-<desktop|phone>.png.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const base = (process.argv[2] ?? 'http://localhost:4000').replace(/\/$/, '');
const outDir = process.argv[3] ?? '/tmp/ui-shots';
const sizes = (process.argv[4] ?? '1280x800,390x844').split(',').map((s) => s.split('x').map(Number) as [number, number]);
fs.mkdirSync(outDir, { recursive: true });

async function firstHit(page: Page, q: string, type: string): Promise<string | null> {
  await page.goto(`${base}/explore?q=${encodeURIComponent(q)}`);
  const hit = await page.waitForSelector(`[data-hit-type="${type}"]`, { timeout: 30_000 }).catch(() => null);
  return hit ? ((await hit.getAttribute('data-hit-id')) ?? null) : null;
}

/** The measure of a search whose version group has the most versions. */
async function largestGroup(page: Page, q: string): Promise<{ id: string; ids: string[] } | null> {
  await page.goto(`${base}/explore?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('[data-hit-type="Measure"]', { timeout: 30_000 }).catch(() => null);
  const ids = await page.$$eval('[data-hit-type="Measure"]', (els) => els.map((e) => (e as HTMLElement).dataset.hitId!));
  let best: { id: string; ids: string[] } | null = null;
  for (const id of ids.slice(0, 8)) {
    await page.goto(`${base}/lineage/${encodeURIComponent(id)}`);
    await page.waitForSelector('[data-testid="lineage-years"], [data-testid="empty-state"], [data-testid="error-state"]');
    const members = await page.$$eval('[data-testid="version-timeline"] > li', (els) => els.map((e) => (e as HTMLElement).dataset.measureId!));
    if (members.length > (best?.ids.length ?? 1)) best = { id, ids: members };
  }
  return best;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const timings: Record<string, Record<string, number>> = {};
try {
  const probe = await browser.newPage();
  const measure = await firstHit(probe, '津体惠', 'Measure');
  const initiative = await firstHit(probe, '津体惠', 'Initiative');
  const group = await largestGroup(probe, '5G');
  await probe.goto(`${base}/documents`);
  await probe.waitForSelector('[data-testid="documents"] tbody a');
  const docs = await probe.$$eval('[data-testid="documents"] tbody tr', (rows) =>
    rows.filter((tr) => Number(tr.querySelector('td:last-child')?.textContent) > 0).map((tr) => tr.querySelector('a')!.getAttribute('href')!),
  );
  await probe.close();
  const lineage = group?.ids[0] ?? '';
  const later = group?.ids[group.ids.length - 1] ?? '';
  const docReady = '[data-testid="outline"], [data-testid="requirement-table"], [data-testid="empty-state"]';
  const views: [string, string, string][] = [
    ['explorer', '/explore', '[data-testid="graph-canvas"][data-layout-ms]'],
    ['explorer-search', `/explore?q=${encodeURIComponent('津体惠')}${initiative ? `&focus=${encodeURIComponent(initiative)}` : ''}${measure ? `&node=${encodeURIComponent(measure)}` : ''}`, '[data-testid="measure-details"] && [data-testid="graph-canvas"][data-layout-ms]'],
    ['explorer-expand', `/explore?focus=${encodeURIComponent('dept:天津市/市商务局')}&x=${encodeURIComponent('dept:天津市/市商务局')}&color=year&size=degree`, '[data-testid="expansion-cut"] && [data-testid="graph-canvas"][data-layout-ms]'],
    ['lineage', `/lineage/${encodeURIComponent(later)}`, '[data-testid="lineage-years"] && [data-testid="clause-table"]'],
    ['compare', `/compare?a=${encodeURIComponent(lineage)}&b=${encodeURIComponent(later)}`, '[data-testid="clause-table"]'],
    ['themes', '/themes', '.echart canvas'],
    ['theme', `/themes/${encodeURIComponent('冷链')}`, '[data-testid="theme-years"], [data-testid="empty-state"]'],
    ['departments', '/departments', 'table'],
    ['department', `/departments/${encodeURIComponent('市商务局')}`, '[data-testid="responsibilities"], [data-testid="empty-state"]'],
    ['documents', '/documents', '[data-testid="documents"]'],
    ['document-table', docs.find((d) => d) ?? '/documents', docReady],
    ['document', docs[1] ?? docs[0] ?? '/documents', docReady],
    ['not-found', `/departments/${encodeURIComponent('市商务')}`, '[data-testid="not-found"]'],
    ['graphiql', '/graphiql/', '.graphiql-container'],
  ];
  for (const [w, h] of sizes) {
    const label = w < 600 ? 'phone' : 'desktop';
    const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' });
    const page = await context.newPage();
    for (const [name, url, ready] of views) {
      const started = Date.now();
      await page.goto(`${base}${url}`);
      for (const selector of ready.split(' && ')) {
        await page.waitForSelector(selector, { timeout: 40_000 }).catch(() => console.error(`${name}: not ready (${selector})`));
      }
      (timings[name] ??= {})[label] = Date.now() - started;
      await page.waitForTimeout(300);
      const file = path.join(outDir, `${name}-${label}.png`);
      await page.screenshot({ path: file });
      if (process.env.README === '1') {
        fs.mkdirSync('docs/screenshots', { recursive: true });
        fs.copyFileSync(file, path.join('docs/screenshots', `${name}-${label}.png`));
      }
      console.error(`wrote ${file}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log('| view | desktop ms | phone ms |\n| --- | ---: | ---: |');
for (const [name, t] of Object.entries(timings)) console.log(`| ${name} | ${t.desktop ?? ''} | ${t.phone ?? ''} |`);
