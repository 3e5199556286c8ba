// Screenshots of every view of the running product in headless chromium (Debian's, via
// playwright-core), at a desktop and a phone size, with the time each page took to become usable
// (navigation start → the view's ready element). For looking at spacing, overlaps and legibility,
// and for the README.
// Usage: npx tsx ui/scripts/screenshots.ts [baseUrl=http://localhost:4000] [outDir=/tmp/ui-shots] [WxH,...]
// With README=1 the shots are also written to docs/screenshots/<view>-<desktop|phone>.png.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { discoverViews, openView } from './views.js';

const base = (process.argv[2] ?? 'http://localhost:4000').replace(/\/$/, '');
const outDir = process.argv[3] ?? '/tmp/ui-shots';
const sizes = (process.argv[4] ?? '1280x800,390x844').split(',').map((s) => s.split('x').map(Number) as [number, number]);
fs.mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const timings: Record<string, Record<string, number | null>> = {};
try {
  const views = await discoverViews(browser, base);
  for (const [w, h] of sizes) {
    const label = w < 600 ? 'phone' : 'desktop';
    const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' });
    const page = await context.newPage();
    for (const view of views) {
      (timings[view.name] ??= {})[label] = await openView(page, base, view);
      await page.waitForTimeout(300);
      const file = path.join(outDir, `${view.name}-${label}.png`);
      await page.screenshot({ path: file });
      if (process.env.README === '1') {
        fs.mkdirSync('docs/screenshots', { recursive: true });
        fs.copyFileSync(file, path.join('docs/screenshots', `${view.name}-${label}.png`));
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
