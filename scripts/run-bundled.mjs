// node scripts/run-bundled.mjs scripts/ENTRY.ts [args…]
// Runs a TypeScript entry point from a bundle that esbuild keeps in .cache/bundles/, rebuilt
// whenever one of the files it was built from has changed since. Why: under tsx every module goes
// through loader hooks and a worker thread on each start, which made `npm run ingest -- --dry-run
// FILE` spend most of its time starting up; a bundle of the project's own code loads like plain
// JavaScript. There is no build step to remember: the first run (and the first after an edit)
// builds, which takes well under a second. Packages stay external, so they load from node_modules
// as usual and only when the code reaches them.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'bundles');
/** Read by esbuild besides the sources: a change to them can change the output. */
const CONFIG = ['tsconfig.json', 'package.json', 'scripts/run-bundled.mjs'];

const [entryArg, ...rest] = process.argv.slice(2);
if (!entryArg) {
  process.stderr.write('usage: node scripts/run-bundled.mjs scripts/ENTRY.ts [args…]\n');
  process.exit(2);
}
const entry = resolve(entryArg);
const name = basename(entry).replace(/\.[^.]+$/u, '');
const stampFile = join(CACHE, `${name}.json`);

/** The bundle of the last build, if no file it was built from changed after it was built. */
function freshBundle() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (stamp.entry !== entry) return undefined;
  try {
    for (const f of [...stamp.inputs, ...CONFIG]) if (statSync(join(ROOT, f)).mtimeMs > stamp.builtAt) return undefined;
    statSync(join(CACHE, stamp.dir, stamp.file));
  } catch {
    return undefined; // a source was removed or moved, or the bundle is gone
  }
  return join(CACHE, stamp.dir, stamp.file);
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const builtAt = Date.now();
  // A directory per build: a running process may still load chunks (the database code) from
  // the previous one; directories older than an hour are removed.
  const dir = `${name}-${builtAt}-${process.pid}`;
  const result = await esbuild({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: join(CACHE, dir),
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
    plugins: [
      {
        // Modules find their data files relative to themselves (new URL('../x.json',
        // import.meta.url)): keep each module's own URL, not the bundle's.
        name: 'module-url',
        setup(b) {
          b.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: args.path.endsWith('x') ? 'tsx' : 'ts',
          }));
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs).map((f) => relative(ROOT, resolve(ROOT, f)));
  const file = `${name}.js`;
  const tmp = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ entry, builtAt, dir, file, inputs }));
  renameSync(tmp, stampFile);
  for (const d of readdirSync(CACHE)) {
    const m = new RegExp(`^${name}-(\\d+)-\\d+$`, 'u').exec(d);
    if (m && d !== dir && Number(m[1]) < builtAt - 3600 * 1000) rmSync(join(CACHE, d), { recursive: true, force: true });
  }
  return join(CACHE, dir, file);
}

mkdirSync(CACHE, { recursive: true });
const bundle = freshBundle() ?? (await build());
// The entry reads its arguments from process.argv as if it had been started directly.
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(bundle).href);
