import type { SourceFrame } from '../../core/test-report.js';
import type { CoverageMatrix, StatementSite, Suspicion } from '../types.js';
import { bySuspicion, ochiai } from './ochiai.js';

/** What localization knows about one failing test. */
export interface FailingTest {
  /** Project frames of the failure, innermost first. */
  readonly frames: readonly SourceFrame[];
}

export interface RankStatementsOptions {
  /** Every instrumented statement (also when coverage is missing: the frames-only fallback maps lines to them). */
  readonly sites: readonly StatementSite[];
  /** Per-test coverage; absent or empty when the runner cannot attribute coverage to tests. */
  readonly matrix?: CoverageMatrix;
  readonly failing: readonly FailingTest[];
  /** Source files the failing tests import: the last resort when neither coverage nor frames point anywhere. */
  readonly importedFiles?: readonly string[];
}

/** How much a frame on a statement raises its score: a crash site is strong evidence, but coverage leads. */
const frameBoost = 0.5;
/** Score given to statements reached only by the imported-files fallback: below any real evidence. */
const fallbackScore = 0.05;

/**
 * Ranks statements for repair: Ochiai from per-test coverage, boosted for statements on the failing tests'
 * stack frames. Without coverage, frames alone rank (innermost frames first); without usable frames either,
 * every statement of the files the failing tests import, in file order.
 */
export function rankStatements(options: RankStatementsOptions): Suspicion[] {
  const evidence = frameEvidence(options.sites, options.failing);
  const hasCoverage = options.matrix !== undefined && options.matrix.tests.some((t) => !t.passed && t.statements.length > 0);
  if (hasCoverage && options.matrix) {
    return ochiai(options.matrix)
      .map((s) => ({ ...s, score: s.score * (1 + frameBoost * (evidence.get(s.site.id) ?? 0)), evidence: evidence.get(s.site.id) ?? 0 }))
      .sort((a, b) => bySuspicion(a, b) || b.evidence - a.evidence)
      .map(({ evidence: _evidence, ...s }) => s);
  }
  if (evidence.size > 0) {
    return options.sites
      .filter((site) => evidence.has(site.id))
      .map((site) => ({ site, score: evidence.get(site.id) ?? 0, failedCovering: 0, passedCovering: 0 }))
      .sort(bySuspicion);
  }
  const imported = new Set(options.importedFiles ?? []);
  return options.sites
    .filter((site) => imported.has(site.file))
    .map((site) => ({ site, score: fallbackScore, failedCovering: 0, passedCovering: 0 }))
    .sort(bySuspicion);
}

/**
 * Per site, the share of failing tests whose frames land on it, each frame weighted by depth (innermost 1,
 * then 1/2, 1/3, …). A frame line inside nested statements counts for the innermost site containing it.
 */
export function frameEvidence(sites: readonly StatementSite[], failing: readonly FailingTest[]): Map<number, number> {
  const evidence = new Map<number, number>();
  if (failing.length === 0) return evidence;
  for (const test of failing) {
    const best = new Map<number, number>();
    test.frames.forEach((frame, depth) => {
      const site = innermostSite(sites, frame);
      if (site) best.set(site.id, Math.max(best.get(site.id) ?? 0, 1 / (depth + 1)));
    });
    for (const [id, weight] of best) evidence.set(id, (evidence.get(id) ?? 0) + weight / failing.length);
  }
  return evidence;
}

function innermostSite(sites: readonly StatementSite[], frame: SourceFrame): StatementSite | undefined {
  let best: StatementSite | undefined;
  for (const site of sites) {
    if (site.file !== frame.file || frame.line < site.line || frame.line > (site.endLine ?? site.line)) continue;
    if (!best || site.end - site.start < best.end - best.start) best = site;
  }
  return best;
}
