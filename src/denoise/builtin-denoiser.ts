import { createHash } from 'node:crypto';
import { applyCandidate } from '../builtin/schemata/apply-changes.js';
import { searchRepairs } from '../builtin/engine/search-repairs.js';
import type { SearchProgress, SearchResult } from '../builtin/engine/search-repairs.js';
import { candidateEdits } from '../builtin/engine/candidate-edits.js';
import type { Candidate } from '../builtin/types.js';
import { prunedNote } from '../builtin/harness/type-pruned-validator.js';
import { selectContext } from './select-context.js';
import type { Proposal } from '../core/attempts.js';
import { builtinCannotWork } from './builtin-limits.js';
import type { DenoiseContext, Denoiser } from '../core/denoiser.js';

export interface BuiltinDenoiserOptions {
  /** Seconds one search may take when the run sets no budget. */
  readonly searchSeconds?: number;
  /** Cap on single-edit candidates per search. */
  readonly maxCandidates?: number;
}

const sourceFile = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/**
 * A search ends at its first plausible patch: the loop verifies it at once, and searching on would only spend
 * the budget on a problem that may already be solved. Patches found in the same batch stay in reserve.
 */
const searchPlausible = 1;

/** A patch the search found: plausible, or partial progress (`fixed` of `goals` failing tests). */
interface Found {
  readonly candidate: Candidate;
  readonly partial?: { readonly fixed: number; readonly goals: number };
}

/**
 * The model-free denoiser: fault localization, mutation and repair templates, synthesis for stubs, and fast
 * validation on a warm test runner. It proposes plausible patches (they pass every test that covers them),
 * best first; the loop re-verifies each against the whole suite. When none is plausible it proposes partial
 * progress (some failing tests fixed, none broken), which the loop keeps and searches on from. Patches a step
 * does not use are kept for the next step as long as the code has not changed.
 */
export function createBuiltinDenoiser(options: BuiltinDenoiserOptions = {}): Denoiser {
  const tried = new Set<string>();
  // The code a search already went through completely: searching it again would only repeat the verdicts.
  let exhaustedKey: string | undefined;
  let pending: { readonly key: string; readonly candidates: Found[]; readonly files: ReadonlyMap<string, string> } | undefined;
  return {
    name: 'builtin',
    async *propose(context: DenoiseContext): AsyncIterable<Proposal> {
      const cannot = builtinCannotWork(context.failures, context.runner);
      if (cannot !== undefined) {
        context.progress?.(cannot);
        return;
      }
      const selected = await selectContext(context.project, context.failures, { maxEditable: 16 });
      const files = new Map(selected.editableSources.filter((f) => sourceFile.test(f.path) && !f.path.endsWith('.d.ts')).map((f) => [f.path, f.text]));
      if (files.size === 0) return;
      const key = fingerprint(files);
      if (pending?.key === key && pending.candidates.length === 0 && exhaustedKey === key) {
        context.progress?.('every plausible patch for this code has been tried');
        return;
      }
      if (pending?.key !== key || pending.candidates.length === 0) {
        const result = await searchRepairs({
          root: context.project.root,
          runner: context.runner,
          files,
          testSources: new Map(selected.testSources.map((f) => [f.path, f.text])),
          failing: context.failures,
          allTests: context.report.results.filter((r) => r.status !== 'skipped').map((r) => r.id),
          deadline: context.deadline ?? Date.now() + (options.searchSeconds ?? 60) * 1000,
          testTimeoutMs: context.testTimeoutMs,
          baselineMs: context.report.durationMs,
          ...(options.maxCandidates === undefined ? {} : { maxCandidates: options.maxCandidates }),
          skip: (candidate) => tried.has(resultKey(candidate, files)),
          maxPlausible: searchPlausible,
          ...(context.signal ? { signal: context.signal } : {}),
          onProgress: (p) =>
            context.progress?.(describeProgress(p), {
              tried: p.tried,
              total: p.total,
              plausible: p.plausible,
              partial: p.partial,
              bestPassed: p.bestPassed,
              elapsedMs: p.elapsedMs,
              done: p.phase === 'done' ? 1 : 0,
            }),
        });
        const found: Found[] =
          result.plausible.length > 0
            ? result.plausible.map((candidate) => ({ candidate }))
            : result.partial.map(({ candidate, fixed, goals }) => ({ candidate, partial: { fixed, goals } }));
        pending = { key, candidates: found, files };
        // A search cut short by the clock or by Ctrl-C has not gone through this code: it may be searched again.
        if (result.stopped === undefined && (result.plausible.length < searchPlausible || result.tried >= result.generated)) exhaustedKey = key;
        if (found.length === 0) {
          context.progress?.(noPatchMessage(result));
          return;
        }
      }
      while (pending.candidates.length > 0) {
        const next = pending.candidates.shift() as Found;
        tried.add(resultKey(next.candidate, pending.files));
        yield toProposal(next, pending.files, pending.candidates.length);
      }
    },
  };
}

function partialNote(partial: NonNullable<Found['partial']>): string {
  return `partial: fixes ${partial.fixed} of ${partial.goals} failing test${partial.goals === 1 ? '' : 's'}`;
}

function toProposal({ candidate, partial }: Found, files: ReadonlyMap<string, string>, alternatives: number): Proposal {
  const kind = partial ? 'partial' : 'plausible';
  const more = alternatives > 0 ? `; ${alternatives} other ${kind} patch${alternatives === 1 ? '' : 'es'} in reserve` : '';
  const verdict = partial ? `${partialNote(partial)}, breaks none that cover it` : 'passes every test that covers it';
  return {
    kind: 'edits',
    edits: candidateEdits(files, candidate),
    reasoning: `${candidate.description} (${candidate.operator}; ${verdict}${more})`,
    denoiser: 'builtin',
    format: 'builtin',
  };
}

function noPatchMessage(result: SearchResult): string {
  const counts = `${result.tried} of ${result.generated} candidates validated`;
  if (result.stopped === 'deadline' && result.generated === 0) return 'out of time: no time was left for the search after the baseline';
  if (result.stopped === 'deadline') return `out of time: the search reached the time budget with no plausible patch (${counts})`;
  if (result.stopped === 'interrupted') return `interrupted: the search stopped with no plausible patch (${counts})`;
  return `no plausible patch among ${result.tried} candidates validated (${result.generated} generated${prunedNote(result.pruned)})`;
}

function describeProgress(p: SearchProgress): string {
  const seconds = (p.elapsedMs / 1000).toFixed(1);
  if (p.phase === 'localizing') return 'localizing the fault (per-test coverage)';
  const partial = p.plausible === 0 && p.partial > 0 ? `, ${p.partial} partial` : '';
  if (p.phase === 'done' && p.bestPartial)
    return `${p.tried} candidates validated${prunedNote(p.pruned)}, 0 plausible; ${partialNote(p.bestPartial)} (best of ${p.partial} partial candidates), ${seconds}s`;
  if (p.phase === 'done') return `${p.tried} candidates validated${prunedNote(p.pruned)}, ${p.plausible} plausible, ${seconds}s`;
  return `${p.phase === 'pairs' ? 'pairs of edits' : 'candidates'}: ${p.tried}/${p.total} validated, ${p.plausible} plausible${partial}, best passes ${p.bestPassed} tests, ${seconds}s`;
}

function fingerprint(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${file}\0${text}\0`);
  return hash.digest('hex');
}

function resultKey(candidate: Candidate, files: ReadonlyMap<string, string>): string {
  return fingerprint(changedFiles(files, candidate));
}

/** The texts of the files the candidate changes; the engine only yields candidates that apply. */
function changedFiles(files: ReadonlyMap<string, string>, candidate: Candidate): Map<string, string> {
  const applied = applyCandidate(files, candidate);
  return applied.status === 'applied' ? applied.files : new Map();
}
