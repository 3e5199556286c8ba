// npx tsx bench/decode.ts [--mb 52]
// Time and peak memory of the decode stage per format: a seed as UTF-8 text, GBK text, a GBK
// portal page, a Word file and a PDF, and one large text (default 52 MB, UTF-8, GBK and mixed).
// Each case runs in its own process so that its peak resident set is its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const [, , mode, file] = process.argv;

if (mode === '--child') {
  const { decodeDocument } = await import('../ingest/decode.js');
  const base = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await decodeDocument(file!);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  const peak = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ ok: r.ok, ms, cpuMs, baseMB: base / 1024, peakMB: peak / 1024, chars: r.ok ? r.source.text.length : 0, warnings: r.diagnostics.length }));
} else {
  const mbArg = process.argv.indexOf('--mb');
  const mb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 52;
  const dir = mkdtempSync(join(tmpdir(), 'bench-decode-'));
  const { portalHtml, wordDocx } = await import('../ingest/fixtures/formats.js');
  const seed = readFileSync('seeds/004_fc6deff135ccd3ca.txt', 'utf8');
  const big = (() => {
    const all = ['000_82e49faece65b6da', '001_ef56ec4b67c98340', '002_0a5072e4fb879473'].map((s) => readFileSync(`seeds/${s}.txt`, 'utf8')).join('\n');
    const unit = Buffer.byteLength(all, 'utf8');
    return all.repeat(Math.ceil((mb * 1024 * 1024) / unit));
  })();
  const cases: [string, string, Buffer][] = [
    ['seed 004, UTF-8 text', 'a.txt', Buffer.from(seed, 'utf8')],
    ['seed 004, GBK text', 'b.txt', iconv.encode(seed, 'gbk')],
    ['seed 004, GBK portal page', 'c.html', portalHtml(seed, { charset: 'gb2312' })],
    ['seed 004, Word file', 'd.docx', await wordDocx(seed)],
    ['seed 004, PDF (5 pages)', 'e.pdf', readFileSync('ingest/fixtures/seed-004.pdf')],
    [`${mb} MB UTF-8 text`, 'f.txt', Buffer.from(big, 'utf8')],
    [`${mb} MB GBK text`, 'g.txt', iconv.encode(big, 'gbk')],
    [`${mb} MB UTF-8 text with one GBK line`, 'h.txt', Buffer.concat([iconv.encode('天津市人民政府办公厅关于印发某方案的通知\n', 'gbk'), Buffer.from(big, 'utf8')])],
  ];
  const rows = ['| input | bytes | decode ms wall (CPU) | peak RSS MB (process before decode) | characters | warnings |', '| --- | --- | --- | --- | --- | --- |'];
  for (const [name, f, bytes] of cases) {
    const path = join(dir, f);
    writeFileSync(path, bytes);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/decode.ts', '--child', path], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      rows.push(`| ${name} | ${bytes.length} | failed: ${r.stderr.split('\n')[0]} | | | |`);
      continue;
    }
    const m = JSON.parse(r.stdout) as { ms: number; cpuMs: number; baseMB: number; peakMB: number; chars: number; warnings: number };
    rows.push(`| ${name} | ${bytes.length.toLocaleString('en')} | ${m.ms.toFixed(0)} (${m.cpuMs.toFixed(0)}) | ${m.peakMB.toFixed(0)} (${m.baseMB.toFixed(0)}) | ${m.chars.toLocaleString('en')} | ${m.warnings} |`);
    rmSync(path);
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${rows.join('\n')}\n`);
}
