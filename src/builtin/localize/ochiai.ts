import type { CoverageMatrix, Suspicion } from '../types.js';

/**
 * Ochiai suspiciousness of every site: failed(s) / sqrt(totalFailed × (failed(s) + passed(s))).
 * Sorted by score, then by how many failing tests cover the site (more evidence first), then by position.
 */
export function ochiai(matrix: CoverageMatrix): Suspicion[] {
  const failed = new Map<number, number>();
  const passed = new Map<number, number>();
  let totalFailed = 0;
  for (const test of matrix.tests) {
    if (!test.passed) totalFailed++;
    const counts = test.passed ? passed : failed;
    for (const id of new Set(test.statements)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const suspicions = matrix.sites.map((site) => {
    const failedCovering = failed.get(site.id) ?? 0;
    const passedCovering = passed.get(site.id) ?? 0;
    const denominator = Math.sqrt(totalFailed * (failedCovering + passedCovering));
    return { site, score: denominator === 0 ? 0 : failedCovering / denominator, failedCovering, passedCovering };
  });
  return suspicions.sort(bySuspicion);
}

/** Descending score, then more failing tests covering, then file and position (stable, reproducible). */
export function bySuspicion(a: Suspicion, b: Suspicion): number {
  return (
    b.score - a.score ||
    b.failedCovering - a.failedCovering ||
    (a.site.file < b.site.file ? -1 : a.site.file > b.site.file ? 1 : 0) ||
    a.site.start - b.site.start
  );
}
