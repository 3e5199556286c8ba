// Gzipped size of what the browser must fetch before the first paint (index.html, the entry
// script, its modulepreloads and the CSS), and of each lazily loaded view chunk.
// Usage: npx tsx ui/scripts/bundle-size.ts   (after npm run build:ui)
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const gz = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
let total = gzipSync(html).length;
console.log(`index.html ${gzipSync(html).length} B`);
for (const file of initial) {
  total += gz(file);
  console.log(`${file} ${gz(file)} B`);
}
console.log(`initial load (gzip): ${(total / 1024).toFixed(1)} KiB`);
const lazy = fs.readdirSync(path.join(dist, 'assets')).filter((f) => !initial.includes(`assets/${f}`) && f.endsWith('.js'));
for (const file of lazy.sort()) console.log(`  lazy assets/${file} ${(gz(`assets/${file}`) / 1024).toFixed(1)} KiB`);
