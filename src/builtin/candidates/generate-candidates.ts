import type ts from 'typescript';
import { parseSource } from '../../analysis/parse.js';
import { parsesCleanly } from '../../analysis/syntax-check.js';
import { mutators } from '../mutators/index.js';
import { createMutationContext } from '../mutators/mutation-context.js';
import type { MutationContext, Mutator } from '../mutators/mutator.js';
import { ownNodes } from '../templates/statement-expressions.js';
import { templates } from '../templates/index.js';
import type { Candidate, Suspicion, TextChange } from '../types.js';
import { findSiteNode } from './find-site-node.js';
import { applyChanges, canonicalEdit } from './text-change.js';

export interface GenerateCandidatesOptions {
  /** How many of the most suspicious sites to mutate (default 20). */
  readonly maxSites?: number;
  /** Cap on the candidates returned, best first (default 2000). */
  readonly maxCandidates?: number;
  /** Id of the first candidate (default 1; 0 means "no candidate" to the runtime). */
  readonly firstId?: number;
  /** Mutators and templates to run (default: all built-ins). */
  readonly operators?: readonly Mutator[];
  /** Extra validity check per changed file text, e.g. a type checker; false drops the candidate. */
  readonly accept?: (file: string, text: string) => boolean;
}

interface ParsedFile {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly context: MutationContext;
}

/**
 * Single-edit candidates at the most suspicious sites: every mutator and template over every node a site's
 * statement evaluates, scored by suspiciousness × prior, deduplicated by resulting text and dropped when the
 * result does not parse. Best first; ties go to the smaller edit.
 */
export function generateCandidates(files: ReadonlyMap<string, string>, suspicious: readonly Suspicion[], options: GenerateCandidatesOptions = {}): Candidate[] {
  const operators = options.operators ?? [...mutators, ...templates];
  const parsed = new Map<string, ParsedFile>();
  const seen = new Set<string>();
  const found: (Omit<Candidate, 'id'> & { size: number; file: string; result: string })[] = [];
  for (const suspicion of suspicious.filter((s) => s.score > 0).slice(0, options.maxSites ?? 20)) {
    const file = suspicion.site.file;
    const source = parsedFile(parsed, files, file);
    const root = source && findSiteNode(source.sourceFile, suspicion.site);
    if (!source || !root) continue;
    for (const node of ownNodes(root)) {
      for (const operator of operators) {
        for (const mutant of operator.generate(node, source.context)) {
          const change: TextChange = { file, start: mutant.start, end: mutant.end, text: mutant.text, node: mutant.node };
          const result = applyChanges(source.text, [change]);
          const edit = canonicalEdit(source.text, result);
          const key = `${file}\0${edit.start}\0${edit.end}\0${edit.text}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const line = source.sourceFile.getLineAndCharacterOfPosition(mutant.start).line + 1;
          found.push({
            changes: [change],
            operator: operator.name,
            description: `${mutant.description} at ${file}:${line}`,
            score: suspicion.score * operator.prior,
            size: edit.end - edit.start + edit.text.length,
            file,
            result,
          });
        }
      }
    }
  }
  // Parsing every mutant costs milliseconds each; only the best ones up to the cap are worth checking.
  const firstId = options.firstId ?? 1;
  const cap = options.maxCandidates ?? 2000;
  const accepted: Candidate[] = [];
  for (const { size: _size, file, result, ...candidate } of found.sort((a, b) => b.score - a.score || a.size - b.size)) {
    if (accepted.length >= cap) break;
    if (!parsesCleanly(file, result) || (options.accept && !options.accept(file, result))) continue;
    accepted.push({ id: firstId + accepted.length, ...candidate });
  }
  return accepted;
}

function parsedFile(cache: Map<string, ParsedFile>, files: ReadonlyMap<string, string>, file: string): ParsedFile | undefined {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = files.get(file);
  if (text === undefined) return undefined;
  const sourceFile = parseSource(file, text);
  const entry = { text, sourceFile, context: createMutationContext(sourceFile) };
  cache.set(file, entry);
  return entry;
}
