// Where the time goes: a V8 .cpuprofile (node --cpu-prof) summed into self time per function and
// per source file, so a missed target comes with the code that spends the time.
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: { name: string; ms: number; share: number }[];
  byFile: { file: string; ms: number; share: number }[];
}

export function summariseProfile(file: string, root: string, top = 15): ProfileSummary {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const rel = url ? path.relative(root, url) : '';
    const fileKey = rel ? rel.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, 'node_modules/$1') : n.callFrame.functionName || '(native)';
    // tsx-compiled sources report line 1 for every function; the name and file are what count then.
    const line = n.callFrame.lineNumber > 0 ? `:${n.callFrame.lineNumber + 1}` : '';
    const fnKey = `${n.callFrame.functionName || '(anonymous)'} ${rel ? `${rel}${line}` : ''}`.trim();
    fn.set(fnKey, (fn.get(fnKey) ?? 0) + ms);
    files.set(fileKey, (files.get(fileKey) ?? 0) + ms);
    total += ms;
  }
  const rank = <K extends string>(m: Map<string, number>, key: K) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => ({ [key]: k, ms: Math.round(ms), share: Number((ms / total).toFixed(3)) }) as { ms: number; share: number } & Record<K, string>);
  return { totalMs: Math.round(total), byFunction: rank(fn, 'name'), byFile: rank(files, 'file') };
}
