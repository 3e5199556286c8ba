// Time to usable of every page of the running product, in headless chromium (Debian's, via
// playwright-core): navigation start → the page's main content visible (the ready selectors of
// ui/scripts/views.ts), each page opened `runs` times in a fresh browser context (no cache, as a
// first visit), the median printed with the fastest and slowest. The machine's load average
// before and after is printed with the table: on a shared machine the figures depend on it.
// Run by hand against a running server, not a test:
//   npx tsx ui/scripts/timing.ts [baseUrl=http://localhost:4000] [runs=5] [WxH=1280x800]
import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { discoverViews, openView } from './views.js';

const base = (process.argv[2] ?? 'http://localhost:4000').replace(/\/$/, '');
const runs = Number(process.argv[3] ?? 5);
const [width, height] = (process.argv[4] ?? '1280x800').split('x').map(Number) as [number, number];
// the pages a reader opens (the other views of views.ts are variants of these)
const PAGES = ['explorer', 'explorer-search', 'lineage', 'compare', 'department', 'theme', 'themes', 'document-table', 'import', 'curation'];

const loadavg = () => {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const loadBefore = loadavg();
const rows: string[] = [];
try {
  const views = (await discoverViews(browser, base)).filter((v) => PAGES.includes(v.name));
  for (const view of views) {
    const times: number[] = [];
    let failed = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const ms = await openView(await context.newPage(), base, view);
      await context.close();
      if (ms === null) failed++;
      else times.push(ms);
    }
    const stats = times.length > 0 ? `${median(times)} | ${Math.min(...times)} | ${Math.max(...times)}` : '– | – | –';
    rows.push(`| ${view.name} | ${stats} | ${times.length}${failed ? ` (${failed} not ready in 40 s)` : ''} | \`${view.ready}\` |`);
    console.error(`${view.name}: ${times.join(', ')} ms`);
  }
} finally {
  await browser.close();
}
console.log(`Time to usable at ${width}×${height}, ${runs} cold loads each; load average ${loadBefore} before, ${loadavg()} after (${os.cpus().length} cores).\n`);
console.log('| page | median ms | min ms | max ms | runs | ready when visible |\n| --- | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(r);
