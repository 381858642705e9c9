import ts from 'typescript';
import type { Candidate } from '../types.js';
import { canonicalEdit } from './text-change.js';

/** How big a patch is, for preferring the smallest plausible one (less likely to overfit the tests). */
export interface PatchSize {
  /** Tokens removed plus tokens added, after common leading and trailing tokens are set aside. */
  readonly tokens: number;
  /** Characters removed plus characters added (canonical edit). */
  readonly characters: number;
  /** Distinct lines the patch touches in the original files. */
  readonly lines: number;
}

/** The size of a candidate against the original file texts. */
export function patchSize(candidate: Candidate, files: ReadonlyMap<string, string>): PatchSize {
  let tokens = 0;
  let characters = 0;
  const lines = new Set<string>();
  for (const change of candidate.changes) {
    const original = files.get(change.file) ?? '';
    const before = original.slice(change.start, change.end);
    const edit = canonicalEdit(before, change.text);
    characters += edit.end - edit.start + edit.text.length;
    tokens += tokenDiff(tokenize(before), tokenize(change.text));
    const firstLine = original.slice(0, change.start).split('\n').length;
    const lastLine = firstLine + (before.match(/\n/g)?.length ?? 0);
    for (let line = firstLine; line <= lastLine; line++) lines.add(`${change.file}:${line}`);
  }
  return { tokens, characters, lines: lines.size };
}

/** Plausible patches ordered for review: fewest tokens changed, then fewest lines touched, then higher score. */
export function rankPlausible(plausible: readonly Candidate[], files: ReadonlyMap<string, string>): Candidate[] {
  const sized = plausible.map((candidate) => ({ candidate, size: patchSize(candidate, files) }));
  sized.sort(
    (a, b) => a.size.tokens - b.size.tokens || a.size.lines - b.size.lines || b.candidate.score - a.candidate.score || a.size.characters - b.size.characters,
  );
  return sized.map((s) => s.candidate);
}

function tokenize(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const tokens: string[] = [];
  while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) tokens.push(scanner.getTokenText());
  return tokens;
}

function tokenDiff(a: readonly string[], b: readonly string[]): number {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return a.length - prefix - suffix + (b.length - prefix - suffix);
}
