import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestResult } from '../../core/test-report.js';
import { junitResults, parseJunit } from './junit-results.js';

export interface JunitSearch {
  /** Only files modified at or after this time (ms since the epoch): the run's own reports, not stale ones. */
  readonly since: number;
  readonly maxDepth?: number;
  readonly maxEntries?: number;
  readonly maxBytes?: number;
}

const skippedDirs = new Set(['node_modules', '.git', '.redgreen']);

/** The `*.xml` files under `cwd` (outside node_modules and .git) modified since the run started; a bounded walk. */
export async function findFreshXml(cwd: string, search: JunitSearch): Promise<string[]> {
  const maxDepth = search.maxDepth ?? 6;
  let budget = search.maxEntries ?? 20_000;
  const found: string[] = [];
  let level = [cwd];
  for (let depth = 0; depth <= maxDepth && level.length > 0 && budget > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      const entries = await readdir(dir, { withFileTypes: true }).catch((): Dirent[] => []);
      for (const entry of entries) {
        if (--budget < 0) break;
        const path = join(dir, entry.name);
        if (entry.isDirectory() && !skippedDirs.has(entry.name)) next.push(path);
        else if (entry.isFile() && entry.name.endsWith('.xml')) found.push(path);
      }
    }
    level = next.sort();
  }
  const fresh = await Promise.all(found.map(async (path) => ((await isFresh(path, search)) ? path : undefined)));
  return fresh.filter((path): path is string => path !== undefined).sort();
}

async function isFresh(path: string, search: JunitSearch): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.mtimeMs >= search.since && info.size <= (search.maxBytes ?? 50_000_000);
  } catch {
    return false;
  }
}

/** Per-test results from the JUnit reports the run wrote under `cwd`; empty when it wrote none. */
export async function readJunitReports(cwd: string, roots: readonly string[], search: JunitSearch): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const path of await findFreshXml(cwd, search)) {
    const document = parseJunit(await readFile(path, 'utf8').catch(() => ''));
    if (document) results.push(...junitResults(document, roots));
  }
  return results;
}
