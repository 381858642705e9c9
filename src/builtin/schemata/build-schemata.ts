import ts from 'typescript';
import type { Candidate, TextChange } from '../types.js';
import { applyCandidate } from './apply-changes.js';
import { isAssignmentTarget, isStatementRange, nodeAt } from './assignment-target.js';
import type { Insertion } from './insert-ticks.js';
import { parseSource } from '../../analysis/parse.js';
import { applyInsertions, preambleInsertion, tickCall, tickInsertions, tickSnippet } from './insert-ticks.js';
import { runsAtImport } from './import-time.js';
import { canWrapStatements } from './scoped-declarations.js';

/** Candidates validated against one set of file texts. */
export interface SchemataBatch {
  /**
   * `switched`: every candidate sits behind `__rg.active === id` (mutant schemata); `direct`: one candidate
   * applied as text, for changes a switch cannot hold (a `const` used after a wrapped statement, an `export`).
   */
  readonly mode: 'switched' | 'direct';
  readonly candidates: readonly number[];
  /**
   * Those of `candidates` with a change that runs while its module loads: they cannot share a module
   * instance with other candidates, so the harness runs each in a framework run of its own.
   */
  readonly importTime: readonly number[];
  /** The instrumented text (preamble, ticks, switches) of every file the batch's candidates change. */
  readonly files: ReadonlyMap<string, string>;
}

export interface SchemataPlan {
  readonly batches: readonly SchemataBatch[];
  /** Candidates that cannot be applied at all: overlapping changes, an unknown file, text that does not parse. */
  readonly rejected: readonly { readonly candidate: number; readonly message: string }[];
}

interface Range {
  readonly start: number;
  readonly end: number;
}

interface Region extends Range {
  readonly node: TextChange['node'];
  readonly alternatives: { readonly id: number; readonly text: string }[];
  readonly children: Region[];
}

/** An insertion and, for the wrapping pairs, the node it wraps (to tell which side of a region it falls on). */
interface Placed extends Insertion {
  readonly wraps?: Range;
}

type Relation = 'same' | 'contains' | 'inside' | 'disjoint' | 'partial';

function contains(outer: Range, inner: Range): boolean {
  if (inner.start === inner.end) return outer.start < inner.start && inner.start < outer.end;
  return outer.start <= inner.start && inner.end <= outer.end;
}

function relation(a: Range, b: Range): Relation {
  if (a.start === b.start && a.end === b.end) return 'same';
  if (contains(a, b)) return 'contains';
  if (contains(b, a)) return 'inside';
  if (a.end <= b.start || b.end <= a.start) return 'disjoint';
  return 'partial';
}

/**
 * Compiles candidates into as few batches of instrumented files as possible: within a batch, the candidates'
 * changes are disjoint or nested, so that one text switched by `__rg.active` behaves like each candidate
 * applied alone. Partially overlapping candidates go to later batches; candidates a switch cannot hold get a
 * `direct` batch of their own. Every instrumented file also gets the runtime preamble and hit-counter ticks.
 * Pure: `files` maps project-relative paths to original texts.
 */
export function buildSchemata(files: ReadonlyMap<string, string>, candidates: readonly Candidate[]): SchemataPlan {
  const rejected: { candidate: number; message: string }[] = [];
  const direct: Candidate[] = [];
  const groups: Candidate[][] = [];
  const sources = new Map<string, ts.SourceFile>();
  const sourceOf = (file: string): ts.SourceFile => {
    let source = sources.get(file);
    if (source === undefined) {
      source = parseSource(file, files.get(file) ?? '');
      sources.set(file, source);
    }
    return source;
  };
  const seen = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.id <= 0 || seen.has(candidate.id)) {
      rejected.push({ candidate: candidate.id, message: `candidate id ${candidate.id} is not positive and unique` });
      continue;
    }
    seen.add(candidate.id);
    const applied = applyCandidate(files, candidate);
    if (applied.status === 'invalid') {
      rejected.push({ candidate: candidate.id, message: applied.message });
      continue;
    }
    if (!switchable(candidate, sourceOf)) {
      direct.push(candidate);
      continue;
    }
    const group = groups.find((members) => compatible(members, candidate));
    if (group) group.push(candidate);
    else groups.push([candidate]);
  }
  const batches: SchemataBatch[] = [];
  for (const group of groups) {
    const { files: rendered, broken } = renderGroupChecked(group, sourceOf);
    const kept = group.filter((c) => !broken.includes(c));
    const importTime = kept.filter((c) => c.changes.some((change) => runsAtImport(sourceOf(change.file), change.start, change.end))).map((c) => c.id);
    if (kept.length > 0) batches.push({ mode: 'switched', candidates: kept.map((c) => c.id), importTime, files: rendered });
    direct.push(...broken);
  }
  for (const candidate of direct) {
    const variant = renderDirect(files, candidate);
    if (variant.status === 'invalid') rejected.push({ candidate: candidate.id, message: variant.message });
    else batches.push({ mode: 'direct', candidates: [candidate.id], importTime: [candidate.id], files: variant.files });
  }
  return { batches, rejected };
}

function switchable(candidate: Candidate, sourceOf: (file: string) => ts.SourceFile): boolean {
  return candidate.changes.every((change) => {
    const source = sourceOf(change.file);
    if (change.node === 'expression') {
      const node = nodeAt(source, change.start, change.end);
      return node === undefined || !isAssignmentTarget(node);
    }
    if (!isStatementRange(source, change.start, change.end)) return false;
    return canWrapStatements(source, change.start, change.end, [source.text.slice(change.start, change.end), change.text]);
  });
}

function compatible(members: readonly Candidate[], candidate: Candidate): boolean {
  return candidate.changes.every((change) =>
    members.every((member) =>
      member.changes.every((other) => {
        if (other.file !== change.file) return true;
        const kind = relation(other, change);
        return kind === 'same' ? other.node === change.node : kind !== 'partial';
      }),
    ),
  );
}

/** Renders a group; a candidate whose switch does not parse (an expression in an assignment target, say) leaves the group. */
function renderGroupChecked(group: readonly Candidate[], sourceOf: (file: string) => ts.SourceFile): { files: Map<string, string>; broken: Candidate[] } {
  let rendered = renderGroup(group, sourceOf);
  const brokenFiles = [...rendered].filter(([file, text]) => !parses(file, text)).map(([file]) => file);
  if (brokenFiles.length === 0) return { files: rendered, broken: [] };
  const suspects = group.filter((candidate) => candidate.changes.some((change) => brokenFiles.includes(change.file)));
  const broken = suspects.filter((candidate) => [...renderGroup([candidate], sourceOf)].some(([file, text]) => !parses(file, text)));
  const kept = group.filter((candidate) => !broken.includes(candidate));
  rendered = renderGroup(kept, sourceOf);
  if ([...rendered].some(([file, text]) => !parses(file, text))) {
    // the switches only fail together: validate each of these on its own
    broken.push(...kept);
    rendered = new Map();
  }
  return { files: rendered, broken };
}

function renderGroup(group: readonly Candidate[], sourceOf: (file: string) => ts.SourceFile): Map<string, string> {
  const byFile = new Map<string, { change: TextChange; id: number }[]>();
  for (const candidate of group) {
    for (const change of candidate.changes) byFile.set(change.file, [...(byFile.get(change.file) ?? []), { change, id: candidate.id }]);
  }
  const result = new Map<string, string>();
  for (const [file, changes] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) result.set(file, renderFile(sourceOf(file), changes));
  return result;
}

function renderFile(source: ts.SourceFile, changes: readonly { change: TextChange; id: number }[]): string {
  const regions = new Map<string, Region>();
  for (const { change, id } of changes) {
    const key = `${change.start}:${change.end}`;
    const region = regions.get(key) ?? { start: change.start, end: change.end, node: change.node, alternatives: [], children: [] };
    region.alternatives.push({ id, text: tickSnippet(source.fileName, change.text, change.node) });
    regions.set(key, region);
  }
  const roots = nest([...regions.values()]);
  const insertions: Placed[] = [preambleInsertion(source), ...placedTicks(source)];
  return renderRange(source.text, { start: 0, end: source.text.length }, roots, insertions, true);
}

/** Outer regions first, empty (insertion) ranges before a range starting at the same offset. */
function nest(regions: readonly Region[]): Region[] {
  const sorted = [...regions].sort((a, b) => a.start - b.start || Number(b.start === b.end) - Number(a.start === a.end) || b.end - a.end);
  const roots: Region[] = [];
  const stack: Region[] = [];
  for (const region of sorted) {
    while (stack.length > 0 && !contains(stack.at(-1) as Region, region)) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(region);
    else roots.push(region);
    stack.push(region);
  }
  return roots;
}

function placedTicks(source: ts.SourceFile): Placed[] {
  // tickInsertions pairs an opening with a closing text for wrapped bodies; recover the wrapped node's range
  const placed: Placed[] = [];
  const open: number[] = [];
  for (const insertion of tickInsertions(source)) {
    if (insertion.text === tickCall) placed.push(insertion);
    else if (insertion.text.startsWith('(') || insertion.text.startsWith('{')) {
      open.push(placed.length);
      placed.push(insertion);
    } else {
      const index = open.pop() as number;
      const opening = placed[index] as Placed;
      const wraps = { start: opening.at, end: insertion.at };
      placed[index] = { ...opening, wraps };
      placed.push({ ...insertion, wraps });
    }
  }
  return placed;
}

/** Whether an insertion belongs inside a region's original text (rather than around its switch). */
function insideRegion(insertion: Placed, region: Range): boolean {
  if (insertion.wraps === undefined) return region.start < insertion.at && insertion.at < region.end;
  return contains(region, insertion.wraps) && !(region.start === insertion.wraps.start && region.end === insertion.wraps.end);
}

function renderRange(text: string, range: Range, children: readonly Region[], insertions: readonly Placed[], top: boolean): string {
  const own = insertions.filter((insertion) => (top || insideRegion(insertion, range)) && !children.some((child) => insideRegion(insertion, child)));
  let out = '';
  let pos = range.start;
  let next = 0;
  const emitUntil = (limit: number): void => {
    while (next < own.length && (own[next] as Placed).at <= limit) {
      const insertion = own[next] as Placed;
      out += text.slice(pos, insertion.at) + insertion.text;
      pos = insertion.at;
      next++;
    }
  };
  for (const child of children) {
    emitUntil(child.start);
    out += text.slice(pos, child.start) + renderRegion(text, child, insertions);
    pos = child.end;
  }
  emitUntil(range.end);
  return out + text.slice(pos, range.end);
}

function lineEnd(text: string): string {
  // a trailing line comment would swallow the closing bracket
  return (text.split('\n').at(-1) ?? '').includes('//') ? '\n' : '';
}

function renderRegion(text: string, region: Region, insertions: readonly Placed[]): string {
  const old = renderRange(text, region, region.children, insertions, false);
  if (region.node === 'expression') {
    const branches = region.alternatives.map((alt) => `__rg.active === ${alt.id} ? (${alt.text}${lineEnd(alt.text)}) : `).join('');
    return `(${branches}(${old}${lineEnd(old)}))`;
  }
  const branches = region.alternatives.map((alt, i) => `${i > 0 ? ' else ' : ''}if (__rg.active === ${alt.id}) { ${alt.text}${lineEnd(alt.text)} }`).join('');
  return `${branches} else { ${old}${lineEnd(old)} }`;
}

/** A candidate applied as text, with the preamble and ticks of the resulting file. */
function renderDirect(
  files: ReadonlyMap<string, string>,
  candidate: Candidate,
): { status: 'ok'; files: Map<string, string> } | { status: 'invalid'; message: string } {
  const applied = applyCandidate(files, candidate);
  if (applied.status === 'invalid') return applied;
  const result = new Map<string, string>();
  for (const [file, text] of applied.files) {
    if (!parses(file, text)) return { status: 'invalid', message: `candidate ${candidate.id} makes ${file} unparsable` };
    const source = parseSource(file, text);
    result.set(file, applyInsertions(text, [preambleInsertion(source), ...tickInsertions(source)]));
  }
  return { status: 'ok', files: result };
}

/** Syntax only (no type check): what a test runner's transform would reject. */
export function parses(file: string, text: string): boolean {
  const output = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.Preserve, allowJs: true },
  });
  return (output.diagnostics ?? []).every((diagnostic) => diagnostic.category !== ts.DiagnosticCategory.Error);
}
