// Issue 12 finding 10: `npm ci` refused the lock file on a clean machine because the optional
// native packages of other platforms (@node-rs/jieba-*, …) were missing from it. A lock that
// resolves every dependency, optional ones included, installs exactly on any platform.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../db/config.js';

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Dependencies (optional ones included) that no entry of the lock resolves, as `from → name`. */
function unresolved(lock: { packages: Record<string, LockEntry> }): string[] {
  const packages = lock.packages;
  const missing: string[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      // Node's lookup: this package's own node_modules, then each enclosing one up to the root.
      let base = key;
      let found = false;
      for (;;) {
        if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) {
          found = true;
          break;
        }
        const cut = base.lastIndexOf('/node_modules/');
        if (base === '') break;
        base = cut >= 0 ? base.slice(0, cut) : '';
      }
      if (!found) missing.push(`${key || '(root)'} → ${name}`);
    }
  }
  return missing;
}

describe('package-lock.json', () => {
  it('resolves every dependency, the optional native packages of every platform included', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
    expect(unresolved(lock)).toEqual([]);
    // The packages npm ci stumbled on: a native build per platform, all in the lock.
    const jieba = Object.keys(lock.packages).filter((k) => k.startsWith('node_modules/@node-rs/jieba-'));
    expect(jieba.length).toBeGreaterThanOrEqual(10);
  });

  it('lists the same direct dependencies as package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
    const root = lock.packages[''];
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });
});
